/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_tcpinfo.c: tcp_info of every length, and the congestion controls' own info. */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "diag/tcpinfo.h"

static void test_lengths(void **state)
{
	struct tcp_info src;
	struct tcpinfo t;
	uint8_t big[sizeof(src) + 64];

	memset(&src, 0, sizeof(src));
	src.tcpi_rtt = 1500;
	src.tcpi_snd_cwnd = 10;
	src.tcpi_bytes_acked = 1234567;
	src.tcpi_snd_wnd = 65535;
	src.tcpi_snd_wscale = 7;
	src.tcpi_rcv_wscale = 9;

	/* Too short for the oldest layout. */
	assert_int_equal(tcpinfo_parse(&src, TCPINFO_MIN_LEN - 1, &t), -EBADMSG);
	assert_int_equal(tcpinfo_parse(NULL, 0, &t), -EBADMSG);

	/* The oldest layout: the base fields, none of the later ones. */
	assert_int_equal(tcpinfo_parse(&src, TCPINFO_MIN_LEN, &t), 0);
	assert_int_equal(t.ti.tcpi_rtt, 1500);
	assert_int_equal(t.ti.tcpi_snd_cwnd, 10);
	assert_int_equal(t.ti.tcpi_snd_wscale, 7);
	assert_int_equal(t.ti.tcpi_rcv_wscale, 9);
	assert_true(TCPINFO_HAS(&t, tcpi_total_retrans));
	assert_false(TCPINFO_HAS(&t, tcpi_pacing_rate));
	assert_false(TCPINFO_HAS(&t, tcpi_bytes_acked));
	assert_int_equal(t.ti.tcpi_bytes_acked, 0);

	/* Up to bytes_received: that much and no more. */
	assert_int_equal(tcpinfo_parse(&src, offsetof(struct tcp_info, tcpi_segs_out), &t), 0);
	assert_true(TCPINFO_HAS(&t, tcpi_bytes_received));
	assert_int_equal(t.ti.tcpi_bytes_acked, 1234567);
	assert_false(TCPINFO_HAS(&t, tcpi_segs_out));

	/* A newer kernel's longer struct is cut to what this build knows. */
	memset(big, 0xee, sizeof(big));
	memcpy(big, &src, sizeof(src));
	assert_int_equal(tcpinfo_parse(big, sizeof(big), &t), 0);
	assert_int_equal(t.len, sizeof(t.ti));
	assert_true(TCPINFO_HAS(&t, tcpi_snd_wnd));
	assert_int_equal(t.ti.tcpi_snd_wnd, 65535);
}

static void test_cc(void **state)
{
	struct tcp_bbr_info bbr = { .bbr_bw_lo = 5, .bbr_bw_hi = 1, .bbr_min_rtt = 900,
				    .bbr_pacing_gain = 739, .bbr_cwnd_gain = 512 };
	struct tcp_dctcp_info dctcp = { .dctcp_enabled = 1, .dctcp_alpha = 1024 };
	struct tcpvegas_info vegas = { .tcpv_enabled = 1, .tcpv_rtt = 100 };
	struct tcpinfo_cc cc;

	assert_int_equal(tcpinfo_cc_parse(INET_DIAG_BBRINFO, &bbr, sizeof(bbr), &cc), 0);
	assert_int_equal(cc.type, INET_DIAG_BBRINFO);
	assert_int_equal(tcpinfo_bbr_bw(&cc.bbr), (1ull << 32) + 5);
	assert_int_equal(cc.bbr.bbr_min_rtt, 900);
	assert_int_equal(cc.bbr.bbr_cwnd_gain, 512);
	assert_int_equal(tcpinfo_cc_parse(INET_DIAG_BBRINFO, &bbr, sizeof(bbr) - 1, &cc), -EBADMSG);

	assert_int_equal(tcpinfo_cc_parse(INET_DIAG_DCTCPINFO, &dctcp, sizeof(dctcp), &cc), 0);
	assert_int_equal(cc.dctcp.dctcp_alpha, 1024);
	assert_int_equal(tcpinfo_cc_parse(INET_DIAG_DCTCPINFO, &dctcp, 4, &cc), -EBADMSG);

	assert_int_equal(tcpinfo_cc_parse(INET_DIAG_VEGASINFO, &vegas, sizeof(vegas), &cc), 0);
	assert_int_equal(cc.vegas.tcpv_rtt, 100);
	assert_int_equal(tcpinfo_cc_parse(INET_DIAG_VEGASINFO, NULL, 0, &cc), -EBADMSG);

	assert_int_equal(tcpinfo_cc_parse(INET_DIAG_INFO, &vegas, sizeof(vegas), &cc), -ENOENT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lengths),
		cmocka_unit_test(test_cc),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
