/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_sockdiag.c: the sock_diag reply parser on hand-built and hostile messages, and a live dump. */
#include "config.h"

#include <errno.h>
#include <netinet/in.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <linux/tcp.h>

#include "diag/sockdiag.h"
#include "sockdiag_msgs.h"

static const struct sockdiag_req req_tcp4 = { .family = AF_INET, .protocol = IPPROTO_TCP };
static const struct sockdiag_req req_unix = { .family = AF_UNIX };
static const struct sockdiag_req req_packet = { .family = AF_PACKET };

/* What the callback saw: a copy of the last record (pointers dropped) and a count. */
struct seen {
	int n;
	struct sock_rec last;
	char cong[16];
	char path[64];
	size_t path_len, info_len, skmem_len;
	uint32_t skmem0;
	int stop_at;	/* non-zero: return -ECANCELED on this record */
};

static int on_sock(const struct sock_rec *r, void *arg)
{
	struct seen *s = arg;

	s->n++;
	s->last = *r;
	if (r->cong)
		snprintf(s->cong, sizeof(s->cong), "%s", r->cong);
	if (r->path) {
		s->path_len = r->path_len < sizeof(s->path) ? r->path_len : sizeof(s->path);
		memcpy(s->path, r->path, s->path_len);
	}
	s->info_len = r->info ? r->info_len : 0;
	s->skmem_len = r->skmem ? r->skmem_len : 0;
	if (r->skmem && r->skmem_len >= 4)
		memcpy(&s->skmem0, r->skmem, 4);
	return s->stop_at && s->n == s->stop_at ? -ECANCELED : 0;
}

/*
 * Parses a copy of len bytes placed right before a PROT_NONE page: libmnl is
 * not built with ASan, so only a fault shows a read past len inside it.  The
 * copy starts 4-byte aligned, which leaves at most 3 unguarded bytes.
 */
static int parse_exact(const struct sockdiag_req *req, const struct msgbuf *b, size_t len,
		       struct seen *s)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE), data_pages = sizeof(b->mem) / page + 1;
	size_t map_len = (data_pages + 1) * page;
	char *map = mmap(NULL, map_len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *copy;
	int err;

	assert_true(map != MAP_FAILED);
	assert_int_equal(mprotect(map + data_pages * page, page, PROT_NONE), 0);
	copy = map + data_pages * page - ((len + 3) & ~(size_t)3);
	memcpy(copy, b->mem, len);
	memset(s, 0, sizeof(*s));
	err = sockdiag_parse(req, copy, len, 0, 0, on_sock, s);
	munmap(map, map_len);
	return err;
}

/* A TCP socket with every attribute the parser reads. */
static size_t build_tcp(struct msgbuf *b)
{
	struct nlmsghdr *nlh;
	struct tcp_info ti = { .tcpi_rtt = 1234, .tcpi_snd_cwnd = 10 };
	uint32_t skmem[SK_MEMINFO_VARS] = { 111, 222, 333 };
	uint64_t cgroup = 0x1122334455667788ull;

	memset(b, 0, sizeof(*b));
	nlh = put_inet(b, AF_INET, 1, "10.0.0.1", 40000, "10.0.0.2", 443, 7, 9, 4242);
	mnl_attr_put(nlh, INET_DIAG_INFO, sizeof(ti), &ti);
	mnl_attr_put_strz(nlh, INET_DIAG_CONG, "bbr");
	mnl_attr_put(nlh, INET_DIAG_SKMEMINFO, sizeof(skmem), skmem);
	mnl_attr_put_u8(nlh, INET_DIAG_TOS, 0x10);
	mnl_attr_put_u8(nlh, INET_DIAG_SHUTDOWN, 2);
	mnl_attr_put_u32(nlh, INET_DIAG_MARK, 77);
	mnl_attr_put(nlh, INET_DIAG_CGROUP_ID, sizeof(cgroup), &cgroup);
	/* An attribute the parser does not know is skipped. */
	mnl_attr_put_u32(nlh, 200, 1);
	msg_end(b, nlh);
	return b->len;
}

