/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_sockscan.c: selection, filters, namespaces and refusals over a hand-made recording. */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "diag/sockdiag_file.h"
#include "diag/sockscan.h"
#include "sockdiag_msgs.h"

static char *rec_buf;
static size_t rec_len;

static void write_dump(FILE *f, uint8_t af, uint16_t proto, unsigned flags, struct msgbuf *b)
{
	struct sockdiag_req req = { .family = af, .protocol = proto };

	assert_int_equal(sockdiag_file_write_dump(f, &req, flags, b->mem, b->len), 0);
	memset(b, 0, sizeof(*b));
}

/*
 * Namespace "a": eth0 is index 2; TCP over IPv4 (a listener, a connection
 * bound to eth0, one in TIME-WAIT), TCP over IPv6 (one connection), UNIX (a
 * stream pair and an unconnected datagram socket), and SCTP refused by the
 * kernel.  Namespace "b": one TCP connection, and no eth0.
 */
static int setup(void **state)
{
	struct msgbuf b = { 0 };
	FILE *f = open_memstream(&rec_buf, &rec_len);
	struct nlmsghdr *nlh;

	assert_non_null(f);
	assert_int_equal(sockdiag_file_write_header(f), 0);
	assert_int_equal(sockdiag_file_write_netns(f, "a"), 0);
	assert_int_equal(sockdiag_file_write_link(f, 1, "lo"), 0);
	assert_int_equal(sockdiag_file_write_link(f, 2, "eth0"), 0);
	msg_end(&b, put_inet(&b, AF_INET, 10, "0.0.0.0", 22, "0.0.0.0", 0, 2, 128, 11));
	nlh = put_inet(&b, AF_INET, 1, "10.0.0.1", 22, "10.0.0.9", 40000, 0, 0, 12);
	((struct inet_diag_msg *)mnl_nlmsg_get_payload(nlh))->id.idiag_if = 2;
	msg_end(&b, nlh);
	msg_end(&b, put_inet(&b, AF_INET, 6, "10.0.0.1", 22, "10.0.0.8", 40001, 0, 0, 0));
	write_dump(f, AF_INET, IPPROTO_TCP, SOCKDIAG_FILE_FILTERED, &b);
	put_done(&b, 0);
	write_dump(f, AF_INET, IPPROTO_TCP, 0, &b);
	msg_end(&b, put_inet(&b, AF_INET6, 1, "::1", 8080, "::1", 50000, 5, 0, 13));
	put_done(&b, 0);
	write_dump(f, AF_INET6, IPPROTO_TCP, 0, &b);
	put_error(&b, -ENOENT);
	write_dump(f, AF_INET, IPPROTO_SCTP, 0, &b);
	msg_end(&b, put_unix(&b, SOCK_STREAM, 1, 21));
	msg_end(&b, put_unix(&b, SOCK_STREAM, 1, 22));
	msg_end(&b, put_unix(&b, SOCK_DGRAM, 7, 23));
	put_done(&b, 0);
	write_dump(f, AF_UNIX, 0, 0, &b);
	assert_int_equal(sockdiag_file_write_netns(f, "b"), 0);
	assert_int_equal(sockdiag_file_write_link(f, 1, "lo"), 0);
	msg_end(&b, put_inet(&b, AF_INET, 1, "10.9.0.1", 443, "10.9.0.2", 1234, 0, 0, 31));
	put_done(&b, 0);
	write_dump(f, AF_INET, IPPROTO_TCP, 0, &b);
	assert_int_equal(fclose(f), 0);
	return 0;
}

static int teardown(void **state)
{
	free(rec_buf);
	return 0;
}

struct got {
	char list[512];	/* "netns/inode/dev " per socket */
	int n;
};

static int collect(const struct sock_rec *r, const struct sockscan_where *w, void *arg)
{
	struct got *g = arg;
	const char *dev = r->ifindex ? w->ifname(r->ifindex, w->ifname_arg) : "-";
	size_t len = strlen(g->list);

	snprintf(g->list + len, sizeof(g->list) - len, "%s/%llu/%s ", w->netns ? w->netns : "-",
		 (unsigned long long)r->inode, dev ? dev : "?");
	g->n++;
	return 0;
}

