/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tls_sans.h: client_allowed_sans: whether a client certificate names one of the allowed SANs. */
#ifndef SOCKEYE_CMD_EXPORTER_TLS_SANS_H
#define SOCKEYE_CMD_EXPORTER_TLS_SANS_H

#include <stdbool.h>
#include <stddef.h>

#include <gnutls/gnutls.h>

/*
 * Whether the certificate (DER) has a Subject Alternative Name among allowed
 * (n of them), compared as exporter-toolkit compares them: DNS names, email
 * addresses, IP addresses (as Go prints them: 10.0.0.1, ::1) and URIs, exactly.
 * A certificate that does not parse allows nothing.
 */
bool tls_sans_allowed(const gnutls_datum_t *der, char *const *allowed, size_t n);

#endif
