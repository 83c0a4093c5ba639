/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rings.c: ring sizes and channels through ethtool netlink (libmnl), SIOCETHTOOL as a fallback. */
#include "config.h"

#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <libmnl/libmnl.h>
#include <linux/ethtool.h>
#include <linux/ethtool_netlink.h>
#include <linux/genetlink.h>
#include <linux/sockios.h>

#include "kstat/rings.h"
#include "util/genl.h"
#include "util/nldump.h"

/* Appends src to the buffer dst (both may be NULL). */
static int buf_cat(void **dst, size_t *dlen, void *src, size_t slen)
{
	char *p;

	if (!slen)
		return 0;
	p = realloc(*dst, *dlen + slen);
	if (!p)
		return -ENOMEM;
	memcpy(p + *dlen, src, slen);
	*dst = p;
	*dlen += slen;
	return 0;
}

static int netlink_dump(uint16_t family, void **buf, size_t *len)
{
	static const uint8_t cmds[] = { ETHTOOL_MSG_RINGS_GET, ETHTOOL_MSG_CHANNELS_GET };
	uint32_t req[GENL_REQ_WORDS];
	void *part;
	size_t plen;
	int err = 0;

	for (size_t i = 0; i < sizeof(cmds) && !err; i++) {
		struct nlmsghdr *nlh = genl_request(req, sizeof(req), family, NLM_F_DUMP, cmds[i],
						    ETHTOOL_GENL_VERSION);

		err = nldump(NETLINK_GENERIC, nlh, family, &part, &plen);
		if (!err)
			err = buf_cat(buf, len, part, plen);
		free(part);
	}
	return err;
}

/*
 * One reply as the kernel would have sent it, built from an ioctl's answer:
 * the header nest with the index, then the (attribute, value) pairs whose
 * maximum is not 0, as ethnl does.
 */
static int put_reply(void **buf, size_t *len, uint8_t cmd, uint16_t hdr_attr, int ifindex,
		     const uint16_t *attrs, const uint32_t *vals, size_t n, const uint32_t *maxes)
{
	uint32_t msg[(MNL_NLMSG_HDRLEN + GENL_HDRLEN + 16 * MNL_ATTR_HDRLEN * 2) / 4];
	struct nlmsghdr *nlh = genl_request(msg, sizeof(msg), NLMSG_MIN_TYPE, 0, cmd,
					    ETHTOOL_GENL_VERSION);
	struct nlattr *nest;

	nlh->nlmsg_flags = 0;
	nest = mnl_attr_nest_start(nlh, hdr_attr);
	mnl_attr_put_u32(nlh, ETHTOOL_A_HEADER_DEV_INDEX, (uint32_t)ifindex);
	mnl_attr_nest_end(nlh, nest);
	for (size_t i = 0; i < n; i++)
		if (maxes[i / 2])
			mnl_attr_put_u32(nlh, attrs[i], vals[i]);
	return buf_cat(buf, len, nlh, MNL_ALIGN(nlh->nlmsg_len));
}

static int ioctl_one(int fd, const char *name, void *data)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", name);
	ifr.ifr_data = data;
	return ioctl(fd, SIOCETHTOOL, &ifr) ? -errno : 0;
}

/* Drivers without the operation answer EOPNOTSUPP; a link gone since the dump, ENODEV. */
static bool is_absent(int err)
{
	return err == -EOPNOTSUPP || err == -ENODEV || err == -ENXIO;
}