static void test_inet(void **state)
{
	struct msgbuf b;
	struct seen s;
	size_t msg_len = build_tcp(&b);
	static const uint8_t src[4] = { 10, 0, 0, 1 }, dst[4] = { 10, 0, 0, 2 };

	put_done(&b, 0);
	assert_int_equal(parse_exact(&req_tcp4, &b, b.len, &s), 1);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.last.table, SOCKTAB_TCP);
	assert_int_equal(s.last.family, AF_INET);
	assert_int_equal(s.last.state, SOCK_ST_ESTABLISHED);
	assert_memory_equal(s.last.src, src, 4);
	assert_memory_equal(s.last.dst, dst, 4);
	assert_int_equal(s.last.sport, 40000);
	assert_int_equal(s.last.dport, 443);
	assert_int_equal(s.last.rqueue, 7);
	assert_int_equal(s.last.wqueue, 9);
	assert_int_equal(s.last.inode, 4242);
	assert_int_equal(s.last.cookie, 8484);
	assert_int_equal(s.last.uid, 1000);
	assert_string_equal(s.cong, "bbr");
	assert_int_equal(s.info_len, sizeof(struct tcp_info));
	assert_int_equal(s.skmem_len, SK_MEMINFO_VARS * 4);
	assert_int_equal(s.skmem0, 111);
	assert_true(s.last.has_tos);
	assert_int_equal(s.last.tos, 0x10);
	assert_true(s.last.has_shutdown);
	assert_int_equal(s.last.shutdown, 2);
	assert_true(s.last.has_mark);
	assert_int_equal(s.last.mark, 77);
	assert_true(s.last.has_cgroup);
	assert_int_equal(s.last.cgroup_id, 0x1122334455667788ull);

	/* The message alone (the datagram's end without NLMSG_DONE): more to come. */
	assert_int_equal(parse_exact(&req_tcp4, &b, msg_len, &s), 0);
	assert_int_equal(s.n, 1);
}

static void test_inet6_and_tables(void **state)
{
	static const struct {
		uint16_t proto;
		enum sock_table table;
	} cases[] = {
		{ IPPROTO_TCP, SOCKTAB_TCP },	{ IPPROTO_UDP, SOCKTAB_UDP },
		{ IPPROTO_RAW, SOCKTAB_RAW },	{ IPPROTO_SCTP, SOCKTAB_SCTP },
		{ 262, SOCKTAB_MPTCP },
	};
	struct sockdiag_req req = { .family = AF_INET6 };
	struct msgbuf b = { 0 };
	struct nlmsghdr *nlh;
	struct seen s;
	uint8_t want[16];

	nlh = put_inet(&b, AF_INET6, 10, "fe80::1", 22, "::", 0, 3, 128, 9);
	msg_end(&b, nlh);
	inet_pton(AF_INET6, "fe80::1", want);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		req.protocol = cases[i].proto;
		assert_int_equal(parse_exact(&req, &b, b.len, &s), 0);
		assert_int_equal(s.n, 1);
		assert_int_equal(s.last.table, cases[i].table);
		assert_int_equal(s.last.family, AF_INET6);
		assert_int_equal(s.last.state, SOCK_ST_LISTEN);
		assert_memory_equal(s.last.src, want, 16);
	}
	/* A protocol no table has. */
	req.protocol = IPPROTO_ICMP;
	assert_int_equal(parse_exact(&req, &b, b.len, &s), -EINVAL);
}

/*
 * The familyless TCP request (AF_UNSPEC): its replies carry TCPDIAG_GETSOCK
 * as their type and either family; that type answers no other request.
 */
static void test_tcp_both_families(void **state)
{
	static const struct sockdiag_req req_tcp = { .family = AF_UNSPEC,
						     .protocol = IPPROTO_TCP };
	struct msgbuf b = { 0 };
	struct nlmsghdr *nlh;
	struct seen s;

	nlh = put_inet(&b, AF_INET, 1, "10.0.0.1", 40000, "10.0.0.2", 443, 7, 9, 4242);
	nlh->nlmsg_type = 18;	/* TCPDIAG_GETSOCK */
	msg_end(&b, nlh);
	nlh = put_inet(&b, AF_INET6, 10, "fe80::1", 22, "::", 0, 3, 128, 9);
	nlh->nlmsg_type = 18;
	msg_end(&b, nlh);
	assert_int_equal(parse_exact(&req_tcp, &b, b.len, &s), 0);
	assert_int_equal(s.n, 2);
	assert_int_equal(s.last.table, SOCKTAB_TCP);
	assert_int_equal(s.last.family, AF_INET6);
	assert_int_equal(s.last.state, SOCK_ST_LISTEN);
	assert_int_equal(parse_exact(&req_tcp4, &b, b.len, &s), -EBADMSG);
}

