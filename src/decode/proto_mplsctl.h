/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_mplsctl.h: what the MPLS control protocols' printers share (LDP, LSP ping). */
#ifndef SOCKEYE_PROTO_MPLSCTL_H
#define SOCKEYE_PROTO_MPLSCTL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode/pbuf.h"
#include "decode/proto_msg.h"

/*
 * A printer's state over the layer's bytes: offsets are from its first byte.
 * A read past the capture is tcpdump's longjmp out of the packet: cut is set,
 * nothing more is printed and " [|ldp]" (or " [|lspping]") ends the line.
 */
struct mplsctl_pr {
	struct pbuf *b;
	struct msg g;
	unsigned v;
	bool asdot; /* -b, for route distinguishers */
	bool cut;
};

/* Whether n bytes at off were captured; the first time not, the packet is cut. */
static inline bool mplsctl_has(struct mplsctl_pr *r, size_t off, size_t n)
{
	if (!r->cut && msg_has(&r->g, off, n))
		return true;
	r->cut = true;
	return false;
}

/* tcpdump's mpls_pw_types_values (RFC 4446 pseudowire types): the name of type, or unknown. */
void mplsctl_pw_type_put(struct pbuf *b, uint16_t type, const char *unknown);

/* tcpdump's smi_values: the name of an SMI private enterprise number, or "Unknown". */
void mplsctl_smi_put(struct pbuf *b, uint32_t enterprise);

#endif
