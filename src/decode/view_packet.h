/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet.h: sniff's packet records: a text line like tcpdump's, typed layers in JSON. */
#ifndef SOCKEYE_VIEW_PACKET_H
#define SOCKEYE_VIEW_PACKET_H

#include "decode/pkt_meta.h"
#include "out/fmt.h"

/*
 * Text is one column: sniff composes the whole line (timestamp, interface and
 * direction, summary, dump) with tcpdump's single spaces between its parts.
 * The other columns are JSON's.
 */
enum {
	VIEW_PACKET_TS,
	VIEW_PACKET_IFACE_NAME,	/* several interfaces or "any" only */
	VIEW_PACKET_DIR,
	VIEW_PACKET_CAPLEN,
	VIEW_PACKET_LEN,
	VIEW_PACKET_SUMMARY,	/* text: the whole line and any dump */
	VIEW_PACKET_TRUNCATED,
	VIEW_PACKET_INVALID,
	VIEW_PACKET_NCOLS
};

/* The same records; view_packet_lines's text keeps the line breaks of -v and of dumps. */
extern const struct fmt_view view_packet;
extern const struct fmt_view view_packet_lines;

/* A process a packet's socket belongs to (sniff's attribution): "processes" in JSON. */
struct view_packet_proc {
	uint32_t pid;
	const char *comm;
	const char *cgroup;	  /* v2 path, NULL unknown */
	const char *container_id; /* NULL: none */
};

/* What view_packet_details reads: the decoded packet and the bytes it came from. */
struct view_packet_ctx {
	const struct pkt_meta *m;
	const uint8_t *data; /* m->caplen bytes; application layers walk their messages there */
	bool has_procs;	     /* attribution is on: "processes" is written ([] for none) */
	const struct view_packet_proc *procs;
	unsigned n_procs;
	uint64_t number;	     /* -#: the packet's number among those printed; 0: none */
};

/* Writes the layers as row details: "layers": [{"proto": "eth", ...}, ...]; ctx: view_packet_ctx. */
void view_packet_details(struct fmt_details *d, const void *ctx);

/* "processes": [{pid, comm, cgroup, container_id}, ...], the owners of a packet's sockets. */
void view_packet_procs_details(struct fmt_details *d, const struct view_packet_proc *procs,
			       unsigned n);

/* Direction names as tcpdump prints them for a PACKET_* type: "In", "Out", "B", "M", "P". */
const char *view_packet_dir_name(unsigned pkttype);

#endif