static void test_unix(void **state)
{
	struct unix_diag_rqlen rq = { .udiag_rqueue = 100, .udiag_wqueue = 200 };
	struct msgbuf b = { 0 };
	struct nlmsghdr *nlh;
	struct seen s;

	nlh = put_unix(&b, SOCK_SEQPACKET, 1, 55);
	mnl_attr_put(nlh, UNIX_DIAG_NAME, 5, "\0abst");
	mnl_attr_put_u32(nlh, UNIX_DIAG_PEER, 56);
	mnl_attr_put(nlh, UNIX_DIAG_RQLEN, sizeof(rq), &rq);
	mnl_attr_put_u32(nlh, UNIX_DIAG_UID, 33);
	mnl_attr_put_u8(nlh, UNIX_DIAG_SHUTDOWN, 3);
	msg_end(&b, nlh);
	put_done(&b, 0);
	assert_int_equal(parse_exact(&req_unix, &b, b.len, &s), 1);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.last.table, SOCKTAB_UNIX_SEQPACKET);
	assert_int_equal(s.last.inode, 55);
	assert_true(s.last.has_peer);
	assert_int_equal(s.last.peer_inode, 56);
	assert_int_equal(s.last.rqueue, 100);
	assert_int_equal(s.last.wqueue, 200);
	assert_true(s.last.has_uid);
	assert_int_equal(s.last.uid, 33);
	assert_int_equal(s.last.shutdown, 3);
	assert_int_equal(s.path_len, 5);
	assert_memory_equal(s.path, "\0abst", 5);
}

static void test_packet(void **state)
{
	uint32_t skmem[SK_MEMINFO_VARS] = { 4096 };
	struct msgbuf b = { 0 };
	struct nlmsghdr *nlh;
	struct seen s;

	nlh = put_packet(&b, SOCK_DGRAM, 0x0806, 77, 3);
	mnl_attr_put(nlh, PACKET_DIAG_MEMINFO, sizeof(skmem), skmem);
	msg_end(&b, nlh);
	assert_int_equal(parse_exact(&req_packet, &b, b.len, &s), 0);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.last.table, SOCKTAB_PACKET_DGRAM);
	assert_int_equal(s.last.packet_proto, 0x0806);
	assert_int_equal(s.last.ifindex, 3);
	assert_int_equal(s.last.rqueue, 4096);
	assert_int_equal(s.last.state, SOCK_ST_CLOSE);
}

/* Every cut of a valid datagram is rejected or parsed up to the cut, never read past. */
static void test_truncated(void **state)
{
	struct msgbuf b;
	size_t first = build_tcp(&b);
	struct nlmsghdr *nlh = put_inet(&b, AF_INET, 1, "1.1.1.1", 1, "2.2.2.2", 2, 0, 0, 5);
	size_t second;
	struct seen s;

	msg_end(&b, nlh);
	second = b.len;
	put_done(&b, 0);
	for (size_t len = 0; len <= b.len; len++) {
		int err = parse_exact(&req_tcp4, &b, len, &s);

		if (len == 0) {
			assert_int_equal(err, 0);
			assert_int_equal(s.n, 0);
		} else if (len < first) {
			assert_int_equal(err, -EBADMSG);
			assert_int_equal(s.n, 0);
		} else if (len == first) {
			assert_int_equal(err, 0);
			assert_int_equal(s.n, 1);
		} else if (len < second) {
			assert_int_equal(err, -EBADMSG);
			assert_int_equal(s.n, 1);
		} else if (len < b.len) {
			assert_true(err == 0 || err == -EBADMSG);
			assert_int_equal(s.n, 2);
		} else {
			assert_int_equal(err, 1);
			assert_int_equal(s.n, 2);
		}
	}
}

/* Sets the length of the attribute of type t in the message at the start of b. */
static void set_attr_len(struct msgbuf *b, uint16_t t, uint16_t len)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)msgbuf_at(b, 0);
	struct nlattr *a;

	mnl_attr_for_each(a, nlh, sizeof(struct inet_diag_msg)) {
		if (mnl_attr_get_type(a) == t) {
			a->nla_len = len;
			return;
		}
	}
	fail_msg("no attribute %u", t);
}