/* Runs a replay with s's selection and the filter words; the sockets' list. */
static int run(struct sockscan *s, const char *filter, struct got *g)
{
	struct ssfilter f = { 0 };
	char *argv[] = { (char *)filter };
	char why[64];
	int err;

	memset(g, 0, sizeof(*g));
	if (filter) {
		assert_int_equal(ssfilter_parse(1, argv, &f, why, sizeof(why)), 0);
		s->filter = &f;
		if (f.has_states)
			s->states = f.states;
	}
	s->replay = fmemopen(rec_buf, rec_len, "r");
	assert_non_null(s->replay);
	err = sockscan_run(s, collect, g);
	fclose(s->replay);
	s->replay = NULL;
	s->filter = NULL;
	ssfilter_free(&f);
	return err;
}

static void test_all(void **state)
{
	struct sockscan s;
	struct got g;

	sockscan_init(&s);
	assert_int_equal(run(&s, NULL, &g), 0);
	assert_string_equal(g.list, "-/11/- -/12/eth0 -/0/- -/13/- -/21/- -/22/- -/23/- -/31/- ");
	assert_int_equal(s.seen, 1u << SOCKTAB_TCP | 1u << SOCKTAB_UNIX_STREAM |
					 1u << SOCKTAB_UNIX_DGRAM | 1u << SOCKTAB_UNIX_SEQPACKET);
	/* --all-netns shows the recorded namespaces. */
	s.all_netns = true;
	assert_int_equal(run(&s, NULL, &g), 0);
	assert_string_equal(g.list, "a/11/- a/12/eth0 a/0/- a/13/- a/21/- a/22/- a/23/- b/31/- ");
	sockscan_fini(&s);
}

static void test_selection(void **state)
{
	struct sockscan s;
	struct got g;

	sockscan_init(&s);
	s.tables = 1u << SOCKTAB_TCP;
	s.ipv6 = false;
	s.states = SOCK_STATES_ALL & ~(1u << SOCK_ST_LISTEN | 1u << SOCK_ST_TIME_WAIT);
	assert_int_equal(run(&s, NULL, &g), 0);
	assert_string_equal(g.list, "-/12/eth0 -/31/- ");
	s.tables = 1u << SOCKTAB_UNIX_DGRAM;
	s.states = SOCK_STATES_ALL;
	assert_int_equal(run(&s, NULL, &g), 0);
	assert_string_equal(g.list, "-/23/- ");
	sockscan_fini(&s);
}

static void test_filters(void **state)
{
	struct sockscan s;
	struct got g;

	sockscan_init(&s);
	/* A recording is filtered again, even the dumps the kernel filtered. */
	assert_int_equal(run(&s, "sport = :22", &g), 0);
	assert_string_equal(g.list, "-/11/- -/12/eth0 -/0/- ");
	assert_int_equal(run(&s, "state established dst 10.0.0.0/8 or dst ::1", &g), 0);
	assert_string_equal(g.list, "-/12/eth0 -/13/- -/31/- ");
	/* dev names resolve per recorded namespace: b has no eth0. */
	s.states = SOCK_STATES_ALL;
	assert_int_equal(run(&s, "dev eth0", &g), 0);
	assert_string_equal(g.list, "-/12/eth0 ");
	assert_int_equal(run(&s, "not dev eth0 and sport >= :443", &g), 0);
	assert_string_equal(g.list, "-/13/- -/31/- ");
	sockscan_fini(&s);
}

static void test_refusals(void **state)
{
	struct sockscan s;
	struct got g;

	sockscan_init(&s);
	/* The recorded kernel lacked SCTP: an error only when asked for by name. */
	s.tables |= 1u << SOCKTAB_SCTP;
	s.required = 1u << SOCKTAB_SCTP;
	assert_int_equal(run(&s, NULL, &g), -ENOENT);
	assert_string_equal(s.what, "sctp");
	sockscan_fini(&s);

	/* Not a recording. */
	sockscan_init(&s);
	s.replay = fmemopen((void *)"garbage!garbage!", 16, "r");
	assert_int_equal(sockscan_run(&s, collect, &g), -EBADMSG);
	assert_string_equal(s.what, "--replay");
	fclose(s.replay);
	sockscan_fini(&s);
}

static int stop_second(const struct sock_rec *r, const struct sockscan_where *w, void *arg)
{
	return ++*(int *)arg == 2 ? -ECANCELED : 0;
}

static void test_callback_stops(void **state)
{
	struct sockscan s;
	int n = 0;

	sockscan_init(&s);
	s.replay = fmemopen(rec_buf, rec_len, "r");
	assert_int_equal(sockscan_run(&s, stop_second, &n), -ECANCELED);
	assert_int_equal(n, 2);
	fclose(s.replay);
	sockscan_fini(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_all),
		cmocka_unit_test(test_selection),
		cmocka_unit_test(test_filters),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_callback_stops),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
