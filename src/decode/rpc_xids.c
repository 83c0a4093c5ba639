/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * rpc_xids.c: the calls NFS replies answer.  tcpdump's xid map, with its
 * behaviour: a ring of 64 calls, new ones over the oldest, and a search
 * that starts where the last match was.  The state is the caller's, as
 * tcpseq's: the decoder itself stays a function of one packet.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "decode/rpc_xids.h"

struct rpc_xid {
	uint32_t xid;
	uint8_t family; /* 4 or 6; 0: never filled */
	uint8_t client[16];
	uint8_t server[16];
	uint32_t proc;
	uint32_t vers;
};

struct rpc_xids {
	struct rpc_xid map[RPC_XIDS_SIZE];
	unsigned next; /* where the next call goes */
	unsigned hint; /* where the last search matched */
};

struct rpc_xids *rpc_xids_new(void)
{
	return calloc(1, sizeof(struct rpc_xids));
}

void rpc_xids_free(struct rpc_xids *t)
{
	free(t);
}

/* The level's addresses: 4 or 16 bytes, or false when not over IP. */
static bool level_addrs(const struct pkt_level *l, uint8_t *family, const uint8_t **src,
			const uint8_t **dst)
{
	if (l->net == PKT_PROTO_IPV4) {
		*family = 4;
		*src = l->ip4.src;
		*dst = l->ip4.dst;
		return true;
	}
	if (l->net == PKT_PROTO_IPV6) {
		*family = 6;
		*src = l->ip6.src;
		*dst = l->ip6.dst;
		return true;
	}
	return false;
}

static void xids_enter(struct rpc_xids *t, const struct pkt_rpc *r, uint8_t family,
		       const uint8_t *src, const uint8_t *dst)
{
	struct rpc_xid *e = &t->map[t->next];
	size_t n = family == 4 ? 4 : 16;

	t->next = (t->next + 1) % RPC_XIDS_SIZE;
	memset(e, 0, sizeof(*e));
	e->xid = r->xid;
	e->family = family;
	memcpy(e->client, src, n);
	memcpy(e->server, dst, n);
	e->proc = r->proc;
	e->vers = r->vers;
}

static void xids_find(struct rpc_xids *t, struct pkt_rpc *r, uint8_t family, const uint8_t *src,
		      const uint8_t *dst)
{
	size_t n = family == 4 ? 4 : 16;
	unsigned i = t->hint;

	do {
		const struct rpc_xid *e = &t->map[i];

		/* a reply goes from the call's server to its client */
		if (e->family == family && e->xid == r->xid && !memcmp(e->server, src, n) &&
		    !memcmp(e->client, dst, n)) {
			t->hint = i;
			r->matched = true;
			r->call_proc = e->proc;
			r->call_vers = e->vers;
			return;
		}
		i = (i + 1) % RPC_XIDS_SIZE;
	} while (i != t->hint);
}

void rpc_xids_track(struct rpc_xids *t, struct pkt_meta *m, bool quiet)
{
	for (unsigned i = 0; t && i < m->n_layers && i < PKT_MAX_LAYERS; i++) {
		const struct pkt_layer *ly = &m->layer[i];
		struct pkt_level *l = &m->l[ly->level];
		struct pkt_rpc *r = &l->rpc;
		const uint8_t *src, *dst;
		uint8_t family;

		if (ly->proto != PKT_PROTO_NFS && ly->proto != PKT_PROTO_SUNRPC)
			continue;
		r->matched = false;
		if (!r->has_dir || !level_addrs(l, &family, &src, &dst))
			return;
		/* -q prints no NFS over UDP or TCP; -T rpc's replies are still decoded */
		if (quiet && ly->proto == PKT_PROTO_NFS)
			return;
		if (r->direction == 0 && ly->proto == PKT_PROTO_NFS && r->has_proc)
			xids_enter(t, r, family, src, dst);
		else if (r->direction != 0 && r->has_stat && r->reply_stat == 0)
			xids_find(t, r, family, src, dst);
		return;
	}
}
