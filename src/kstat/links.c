/* SPDX-License-Identifier: GPL-2.0-or-later */
/* links.c: RTM_GETLINK dump through libmnl and a bounds-checked parser of its replies. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <libmnl/libmnl.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>

#include "kstat/links.h"
#include "util/nldump.h"

/*
 * struct rtnl_link_stats64 has grown at its end: 23 counters since 2.6.35,
 * rx_nohandler in 4.6, rx_otherhost_dropped in 5.19.  Anything shorter than
 * the first layout is no kernel's and is rejected; longer ones are cut.
 */
#define STATS64_MIN_LEN offsetof(struct rtnl_link_stats64, rx_nohandler)

int links_dump(void **buf, size_t *len)
{
	uint32_t req[(MNL_NLMSG_HDRLEN + MNL_ALIGN(sizeof(struct ifinfomsg))) / 4];
	struct nlmsghdr *nlh;
	struct ifinfomsg *ifm;

	nlh = mnl_nlmsg_put_header(req);
	nlh->nlmsg_type = RTM_GETLINK;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	ifm = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifm));
	ifm->ifi_family = AF_UNSPEC;
	return nldump(NETLINK_ROUTE, nlh, RTM_NEWLINK, buf, len);
}

/* Reads one attribute into l, validating the ones we read; -EBADMSG when malformed. */
static int parse_attr(const struct nlattr *a, struct link_stat *l)
{
	struct rtnl_link_stats64 st;
	const char *name;
	size_t n;

	switch (mnl_attr_get_type(a)) {
	case IFLA_IFNAME:
		/* Validation guarantees a NUL inside the attribute; longer names are cut. */
		if (mnl_attr_validate(a, MNL_TYPE_NUL_STRING) < 0)
			return -EBADMSG;
		name = mnl_attr_get_str(a);
		n = strnlen(name, sizeof(l->name) - 1);
		memcpy(l->name, name, n);
		l->name[n] = '\0';
		break;
	case IFLA_MTU:
		if (mnl_attr_validate(a, MNL_TYPE_U32) < 0)
			return -EBADMSG;
		l->mtu = mnl_attr_get_u32(a);
		break;
	case IFLA_OPERSTATE:
		if (mnl_attr_validate(a, MNL_TYPE_U8) < 0)
			return -EBADMSG;
		l->operstate = mnl_attr_get_u8(a);
		break;
	case IFLA_STATS64:
		n = mnl_attr_get_payload_len(a);
		if (mnl_attr_validate(a, MNL_TYPE_BINARY) < 0 || n < STATS64_MIN_LEN)
			return -EBADMSG;
		/* Fields a shorter (older) layout lacks stay 0; memcpy because of alignment. */
		memset(&st, 0, sizeof(st));
		memcpy(&st, mnl_attr_get_payload(a), n < sizeof(st) ? n : sizeof(st));
		l->rx_packets = st.rx_packets;
		l->tx_packets = st.tx_packets;
		l->rx_bytes = st.rx_bytes;
		l->tx_bytes = st.tx_bytes;
		l->rx_errors = st.rx_errors;
		l->tx_errors = st.tx_errors;
		l->rx_dropped = st.rx_dropped;
		l->tx_dropped = st.tx_dropped;
		l->rx_missed = st.rx_missed_errors;
		l->rx_fifo = st.rx_fifo_errors;
		l->tx_fifo = st.tx_fifo_errors;
		l->has_stats = true;
		break;
	}
	return 0;
}

/*
 * One RTM_NEWLINK message of msg_len bytes.  Attributes are walked by hand
 * rather than with mnl_attr_parse: that stops silently at an attribute
 * running past the message, and its tail rounds nlmsg_len up past the
 * buffer's end.  Bytes left over that do not form an attribute are an error.
 */
static int parse_msg(const struct nlmsghdr *nlh, size_t msg_len, struct link_stat *l)
{
	const struct ifinfomsg *ifm;
	size_t off = MNL_NLMSG_HDRLEN + MNL_ALIGN(sizeof(*ifm));
	int err;

	if (nlh->nlmsg_type != RTM_NEWLINK || msg_len < off)
		return -EBADMSG;
	ifm = mnl_nlmsg_get_payload(nlh);
	if (ifm->ifi_index <= 0)
		return -EBADMSG;
	memset(l, 0, sizeof(*l));
	l->ifindex = ifm->ifi_index;
	l->flags = ifm->ifi_flags;
	while (off < msg_len) {
		const struct nlattr *a = (const void *)((const char *)nlh + off);

		if (!mnl_attr_ok(a, (int)(msg_len - off)))
			return -EBADMSG;
		err = parse_attr(a, l);
		if (err)
			return err;
		off += MNL_ALIGN(a->nla_len);
	}
	return 0;
}

int links_parse(const void *buf, size_t len, struct links_snap *s)
{
	const char *p = buf;
	size_t off = 0, cap = 0;
	int err = 0;

	s->links = NULL;
	s->nlinks = 0;
	/* Headers are read in place: the buffer must be aligned as a datagram is (malloc's is). */
	if ((uintptr_t)buf % NLMSG_ALIGNTO) {
		err = -EINVAL;
		goto out;
	}
	/* Keeps every length below within int, which libmnl's checks take. */
	if (len > INT_MAX) {
		err = -EBADMSG;
		goto out;
	}
	while (off < len) {
		const struct nlmsghdr *nlh = (const void *)(p + off);
		size_t rem = len - off;

		/* mnl_nlmsg_ok casts nlmsg_len to int: a length of 2^31 or more would pass. */
		if (!mnl_nlmsg_ok(nlh, (int)rem) || nlh->nlmsg_len > rem) {
			err = -EBADMSG;
			goto out;
		}
		if (s->nlinks == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			struct link_stat *l = reallocarray(s->links, ncap, sizeof(*l));

			if (!l) {
				err = -ENOMEM;
				goto out;
			}
			s->links = l;
			cap = ncap;
		}
		err = parse_msg(nlh, nlh->nlmsg_len, &s->links[s->nlinks]);
		if (err)
			goto out;
		s->nlinks++;
		/* The last message may lack its padding: then this steps past len and ends. */
		off += MNL_ALIGN(nlh->nlmsg_len);
	}
out:
	return err;
}

void links_free(struct links_snap *s)
{
	free(s->links);
	s->links = NULL;
	s->nlinks = 0;
}

const struct link_stat *links_find(const struct links_snap *s, int ifindex)
{
	for (unsigned i = 0; i < s->nlinks; i++)
		if (s->links[i].ifindex == ifindex)
			return &s->links[i];
	return NULL;
}