static void test_hostile_attrs(void **state)
{
	static const struct {
		uint16_t type;
		uint16_t len;
	} cases[] = {
		{ INET_DIAG_INFO, 3 },			/* shorter than an attribute header */
		{ INET_DIAG_INFO, 0xfff0 },		/* past the message */
		{ INET_DIAG_CONG, 4 + 3 },		/* "bbr" without its NUL */
		{ INET_DIAG_CONG, 4 },			/* empty string attribute */
		{ INET_DIAG_TOS, 4 },			/* u8 without its byte */
		{ INET_DIAG_MARK, 4 + 2 },		/* u32 cut short */
		{ INET_DIAG_CGROUP_ID, 4 + 4 },		/* u64 cut short */
	};
	struct msgbuf b;
	struct seen s;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t len = build_tcp(&b);

		set_attr_len(&b, cases[i].type, cases[i].len);
		assert_int_equal(parse_exact(&req_tcp4, &b, len, &s), -EBADMSG);
		assert_int_equal(s.n, 0);
	}
}

static void test_hostile_headers(void **state)
{
	struct msgbuf b = { 0 };
	struct nlmsghdr *nlh;
	struct seen s;
	size_t len;

	/* nlmsg_len past the buffer, then under a netlink header. */
	len = build_tcp(&b);
	nlh = (struct nlmsghdr *)msgbuf_at(&b, 0);
	nlh->nlmsg_len = (uint32_t)len + 4;
	assert_int_equal(parse_exact(&req_tcp4, &b, len, &s), -EBADMSG);
	nlh->nlmsg_len = 8;
	assert_int_equal(parse_exact(&req_tcp4, &b, len, &s), -EBADMSG);
	nlh->nlmsg_len = 0x80000010u;
	assert_int_equal(parse_exact(&req_tcp4, &b, len, &s), -EBADMSG);

	/* A message too short for its family's header. */
	memset(&b, 0, sizeof(b));
	nlh = msg_start(&b, SOCK_DIAG_BY_FAMILY);
	mnl_nlmsg_put_extra_header(nlh, sizeof(struct inet_diag_msg) - 4);
	((struct inet_diag_msg *)mnl_nlmsg_get_payload(nlh))->idiag_family = AF_INET;
	msg_end(&b, nlh);
	assert_int_equal(parse_exact(&req_tcp4, &b, b.len, &s), -EBADMSG);

	/* A family that is not the dump's; a UNIX type that does not exist. */
	memset(&b, 0, sizeof(b));
	msg_end(&b, put_inet(&b, AF_UNIX, 1, "1.1.1.1", 1, "2.2.2.2", 2, 0, 0, 5));
	assert_int_equal(parse_exact(&req_tcp4, &b, b.len, &s), -EBADMSG);
	memset(&b, 0, sizeof(b));
	msg_end(&b, put_unix(&b, 9, 1, 5));
	assert_int_equal(parse_exact(&req_unix, &b, b.len, &s), -EBADMSG);
	memset(&b, 0, sizeof(b));
	msg_end(&b, put_packet(&b, SOCK_STREAM, 3, 5, 1));
	assert_int_equal(parse_exact(&req_packet, &b, b.len, &s), -EBADMSG);

	/* A message type no dump sends; NOOP is skipped. */
	memset(&b, 0, sizeof(b));
	msg_end(&b, msg_start(&b, NLMSG_NOOP));
	msg_end(&b, put_inet(&b, AF_INET, 1, "1.1.1.1", 1, "2.2.2.2", 2, 0, 0, 5));
	assert_int_equal(parse_exact(&req_tcp4, &b, b.len, &s), 0);
	assert_int_equal(s.n, 1);
	msg_end(&b, msg_start(&b, 16));	/* RTM_NEWLINK: not a sock_diag reply */
	assert_int_equal(parse_exact(&req_tcp4, &b, b.len, &s), -EBADMSG);
}

static void test_errors(void **state)
{
	struct msgbuf b = { 0 };
	struct seen s;

	put_error(&b, -ENOENT);
	assert_int_equal(parse_exact(&req_tcp4, &b, b.len, &s), -ENOENT);
	memset(&b, 0, sizeof(b));
	put_done(&b, -EINVAL);
	assert_int_equal(parse_exact(&req_tcp4, &b, b.len, &s), -EINVAL);
	/* An NLMSG_ERROR too short for its struct. */
	memset(&b, 0, sizeof(b));
	msg_end(&b, msg_start(&b, NLMSG_ERROR));
	assert_int_equal(parse_exact(&req_tcp4, &b, b.len, &s), -EBADMSG);
	/* A bare NLMSG_DONE (old kernels send no errno) ends the dump. */
	memset(&b, 0, sizeof(b));
	msg_end(&b, msg_start(&b, NLMSG_DONE));
	assert_int_equal(parse_exact(&req_tcp4, &b, b.len, &s), 1);
}

