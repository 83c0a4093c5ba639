/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_ssfilter_bc.c: compiled bytecode passes the kernel's audit and agrees with user space. */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <cmocka.h>
#include <linux/inet_diag.h>

#include "diag/ssfilter_bc.h"

/*
 * The kernel's side, written from net/ipv4/inet_diag.c: inet_diag_bc_audit()
 * checks a program before any dump, inet_diag_bc_run() runs it per socket.
 */
#define OP_LEN ((int)sizeof(struct inet_diag_bc_op))

static bool valid_cc(const uint8_t *bc, int len, int cc)
{
	while (len >= 0) {
		struct inet_diag_bc_op op;

		if (cc > len)
			return false;
		if (cc == len)
			return true;
		memcpy(&op, bc, OP_LEN);
		if (op.yes < 4 || op.yes & 3)
			return false;
		len -= op.yes;
		bc += op.yes;
	}
	return false;
}

static int audit(const uint8_t *bytecode, int bytecode_len)
{
	const uint8_t *bc = bytecode;
	int len = bytecode_len;

	while (len > 0) {
		struct inet_diag_bc_op op;
		int min_len = OP_LEN;

		if (len < OP_LEN)
			return -EINVAL;
		memcpy(&op, bc, OP_LEN);
		switch (op.code) {
		case INET_DIAG_BC_S_COND:
		case INET_DIAG_BC_D_COND: {
			struct inet_diag_hostcond c;
			int alen;

			min_len += (int)sizeof(c);
			if (len < min_len)
				return -EINVAL;
			memcpy(&c, bc + OP_LEN, sizeof(c));
			if (c.family == AF_INET)
				alen = 4;
			else if (c.family == AF_INET6)
				alen = 16;
			else if (c.family == AF_UNSPEC)
				alen = 0;
			else
				return -EINVAL;
			min_len += alen;
			if (len < min_len || c.prefix_len > 8 * alen)
				return -EINVAL;
			break;
		}
		case INET_DIAG_BC_DEV_COND:
			min_len += 4;
			if (len < min_len)
				return -EINVAL;
			break;
		case INET_DIAG_BC_S_EQ:
		case INET_DIAG_BC_S_GE:
		case INET_DIAG_BC_S_LE:
		case INET_DIAG_BC_D_EQ:
		case INET_DIAG_BC_D_GE:
		case INET_DIAG_BC_D_LE:
			min_len += OP_LEN;
			if (len < min_len)
				return -EINVAL;
			break;
		case INET_DIAG_BC_MARK_COND:
			min_len += (int)sizeof(struct inet_diag_markcond);
			if (len < min_len)
				return -EINVAL;
			break;
		case INET_DIAG_BC_AUTO:
		case INET_DIAG_BC_JMP:
		case INET_DIAG_BC_NOP:
			break;
		default:
			return -EINVAL;
		}
		if (op.code != INET_DIAG_BC_NOP) {
			if (op.no < min_len || op.no > len + 4 || op.no & 3)
				return -EINVAL;
			if (op.no < len && !valid_cc(bytecode, bytecode_len, len - op.no))
				return -EINVAL;
		}
		if (op.yes < min_len || op.yes > len + 4 || op.yes & 3)
			return -EINVAL;
		bc += op.yes;
		len -= op.yes;
	}
	return len == 0 ? 0 : -EINVAL;
}

static bool bits_match(const uint8_t *a, const uint8_t *b, int bits)
{
	int bytes = bits / 8, rest = bits % 8;

	if (memcmp(a, b, (size_t)bytes))
		return false;
	return !rest || !((a[bytes] ^ b[bytes]) & (uint8_t)(0xff << (8 - rest)));
}

/* The kernel's entry: what inet_diag_bc_run sees of a socket. */
struct entry {
	int family;
	const uint8_t *saddr, *daddr;
	uint16_t sport, dport;
	uint32_t ifindex, mark;
	bool autobound;
};

