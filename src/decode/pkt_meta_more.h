/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * pkt_meta_more.h: the dissected records of SCTP, L2TP, Sun RPC and the
 * serial link types (Cisco HDLC, Frame Relay), which struct pkt_level and
 * struct pkt_meta (pkt_meta.h, their only includer) hold.
 */
#ifndef SOCKEYE_PKT_META_MORE_H
#define SOCKEYE_PKT_META_MORE_H

#include <stdbool.h>
#include <stdint.h>

/* SCTP (RFC 9260 3.1): the common header; the chunks are walked again by the printer. */
struct pkt_sctp {
	uint16_t sport;
	uint16_t dport;
	uint32_t vtag;
	uint32_t csum; /* CRC32c, not verified (tcpdump 4.99 does not either) */
};

/* L2TPv2 (RFC 2661 3.1): the header's fields; a control message's AVPs stay in the packet. */
struct pkt_l2tp {
	uint16_t flags; /* the first word: T, L, S, O, P bits and the version */
	uint16_t len;	/* with L */
	uint16_t tunnel;
	uint16_t session;
	uint16_t ns; /* with S */
	uint16_t nr;
	uint16_t offset; /* with O: the offset padding's size */
	uint16_t hdr_len; /* the header's bytes, offset padding included */
	bool has_header;  /* every field the flags announce was captured */
};

/*
 * Sun RPC (RFC 5531): the header of a call or reply; NFS's arguments and
 * results stay in the packet.  The call a reply answers is not in the reply:
 * a caller that keeps state across packets (sniff's rpc_xids) fills matched,
 * call_proc and call_vers, as tcpdump's xid map does.
 */
struct pkt_rpc {
	uint8_t msg_off;   /* where the message starts: 4 after TCP's record mark, else 0 */
	bool has_dir;	   /* xid and direction were captured */
	bool has_proc;	   /* a call: rpcvers, prog, vers and proc were captured */
	bool has_stat;	   /* a reply: reply_stat was captured */
	uint32_t rec_len;  /* the message's length: the datagram's, or TCP's record mark */
	uint32_t xid;
	uint32_t direction; /* 0 call, 1 reply */
	uint32_t rpcvers, prog, vers, proc;
	uint32_t reply_stat; /* 0 accepted, 1 denied */
	bool matched;	     /* a reply whose call was seen */
	uint32_t call_proc, call_vers;
};

/* Cisco HDLC's header (DLT_C_HDLC): address (unicast 0x0f, broadcast 0x8f), control, ethertype. */
struct pkt_chdlc {
	uint8_t addr;
	uint8_t control;
	uint16_t proto;
};

/* Frame Relay (DLT_FRELAY): the Q.922 address and what names the payload. */
struct pkt_fr {
	uint8_t addr_len; /* 2, 3 or 4 */
	uint8_t hdr_len;  /* address, UI, pad and NLPID, or address and ethertype */
	uint32_t dlci;
	uint32_t flags;	  /* tcpdump's word: C/R 0x02000000, FECN 0x00080000, BECN 0x00040000 */
	uint16_t type;	  /* the NLPID, or Cisco's ethertype */
	uint8_t ui;	  /* the byte where UI should be */
	bool nlpid;	  /* type is an NLPID (RFC 2427), not an ethertype */
	bool cisco;	  /* Cisco's encapsulation: an ethertype after the address */
	bool ui_bang;	  /* not UI, and no ethertype known there: tcpdump's "UI xx!" */
	bool pad;	  /* a pad byte before the NLPID */
	bool bad_addr;	  /* not a Q.922 address */
};

#endif /* SOCKEYE_PKT_META_MORE_H */
