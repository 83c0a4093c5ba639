/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tls_suites.c: Go's TLS version and cipher suite names mapped to GnuTLS priority strings. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cmd/exporter/tls_suites.h"

/* Go's tls.CipherSuites() (the secure ones: exporter-toolkit accepts no other). */
static const struct tls_suite suites_table[] = {
	{ "TLS_RSA_WITH_AES_128_CBC_SHA", "RSA", "AES-128-CBC", "SHA1" },
	{ "TLS_RSA_WITH_AES_256_CBC_SHA", "RSA", "AES-256-CBC", "SHA1" },
	{ "TLS_RSA_WITH_AES_128_GCM_SHA256", "RSA", "AES-128-GCM", "AEAD" },
	{ "TLS_RSA_WITH_AES_256_GCM_SHA384", "RSA", "AES-256-GCM", "AEAD" },
	{ "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "ECDHE-ECDSA", "AES-128-CBC", "SHA1" },
	{ "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", "ECDHE-ECDSA", "AES-256-CBC", "SHA1" },
	{ "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "ECDHE-RSA", "AES-128-CBC", "SHA1" },
	{ "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", "ECDHE-RSA", "AES-256-CBC", "SHA1" },
	{ "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "ECDHE-ECDSA", "AES-128-GCM", "AEAD" },
	{ "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "ECDHE-RSA", "AES-128-GCM", "AEAD" },
	{ "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "ECDHE-ECDSA", "AES-256-GCM", "AEAD" },
	{ "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "ECDHE-RSA", "AES-256-GCM", "AEAD" },
	{ "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "ECDHE-RSA", "CHACHA20-POLY1305", "AEAD" },
	{ "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "ECDHE-ECDSA", "CHACHA20-POLY1305",
	  "AEAD" },
	{ "TLS_AES_128_GCM_SHA256", NULL, "AES-128-GCM", "AEAD" },
	{ "TLS_AES_256_GCM_SHA384", NULL, "AES-256-GCM", "AEAD" },
	{ "TLS_CHACHA20_POLY1305_SHA256", NULL, "CHACHA20-POLY1305", "AEAD" },
};

const struct tls_suite *tls_suite_find(const char *name)
{
	for (size_t i = 0; i < sizeof(suites_table) / sizeof(suites_table[0]); i++)
		if (!strcmp(suites_table[i].go, name))
			return &suites_table[i];
	return NULL;
}

int tls_version_find(const char *name)
{
	static const char *const names[] = { "TLS10", "TLS11", "TLS12", "TLS13" };

	for (int i = 0; i < 4; i++)
		if (!strcmp(names[i], name))
			return 10 + i;
	return -1;
}

/* Appends ":+WORD" unless out has it already. */
static void add_word(char *out, size_t len, size_t *at, const char *word)
{
	char tok[64];

	snprintf(tok, sizeof(tok), ":+%s", word);
	if (strstr(out, tok))
		return;
	*at += (size_t)snprintf(out + *at, *at < len ? len - *at : 0, "%s", tok);
}

int tls_priorities(char *out, size_t len, int min, int max, const struct tls_suite *const *suites,
		   size_t n, bool server_order)
{
	size_t at;
	bool tls12 = false;

	if (!len)
		return -ENAMETOOLONG;
	at = (size_t)snprintf(out, len, "NORMAL:-VERS-ALL");
	for (int v = min; v <= max && at < len; v++) {
		char word[24];

		snprintf(word, sizeof(word), "VERS-TLS1.%d", v - 10);
		add_word(out, len, &at, word);
	}
	for (size_t i = 0; i < n; i++)
		tls12 |= suites[i]->kx != NULL;
	if (tls12 && at < len) {
		at += (size_t)snprintf(out + at, len - at, ":-CIPHER-ALL:-MAC-ALL:-KX-ALL");
		for (size_t i = 0; i < n && at < len; i++) {
			if (!suites[i]->kx)
				continue;
			add_word(out, len, &at, suites[i]->kx);
			add_word(out, len, &at, suites[i]->cipher);
			add_word(out, len, &at, suites[i]->mac);
		}
		/* TLS 1.3's three, always on as in Go (checked out of TLS 1.2 after the handshake). */
		if (max >= 13)
			for (size_t i = 0; i < sizeof(suites_table) / sizeof(suites_table[0]); i++)
				if (!suites_table[i].kx && at < len) {
					add_word(out, len, &at, suites_table[i].cipher);
					add_word(out, len, &at, suites_table[i].mac);
				}
	}
	if (server_order && at < len)
		at += (size_t)snprintf(out + at, len - at, ":%%SERVER_PRECEDENCE");
	return at < len ? 0 : -ENAMETOOLONG;
}

bool tls_suite_listed(const struct tls_suite *const *suites, size_t n, const char *kx,
		      const char *cipher, const char *mac)
{
	for (size_t i = 0; i < n; i++)
		if (suites[i]->kx && !strcmp(suites[i]->kx, kx) &&
		    !strcmp(suites[i]->cipher, cipher) && !strcmp(suites[i]->mac, mac))
			return true;
	return false;
}

const char *tls_curve_find(const char *name)
{
	static const struct {
		const char *go, *gnutls;
	} curves[] = {
		{ "CurveP256", "GROUP-SECP256R1" },
		{ "CurveP384", "GROUP-SECP384R1" },
		{ "CurveP521", "GROUP-SECP521R1" },
		{ "X25519", "GROUP-X25519" },
	};

	for (size_t i = 0; i < sizeof(curves) / sizeof(curves[0]); i++)
		if (!strcmp(name, curves[i].go))
			return curves[i].gnutls;
	return NULL;
}

int tls_groups_append(char *out, size_t len, const char *const *groups, size_t n)
{
	size_t at = strnlen(out, len);

	if (!n)
		return 0;
	/* Before %SERVER_PRECEDENCE or after: GnuTLS reads the words in any order. */
	if (at < len)
		at += (size_t)snprintf(out + at, len - at, ":-GROUP-ALL");
	for (size_t i = 0; i < n && at < len; i++)
		add_word(out, len, &at, groups[i]);
	return at < len ? 0 : -ENAMETOOLONG;
}
