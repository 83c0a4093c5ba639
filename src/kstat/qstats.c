/* SPDX-License-Identifier: GPL-2.0-or-later */
/* qstats.c: per-queue counters through netdev netlink (NETDEV_CMD_QSTATS_GET, scope queue). */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "kstat/qstats.h"
#include "util/genl.h"
#include "util/nldump.h"

/*
 * The netdev family's uapi (linux/netdev.h) is newer than the headers of
 * Debian 12, so the numbers we use are spelled here; they are ABI and never
 * change once released.
 */
enum {
	QS_CMD_QSTATS_GET = 12,
	QS_A_IFINDEX = 1,
	QS_A_QUEUE_TYPE = 2,
	QS_A_QUEUE_ID = 3,
	QS_A_SCOPE = 4,
	QS_A_RX_PACKETS = 8,
	QS_A_RX_BYTES = 9,
	QS_A_TX_PACKETS = 10,
	QS_A_TX_BYTES = 11,
	QS_QUEUE_TYPE_RX = 0,
	QS_QUEUE_TYPE_TX = 1,
	QS_SCOPE_QUEUE = 1,
};
#define QS_FAMILY_NAME "netdev"
#define QS_FAMILY_VERSION 1

int qstats_dump(void **buf, size_t *len)
{
	/* Family ids are fixed once registered: look it up once per run, not per sample. */
	static uint16_t family;
	static int family_err;
	uint32_t req[GENL_REQ_WORDS];
	struct nlmsghdr *nlh;
	int err;

	*buf = NULL;
	*len = 0;
	if (!family && !family_err)
		family_err = genl_family_id(QS_FAMILY_NAME, &family);
	if (family_err == -ENOENT)
		return 0;
	if (family_err)
		return family_err;
	nlh = genl_request(req, sizeof(req), family, NLM_F_DUMP, QS_CMD_QSTATS_GET,
			   QS_FAMILY_VERSION);
	mnl_attr_put_u32(nlh, QS_A_SCOPE, QS_SCOPE_QUEUE);
	err = nldump(NETLINK_GENERIC, nlh, family, buf, len);
	/* An older netdev family without qstats (6.5 to 6.9), or not allowed here. */
	if (err == -EOPNOTSUPP || err == -EINVAL)
		err = 0;
	return err;
}

/* A netlink "uint": 4 or 8 bytes. */
static int get_uint(const struct nlattr *a, uint64_t *v)
{
	uint16_t n = mnl_attr_get_payload_len(a);

	if (n == 4)
		*v = mnl_attr_get_u32(a);
	else if (n == 8)
		*v = mnl_attr_get_u64(a);
	else
		return -EBADMSG;
	return 0;
}

struct row_parse {
	struct qstat_row q;
	bool has_ifindex, has_type, has_id;
	uint64_t rx_packets, rx_bytes, tx_packets, tx_bytes;
	unsigned seen;		/* bit per counter attribute present */
};

static int row_attr(const struct nlattr *a, void *arg)
{
	struct row_parse *r = arg;
	uint16_t type = mnl_attr_get_type(a);
	uint64_t v;

	if (type != QS_A_IFINDEX && type != QS_A_QUEUE_TYPE && type != QS_A_QUEUE_ID &&
	    (type < QS_A_RX_PACKETS || type > QS_A_TX_BYTES))
		return 0;
	if (get_uint(a, &v))
		return -EBADMSG;
	switch (type) {
	case QS_A_IFINDEX:
		if (!v || v > INT32_MAX)
			return -EBADMSG;
		r->q.ifindex = (int)v;
		r->has_ifindex = true;
		break;
	case QS_A_QUEUE_TYPE:
		if (v != QS_QUEUE_TYPE_RX && v != QS_QUEUE_TYPE_TX)
			return 0;	/* a later queue kind (xdp?): not a row of ours */
		r->q.tx = v == QS_QUEUE_TYPE_TX;
		r->has_type = true;
		break;
	case QS_A_QUEUE_ID:
		if (v > UINT32_MAX)
			return -EBADMSG;
		r->q.queue = (unsigned)v;
		r->has_id = true;
		break;
	case QS_A_RX_PACKETS:
		r->rx_packets = v;
		break;
	case QS_A_RX_BYTES:
		r->rx_bytes = v;
		break;
	case QS_A_TX_PACKETS:
		r->tx_packets = v;
		break;
	case QS_A_TX_BYTES:
		r->tx_bytes = v;
		break;
	}
	r->seen |= 1u << type;
	return 0;
}

int qstats_walk(const void *buf, size_t len, int (*cb)(const struct qstat_row *q, void *arg),
		void *arg)
{
	const struct nlmsghdr *nlh;
	size_t off = 0;
	int ret;

	while ((ret = nldump_next(buf, len, &off, &nlh)) == 1) {
		struct row_parse r = { 0 };
		unsigned pk, by;

		if (nlh->nlmsg_len < MNL_NLMSG_HDRLEN + GENL_HDRLEN)
			return -EBADMSG;
		ret = nldump_attrs((const char *)nlh + MNL_NLMSG_HDRLEN + GENL_HDRLEN,
				   nlh->nlmsg_len - MNL_NLMSG_HDRLEN - GENL_HDRLEN, row_attr, &r);
		if (ret)
			return ret;
		/* Device-scope replies (no queue) and queue kinds we do not know are skipped. */
		if (!r.has_ifindex || !r.has_type || !r.has_id)
			continue;
		pk = r.q.tx ? QS_A_TX_PACKETS : QS_A_RX_PACKETS;
		by = r.q.tx ? QS_A_TX_BYTES : QS_A_RX_BYTES;
		r.q.has_packets = r.seen & (1u << pk);
		r.q.has_bytes = r.seen & (1u << by);
		r.q.packets = r.q.tx ? r.tx_packets : r.rx_packets;
		r.q.bytes = r.q.tx ? r.tx_bytes : r.rx_bytes;
		if (!r.q.has_packets && !r.q.has_bytes)
			continue;
		ret = cb(&r.q, arg);
		if (ret)
			return ret;
	}
	return ret;
}
