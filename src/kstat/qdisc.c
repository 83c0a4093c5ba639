/* SPDX-License-Identifier: GPL-2.0-or-later */
/* qdisc.c: RTM_GETQDISC dump and a bounds-checked parser of its replies (drops, backlog). */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <libmnl/libmnl.h>
#include <linux/gen_stats.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>

#include "kstat/qdisc.h"
#include "util/nldump.h"

int qdisc_dump(void **buf, size_t *len)
{
	uint32_t req[(MNL_NLMSG_HDRLEN + MNL_ALIGN(sizeof(struct tcmsg))) / 4];
	struct nlmsghdr *nlh;
	struct tcmsg *tcm;

	nlh = nldump_request(req, sizeof(req), RTM_GETQDISC, NLM_F_DUMP);
	tcm = mnl_nlmsg_put_extra_header(nlh, sizeof(*tcm));
	tcm->tcm_family = AF_UNSPEC;
	return nldump(NETLINK_ROUTE, nlh, RTM_NEWQDISC, buf, len);
}

/* TCA_STATS2's nested attributes: the basic and the queue counters. */
static int stats2_attr(const struct nlattr *a, void *arg)
{
	struct qdisc_stat *q = arg;
	struct gnet_stats_basic b;
	struct gnet_stats_queue qs;

	switch (mnl_attr_get_type(a)) {
	case TCA_STATS_BASIC:
		if (nldump_attr_copy(a, &b, sizeof(b)))
			return -EBADMSG;
		q->bytes = b.bytes;
		q->packets = b.packets;
		break;
	case TCA_STATS_QUEUE:
		if (nldump_attr_copy(a, &qs, sizeof(qs)))
			return -EBADMSG;
		q->qlen = qs.qlen;
		q->backlog = qs.backlog;
		q->drops = qs.drops;
		q->requeues = qs.requeues;
		q->overlimits = qs.overlimits;
		q->has_stats = true;
		break;
	}
	return 0;
}

/* tbf's options: its byte limit is in TCA_TBF_PARMS. */
static int tbf_attr(const struct nlattr *a, void *arg)
{
	struct qdisc_stat *q = arg;
	struct tc_tbf_qopt o;

	if (mnl_attr_get_type(a) != TCA_TBF_PARMS)
		return 0;
	if (nldump_attr_copy(a, &o, sizeof(o)))
		return -EBADMSG;
	q->limit = o.limit;
	q->has_limit = true;
	return 0;
}

/* The limit of the kinds whose limit why advises on (TCA_KIND comes before TCA_OPTIONS). */
static int options_attr(const struct nlattr *a, struct qdisc_stat *q)
{
	struct tc_fifo_qopt fifo;

	if (!strcmp(q->kind, "pfifo") || !strcmp(q->kind, "bfifo")) {
		if (nldump_attr_copy(a, &fifo, sizeof(fifo)))
			return -EBADMSG;
		q->limit = fifo.limit;
		q->has_limit = true;
	} else if (!strcmp(q->kind, "tbf")) {
		return nldump_attrs(mnl_attr_get_payload(a), mnl_attr_get_payload_len(a), tbf_attr,
				    q);
	}
	return 0;
}

static int qdisc_attr(const struct nlattr *a, void *arg)
{
	struct qdisc_stat *q = arg;
	struct tc_stats st;
	size_t n;

	switch (mnl_attr_get_type(a)) {
	case TCA_KIND:
		if (mnl_attr_validate(a, MNL_TYPE_NUL_STRING) < 0)
			return -EBADMSG;
		n = strnlen(mnl_attr_get_str(a), sizeof(q->kind) - 1);
		memcpy(q->kind, mnl_attr_get_str(a), n);
		q->kind[n] = '\0';
		break;
	case TCA_OPTIONS:
		return options_attr(a, q);
	case TCA_STATS2:
		return nldump_attrs(mnl_attr_get_payload(a), mnl_attr_get_payload_len(a),
				    stats2_attr, q);
	case TCA_STATS:
		/* The old flat form: used only when TCA_STATS2 did not come (it comes first). */
		if (q->has_stats)
			break;
		if (nldump_attr_copy(a, &st, sizeof(st)))
			return -EBADMSG;
		q->bytes = st.bytes;
		q->packets = st.packets;
		q->drops = st.drops;
		q->overlimits = st.overlimits;
		q->backlog = st.backlog;
		q->qlen = st.qlen;
		q->has_stats = true;
		break;
	}
	return 0;
}

static int parse_msg(const struct nlmsghdr *nlh, struct qdisc_stat *q)
{
	const struct tcmsg *tcm;
	size_t off = MNL_NLMSG_HDRLEN + MNL_ALIGN(sizeof(*tcm));

	if (nlh->nlmsg_type != RTM_NEWQDISC || nlh->nlmsg_len < off)
		return -EBADMSG;
	tcm = mnl_nlmsg_get_payload(nlh);
	memset(q, 0, sizeof(*q));
	q->ifindex = tcm->tcm_ifindex;
	q->handle = tcm->tcm_handle;
	q->parent = tcm->tcm_parent;
	return nldump_attrs((const char *)nlh + off, nlh->nlmsg_len - off, qdisc_attr, q);
}

int qdisc_parse(const void *buf, size_t len, struct qdisc_snap *s)
{
	const struct nlmsghdr *nlh;
	size_t off = 0, cap = 0;
	int ret;

	s->qs = NULL;
	s->n = 0;
	while ((ret = nldump_next(buf, len, &off, &nlh)) > 0) {
		if (s->n == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			struct qdisc_stat *q = reallocarray(s->qs, ncap, sizeof(*q));

			if (!q)
				return -ENOMEM;
			s->qs = q;
			cap = ncap;
		}
		ret = parse_msg(nlh, &s->qs[s->n]);
		if (ret)
			return ret;
		s->n++;
	}
	return ret;
}

void qdisc_free(struct qdisc_snap *s)
{
	free(s->qs);
	s->qs = NULL;
	s->n = 0;
}

const struct qdisc_stat *qdisc_find(const struct qdisc_snap *s, int ifindex, uint32_t handle,
				    uint32_t parent)
{
	for (unsigned i = 0; i < s->n; i++)
		if (s->qs[i].ifindex == ifindex && s->qs[i].handle == handle &&
		    s->qs[i].parent == parent)
			return &s->qs[i];
	return NULL;
}
