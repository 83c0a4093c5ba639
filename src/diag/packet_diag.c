/* SPDX-License-Identifier: GPL-2.0-or-later */
/* packet_diag.c: AF_PACKET sockets through NETLINK_SOCK_DIAG (libmnl), and a checked parser. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <libmnl/libmnl.h>
#include <linux/filter.h>
#include <linux/packet_diag.h>
#include <linux/sock_diag.h>

#include "diag/diag_requests.h"
#include "diag/packet_diag.h"
#include "util/nldump.h"

/*
 * What the kernel does not tell: packet_diag has no counter of the packets a
 * ring dropped (tp_drops, what PACKET_STATISTICS returns to the owner only,
 * and resets on reading).  sk_drops (SK_MEMINFO_DROPS) counts the drops of
 * sockets without a ring (packet_rcv); tpacket_rcv, the ring path, does not
 * add to it.  The views say so instead of showing a zero that looks like none.
 */
#define PACKET_DIAG_SHOW (PACKET_SHOW_INFO | PACKET_SHOW_RING_CFG | PACKET_SHOW_FANOUT | \
			  PACKET_SHOW_MEMINFO | PACKET_SHOW_FILTER)

void packet_diag_put_req(struct nlmsghdr *nlh, uint32_t show)
{
	struct packet_diag_req *r = mnl_nlmsg_put_extra_header(nlh, sizeof(*r));

	r->sdiag_family = AF_PACKET;
	r->pdiag_show = show;
}

int packet_diag_dump(void **buf, size_t *len)
{
	uint32_t req[(MNL_NLMSG_HDRLEN + MNL_ALIGN(sizeof(struct packet_diag_req))) / 4];
	struct nlmsghdr *nlh = nldump_request(req, sizeof(req), SOCK_DIAG_BY_FAMILY, NLM_F_DUMP);

	packet_diag_put_req(nlh, PACKET_DIAG_SHOW);
	diag_requests_count();
	return nldump(NETLINK_SOCK_DIAG, nlh, SOCK_DIAG_BY_FAMILY, buf, len);
}

static void ring_copy(struct packet_ring_cfg *dst, const struct packet_diag_ring *r)
{
	dst->block_size = r->pdr_block_size;
	dst->block_nr = r->pdr_block_nr;
	dst->frame_size = r->pdr_frame_size;
	dst->frame_nr = r->pdr_frame_nr;
	dst->retire_tmo_ms = r->pdr_retire_tmo;
}

static int parse_attr(const struct nlattr *a, void *arg)
{
	struct packet_sock *ps = arg;
	struct packet_diag_info info;
	struct packet_diag_ring ring;
	size_t n;

	switch (mnl_attr_get_type(a)) {
	case PACKET_DIAG_INFO:
		if (nldump_attr_copy(a, &info, sizeof(info)))
			return -EBADMSG;
		ps->ifindex = info.pdi_index;
		ps->version = info.pdi_version;
		ps->flags = info.pdi_flags;
		ps->has_info = true;
		break;
	case PACKET_DIAG_RX_RING:
	case PACKET_DIAG_TX_RING:
		if (nldump_attr_copy(a, &ring, sizeof(ring)))
			return -EBADMSG;
		if (mnl_attr_get_type(a) == PACKET_DIAG_RX_RING) {
			ring_copy(&ps->rx_ring, &ring);
			ps->has_rx_ring = true;
		} else {
			ring_copy(&ps->tx_ring, &ring);
			ps->has_tx_ring = true;
		}
		break;
	case PACKET_DIAG_FANOUT:
		if (mnl_attr_validate(a, MNL_TYPE_U32) < 0)
			return -EBADMSG;
		/* af_packet's diag: the group id in the low half, the mode in the high one. */
		ps->fanout_id = (uint16_t)(mnl_attr_get_u32(a) & 0xffff);
		ps->fanout_mode = (uint16_t)(mnl_attr_get_u32(a) >> 16);
		ps->has_fanout = true;
		break;
	case PACKET_DIAG_UID:
		if (mnl_attr_validate(a, MNL_TYPE_U32) < 0)
			return -EBADMSG;
		ps->uid = mnl_attr_get_u32(a);
		ps->has_uid = true;
		break;
	case PACKET_DIAG_MEMINFO:
		/* Later kernels append fields: what is past the ones we know is left out. */
		n = mnl_attr_get_payload_len(a);
		ps->skmem_len = n < sizeof(ps->skmem) ? n : sizeof(ps->skmem);
		memcpy(ps->skmem, mnl_attr_get_payload(a), ps->skmem_len);
		ps->rmem_alloc = ps->skmem[SK_MEMINFO_RMEM_ALLOC];
		ps->rcvbuf = ps->skmem[SK_MEMINFO_RCVBUF];
		ps->drops = ps->skmem[SK_MEMINFO_DROPS];
		ps->has_meminfo = true;
		break;
	case PACKET_DIAG_FILTER:
		/* Empty: the filter is hidden from us (no CAP_NET_ADMIN); absent: there is none. */
		if (!mnl_attr_get_payload_len(a))
			ps->filter_known = false;
		else if (mnl_attr_get_payload_len(a) % sizeof(struct sock_filter))
			return -EBADMSG;
		else
			ps->filter_insns = mnl_attr_get_payload_len(a) / sizeof(struct sock_filter);
		break;
	}
	return 0;
}

