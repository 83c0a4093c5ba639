/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_ssfilter.c: the ss filter language: tokens, precedence, states, errors and matching. */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <cmocka.h>

#include "diag/ssfilter.h"

static const struct ssf_env env = { .port_lo = 32768, .port_hi = 60999 };

static struct sock_rec inet(int af, const char *src, uint16_t sport, const char *dst,
			    uint16_t dport)
{
	struct sock_rec r = { .family = (uint8_t)af, .table = SOCKTAB_TCP, .state = 1 };

	assert_int_equal(inet_pton(af, src, r.src), 1);
	assert_int_equal(inet_pton(af, dst, r.dst), 1);
	r.sport = sport;
	r.dport = dport;
	return r;
}

/* Parses text (one word) and evaluates it on r; the parse must succeed. */
static bool m(const char *text, const struct sock_rec *r)
{
	char *argv[] = { (char *)text };
	struct ssfilter f;
	char why[128];
	bool ok;

	if (ssfilter_parse(1, argv, &f, why, sizeof(why)))
		fail_msg("'%s' does not parse: %s", text, why);
	ok = ssfilter_match(f.expr, r, &env);
	ssfilter_free(&f);
	return ok;
}

/* The parse fails with -EINVAL and a reason containing word. */
static void bad(const char *text, const char *word)
{
	char *argv[] = { (char *)text };
	struct ssfilter f;
	char why[128];

	if (ssfilter_parse(1, argv, &f, why, sizeof(why)) != -EINVAL)
		fail_msg("'%s' parses", text);
	if (!strstr(why, word))
		fail_msg("'%s': reason '%s' lacks '%s'", text, why, word);
	assert_null(f.expr);
}

static void test_addresses(void **state)
{
	struct sock_rec r = inet(AF_INET, "10.1.2.3", 40000, "192.168.1.9", 443);
	struct sock_rec r6 = inet(AF_INET6, "fe80::1", 22, "2001:db8::5", 50000);
	struct sock_rec mapped = inet(AF_INET6, "::ffff:10.1.2.3", 80, "::ffff:1.2.3.4", 9);

	assert_true(m("src 10.1.2.3", &r));
	assert_true(m("src 10.0.0.0/8", &r));
	assert_false(m("src 10.0.0.0/16", &r));
	assert_true(m("src 10.1.2.0/23", &r));
	assert_true(m("dst = 192.168.1.9:443", &r));
	assert_false(m("dst 192.168.1.9:444", &r));
	assert_true(m("dst != 192.168.1.10", &r));
	assert_true(m("src *:40000", &r));
	assert_true(m("src :40000", &r));
	assert_true(m("src *", &r));
	assert_true(m("src 0.0.0.0/0", &r));
	assert_false(m("src 0.0.0.0/0", &r6));
	assert_true(m("src fe80::/10", &r6));
	assert_true(m("src [fe80::1]:22", &r6));
	assert_false(m("src [fe80::1]:23", &r6));
	assert_true(m("dst 2001:db8::/32", &r6));
	assert_false(m("dst 2001:db9::/32", &r6));
	/* An IPv4 condition matches an IPv4-mapped IPv6 address, as in the kernel. */
	assert_true(m("src 10.1.2.3", &mapped));
	assert_true(m("src 10.0.0.0/8", &mapped));
	assert_false(m("src 11.0.0.0/8", &mapped));
	assert_false(m("src 10.1.2.3", &r6));
	/* A port may be a service name. */
	assert_true(m("dport = https", &r));
	assert_true(m("dst :https", &r));
}

static void test_ports(void **state)
{
	struct sock_rec r = inet(AF_INET, "10.0.0.1", 1000, "10.0.0.2", 2000);

	assert_true(m("sport = :1000", &r));
	assert_true(m("sport == 1000", &r));
	assert_true(m("sport eq :1000", &r));
	assert_true(m("sport :1000", &r));
	assert_false(m("sport != :1000", &r));
	assert_true(m("sport ne :999", &r));
	assert_true(m("sport >= :1000", &r));
	assert_false(m("sport > :1000", &r));
	assert_true(m("sport > :999", &r));
	assert_true(m("sport <= :1000", &r));
	assert_false(m("sport < :1000", &r));
	assert_true(m("sport lt :1001", &r));
	assert_true(m("dport gt :1999 and dport le :2000", &r));
	assert_true(m("dport geq 2000 && dport leq 2000", &r));
	/* Operators need no blanks around them. */
	assert_true(m("dport>=:2000", &r));
	assert_true(m("(sport=:1000)", &r));
}