static bool run(const uint8_t *bc, int len, const struct entry *e)
{
	static const uint8_t v4mapped[12] = { [10] = 0xff, [11] = 0xff };

	while (len > 0) {
		struct inet_diag_bc_op op, arg;
		bool yes = true;

		memcpy(&op, bc, OP_LEN);
		memcpy(&arg, bc + OP_LEN, OP_LEN);	/* the buffers are padded: always readable */
		switch (op.code) {
		case INET_DIAG_BC_NOP:
			break;
		case INET_DIAG_BC_JMP:
			yes = false;
			break;
		case INET_DIAG_BC_S_EQ:
			yes = e->sport == arg.no;
			break;
		case INET_DIAG_BC_S_GE:
			yes = e->sport >= arg.no;
			break;
		case INET_DIAG_BC_S_LE:
			yes = e->sport <= arg.no;
			break;
		case INET_DIAG_BC_D_EQ:
			yes = e->dport == arg.no;
			break;
		case INET_DIAG_BC_D_GE:
			yes = e->dport >= arg.no;
			break;
		case INET_DIAG_BC_D_LE:
			yes = e->dport <= arg.no;
			break;
		case INET_DIAG_BC_AUTO:
			yes = e->autobound;
			break;
		case INET_DIAG_BC_S_COND:
		case INET_DIAG_BC_D_COND: {
			struct inet_diag_hostcond c;
			const uint8_t *ca = bc + OP_LEN + sizeof(c);
			bool src = op.code == INET_DIAG_BC_S_COND;
			const uint8_t *addr = src ? e->saddr : e->daddr;

			memcpy(&c, bc + OP_LEN, sizeof(c));
			if (c.port != -1 && c.port != (src ? e->sport : e->dport)) {
				yes = false;
				break;
			}
			if (c.family != AF_UNSPEC && c.family != e->family) {
				yes = e->family == AF_INET6 && c.family == AF_INET &&
				      !memcmp(addr, v4mapped, 12) && bits_match(addr + 12, ca, c.prefix_len);
				break;
			}
			yes = !c.prefix_len || bits_match(addr, ca, c.prefix_len);
			break;
		}
		case INET_DIAG_BC_DEV_COND: {
			uint32_t ifindex;

			memcpy(&ifindex, bc + OP_LEN, 4);
			yes = ifindex == e->ifindex;
			break;
		}
		case INET_DIAG_BC_MARK_COND: {
			struct inet_diag_markcond mc;

			memcpy(&mc, bc + OP_LEN, sizeof(mc));
			yes = (e->mark & mc.mask) == mc.mark;
			break;
		}
		}
		len -= yes ? op.yes : op.no;
		bc += yes ? op.yes : op.no;
	}
	return len == 0;
}

static const struct ssf_env env = { .port_lo = 32768, .port_hi = 60999 };

/* Compiles text, audits it and checks it against ssfilter_match on r. */
static void check_one(const char *text, const struct sock_rec *r, bool *accepted)
{
	char *argv[] = { (char *)text };
	struct entry e = {
		.family = r->family, .saddr = r->src, .daddr = r->dst, .sport = r->sport,
		.dport = r->dport, .ifindex = r->ifindex, .mark = r->mark,
		.autobound = r->sport >= env.port_lo && r->sport <= env.port_hi,
	};
	struct ssfilter f;
	uint8_t *padded;
	char why[128];
	size_t len;
	void *bc;

	if (ssfilter_parse(1, argv, &f, why, sizeof(why)))
		fail_msg("'%s' does not parse: %s", text, why);
	assert_int_equal(ssfilter_bc_compile(f.expr, &bc, &len), 0);
	assert_non_null(bc);
	if (audit(bc, (int)len))
		fail_msg("'%s': the kernel's audit rejects the bytecode", text);
	padded = calloc(1, len + 64);
	assert_non_null(padded);
	memcpy(padded, bc, len);
	*accepted = run(padded, (int)len, &e);
	if (*accepted != ssfilter_match(f.expr, r, &env))
		fail_msg("'%s': kernel %d, user space %d", text, *accepted, !*accepted);
	free(padded);
	free(bc);
	ssfilter_free(&f);
}

static struct sock_rec sock(int af, const char *src, uint16_t sport, const char *dst,
			    uint16_t dport, uint32_t ifindex, uint32_t mark)
{
	struct sock_rec r = { .family = (uint8_t)af, .ifindex = ifindex, .mark = mark,
			      .has_mark = true };

	assert_int_equal(inet_pton(af, src, r.src), 1);
	assert_int_equal(inet_pton(af, dst, r.dst), 1);
	r.sport = sport;
	r.dport = dport;
	return r;
}

static const char *const filters[] = {
	"sport = :22",
	"sport != :22",
	"dport >= :1024",
	"dport < :1024",
	"sport > :40000 and sport <= :50000",
	"src 10.0.0.0/8",
	"src 10.0.0.1:22",
	"dst 192.168.0.0/16 or dst 10.0.0.0/24",
	"not dst 10.0.0.0/8",
	"src fe80::/10",
	"dst [2001:db8::5]:443",
	"src *:22",
	"src *",
	"src /run/*.sock",
	"src /run/*.sock or sport = :22",
	"not src /run/*",
	"dev = 3",
	"dev != 3",
	"fwmark = 0x10/0xf0",
	"fwmark != 7",
	"autobound",
	"not autobound and sport < :1024",
	"( sport = :22 or sport = :80 ) and not ( dst 10.0.0.0/8 or dport >= :60000 )",
	"not not not sport = :22",
	"sport = :1 or sport = :2 or sport = :3 or sport = :22 or sport = :5",
	"sport = :22 and dport = :50000 and src 10.0.0.1 and dst 10.0.0.2 and dev 3",
	"( not sport = :22 or dport = :1 ) and ( src 10.0.0.0/8 or not dst 10.0.0.0/8 )",
	"not ( not ( sport = :22 and not dport = :1 ) or not src 0.0.0.0/0 )",
};

