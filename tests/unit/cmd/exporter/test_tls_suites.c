/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_tls_suites.c: unit tests for Go's TLS names in GnuTLS's terms: versions, suites, priorities. */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "cmd/exporter/tls_suites.h"

static void test_names(void **state)
{
	assert_int_equal(tls_version_find("TLS10"), 10);
	assert_int_equal(tls_version_find("TLS13"), 13);
	assert_int_equal(tls_version_find("TLS14"), -1);
	assert_int_equal(tls_version_find("tls12"), -1);
	assert_string_equal(tls_suite_find("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")->cipher,
			    "AES-128-GCM");
	assert_null(tls_suite_find("TLS_AES_128_GCM_SHA256")->kx);
	/* Go's insecure list is not accepted by exporter-toolkit, nor here. */
	assert_null(tls_suite_find("TLS_RSA_WITH_RC4_128_SHA"));
	assert_null(tls_suite_find("TLS_BOGUS"));
}

/* exporter-toolkit's defaults: TLS 1.2 and 1.3, GnuTLS's suites, the server's order. */
static void test_default_priorities(void **state)
{
	char out[512];

	assert_int_equal(tls_priorities(out, sizeof(out), 12, 13, NULL, 0, true), 0);
	assert_string_equal(out, "NORMAL:-VERS-ALL:+VERS-TLS1.2:+VERS-TLS1.3:%SERVER_PRECEDENCE");
}

/* Listed suites: their parts once each, TLS 1.3's kept on; too small a buffer is said. */
static void test_suite_priorities(void **state)
{
	const struct tls_suite *s[3] = {
		tls_suite_find("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
		tls_suite_find("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"),
		tls_suite_find("TLS_AES_128_GCM_SHA256"),
	};
	char out[512];

	assert_int_equal(tls_priorities(out, sizeof(out), 12, 12, s, 3, false), 0);
	assert_string_equal(out, "NORMAL:-VERS-ALL:+VERS-TLS1.2:-CIPHER-ALL:-MAC-ALL:-KX-ALL"
				 ":+ECDHE-RSA:+AES-128-GCM:+AEAD:+AES-256-GCM");
	assert_int_equal(tls_priorities(out, sizeof(out), 12, 13, s, 3, false), 0);
	assert_string_equal(out, "NORMAL:-VERS-ALL:+VERS-TLS1.2:+VERS-TLS1.3:-CIPHER-ALL:-MAC-ALL"
				 ":-KX-ALL:+ECDHE-RSA:+AES-128-GCM:+AEAD:+AES-256-GCM"
				 ":+CHACHA20-POLY1305");
	/* Only TLS 1.3 names: nothing to restrict. */
	assert_int_equal(tls_priorities(out, sizeof(out), 13, 13, s + 2, 1, false), 0);
	assert_string_equal(out, "NORMAL:-VERS-ALL:+VERS-TLS1.3");
	assert_int_equal(tls_priorities(out, 20, 12, 13, s, 3, true), -ENAMETOOLONG);
	assert_true(tls_suite_listed(s, 3, "ECDHE-RSA", "AES-128-GCM", "AEAD"));
	assert_false(tls_suite_listed(s, 3, "ECDHE-ECDSA", "AES-128-GCM", "AEAD"));
	assert_false(tls_suite_listed(s + 2, 1, "ECDHE-RSA", "AES-128-GCM", "AEAD"));
}

static void test_curves(void **state)
{
	const char *groups[2];
	char out[256] = "NORMAL:-VERS-ALL:+VERS-TLS1.3";
	char small[40] = "NORMAL:-VERS-ALL:+VERS-TLS1.3";

	assert_string_equal(tls_curve_find("X25519"), "GROUP-X25519");
	assert_string_equal(tls_curve_find("CurveP384"), "GROUP-SECP384R1");
	assert_null(tls_curve_find("P384"));
	assert_null(tls_curve_find("curvep256"));
	groups[0] = tls_curve_find("CurveP521");
	groups[1] = tls_curve_find("X25519");
	/* None: the string stays as it was. */
	assert_int_equal(tls_groups_append(out, sizeof(out), groups, 0), 0);
	assert_string_equal(out, "NORMAL:-VERS-ALL:+VERS-TLS1.3");
	assert_int_equal(tls_groups_append(out, sizeof(out), groups, 2), 0);
	assert_string_equal(out, "NORMAL:-VERS-ALL:+VERS-TLS1.3:-GROUP-ALL:+GROUP-SECP521R1"
			    ":+GROUP-X25519");
	assert_int_equal(tls_groups_append(small, sizeof(small), groups, 2), -ENAMETOOLONG);
	(void)state;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_default_priorities),
		cmocka_unit_test(test_suite_priorities),
		cmocka_unit_test(test_curves),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