static void test_logic(void **state)
{
	struct sock_rec r = inet(AF_INET, "10.0.0.1", 22, "10.0.0.2", 50000);

	assert_true(m("sport = :22 and dport = :50000", &r));
	assert_true(m("sport = :22 dport = :50000", &r));
	assert_false(m("sport = :22 & dport = :1", &r));
	assert_true(m("sport = :1 or dport = :50000", &r));
	assert_true(m("sport = :1 || sport = :22", &r));
	assert_true(m("not sport = :1", &r));
	assert_true(m("! sport = :1", &r));
	assert_false(m("!sport = :22", &r));
	assert_true(m("not not sport = :22", &r));
	/* not binds tightest, then and, then or. */
	assert_true(m("sport = :22 or sport = :1 and dport = :1", &r));
	assert_false(m("( sport = :22 or sport = :1 ) and dport = :1", &r));
	assert_true(m("not sport = :1 and dport = :50000", &r));
	assert_false(m("not ( sport = :1 or dport = :50000 )", &r));
	assert_true(m("((((sport = :22))))", &r));
}

/* A namespace with eth0 (index 3) and no lo. */
static unsigned lookup_eth0(const char *name, void *arg)
{
	return strcmp(name, "eth0") ? 0 : 3;
}

static void test_dev_mark_auto(void **state)
{
	struct sock_rec r = inet(AF_INET, "10.0.0.1", 40000, "10.0.0.2", 80);
	char *argv[] = { "dev = eth0 or dev lo" };
	struct ssfilter f;
	char why[64];

	r.ifindex = 3;
	r.has_mark = true;
	r.mark = 0x1234;
	assert_true(m("dev = 3", &r));
	assert_false(m("dev 4", &r));
	assert_true(m("dev != 4", &r));
	assert_true(m("fwmark = 0x1234", &r));
	assert_true(m("fwmark 0x34/0xff", &r));
	assert_false(m("fwmark 0x35/0xff", &r));
	assert_false(m("fwmark != 4660/0xf000", &r));
	assert_true(m("fwmark != 0x2000/0xf000", &r));
	assert_true(m("autobound", &r));
	r.sport = 22;
	assert_false(m("autobound", &r));
	/* Names are resolved per namespace; unknown ones match nothing. */
	assert_int_equal(ssfilter_parse(1, argv, &f, why, sizeof(why)), 0);
	assert_false(ssfilter_match(f.expr, &r, &env));
	assert_string_equal(ssfilter_resolve(&f, lookup_eth0, NULL), "lo");
	assert_true(ssfilter_match(f.expr, &r, &env));
	ssfilter_free(&f);
}

static void test_unix_paths(void **state)
{
	struct sock_rec u = { .family = AF_UNIX, .table = SOCKTAB_UNIX_STREAM };
	struct sock_rec t = inet(AF_INET, "10.0.0.1", 1, "10.0.0.2", 2);

	u.path = "/run/app.sock";
	u.path_len = strlen(u.path) + 1;	/* the kernel counts the NUL of a pathname */
	assert_true(m("src /run/*.sock", &u));
	assert_true(m("src unix:/run/app.*", &u));
	assert_false(m("src /tmp/*", &u));
	assert_false(m("src /run/*", &t));
	/* Inet conditions never match UNIX sockets; "*" matches everything. */
	assert_false(m("sport = :1", &u));
	assert_false(m("src 0.0.0.0/0", &u));
	assert_true(m("src *", &u));
	assert_true(m("not sport = :1", &u));
	u.path = "\0abstract";
	u.path_len = 9;
	assert_true(m("src @abs*", &u));
	u.path = NULL;
	u.path_len = 0;
	assert_false(m("src /*", &u));
}

/* autobound for UNIX and packet sockets, as ss's user-space test has it. */
static void test_autobound_other(void **state)
{
	struct sock_rec u = { .family = AF_UNIX, .table = SOCKTAB_UNIX_DGRAM };
	struct sock_rec p = { .family = AF_PACKET, .table = SOCKTAB_PACKET_RAW };
	struct sock_rec t = inet(AF_INET, "10.0.0.1", 7000, "10.0.0.2", 40000);

	/* Unnamed, or the kernel's autobind name: NUL and five hex digits. */
	assert_true(m("autobound", &u));
	u.path = "\0" "0001f";
	u.path_len = 6;
	assert_true(m("autobound", &u));
	u.path = "\0" "0001g";
	assert_false(m("autobound", &u));
	u.path = "\0" "abcdef";
	u.path_len = 7;
	assert_false(m("autobound", &u));
	u.path = "/run/a.sock";
	u.path_len = 12;
	assert_false(m("autobound", &u));
	/* Packet: bound to no interface. */
	assert_true(m("autobound", &p));
	p.ifindex = 2;
	assert_false(m("autobound", &p));
	/* inet: the local port decides, whatever the peer's. */
	assert_false(m("autobound", &t));
}

