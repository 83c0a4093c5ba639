/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_tls.h: TLS's names, shared by the --decode-more printer and the JSON. */
#ifndef SOCKEYE_PROTO_TLS_H
#define SOCKEYE_PROTO_TLS_H

#include <stdint.h>

/* "handshake", "application_data" ... (content types 20 to 24), or NULL. */
const char *proto_tls_content_name(uint8_t type);
/* "client_hello", "server_hello" ..., or NULL. */
const char *proto_tls_handshake_name(uint8_t type);
/* "TLS 1.2" ..., or NULL. */
const char *proto_tls_version_name(uint16_t version);

#endif
