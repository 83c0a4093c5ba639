/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_packet_diag.c: unit tests for the packet_diag reply parser and the owners of packet sockets. */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <libmnl/libmnl.h>
#include <linux/filter.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <linux/packet_diag.h>
#include <linux/sock_diag.h>

#include "diag/packet_diag.h"
#include "diag/packet_owners.h"

struct msgbuf {
	uint64_t mem[1024];
	size_t len;
};

static struct nlmsghdr *put_sock(struct msgbuf *b, uint32_t ino, uint8_t type, uint16_t proto)
{
	struct packet_diag_msg *m;
	struct nlmsghdr *nlh;

	assert_true(b->len + 1024 <= sizeof(b->mem));
	nlh = mnl_nlmsg_put_header((char *)b->mem + b->len);
	nlh->nlmsg_type = SOCK_DIAG_BY_FAMILY;
	nlh->nlmsg_flags = NLM_F_MULTI;
	m = mnl_nlmsg_put_extra_header(nlh, sizeof(*m));
	m->pdiag_family = AF_PACKET;
	m->pdiag_type = type;
	m->pdiag_num = proto;
	m->pdiag_ino = ino;
	m->pdiag_cookie[0] = ino * 2;
	m->pdiag_cookie[1] = 1;
	return nlh;
}

static struct nlmsghdr *first(struct msgbuf *b)
{
	void *p = b->mem;

	return p;
}

static void end(struct msgbuf *b, const struct nlmsghdr *nlh)
{
	b->len += MNL_ALIGN(nlh->nlmsg_len);
}

/* A capture with a TPACKET_V3 ring, fanout and a filter, and a plain socket with drops. */
static void build(struct msgbuf *b)
{
	struct packet_diag_info info = { .pdi_index = 3, .pdi_version = TPACKET_V3,
					 .pdi_flags = PDI_RUNNING | PDI_AUXDATA };
	struct packet_diag_ring ring = { .pdr_block_size = 1 << 20, .pdr_block_nr = 4,
					 .pdr_frame_size = 2048, .pdr_frame_nr = 2048,
					 .pdr_retire_tmo = 10 };
	uint32_t mem[SK_MEMINFO_VARS] = { [SK_MEMINFO_RMEM_ALLOC] = 4096,
					  [SK_MEMINFO_RCVBUF] = 212992, [SK_MEMINFO_DROPS] = 17 };
	struct sock_filter insns[4] = { { 0 } };
	struct nlmsghdr *nlh;

	b->len = 0;
	nlh = put_sock(b, 1000, SOCK_RAW, ETH_P_ALL);
	mnl_attr_put(nlh, PACKET_DIAG_INFO, sizeof(info), &info);
	mnl_attr_put(nlh, PACKET_DIAG_RX_RING, sizeof(ring), &ring);
	mnl_attr_put_u32(nlh, PACKET_DIAG_FANOUT, 42 | (uint32_t)PACKET_FANOUT_CPU << 16);
	mnl_attr_put_u32(nlh, PACKET_DIAG_UID, 1000);
	mnl_attr_put(nlh, PACKET_DIAG_MEMINFO, sizeof(mem), mem);
	mnl_attr_put(nlh, PACKET_DIAG_FILTER, sizeof(insns), insns);
	end(b, nlh);
	nlh = put_sock(b, 1001, SOCK_DGRAM, ETH_P_IP);
	info.pdi_index = 0;
	info.pdi_version = TPACKET_V1;
	mnl_attr_put(nlh, PACKET_DIAG_INFO, sizeof(info), &info);
	mnl_attr_put(nlh, PACKET_DIAG_MEMINFO, sizeof(mem), mem);
	/* Empty: a filter we may not see (no CAP_NET_ADMIN). */
	mnl_attr_put(nlh, PACKET_DIAG_FILTER, 0, NULL);
	end(b, nlh);
}