int rings_dump_ioctl(const struct links_snap *links, void **buf, size_t *len)
{
	static const uint16_t ring_attrs[] = {
		ETHTOOL_A_RINGS_RX_MAX, ETHTOOL_A_RINGS_RX, ETHTOOL_A_RINGS_TX_MAX, ETHTOOL_A_RINGS_TX,
	};
	static const uint16_t ch_attrs[] = {
		ETHTOOL_A_CHANNELS_RX_MAX, ETHTOOL_A_CHANNELS_RX_COUNT,
		ETHTOOL_A_CHANNELS_TX_MAX, ETHTOOL_A_CHANNELS_TX_COUNT,
		ETHTOOL_A_CHANNELS_OTHER_MAX, ETHTOOL_A_CHANNELS_OTHER_COUNT,
		ETHTOOL_A_CHANNELS_COMBINED_MAX, ETHTOOL_A_CHANNELS_COMBINED_COUNT,
	};
	int fd, err = 0;

	*buf = NULL;
	*len = 0;
	fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	for (unsigned i = 0; i < links->nlinks && !err; i++) {
		const struct link_stat *l = &links->links[i];
		struct ethtool_ringparam rp = { .cmd = ETHTOOL_GRINGPARAM };
		struct ethtool_channels ch = { .cmd = ETHTOOL_GCHANNELS };

		err = ioctl_one(fd, l->name, &rp);
		if (!err) {
			uint32_t v[] = { rp.rx_max_pending, rp.rx_pending, rp.tx_max_pending,
					 rp.tx_pending };
			uint32_t m[] = { rp.rx_max_pending, rp.tx_max_pending };

			err = put_reply(buf, len, ETHTOOL_MSG_RINGS_GET_REPLY, ETHTOOL_A_RINGS_HEADER,
					l->ifindex, ring_attrs, v, 4, m);
		} else if (is_absent(err)) {
			err = 0;
		}
		if (err)
			break;
		err = ioctl_one(fd, l->name, &ch);
		if (!err) {
			uint32_t v[] = { ch.max_rx, ch.rx_count, ch.max_tx, ch.tx_count,
					 ch.max_other, ch.other_count, ch.max_combined,
					 ch.combined_count };
			uint32_t m[] = { ch.max_rx, ch.max_tx, ch.max_other, ch.max_combined };

			err = put_reply(buf, len, ETHTOOL_MSG_CHANNELS_GET_REPLY,
					ETHTOOL_A_CHANNELS_HEADER, l->ifindex, ch_attrs, v, 8, m);
		} else if (is_absent(err)) {
			err = 0;
		}
	}
	close(fd);
	if (err) {
		free(*buf);
		*buf = NULL;
		*len = 0;
	}
	return err;
}

int rings_dump(const struct links_snap *links, void **buf, size_t *len)
{
	uint16_t family;
	int err;

	*buf = NULL;
	*len = 0;
	err = genl_family_id(ETHTOOL_GENL_NAME, &family);
	if (!err)
		err = netlink_dump(family, buf, len);
	else if (err == -ENOENT)
		err = rings_dump_ioctl(links, buf, len);
	if (err) {
		free(*buf);
		*buf = NULL;
		*len = 0;
	}
	return err;
}

/* ---- parsing ------------------------------------------------------------------- */

struct parse_ctx {
	struct ring_info ri;
	bool channels;		/* a CHANNELS reply, else RINGS */
	bool has_index;
};

static int header_attr(const struct nlattr *a, void *arg)
{
	struct parse_ctx *c = arg;

	if (mnl_attr_get_type(a) != ETHTOOL_A_HEADER_DEV_INDEX)
		return 0;
	if (mnl_attr_validate(a, MNL_TYPE_U32) < 0 || !mnl_attr_get_u32(a) ||
	    mnl_attr_get_u32(a) > INT32_MAX)
		return -EBADMSG;
	c->ri.ifindex = (int)mnl_attr_get_u32(a);
	c->has_index = true;
	return 0;
}

/* Where each u32 attribute of a reply goes; NULL for those not kept. */
static uint32_t *attr_slot(struct parse_ctx *c, uint16_t type)
{
	struct ring_info *r = &c->ri;

	if (c->channels) {
		switch (type) {
		case ETHTOOL_A_CHANNELS_RX_MAX: return &r->ch_rx_max;
		case ETHTOOL_A_CHANNELS_TX_MAX: return &r->ch_tx_max;
		case ETHTOOL_A_CHANNELS_OTHER_MAX: return &r->ch_other_max;
		case ETHTOOL_A_CHANNELS_COMBINED_MAX: return &r->ch_combined_max;
		case ETHTOOL_A_CHANNELS_RX_COUNT: return &r->ch_rx;
		case ETHTOOL_A_CHANNELS_TX_COUNT: return &r->ch_tx;
		case ETHTOOL_A_CHANNELS_OTHER_COUNT: return &r->ch_other;
		case ETHTOOL_A_CHANNELS_COMBINED_COUNT: return &r->ch_combined;
		default: return NULL;
		}
	}
	switch (type) {
	case ETHTOOL_A_RINGS_RX_MAX: return &r->rx_max;
	case ETHTOOL_A_RINGS_TX_MAX: return &r->tx_max;
	case ETHTOOL_A_RINGS_RX: return &r->rx;
	case ETHTOOL_A_RINGS_TX: return &r->tx;
	default: return NULL;
	}
}

