/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sockdiag_msgs.h: builders of sock_diag reply messages for the unit tests (header-only). */
#ifndef SOCKEYE_TEST_SOCKDIAG_MSGS_H
#define SOCKEYE_TEST_SOCKDIAG_MSGS_H

#include <arpa/inet.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>

#include <libmnl/libmnl.h>
#include <linux/inet_diag.h>
#include <linux/packet_diag.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>

/* Messages are built here; uint64_t keeps it aligned as a recv buffer is. */
struct msgbuf {
	uint64_t mem[4096];
	size_t len;
};

static inline char *msgbuf_at(struct msgbuf *b, size_t off)
{
	return (char *)b->mem + off;
}

static inline struct nlmsghdr *msg_start(struct msgbuf *b, uint16_t type)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(msgbuf_at(b, b->len));

	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = NLM_F_MULTI;
	return nlh;
}

static inline void msg_end(struct msgbuf *b, const struct nlmsghdr *nlh)
{
	b->len += MNL_ALIGN(nlh->nlmsg_len);
}

/* An inet_diag_msg for a socket from src:sport to dst:dport (addresses as text). */
static inline struct nlmsghdr *put_inet(struct msgbuf *b, int af, uint8_t state, const char *src,
					uint16_t sport, const char *dst, uint16_t dport,
					uint32_t rq, uint32_t wq, uint32_t inode)
{
	struct nlmsghdr *nlh = msg_start(b, SOCK_DIAG_BY_FAMILY);
	struct inet_diag_msg *m = mnl_nlmsg_put_extra_header(nlh, sizeof(*m));

	m->idiag_family = (uint8_t)af;
	m->idiag_state = state;
	m->id.idiag_sport = htons(sport);
	m->id.idiag_dport = htons(dport);
	inet_pton(af, src, m->id.idiag_src);
	inet_pton(af, dst, m->id.idiag_dst);
	m->id.idiag_cookie[0] = inode * 2;
	m->idiag_rqueue = rq;
	m->idiag_wqueue = wq;
	m->idiag_uid = 1000;
	m->idiag_inode = inode;
	return nlh;
}

static inline struct nlmsghdr *put_unix(struct msgbuf *b, uint8_t type, uint8_t state,
					uint32_t inode)
{
	struct nlmsghdr *nlh = msg_start(b, SOCK_DIAG_BY_FAMILY);
	struct unix_diag_msg *m = mnl_nlmsg_put_extra_header(nlh, sizeof(*m));

	m->udiag_family = AF_UNIX;
	m->udiag_type = type;
	m->udiag_state = state;
	m->udiag_ino = inode;
	return nlh;
}

static inline struct nlmsghdr *put_packet(struct msgbuf *b, uint8_t type, uint16_t proto,
					  uint32_t inode, uint32_t ifindex)
{
	struct nlmsghdr *nlh = msg_start(b, SOCK_DIAG_BY_FAMILY);
	struct packet_diag_msg *m = mnl_nlmsg_put_extra_header(nlh, sizeof(*m));
	struct packet_diag_info info = { .pdi_index = ifindex };

	m->pdiag_family = AF_PACKET;
	m->pdiag_type = type;
	m->pdiag_num = proto;
	m->pdiag_ino = inode;
	mnl_attr_put(nlh, PACKET_DIAG_INFO, sizeof(info), &info);
	return nlh;
}

/* NLMSG_DONE carrying err (0, or a negative errno for a dump that failed). */
static inline void put_done(struct msgbuf *b, int err)
{
	struct nlmsghdr *nlh = msg_start(b, NLMSG_DONE);

	mnl_nlmsg_put_extra_header(nlh, sizeof(int));
	memcpy(mnl_nlmsg_get_payload(nlh), &err, sizeof(err));
	msg_end(b, nlh);
}

static inline void put_error(struct msgbuf *b, int err)
{
	struct nlmsghdr *nlh = msg_start(b, NLMSG_ERROR);
	struct nlmsgerr *e = mnl_nlmsg_put_extra_header(nlh, sizeof(*e));

	e->error = err;
	msg_end(b, nlh);
}

#endif