static void test_parse(void **state)
{
	struct packet_diag_snap s;
	const struct packet_sock *p;
	struct msgbuf b;

	build(&b);
	assert_int_equal(packet_diag_parse(b.mem, b.len, &s), 0);
	assert_int_equal(s.n, 2);
	assert_false(s.has_owners);
	p = packet_diag_find(&s, 1000);
	assert_non_null(p);
	assert_int_equal(p->cookie, (uint64_t)1 << 32 | 2000);
	assert_int_equal(p->type, SOCK_RAW);
	assert_int_equal(p->proto, ETH_P_ALL);
	assert_true(p->has_info);
	assert_int_equal(p->ifindex, 3);
	assert_int_equal(p->version, TPACKET_V3);
	assert_int_equal(p->flags, PDI_RUNNING | PDI_AUXDATA);
	assert_true(p->has_rx_ring);
	assert_false(p->has_tx_ring);
	assert_int_equal(packet_diag_ring_bytes(&p->rx_ring), 4 << 20);
	assert_int_equal(p->rx_ring.frame_nr, 2048);
	assert_int_equal(p->rx_ring.retire_tmo_ms, 10);
	assert_true(p->has_fanout);
	assert_int_equal(p->fanout_id, 42);
	assert_int_equal(p->fanout_mode, PACKET_FANOUT_CPU);
	assert_int_equal(p->uid, 1000);
	assert_int_equal(p->rmem_alloc, 4096);
	assert_int_equal(p->rcvbuf, 212992);
	assert_int_equal(p->drops, 17);
	assert_true(p->filter_known);
	assert_int_equal(p->filter_insns, 4);
	p = packet_diag_find(&s, 1001);
	assert_non_null(p);
	assert_int_equal(p->ifindex, 0);
	assert_false(p->has_rx_ring);
	assert_false(p->has_fanout);
	assert_false(p->filter_known);
	assert_null(packet_diag_find(&s, 1002));
	packet_diag_free(&s);
}

static void test_bad(void **state)
{
	uint32_t short_mem[SK_MEMINFO_DROPS] = { 0 };
	struct packet_diag_snap s;
	struct nlmsghdr *nlh;
	struct msgbuf b;

	/* A short info, a short ring, a short meminfo, a filter of half an instruction. */
	for (int i = 0; i < 4; i++) {
		static const uint16_t types[] = { PACKET_DIAG_INFO, PACKET_DIAG_RX_RING,
						  PACKET_DIAG_MEMINFO, PACKET_DIAG_FILTER };

		b.len = 0;
		nlh = put_sock(&b, 5, SOCK_RAW, ETH_P_ALL);
		mnl_attr_put(nlh, types[i], i == 3 ? 4 : 8, short_mem);
		end(&b, nlh);
		if (packet_diag_parse(b.mem, b.len, &s) != -EBADMSG)
			fail_msg("attribute %u of 8 bytes was not rejected", types[i]);
		packet_diag_free(&s);
	}
	/* Not AF_PACKET, no inode, another message type, truncated. */
	build(&b);
	((struct packet_diag_msg *)mnl_nlmsg_get_payload(first(&b)))->pdiag_family = AF_INET;
	assert_int_equal(packet_diag_parse(b.mem, b.len, &s), -EBADMSG);
	packet_diag_free(&s);
	build(&b);
	((struct packet_diag_msg *)mnl_nlmsg_get_payload(first(&b)))->pdiag_ino = 0;
	assert_int_equal(packet_diag_parse(b.mem, b.len, &s), -EBADMSG);
	packet_diag_free(&s);
	build(&b);
	first(&b)->nlmsg_type = NLMSG_MIN_TYPE;
	assert_int_equal(packet_diag_parse(b.mem, b.len, &s), -EBADMSG);
	packet_diag_free(&s);
	build(&b);
	assert_int_equal(packet_diag_parse(b.mem, b.len - 8, &s), -EBADMSG);
	packet_diag_free(&s);
}

