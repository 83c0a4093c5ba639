/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ssfilter_bc.h: a filter expression compiled to the kernel's inet_diag bytecode. */
#ifndef SOCKEYE_SSFILTER_BC_H
#define SOCKEYE_SSFILTER_BC_H

#include <stddef.h>

#include "diag/ssfilter.h"

/*
 * Compiles n into inet_diag bytecode (INET_DIAG_REQ_BYTECODE) that accepts
 * exactly the inet sockets ssfilter_match accepts (autobound aside: the
 * kernel knows whether the port was chosen for the socket, user space
 * guesses from the ephemeral range).  *bc is malloc'd.  0, -ENOMEM, or
 * -E2BIG when a jump would pass the format's 16-bit offsets.
 */
int ssfilter_bc_compile(const struct ssf_node *n, void **bc, size_t *len);

#endif
