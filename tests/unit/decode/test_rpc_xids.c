/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_rpc_xids.c: unit tests for the NFS xid map: replies find their call, 64 calls at most. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "decode/rpc_xids.h"

static const uint8_t CLIENT[4] = { 10, 0, 0, 1 }, SERVER[4] = { 10, 0, 0, 2 },
		     OTHER[4] = { 10, 0, 0, 3 };

/* A packet of IPv4, UDP and an NFS message, as the dissector leaves it. */
static void nfs_packet(struct pkt_meta *m, const uint8_t *src, const uint8_t *dst, uint32_t xid,
		       bool call, uint32_t proc)
{
	struct pkt_level *l = &m->l[0];

	memset(m, 0, sizeof(*m));
	m->n_layers = 3;
	m->layer[0].proto = PKT_PROTO_IPV4;
	m->layer[1].proto = PKT_PROTO_UDP;
	m->layer[2].proto = PKT_PROTO_NFS;
	l->net = PKT_PROTO_IPV4;
	memcpy(l->ip4.src, src, 4);
	memcpy(l->ip4.dst, dst, 4);
	l->rpc = (struct pkt_rpc){ .has_dir = true, .xid = xid, .direction = call ? 0 : 1,
				   .has_proc = call, .vers = 3, .proc = proc, .has_stat = !call };
}

static bool reply_finds(struct rpc_xids *t, const uint8_t *server, const uint8_t *client,
			uint32_t xid, uint32_t *proc)
{
	struct pkt_meta m;

	nfs_packet(&m, server, client, xid, false, 0);
	rpc_xids_track(t, &m, false);
	*proc = m.l[0].rpc.call_proc;
	return m.l[0].rpc.matched;
}

static void test_match(void **state)
{
	struct rpc_xids *t = rpc_xids_new();
	struct pkt_meta m;
	uint32_t proc = 0;

	(void)state;
	assert_non_null(t);
	nfs_packet(&m, CLIENT, SERVER, 7, true, 6);
	rpc_xids_track(t, &m, false);
	assert_true(reply_finds(t, SERVER, CLIENT, 7, &proc));
	assert_int_equal(proc, 6);
	/* another xid, or the same from another server, or to another client: no call */
	assert_false(reply_finds(t, SERVER, CLIENT, 8, &proc));
	assert_false(reply_finds(t, OTHER, CLIENT, 7, &proc));
	assert_false(reply_finds(t, SERVER, OTHER, 7, &proc));
	/* -q decodes no NFS: tcpdump remembers no call then */
	nfs_packet(&m, CLIENT, SERVER, 9, true, 1);
	rpc_xids_track(t, &m, true);
	assert_false(reply_finds(t, SERVER, CLIENT, 9, &proc));
	rpc_xids_free(t);
}

/* 64 calls are kept: the 65th takes the oldest's place. */
static void test_bound(void **state)
{
	struct rpc_xids *t = rpc_xids_new();
	struct pkt_meta m;
	uint32_t proc = 0;

	(void)state;
	for (uint32_t i = 0; i <= RPC_XIDS_SIZE; i++) {
		nfs_packet(&m, CLIENT, SERVER, 100 + i, true, i % 22);
		rpc_xids_track(t, &m, false);
	}
	assert_false(reply_finds(t, SERVER, CLIENT, 100, &proc));
	assert_true(reply_finds(t, SERVER, CLIENT, 101, &proc));
	assert_int_equal(proc, 1);
	assert_true(reply_finds(t, SERVER, CLIENT, 100 + RPC_XIDS_SIZE, &proc));
	assert_int_equal(proc, RPC_XIDS_SIZE % 22);
	rpc_xids_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_match),
		cmocka_unit_test(test_bound),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