/* The one parser sockets -0 shares: a short meminfo is kept as it came, no inode is no error. */
static void test_parse_msg(void **state)
{
	uint32_t mem[SK_MEMINFO_RCVBUF + 1] = { [SK_MEMINFO_RMEM_ALLOC] = 512,
						[SK_MEMINFO_RCVBUF] = 4096 };
	uint32_t req[64] = { 0 };
	struct packet_diag_snap s;
	struct packet_sock ps;
	struct packet_diag_req *r;
	struct nlmsghdr *nlh;
	struct msgbuf b;

	b.len = 0;
	nlh = put_sock(&b, 0, SOCK_DGRAM, ETH_P_IP);
	mnl_attr_put_u32(nlh, PACKET_DIAG_UID, 7);
	mnl_attr_put(nlh, PACKET_DIAG_MEMINFO, sizeof(mem), mem);
	end(&b, nlh);
	assert_int_equal(packet_diag_parse_msg(first(&b), &ps), 0);
	assert_int_equal(ps.ino, 0);
	assert_true(ps.has_uid);
	assert_int_equal(ps.uid, 7);
	assert_true(ps.has_meminfo);
	assert_int_equal(ps.skmem_len, sizeof(mem));
	assert_int_equal(ps.skmem[SK_MEMINFO_RCVBUF], 4096);
	assert_int_equal(ps.rmem_alloc, 512);
	assert_int_equal(ps.drops, 0);
	/* The top panel reads up to SK_MEMINFO_DROPS and wants an inode: both are malformed there. */
	assert_int_equal(packet_diag_parse(b.mem, b.len, &s), -EBADMSG);
	packet_diag_free(&s);

	nlh = mnl_nlmsg_put_header(req);
	packet_diag_put_req(nlh, PACKET_SHOW_INFO | PACKET_SHOW_FILTER);
	r = mnl_nlmsg_get_payload(nlh);
	assert_int_equal(nlh->nlmsg_len, MNL_NLMSG_HDRLEN + MNL_ALIGN(sizeof(*r)));
	assert_int_equal(r->sdiag_family, AF_PACKET);
	assert_int_equal(r->pdiag_show, PACKET_SHOW_INFO | PACKET_SHOW_FILTER);
}

static void test_owners_text(void **state)
{
	static const char *const bad[] = {
		"1000 1 x", "x 1 a\n", "1000 0 a\n", "0 1 a\n", "1000 1\n",
		"1000 1 abcdefghijklmnop\n",
		"1000 1 a\tb\n", "4294967296 1 a\n", "1000 2147483648 a\n",
	};
	struct packet_diag_snap s;
	char *text;
	size_t len;
	struct msgbuf b;

	build(&b);
	assert_int_equal(packet_diag_parse(b.mem, b.len, &s), 0);
	/* Comm may hold spaces; an owner of a socket not in the dump is stale and skipped. */
	assert_int_equal(packet_owners_apply(&s, "1001 77 my tool\n999 5 gone\n", 27), 0);
	assert_true(s.has_owners);
	assert_int_equal(packet_diag_find(&s, 1000)->pid, 0);
	assert_int_equal(packet_diag_find(&s, 1001)->pid, 77);
	assert_string_equal(packet_diag_find(&s, 1001)->comm, "my tool");
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (packet_owners_apply(&s, bad[i], strlen(bad[i])) != -EBADMSG)
			fail_msg("\"%s\" was not rejected", bad[i]);

	/* The same sockets again: the owners come from the sample before, no scan. */
	assert_int_equal(packet_owners_apply(&s, "1001 77 my tool\n", 16), 0);
	{
		struct packet_diag_snap cur;

		assert_int_equal(packet_diag_parse(b.mem, b.len, &cur), 0);
		assert_int_equal(packet_owners_reuse(&s, &cur, &text, &len), 1);
		assert_int_equal(len, 16);
		assert_memory_equal(text, "1001 77 my tool\n", 16);
		free(text);
		/* A new socket: scan again. */
		cur.socks[0].ino = 2000;
		assert_int_equal(packet_owners_reuse(&s, &cur, &text, &len), 0);
		assert_null(text);
		/* Never looked up: scan. */
		s.has_owners = false;
		cur.socks[0].ino = 1000;
		assert_int_equal(packet_owners_reuse(&s, &cur, &text, &len), 0);
		packet_diag_free(&cur);
	}
	packet_diag_free(&s);
}

