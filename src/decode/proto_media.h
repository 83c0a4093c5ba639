/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_media.h: RTP, RTCP, vat/vt, QUIC and WireGuard headers as their
 * printers and the JSON view (view_packet_media.c) read them from a layer's
 * bytes: each reader fills a struct and says whether the header was whole.
 */
#ifndef SOCKEYE_PROTO_MEDIA_H
#define SOCKEYE_PROTO_MEDIA_H

#include <stdbool.h>
#include <stdint.h>

#include "decode/proto_msg.h"

#define PROTO_VAT_PORT 3456 /* tcpdump decodes vat/vt by this destination port */
#define PROTO_WB_PORT  4567 /* and the whiteboard by this one */

/* RTP's fixed header (RFC 3550 5.1; version 1 as draft-ietf-avt-rtp-04). */
struct proto_rtp {
	uint8_t version; /* 1, or 2 (tcpdump reads 0 and 3 as 2) */
	bool padding;
	bool extension; /* version 2's X bit, or version 1's options */
	bool marker;
	uint8_t csrc_count;
	uint8_t payload_type;
	uint16_t seq;
	uint32_t timestamp;
	bool has_ssrc;
	uint32_t ssrc;
};

/* The fixed header of g, when long enough and captured. */
bool proto_rtp_read(const struct msg *g, struct proto_rtp *r);

/* One RTCP packet's common header (RFC 3550 6.4). */
struct proto_rtcp {
	uint8_t count; /* reception reports, or SDES chunks ... */
	uint8_t type;  /* 200 SR, 201 RR, 202 SDES, 203 BYE, 204 APP */
	uint32_t len;  /* in bytes: (length + 1) * 4 */
	uint32_t ssrc;
};

/* The header of the RTCP packet at off, when its 8 bytes were captured. */
bool proto_rtcp_read(const struct msg *g, uint32_t off, struct proto_rtcp *r);
/* "sr", "rr", "sdes", "bye", "app", or NULL. */
const char *proto_rtcp_type_name(uint8_t type);

/* vat (LBL's audio tool) or vt (its text tool), as tcpdump's vat_print tells them apart. */
struct proto_vat {
	bool vt;
	uint16_t vt_seq;   /* vt: the low 10 bits */
	uint8_t vt_type;   /* vt: the top 6 bits */
	uint16_t conf;     /* vat: conference id */
	uint8_t format;    /* vat: audio format */
	uint8_t flags;     /* vat: the top byte's 6 low bits */
	bool mark;
	uint32_t ts;
};

bool proto_vat_read(const struct msg *g, struct proto_vat *v);

/* A QUIC packet's invariant header (RFC 8999) and the long header's fields (RFC 9000 17.2). */
struct proto_quic {
	bool long_header;
	uint8_t first;	  /* the first byte */
	uint32_t version; /* long header: 0 for version negotiation */
	uint8_t type;	  /* long header: 0 Initial, 1 0-RTT, 2 Handshake, 3 Retry (as in v1) */
	uint8_t dcid_len; /* long header; 0 in a short one (its length is not on the wire) */
	uint8_t scid_len;
	uint16_t dcid_off; /* from the start of the datagram */
	uint16_t scid_off;
	bool has_token; /* Initial: its length */
	uint32_t token_len;
	bool has_length; /* Initial, 0-RTT, Handshake: the length of the rest */
	uint64_t length;
};

/*
 * The header of the datagram's first QUIC packet; false when the fixed bit
 * is clear (not QUIC: left plain UDP), or the capture or the datagram ends
 * inside the connection IDs.
 */
bool proto_quic_read(const struct msg *g, struct proto_quic *q);
/* "initial", "0-rtt", "handshake", "retry", "version-negotiation" or "short". */
const char *proto_quic_type_name(const struct proto_quic *q);

/* A WireGuard message's header (the whitepaper's section 5.4). */
struct proto_wireguard {
	uint8_t type;	    /* 1 initiation, 2 response, 3 cookie reply, 4 transport data */
	uint32_t sender;    /* 1 and 2 */
	uint32_t receiver;  /* 2, 3 and 4 */
	uint64_t counter;   /* 4 */
	uint32_t data_len;  /* 4: the encrypted packet with its tag */
};

/*
 * A message of a known type, its reserved bytes zero and its length as the
 * type fixes it; false otherwise (left plain UDP) or when cut by the capture.
 */
bool proto_wireguard_read(const struct msg *g, struct proto_wireguard *w);
/* "initiation", "response", "cookie-reply", "data", or NULL. */
const char *proto_wireguard_type_name(uint8_t type);

/* "drawop", "id", "rreq", "rrep", "kill", "preq", "prep": a whiteboard message type's name, or NULL. */
const char *proto_wb_type_name(uint8_t type);

#endif /* SOCKEYE_PROTO_MEDIA_H */
