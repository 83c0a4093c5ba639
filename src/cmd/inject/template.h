/* SPDX-License-Identifier: GPL-2.0-or-later */
/* template.h: inject's packet template language: `udp dst 10.0.0.2:9 sport 1000-2000 len 64`. */
#ifndef SOCKEYE_TEMPLATE_H
#define SOCKEYE_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum template_proto { TEMPLATE_UDP, TEMPLATE_TCP, TEMPLATE_ICMP };

/* How a field with a range takes its values, packet after packet. */
enum template_vary {
	TEMPLATE_FIXED,		/* one value */
	TEMPLATE_INC,		/* lo, lo + 1, ... hi, lo, ... (packet n: lo + n mod count) */
	TEMPLATE_RANDOM,	/* uniform over lo..hi */
};

/* A number field: one value (lo == hi), or every value from lo to hi. */
struct template_num {
	uint64_t lo, hi;
	enum template_vary vary;
	bool set;		/* given in the template */
};

/* An address field, network byte order; IPv4 uses the first 4 bytes. */
struct template_addr {
	int family;		/* AF_INET or AF_INET6; 0: not given */
	uint8_t lo[16], hi[16];
	enum template_vary vary;
};

#define TEMPLATE_FILL_MAX 64
#define TEMPLATE_MAX_FRAME 65535u
/* The Ethernet minimum (without FCS): shorter frames are padded after the packet. */
#define TEMPLATE_MIN_FRAME 60u

/* TCP flags as in the header's flags byte. */
enum {
	TEMPLATE_TCP_FIN = 0x01,
	TEMPLATE_TCP_SYN = 0x02,
	TEMPLATE_TCP_RST = 0x04,
	TEMPLATE_TCP_PSH = 0x08,
	TEMPLATE_TCP_ACK = 0x10,
	TEMPLATE_TCP_URG = 0x20,
	TEMPLATE_TCP_ECE = 0x40,
	TEMPLATE_TCP_CWR = 0x80,
};

struct template {
	enum template_proto proto;
	int family;			/* AF_INET or AF_INET6, from the addresses */
	struct template_addr src;	/* family 0: the caller picks (the interface's address) */
	struct template_addr dst;
	struct template_num sport, dport;	/* not given: 1024 and 9 */
	/*
	 * The frame's length, link header included (len), or the payload's (payload);
	 * neither: no payload, and frames under 60 bytes are padded with zeros
	 * after the IP packet as a NIC pads them.
	 */
	struct template_num len;
	struct template_num payload;
	uint8_t fill[TEMPLATE_FILL_MAX];	/* payload pattern, repeated; fill_len 0: zeros */
	unsigned fill_len;
	bool fill_random;		/* fill with random bytes (chosen once) */
	uint8_t ttl;			/* IPv4 TTL, IPv6 hop limit */
	uint8_t tos;			/* IPv4 TOS, IPv6 traffic class */
	struct template_num ipid;	/* IPv4 identification */
	uint8_t tcp_flags;
	struct template_num seq;	/* TCP sequence number, or ICMP echo sequence */
	struct template_num ack;	/* TCP acknowledgment number */
	uint16_t win;
	bool echo_reply;		/* ICMP echo reply instead of request */
	struct template_num id;		/* ICMP echo identifier */
	unsigned link_len;		/* link header bytes (14, 18 with a VLAN tag) */
};

/* Where and why parsing failed: the bad word is text[off, off + len). */
struct template_error {
	size_t off, len;
	char msg[128];
};

/*
 * Parses TEXT (words separated by spaces) for frames whose link header has
 * LINK_LEN bytes.  0, or -EINVAL with e set: e->len is 0 when something is
 * missing at the end (e->off is then the text's length).  No allocation.
 */
int template_parse(struct template *t, const char *text, unsigned link_len,
		   struct template_error *e);

/*
 * The language's words, for the shell completions (inject --list-words):
 * protocol word i and its protocol, keyword i with the protocols it applies
 * to (1 << TEMPLATE_X) and whether a value follows it.  NULL past the last.
 */
const char *template_proto_word(size_t i, enum template_proto *proto);
const char *template_keyword(size_t i, unsigned *protos, bool *takes_value);

/* The bytes of the IP and transport headers the template's packets carry. */
unsigned template_header_len(const struct template *t);

#endif
