/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tls_sans.c: a client certificate's Subject Alternative Names against client_allowed_sans. */
#include "config.h"

#include <arpa/inet.h>
#include <string.h>
#include <sys/socket.h>

#include <gnutls/x509.h>

#include "cmd/exporter/tls_sans.h"
#include "util/log.h"

/* One SAN as text (IP addresses printed), or false for the kinds exporter-toolkit ignores. */
static bool san_text(int type, const char *raw, size_t size, char *out, size_t len)
{
	switch (type) {
	case GNUTLS_SAN_DNSNAME:
	case GNUTLS_SAN_RFC822NAME:
	case GNUTLS_SAN_URI:
		if (size >= len || memchr(raw, '\0', size))
			return false;
		memcpy(out, raw, size);
		out[size] = '\0';
		return true;
	case GNUTLS_SAN_IPADDRESS:
		if (size == 4)
			return inet_ntop(AF_INET, raw, out, (socklen_t)len) != NULL;
		if (size == 16)
			return inet_ntop(AF_INET6, raw, out, (socklen_t)len) != NULL;
		return false;
	default:
		return false;
	}
}

bool tls_sans_allowed(const gnutls_datum_t *der, char *const *allowed, size_t n)
{
	gnutls_x509_crt_t crt;
	bool ok = false;

	if (gnutls_x509_crt_init(&crt) < 0)
		return false;
	if (gnutls_x509_crt_import(crt, der, GNUTLS_X509_FMT_DER) < 0) {
		gnutls_x509_crt_deinit(crt);
		return false;
	}
	for (unsigned seq = 0; !ok; seq++) {
		char raw[1024], text[1024];
		size_t size = sizeof(raw);
		int type = gnutls_x509_crt_get_subject_alt_name(crt, seq, raw, &size, NULL);

		if (type == GNUTLS_E_SHORT_MEMORY_BUFFER)
			continue;
		if (type < 0)
			break;
		if (!san_text(type, raw, size, text, sizeof(text)))
			continue;
		for (size_t i = 0; i < n && !ok; i++)
			ok = !strcmp(text, allowed[i]);
		if (!ok)
			log_debug(1, "http: client certificate SAN %s not allowed", text);
	}
	gnutls_x509_crt_deinit(crt);
	return ok;
}