static void test_fixed(void **state)
{
	const struct sock_rec socks[] = {
		sock(AF_INET, "10.0.0.1", 22, "10.0.0.2", 50000, 3, 0x15),
		sock(AF_INET, "192.168.1.1", 40001, "192.168.9.9", 80, 0, 7),
		sock(AF_INET6, "fe80::1", 22, "2001:db8::5", 443, 3, 0),
		sock(AF_INET6, "::ffff:10.0.0.1", 80, "::ffff:10.0.0.200", 1023, 1, 0x1f),
		sock(AF_INET6, "::", 0, "::", 0, 0, 0),
	};
	int accepted = 0;

	for (size_t i = 0; i < sizeof(filters) / sizeof(filters[0]); i++)
		for (size_t k = 0; k < sizeof(socks) / sizeof(socks[0]); k++) {
			bool a;

			check_one(filters[i], &socks[k], &a);
			accepted += a;
		}
	/* The cases do both: some sockets pass, some do not. */
	assert_true(accepted > 20);
	assert_true(accepted < (int)(sizeof(filters) / sizeof(filters[0]) * 5) - 20);
}

/* A small deterministic generator: random expressions over random sockets. */
static uint32_t rng = 12345;

static uint32_t rnd(uint32_t n)
{
	rng = rng * 1103515245u + 12345u;
	return (rng >> 16) % n;
}

static void gen(char *buf, size_t len, int depth)
{
	static const char *const leaves[] = {
		"sport = :22", "dport = :80", "sport >= :1000", "dport <= :1023", "sport > :30000",
		"dport < :2", "src 10.0.0.0/8", "dst 10.1.0.0/16", "src fe80::/10", "dst ::/0",
		"src 10.0.0.1", "dst 0.0.0.0/0", "dev 2", "fwmark 1/1", "autobound", "src *:80",
		"src /x*",
	};
	char a[2048], b[2048];

	switch (depth > 3 ? 0 : rnd(4)) {
	case 0:
		snprintf(buf, len, "%s", leaves[rnd(sizeof(leaves) / sizeof(leaves[0]))]);
		return;
	case 1:
		gen(a, sizeof(a), depth + 1);
		snprintf(buf, len, "not ( %s )", a);
		return;
	default:
		gen(a, sizeof(a), depth + 1);
		gen(b, sizeof(b), depth + 1);
		snprintf(buf, len, "( %s ) %s ( %s )", a, rnd(2) ? "and" : "or", b);
		return;
	}
}

static void test_random(void **state)
{
	static const char *const v4[] = { "10.0.0.1", "10.1.2.3", "192.168.0.1", "0.0.0.0" };
	static const char *const v6[] = { "fe80::1", "::1", "::ffff:10.0.0.1", "2001:db8::1" };
	static const uint16_t ports[] = { 0, 1, 2, 22, 80, 999, 1000, 1023, 30001, 40000 };
	char expr[8192];

	for (int i = 0; i < 3000; i++) {
		bool six = rnd(2), a;
		struct sock_rec r = sock(six ? AF_INET6 : AF_INET, (six ? v6 : v4)[rnd(4)],
					 ports[rnd(10)], (six ? v6 : v4)[rnd(4)], ports[rnd(10)],
					 rnd(3), rnd(4));

		gen(expr, sizeof(expr), 0);
		check_one(expr, &r, &a);
	}
}

static void test_empty_and_big(void **state)
{
	struct ssf_node *nodes = calloc(2 * 3000, sizeof(*nodes));
	void *bc = (void *)1;
	size_t len;

	assert_int_equal(ssfilter_bc_compile(NULL, &bc, &len), 0);
	assert_null(bc);
	assert_int_equal(len, 0);

	/*
	 * 3000 IPv6 conditions (28 bytes each) pass the 16-bit jumps.  The
	 * parser's word limit keeps such a tree out of reach of the command
	 * line, so it is built by hand: leaves at even, ands at odd indexes.
	 */
	assert_non_null(nodes);
	for (int i = 0; i < 3000; i++) {
		nodes[2 * i] = (struct ssf_node){ .op = SSF_SRC,
						  .host = { .family = AF_INET6, .prefix_len = 128,
							    .port = -1 } };
		if (i)
			nodes[2 * i + 1] = (struct ssf_node){ .op = SSF_AND,
							      .a = &nodes[2 * i - 1],
							      .b = &nodes[2 * i] };
	}
	nodes[1] = nodes[0];
	assert_int_equal(ssfilter_bc_compile(&nodes[2 * 3000 - 1], &bc, &len), -E2BIG);
	assert_null(bc);
	free(nodes);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixed),
		cmocka_unit_test(test_random),
		cmocka_unit_test(test_empty_and_big),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