int packet_diag_parse_msg(const struct nlmsghdr *nlh, struct packet_sock *ps)
{
	const size_t hdr = MNL_NLMSG_HDRLEN + MNL_ALIGN(sizeof(struct packet_diag_msg));
	struct packet_diag_msg m;

	if (nlh->nlmsg_type != SOCK_DIAG_BY_FAMILY || nlh->nlmsg_len < hdr)
		return -EBADMSG;
	memcpy(&m, mnl_nlmsg_get_payload(nlh), sizeof(m));
	if (m.pdiag_family != AF_PACKET)
		return -EBADMSG;
	memset(ps, 0, sizeof(*ps));
	ps->ino = m.pdiag_ino;
	ps->cookie = (uint64_t)m.pdiag_cookie[1] << 32 | m.pdiag_cookie[0];
	ps->type = m.pdiag_type;
	ps->proto = m.pdiag_num;	/* already host order, unlike the socket address */
	ps->filter_known = true;
	return nldump_attrs((const char *)nlh + hdr, nlh->nlmsg_len - hdr, parse_attr, ps);
}

/*
 * The panel shows every SK_MEMINFO_* field it reads (up to SK_MEMINFO_DROPS,
 * the last of the first layout, 3.x): a short array is a malformed reply.
 */
static int parse_msg(const struct nlmsghdr *nlh, struct packet_sock *ps)
{
	int err = packet_diag_parse_msg(nlh, ps);

	if (!err && (!ps->ino || (ps->has_meminfo && ps->skmem_len < sizeof(ps->skmem))))
		err = -EBADMSG;
	return err;
}

int packet_diag_parse(const void *buf, size_t len, struct packet_diag_snap *s)
{
	const struct nlmsghdr *nlh;
	size_t off = 0;
	unsigned cap = 0;
	int err;

	memset(s, 0, sizeof(*s));
	while ((err = nldump_next(buf, len, &off, &nlh)) == 1) {
		if (s->n == cap) {
			unsigned ncap = cap ? cap * 2 : 8;
			struct packet_sock *p = reallocarray(s->socks, ncap, sizeof(*p));

			if (!p)
				return -ENOMEM;
			s->socks = p;
			cap = ncap;
		}
		err = parse_msg(nlh, &s->socks[s->n]);
		if (err)
			return err;
		s->n++;
	}
	return err;
}

void packet_diag_free(struct packet_diag_snap *s)
{
	free(s->socks);
	s->socks = NULL;
	s->n = 0;
}

const struct packet_sock *packet_diag_find(const struct packet_diag_snap *s, uint32_t ino)
{
	for (unsigned i = 0; i < s->n; i++)
		if (s->socks[i].ino == ino)
			return &s->socks[i];
	return NULL;
}

uint64_t packet_diag_ring_bytes(const struct packet_ring_cfg *r)
{
	return (uint64_t)r->block_size * r->block_nr;
}