static void test_seq_portid(void **state)
{
	struct msgbuf b = { 0 };
	struct nlmsghdr *nlh = put_inet(&b, AF_INET, 1, "1.1.1.1", 1, "2.2.2.2", 2, 0, 0, 5);
	struct seen s = { 0 };

	nlh->nlmsg_seq = 10;
	nlh->nlmsg_pid = 20;
	msg_end(&b, nlh);
	assert_int_equal(sockdiag_parse(&req_tcp4, b.mem, b.len, 10, 20, on_sock, &s), 0);
	assert_int_equal(s.n, 1);
	assert_int_equal(sockdiag_parse(&req_tcp4, b.mem, b.len, 11, 20, on_sock, &s), -EPROTO);
	assert_int_equal(sockdiag_parse(&req_tcp4, b.mem, b.len, 10, 21, on_sock, &s), -EPROTO);
	assert_int_equal(s.n, 1);
	/* Not aligned as a recv buffer is. */
	assert_int_equal(sockdiag_parse(&req_tcp4, (char *)b.mem + 2, b.len, 0, 0, on_sock, &s),
			 -EINVAL);
}

static void test_callback_stops(void **state)
{
	struct msgbuf b = { 0 };
	struct seen s = { .stop_at = 2 };

	for (uint32_t i = 1; i <= 3; i++)
		msg_end(&b, put_inet(&b, AF_INET, 1, "1.1.1.1", 1, "2.2.2.2", 2, 0, 0, i));
	assert_int_equal(sockdiag_parse(&req_tcp4, b.mem, b.len, 0, 0, on_sock, &s), -ECANCELED);
	assert_int_equal(s.n, 2);
}

static void test_names(void **state)
{
	assert_string_equal(sockdiag_table_name(SOCKTAB_UNIX_STREAM), "u_str");
	assert_string_equal(sockdiag_table_name(SOCKTAB_PACKET_DGRAM), "p_dgr");
	assert_string_equal(sockdiag_table_name(SOCKTAB_COUNT), "?");
	assert_string_equal(sockdiag_state_name(SOCK_ST_ESTABLISHED), "ESTAB");
	assert_string_equal(sockdiag_state_name(SOCK_ST_CLOSE), "UNCONN");
	assert_string_equal(sockdiag_state_name(SOCK_ST_NEW_SYN_RECV), "SYN-RECV");
	assert_string_equal(sockdiag_state_name(200), "UNKNOWN");
}

/* What the live dump looks for: the two ends of our own socketpair. */
struct pair_seen {
	uint64_t ino[2];
	int found;
	bool peers_match;
	unsigned raw_datagrams;
};

static int on_pair(const struct sock_rec *r, void *arg)
{
	struct pair_seen *p = arg;

	for (int i = 0; i < 2; i++)
		if (r->inode == p->ino[i]) {
			p->found++;
			p->peers_match &= r->has_peer && r->peer_inode == p->ino[!i] &&
					  r->table == SOCKTAB_UNIX_STREAM &&
					  r->state == SOCK_ST_ESTABLISHED && r->rqueue == (i ? 0 : 3);
		}
	return 0;
}

static int on_raw(const struct sockdiag_req *req, const void *buf, size_t len, void *arg)
{
	((struct pair_seen *)arg)->raw_datagrams++;
	return 0;
}

/* UNIX sockets can be dumped without privileges: our own pair must be there. */
static void test_live_unix(void **state)
{
	struct sockdiag_req req = { .family = AF_UNIX, .states = SOCK_STATES_ALL };
	struct pair_seen p = { .peers_match = true };
	struct stat st;
	int fds[2];

	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
	assert_int_equal(write(fds[1], "abc", 3), 3);
	for (int i = 0; i < 2; i++) {
		assert_int_equal(fstat(fds[i], &st), 0);
		p.ino[i] = st.st_ino;
	}
	assert_int_equal(sockdiag_dump(&req, on_pair, on_raw, &p), 0);
	assert_int_equal(p.found, 2);
	assert_true(p.peers_match);
	assert_true(p.raw_datagrams >= 1);
	close(fds[0]);
	close(fds[1]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_inet),
		cmocka_unit_test(test_inet6_and_tables),
		cmocka_unit_test(test_tcp_both_families),
		cmocka_unit_test(test_unix),
		cmocka_unit_test(test_packet),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_hostile_attrs),
		cmocka_unit_test(test_hostile_headers),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_seq_portid),
		cmocka_unit_test(test_callback_stops),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_live_unix),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