static void make_link(const char *dir, const char *name, const char *target)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	assert_int_equal(symlink(target, path), 0);
}

static void make_dir(const char *path)
{
	assert_int_equal(mkdir(path, 0755), 0);
}

static void write_comm(const char *dir, const char *comm)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/comm", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(comm, f);
	fclose(f);
}

/* A /proc of two processes: the first (in readdir order) holding a socket wins. */
static void test_scan(void **state)
{
	char root[] = "/tmp/test_packet_diag.XXXXXX", dir[256], cmd[300];
	struct packet_diag_snap s;
	struct msgbuf b;
	char *text;
	size_t len;

	assert_non_null(mkdtemp(root));
	snprintf(dir, sizeof(dir), "%s/42", root);
	make_dir(dir);
	write_comm(dir, "tcpdump\n");
	snprintf(dir, sizeof(dir), "%s/42/fd", root);
	make_dir(dir);
	make_link(dir, "0", "/dev/null");
	make_link(dir, "3", "socket:[1000]");
	make_link(dir, "4", "socket:[99]");
	snprintf(dir, sizeof(dir), "%s/self", root);
	make_dir(dir);
	snprintf(dir, sizeof(dir), "%s/7x", root);
	make_dir(dir);

	build(&b);
	assert_int_equal(packet_diag_parse(b.mem, b.len, &s), 0);
	assert_int_equal(packet_owners_scan(root, &s, &text, &len), 0);
	assert_non_null(text);
	assert_int_equal(len, strlen("1000 42 tcpdump\n"));
	assert_memory_equal(text, "1000 42 tcpdump\n", len);
	assert_int_equal(packet_owners_apply(&s, text, len), 0);
	assert_int_equal(packet_diag_find(&s, 1000)->pid, 42);
	assert_int_equal(packet_diag_find(&s, 1001)->pid, 0);
	free(text);
	packet_diag_free(&s);

	/* No sockets: no scan at all; no /proc: its error. */
	s.n = 0;
	s.socks = NULL;
	assert_int_equal(packet_owners_scan("/nonexistent", &s, &text, &len), 0);
	assert_null(text);
	build(&b);
	assert_int_equal(packet_diag_parse(b.mem, b.len, &s), 0);
	assert_int_equal(packet_owners_scan("/nonexistent", &s, &text, &len), -ENOENT);
	packet_diag_free(&s);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	assert_int_equal(system(cmd), 0);
}

/* A packet socket of our own shows up in a live dump with its owner. */
static void test_live(void **state)
{
	struct packet_diag_snap s;
	const struct packet_sock *p;
	char *text;
	size_t len;
	struct stat st;
	void *buf;
	int fd, err;

	fd = socket(AF_PACKET, SOCK_DGRAM, 0);
	if (fd < 0) {
		skip();		/* no CAP_NET_RAW */
		return;
	}
	err = packet_diag_dump(&buf, &len);
	if (err == -ENOENT) {
		close(fd);
		skip();		/* no af_packet_diag */
		return;
	}
	assert_int_equal(err, 0);
	assert_int_equal(fstat(fd, &st), 0);
	assert_int_equal(packet_diag_parse(buf, len, &s), 0);
	p = packet_diag_find(&s, (uint32_t)st.st_ino);
	assert_non_null(p);
	assert_int_equal(p->type, SOCK_DGRAM);
	assert_int_equal(packet_owners_scan("/proc", &s, &text, &len), 0);
	assert_int_equal(packet_owners_apply(&s, text, len), 0);
	assert_int_equal(packet_diag_find(&s, (uint32_t)st.st_ino)->pid, getpid());
	free(text);
	packet_diag_free(&s);
	free(buf);
	close(fd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_bad),
		cmocka_unit_test(test_parse_msg),
		cmocka_unit_test(test_owners_text),
		cmocka_unit_test(test_scan),
		cmocka_unit_test(test_live),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
