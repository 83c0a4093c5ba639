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

struct web_config {
	char *cert_pem;		/* tls_server_config.cert_file's text; NULL: plain HTTP */
	char *key_pem;		/* tls_server_config.key_file's text */
	struct web_user *users;	/* basic_auth_users; none: no authentication */
	size_t nusers;
};

/*
 * Reads path: tls_server_config (cert_file, key_file; client_auth_type
 * NoClientCert only) and basic_auth_users (name: bcrypt hash).  Files named
 * in it are relative to its directory, as in exporter-toolkit.  0 or -errno
 * with why filled ("tls_server_config.cert_file: FILE: No such file ...").
 */
int web_config_load(const char *path, struct web_config *c, char *why, size_t len);
void web_config_free(struct web_config *c);
/* Whether user and password match a basic_auth_users entry (constant time in the password). */
bool web_config_check(struct web_config *c, const char *user, const char *password);

#endif