static void test_states(void **state)
{
	char *argv[] = { "state", "established", "state", "listening", "sport", "=", ":22" };
	char *excl[] = { "exclude listening exclude time-wait" };
	char *groups[] = { "state connected exclude established" };
	char *only[] = { "state bucket" };
	struct ssfilter f;
	char why[64];

	assert_int_equal(ssfilter_parse(7, argv, &f, why, sizeof(why)), 0);
	assert_true(f.has_states);
	assert_int_equal(f.states, 1u << SOCK_ST_ESTABLISHED | 1u << SOCK_ST_LISTEN);
	assert_non_null(f.expr);
	ssfilter_free(&f);

	assert_int_equal(ssfilter_parse(1, excl, &f, why, sizeof(why)), 0);
	assert_int_equal(f.states,
			 SOCK_STATES_ALL & ~(1u << SOCK_ST_LISTEN | 1u << SOCK_ST_TIME_WAIT));
	assert_null(f.expr);
	ssfilter_free(&f);

	assert_int_equal(ssfilter_parse(1, groups, &f, why, sizeof(why)), 0);
	assert_int_equal(f.states, SOCK_STATES_ALL & ~(1u << SOCK_ST_LISTEN | 1u << SOCK_ST_CLOSE |
						       1u << SOCK_ST_ESTABLISHED));
	ssfilter_free(&f);

	assert_int_equal(ssfilter_parse(1, only, &f, why, sizeof(why)), 0);
	assert_int_equal(f.states, 1u << SOCK_ST_SYN_RECV | 1u << SOCK_ST_NEW_SYN_RECV |
					   1u << SOCK_ST_TIME_WAIT);
	ssfilter_free(&f);

	/* Nothing at all: every socket, no state words. */
	assert_int_equal(ssfilter_parse(0, NULL, &f, why, sizeof(why)), 0);
	assert_false(f.has_states);
	assert_null(f.expr);
}

static void test_errors(void **state)
{
	bad("foo", "foo: unknown filter word");
	bad("state", "state: needs a value");
	bad("state bogus", "bogus: unknown state");
	bad("sport = :1 state established", "state words come before");
	bad("dport = :99999", "not an address, prefix or port");
	bad("dport = nosuchservice", "nosuchservice");
	bad("src 10.0.0.300", "10.0.0.300");
	bad("src 10.0.0.0/33", "10.0.0.0/33");
	bad("src fe80::/129", "fe80::/129");
	bad("src 10.0.0.0/", "10.0.0.0/");
	bad("src [::1", "[::1");
	bad("src [::1]x", "[::1]x");
	bad("src 1.2.3.4:", "1.2.3.4:");
	bad("dst /run/x", "src only");
	bad("src > :1", "only = and !=");
	bad("dport > 10.0.0.1", "a range needs a port");
	bad("( sport = :1", "no closing parenthesis");
	bad("sport = :1 )", "): unexpected here");
	bad("and", "and: unknown filter word");
	bad("sport = :1 or", "filter ends too early");
	bad("not", "filter ends too early");
	bad("sport", "sport: needs a value");
	bad("sport = (", "sport: needs a value");
	bad("dev", "dev: needs a value");
	bad("dev > 1", "only = and !=");
	bad("dev 4294967295", "not an interface index");
	bad("dev averyveryverylongname", "too long");
	bad("fwmark = x", "not a MARK");
	bad("fwmark = 1/y", "not a MARK");
	bad("fwmark = 4294967296", "not a MARK");
}

static void test_limits(void **state)
{
	size_t n = 100 * 4 + 16, len = 0;
	char *deep = malloc(n), *many;

	assert_non_null(deep);
	for (int i = 0; i < 100; i++)
		len += (size_t)snprintf(deep + len, n - len, "not ");
	snprintf(deep + len, n - len, "autobound");
	bad(deep, "nests too deeply");
	free(deep);

	n = 5000 * 10 + 1;
	many = malloc(n);
	assert_non_null(many);
	len = 0;
	for (int i = 0; i < 5000; i++)
		len += (size_t)snprintf(many + len, n - len, "autobound ");
	bad(many, "filter too long");
	free(many);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_addresses),
		cmocka_unit_test(test_ports),
		cmocka_unit_test(test_logic),
		cmocka_unit_test(test_dev_mark_auto),
		cmocka_unit_test(test_unix_paths),
		cmocka_unit_test(test_autobound_other),
		cmocka_unit_test(test_states),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_limits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
