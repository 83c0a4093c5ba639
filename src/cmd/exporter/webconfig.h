/* SPDX-License-Identifier: GPL-2.0-or-later */
/* webconfig.h: --web-config FILE in the exporter-toolkit format: TLS and basic auth users. */
#ifndef SOCKEYE_CMD_EXPORTER_WEBCONFIG_H
#define SOCKEYE_CMD_EXPORTER_WEBCONFIG_H

#include <stdbool.h>
#include <stddef.h>

struct web_user {
	char *name;
	char *hash;		/* crypt(3) hash: bcrypt $2b$/$2y$/$2a$ in practice */
	char *cached;		/* the last password that matched (bcrypt costs ~0.1 s a check) */
};

/* tls_server_config.client_auth_type: Go's tls.ClientAuthType names. */
enum web_client_auth {
	WEB_NO_CLIENT_CERT,		/* not asked for */
	WEB_REQUEST_CLIENT_CERT,	/* asked for, not needed, not verified */
	WEB_REQUIRE_ANY_CLIENT_CERT,	/* needed, not verified */
	WEB_VERIFY_CLIENT_CERT_IF_GIVEN,	/* verified against client_ca_file when sent */
	WEB_REQUIRE_AND_VERIFY_CLIENT_CERT,	/* needed and verified */
};

/* http_server_config.headers: one added to every response. */
struct web_header {
	char *name, *value;
};

struct tls_suite;

struct web_config {
	char *cert_pem;		/* tls_server_config.cert_file's text; NULL: plain HTTP */
	char *key_pem;		/* tls_server_config.key_file's text */
	enum web_client_auth client_auth;
	char *client_ca_pem;	/* client_ca_file's text, or NULL */
	char priorities[512];	/* the GnuTLS priority string (min/max_version, cipher_suites) */
	const struct tls_suite **suites;	/* cipher_suites, or NULL: GnuTLS's defaults */
	size_t nsuites;
	const char **groups;	/* curve_preferences as GnuTLS groups, the preferred first */
	size_t ngroups;
	char **allowed_sans;	/* client_allowed_sans: one must be in a client's SANs */
	size_t nallowed_sans;
	struct web_header *headers;
	size_t nheaders;
	struct web_user *users;	/* basic_auth_users; none: no authentication */
	size_t nusers;
};

/*
 * Reads path: tls_server_config (cert_file, key_file, client_auth_type,
 * client_ca_file, min_version, max_version, cipher_suites,
 * prefer_server_cipher_suites, curve_preferences, client_allowed_sans), http_server_config (headers; http2 false)
 * and basic_auth_users (name: bcrypt hash), checked as exporter-toolkit
 * checks them.  Files named in it are relative to its directory, as in
 * exporter-toolkit.  0 or -errno with why filled
 * ("tls_server_config.cert_file: FILE: No such file ...").
 */
int web_config_load(const char *path, struct web_config *c, char *why, size_t len);
/* How the files a config names are read: kstat_read_file's contract (0 or -errno, *out malloc'd). */
typedef int (*web_config_read_fn)(const char *path, char **out, size_t *len);
/*
 * The same from the config's text (n bytes, NUL not needed), the files it
 * names read by read, relative to dir (NULL: as named): web_config_load's
 * core, and the fuzzer's entry (tests/fuzz/fuzz_webconfig.c).
 */
int web_config_parse(const char *text, size_t n, const char *dir, web_config_read_fn read,
		     struct web_config *c, char *why, size_t len);
void web_config_free(struct web_config *c);
/* Whether user and password match a basic_auth_users entry (constant time in the password). */
bool web_config_check(struct web_config *c, const char *user, const char *password);

#endif