static int reply_attr(const struct nlattr *a, void *arg)
{
	struct parse_ctx *c = arg;
	uint16_t type = mnl_attr_get_type(a);
	uint32_t *slot;

	/* The header attribute has the same number (1) in both replies. */
	if (type == ETHTOOL_A_RINGS_HEADER) {
		if (mnl_attr_validate(a, MNL_TYPE_NESTED) < 0)
			return -EBADMSG;
		return nldump_attrs(mnl_attr_get_payload(a), mnl_attr_get_payload_len(a),
				    header_attr, c);
	}
	slot = attr_slot(c, type);
	if (!slot)
		return 0;
	if (mnl_attr_validate(a, MNL_TYPE_U32) < 0)
		return -EBADMSG;
	*slot = mnl_attr_get_u32(a);
	return 0;
}

static struct ring_info *find_or_add(struct rings_snap *s, unsigned *cap, int ifindex)
{
	struct ring_info *r;

	for (unsigned i = 0; i < s->n; i++)
		if (s->ifs[i].ifindex == ifindex)
			return &s->ifs[i];
	if (s->n == *cap) {
		unsigned ncap = *cap ? *cap * 2 : 8;

		r = reallocarray(s->ifs, ncap, sizeof(*r));
		if (!r)
			return NULL;
		s->ifs = r;
		*cap = ncap;
	}
	r = &s->ifs[s->n++];
	memset(r, 0, sizeof(*r));
	r->ifindex = ifindex;
	return r;
}

/* Copies the fields of one reply into the device's entry. */
static void merge(struct ring_info *dst, const struct parse_ctx *c)
{
	const struct ring_info *src = &c->ri;

	if (c->channels) {
		dst->has_channels = true;
		dst->ch_rx = src->ch_rx;
		dst->ch_tx = src->ch_tx;
		dst->ch_other = src->ch_other;
		dst->ch_combined = src->ch_combined;
		dst->ch_rx_max = src->ch_rx_max;
		dst->ch_tx_max = src->ch_tx_max;
		dst->ch_other_max = src->ch_other_max;
		dst->ch_combined_max = src->ch_combined_max;
	} else {
		dst->has_rings = true;
		dst->rx = src->rx;
		dst->rx_max = src->rx_max;
		dst->tx = src->tx;
		dst->tx_max = src->tx_max;
	}
}

int rings_parse(const void *buf, size_t len, struct rings_snap *s)
{
	const struct nlmsghdr *nlh;
	size_t off = 0;
	unsigned cap = 0;
	int err;

	memset(s, 0, sizeof(*s));
	while ((err = nldump_next(buf, len, &off, &nlh)) == 1) {
		const struct genlmsghdr *g;
		struct parse_ctx c = { 0 };
		struct ring_info *r;

		if (nlh->nlmsg_len < MNL_NLMSG_HDRLEN + GENL_HDRLEN)
			return -EBADMSG;
		g = mnl_nlmsg_get_payload(nlh);
		if (g->cmd != ETHTOOL_MSG_RINGS_GET_REPLY && g->cmd != ETHTOOL_MSG_CHANNELS_GET_REPLY)
			continue;
		c.channels = g->cmd == ETHTOOL_MSG_CHANNELS_GET_REPLY;
		err = nldump_attrs((const char *)g + GENL_HDRLEN,
				   nlh->nlmsg_len - MNL_NLMSG_HDRLEN - GENL_HDRLEN, reply_attr, &c);
		if (err)
			return err;
		if (!c.has_index)
			return -EBADMSG;
		r = find_or_add(s, &cap, c.ri.ifindex);
		if (!r)
			return -ENOMEM;
		merge(r, &c);
	}
	return err;
}

void rings_free(struct rings_snap *s)
{
	free(s->ifs);
	s->ifs = NULL;
	s->n = 0;
}

const struct ring_info *rings_find(const struct rings_snap *s, int ifindex)
{
	for (unsigned i = 0; i < s->n; i++)
		if (s->ifs[i].ifindex == ifindex)
			return &s->ifs[i];
	return NULL;
}
