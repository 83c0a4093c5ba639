/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_view_sockets.c: the sockets row as text and JSON: endpoints, groups, tcp_info, summary. */
#include "config.h"

#include <arpa/inet.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <cmocka.h>
#include <linux/tcp.h>

#include "cmd/sockets/view_sockets.h"

static const char *ifname(uint32_t ifindex, void *arg)
{
	return ifindex == 2 ? "eth0" : NULL;
}

static const struct view_sockets_ctx ctx = { .ifname = ifname };

/* The output of rows emitted in mode with groups, as one string (caller frees). */
static char *render(enum fmt_mode mode, unsigned groups, const struct sock_rec *r, size_t n)
{
	struct fmt_opts o = { .numeric = true };
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	struct fmt *f = fmt_new(mode, out, &o);

	assert_non_null(f);
	fmt_table_begin(f, &view_sockets, groups);
	for (size_t i = 0; i < n; i++)
		view_sockets_emit(f, &r[i], &ctx);
	fmt_table_end(f);
	assert_int_equal(fmt_flush(f), 0);
	fmt_free(f);
	fclose(out);
	return buf;
}

static struct sock_rec tcp6(void)
{
	struct sock_rec r = { .table = SOCKTAB_TCP, .family = AF_INET6, .state = 1,
			      .rqueue = 5, .wqueue = 7, .sport = 22, .dport = 50000,
			      .ifindex = 2, .inode = 99, .cookie = 3, .uid = 0, .has_uid = true };

	inet_pton(AF_INET6, "fe80::1", r.src);
	inet_pton(AF_INET6, "fe80::2", r.dst);
	return r;
}

static void test_text(void **state)
{
	struct sock_rec r[3] = { tcp6() };
	char *out;

	r[1] = (struct sock_rec){ .table = SOCKTAB_UNIX_STREAM, .family = AF_UNIX, .state = 10,
				  .rqueue = 1, .wqueue = 128, .inode = 40, .path = "\0bus",
				  .path_len = 4 };
	r[2] = (struct sock_rec){ .table = SOCKTAB_PACKET_RAW, .family = AF_PACKET, .state = 7,
				  .packet_proto = 0x0003, .ifindex = 2, .inode = 41 };
	out = render(FMT_TEXT, SOCK_GRP_NETID, r, 3);
	assert_string_equal(out,
		"Netid  State   Recv-Q  Send-Q  Local Address:Port  Peer Address:Port\n"
		"tcp    ESTAB        5       7  [fe80::1%eth0]:22   [fe80::2]:50000\n"
		"u_str  LISTEN       1     128  @bus:40             *\n"
		"p_raw  UNCONN       0       0  all:eth0            *\n");
	free(out);
}

static void test_json(void **state)
{
	struct sock_rec r[2] = { tcp6() };
	struct tcp_info ti = { .tcpi_rtt = 1500, .tcpi_rto = 204000, .tcpi_snd_cwnd = 10,
			       .tcpi_snd_ssthresh = 0x7fffffff, .tcpi_pacing_rate = 1000,
			       .tcpi_bytes_acked = 4096 };
	char *out;

	r[0].info = &ti;
	r[0].info_len = sizeof(ti);
	r[0].cong = "cubic";
	r[0].timer = 2;
	r[0].expires_ms = 1500;
	r[0].retrans = 1;
	r[1] = (struct sock_rec){ .table = SOCKTAB_UNIX_DGRAM, .family = AF_UNIX, .state = 7,
				  .inode = 50, .path = "/run/x\0", .path_len = 7, .has_peer = true,
				  .peer_inode = 51 };
	out = render(FMT_JSON, SOCK_GRP_INFO | SOCK_GRP_TIMER, r, 2);
	assert_non_null(strstr(out, "\"netid\":\"tcp\",\"state\":\"ESTAB\",\"recv_q\":5,\"send_q\":7,"
				    "\"local\":\"[fe80::1%eth0]:22\",\"peer\":\"[fe80::2]:50000\","
				    "\"local_addr\":\"fe80::1\",\"local_port\":22,"
				    "\"peer_addr\":\"fe80::2\",\"peer_port\":50000,\"iface\":\"eth0\","
				    "\"uid\":0,\"inode\":99,\"peer_inode\":null,\"cookie\":3,"));
	assert_non_null(strstr(out, "\"timer\":\"keepalive\",\"timer_expires_us\":1500000,"
				    "\"timer_retrans\":1,"));
	assert_non_null(strstr(out, "\"cong\":\"cubic\",\"rtt_us\":1500,"));
	assert_non_null(strstr(out, "\"rto_us\":204000,"));
	assert_non_null(strstr(out, "\"cwnd\":10,\"ssthresh\":null,"));
	assert_non_null(strstr(out, "\"bytes_acked\":4096,"));
	assert_non_null(strstr(out, "\"pacing_rate_bps\":8000"));
	/* Not in this view's groups: no memory keys; no tcp_info for UNIX. */
	assert_null(strstr(out, "rmem_alloc_bytes"));
	assert_non_null(strstr(out, "\"netid\":\"u_dgr\",\"state\":\"UNCONN\",\"recv_q\":0,"
				    "\"send_q\":0,\"local\":\"/run/x:50\",\"peer\":\"*:51\","
				    "\"local_addr\":\"/run/x\",\"local_port\":50,\"peer_addr\":null,"
				    "\"peer_port\":51,"));
	assert_non_null(strstr(out, "\"peer_inode\":51,"));
	assert_non_null(strstr(out, "\"rtt_us\":null"));
	free(out);
}

static void test_summary(void **state)
{
	struct sock_summary s = { 0 };
	struct sock_rec r = tcp6();
	struct fmt_opts o = { 0 };
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	struct fmt *f = fmt_new(FMT_JSON, out, &o);

	view_sockets_summary_add(&s, &r);
	r.state = SOCK_ST_NEW_SYN_RECV;
	r.family = AF_INET;
	view_sockets_summary_add(&s, &r);
	r = (struct sock_rec){ .table = SOCKTAB_UNIX_STREAM, .family = AF_UNIX, .state = 10 };
	view_sockets_summary_add(&s, &r);
	view_sockets_summary_emit(f, &s, 1u << SOCKTAB_TCP | 1u << SOCKTAB_UNIX_STREAM);
	fmt_free(f);
	fclose(out);
	assert_string_equal(buf,
		"{\"summary\":["
		"{\"netid\":\"tcp\",\"total\":2,\"ipv4\":1,\"ipv6\":1,\"established\":1,\"syn_sent\":0,"
		"\"syn_recv\":1,\"fin_wait1\":0,\"fin_wait2\":0,\"time_wait\":0,\"unconn\":0,"
		"\"close_wait\":0,\"last_ack\":0,\"listen\":0,\"closing\":0},"
		"{\"netid\":\"u_str\",\"total\":1,\"ipv4\":null,\"ipv6\":null,\"established\":0,"
		"\"syn_sent\":0,\"syn_recv\":0,\"fin_wait1\":0,\"fin_wait2\":0,\"time_wait\":0,"
		"\"unconn\":0,\"close_wait\":0,\"last_ack\":0,\"listen\":1,\"closing\":0},"
		"{\"netid\":\"total\",\"total\":3,\"ipv4\":1,\"ipv6\":1,\"established\":1,"
		"\"syn_sent\":0,\"syn_recv\":1,\"fin_wait1\":0,\"fin_wait2\":0,\"time_wait\":0,"
		"\"unconn\":0,\"close_wait\":0,\"last_ack\":0,\"listen\":1,\"closing\":0}]}\n");
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_summary),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
