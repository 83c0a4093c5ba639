/* SPDX-License-Identifier: GPL-2.0-or-later */
/* packet_diag.h: AF_PACKET sockets (captures) from sock_diag, with their rings and owners. */
#ifndef SOCKEYE_PACKET_DIAG_H
#define SOCKEYE_PACKET_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <linux/sock_diag.h>

/* A mapped ring as PACKET_RX_RING / PACKET_TX_RING set it up (struct tpacket_req3). */
struct packet_ring_cfg {
	uint32_t block_size, block_nr;
	uint32_t frame_size, frame_nr;
	uint32_t retire_tmo_ms;		/* TPACKET_V3: a block's timeout */
};

struct packet_sock {
	uint32_t ino;
	uint64_t cookie;
	uint8_t type;			/* SOCK_RAW or SOCK_DGRAM */
	uint16_t proto;			/* ETH_P_* bound, host order; 0: none */
	bool has_info, has_rx_ring, has_tx_ring, has_fanout, has_uid;
	bool has_meminfo;		/* PACKET_DIAG_MEMINFO came, maybe short (skmem_len) */
	uint32_t ifindex;		/* 0: every interface */
	uint32_t version;		/* TPACKET_V1..V3 (meaningful with a ring) */
	uint32_t flags;			/* PDI_RUNNING, PDI_AUXDATA, ... */
	struct packet_ring_cfg rx_ring, tx_ring;
	uint16_t fanout_id, fanout_mode;	/* PACKET_FANOUT_HASH, ... */
	uint32_t uid;
	uint32_t rmem_alloc, rcvbuf;	/* bytes queued for reading, and the limit */
	uint32_t drops;			/* sk_drops (see packet_diag.c: not the ring's drops) */
	/* The SK_MEMINFO_* array as it came (zeroes past skmem_len), for the sockets view. */
	uint32_t skmem[SK_MEMINFO_VARS];
	uint32_t skmem_len;		/* bytes of skmem the kernel sent */
	/* Classic BPF instructions attached, 0 for none; unknown without CAP_NET_ADMIN. */
	uint32_t filter_insns;
	bool filter_known;
	/* The owning process, from packet_owners_apply: pid 0 when not found. */
	int32_t pid;
	char comm[16];
};

struct packet_diag_snap {
	struct packet_sock *socks;	/* in dump order */
	unsigned n;
	bool has_owners;		/* packet_owners_apply ran: pid 0 means not found */
};

/*
 * The one place that speaks the AF_PACKET sock_diag format, for the sockets
 * (-0) and top's packet-sockets panel alike: the request, and a reply message.
 */
struct nlmsghdr;
/* Appends to the SOCK_DIAG_BY_FAMILY request nlh the AF_PACKET header asking for show. */
void packet_diag_put_req(struct nlmsghdr *nlh, uint32_t show);
/*
 * Parses one reply message (header and every attribute, lengths checked) into
 * ps.  0, or -EBADMSG: not SOCK_DIAG_BY_FAMILY or AF_PACKET, short, or an
 * attribute too short for what it holds.  A short PACKET_DIAG_MEMINFO (old
 * kernels) is not an error here: skmem_len says how much came.
 */
int packet_diag_parse_msg(const struct nlmsghdr *nlh, struct packet_sock *ps);

/*
 * Dumps the AF_PACKET sockets of the current network namespace (sock_diag,
 * packet_diag) with their info, ring configuration, fanout, uid, memory and
 * filter, as the raw reply messages in a malloc'd buffer.  0 or -errno.
 */
int packet_diag_dump(void **buf, size_t *len);
/*
 * Parses what packet_diag_dump returns.  0, -EBADMSG on a malformed
 * message, -ENOMEM, -EINVAL when buf is not 4-byte aligned.  Call
 * packet_diag_free whatever it returns.
 */
int packet_diag_parse(const void *buf, size_t len, struct packet_diag_snap *s);
void packet_diag_free(struct packet_diag_snap *s);
const struct packet_sock *packet_diag_find(const struct packet_diag_snap *s, uint32_t ino);

/* Bytes mapped for a ring: its blocks. */
uint64_t packet_diag_ring_bytes(const struct packet_ring_cfg *r);

#endif
