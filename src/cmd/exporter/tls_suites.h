/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tls_suites.h: exporter-toolkit's TLS names (Go's) in GnuTLS's terms: versions, cipher suites. */
#ifndef SOCKEYE_CMD_EXPORTER_TLS_SUITES_H
#define SOCKEYE_CMD_EXPORTER_TLS_SUITES_H

#include <stdbool.h>
#include <stddef.h>

/*
 * One of Go's tls.CipherSuites(), by the parts GnuTLS composes a suite of.
 * TLS 1.3's suites have no kx: Go, hence exporter-toolkit, accepts their
 * names and always enables all three, and so does this.
 */
struct tls_suite {
	const char *go;		/* TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 */
	const char *kx;		/* GnuTLS priority names: ECDHE-RSA; NULL for TLS 1.3 */
	const char *cipher;	/* AES-128-GCM */
	const char *mac;	/* AEAD, SHA1 */
};

/* The suite Go names name, or NULL. */
const struct tls_suite *tls_suite_find(const char *name);

/* "TLS10".."TLS13" as exporter-toolkit names them: 10..13, or -1. */
int tls_version_find(const char *name);

/*
 * The GnuTLS priority string for versions min..max (10..13), the TLS 1.2
 * suites of suites (n of them; none: GnuTLS's NORMAL set), the server's
 * order first when server_order.  TLS 1.2's suites are allowed as the union
 * of their parts (GnuTLS has no list of whole suites); the connection's own
 * is checked against the list after the handshake (tls_suite_listed).
 * 0, or -ENAMETOOLONG when out does not hold it.
 */
int tls_priorities(char *out, size_t len, int min, int max, const struct tls_suite *const *suites,
		   size_t n, bool server_order);

/*
 * Go's curve names as exporter-toolkit's curve_preferences takes them
 * (CurveP256, CurveP384, CurveP521, X25519): GnuTLS's group name (GROUP-...),
 * or NULL.
 */
const char *tls_curve_find(const char *name);

/*
 * Appends to the priority string in out (of len) the groups (n GnuTLS names,
 * the preferred first) in place of every other: key exchange uses these alone.
 * 0, or -ENAMETOOLONG.
 */
int tls_groups_append(char *out, size_t len, const char *const *groups, size_t n);

/* Whether kx, cipher and mac (GnuTLS names) are one of suites' TLS 1.2 ones. */
bool tls_suite_listed(const struct tls_suite *const *suites, size_t n, const char *kx,
		      const char *cipher, const char *mac);

#endif
