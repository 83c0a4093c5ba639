/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet.h: sniff's packet records: a text line like tcpdump's, typed layers in JSON. */
#ifndef SOCKEYE_VIEW_PACKET_H
#define SOCKEYE_VIEW_PACKET_H

#include "decode/pkt_meta.h"
#include "out/fmt.h"

/* Column groups the command enables. */
#define VIEW_PACKET_IFACE (1u << 0)	/* interface and direction: several interfaces or "any" */

enum {
	VIEW_PACKET_TIME,	/* text: the -t style */
	VIEW_PACKET_TS,		/* JSON: ts_ns */
	VIEW_PACKET_IFACE_NAME,
	VIEW_PACKET_DIR,
	VIEW_PACKET_CAPLEN,
	VIEW_PACKET_LEN,
	VIEW_PACKET_SUMMARY,	/* text: the decode line and any dump */
	VIEW_PACKET_TRUNCATED,
	VIEW_PACKET_INVALID,
	VIEW_PACKET_NCOLS
};

extern const struct fmt_view view_packet;

/* Writes m's layers as row details: "layers": [{"proto": "eth", ...}, ...]. */
void view_packet_details(struct fmt_details *d, const void *pkt_meta);

/* Direction names as tcpdump prints them for a PACKET_* type: "In", "Out", "B", "M", "P". */
const char *view_packet_dir_name(unsigned pkttype);

#endif
