/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sniff.h: one packet's way through sniff: filter, count, write to file, decode, print. */
#ifndef SOCKEYE_SNIFF_H
#define SOCKEYE_SNIFF_H

#include <net/if.h>
#include <stdbool.h>
#include <stdint.h>

#include "attrib/attrib.h"
#include "capture/filter.h"
#include "capture/ring_rx.h"
#include "capture/savefile.h"
#include "decode/pkt_meta.h"
#include "out/fmt.h"
#include "decode/hexdump.h"
#include "decode/rpc_xids.h"
#include "decode/tcpseq.h"
#include "decode/timefmt.h"

/* How packets are shown (the tcpdump-like options). */
struct sniff_show {
	bool print;			/* decode and print (off with -w unless --print) */
	bool link;			/* -e */
	bool verbose;			/* -v */
	uint8_t verbosity;		/* how many -v, up to 3 */
	bool quiet;			/* -q */
	bool absolute_seq;		/* -S */
	bool iface;			/* interface and direction columns */
	bool process;			/* --process: the owner column (comm/pid) */
	enum hexdump_mode dump;		/* -x, -X, -A */
	bool dump_link;			/* -xx, -XX: the dump starts at the link header */
	uint8_t packettype;		/* -T: packettype.h's index, 0 to decode by port */
	bool number;			/* -#: packet numbers before the timestamp */
	bool decode_more;		/* --decode-more: what tcpdump does not decode, in text */
	bool asdot;			/* -b: BGP AS numbers in asdot notation */
	bool names;			/* no -n: port and host names in text, as tcpdump */
};

/* Interfaces one stream takes (-i, or a file's): the per-interface tables are this big. */
#define SNIFF_MAX_IFACES 16

/* Where packets come from: a capture interface, or an interface of a file being read. */
struct sniff_iface {
	char name[64];
	int ifindex;			/* the kernel's; 0 for "any" and for files */
	int linktype;			/* DLT_* */
	bool by_ifindex;		/* live "any": name each packet by its SLL2 ifindex */
	struct ring_rx_stats kstats;	/* PACKET_STATISTICS over its rings, summed */
	struct filter ufilter;		/* user-space filter, when the kernel cannot run it */
	bool has_ufilter;
	uint64_t captured;		/* handed to sniff (ring, or read from the file) */
	uint64_t matched;		/* passed the user-space filter, if any */
	uint64_t written;		/* records in the output file (set right by sniff_close_writer) */
};

/* A direct-mapped cache of interface names by ifindex: no lookup per packet. */
#define SNIFF_IFNAME_SLOTS 64
struct sniff_ifname {
	int ifindex;			/* 0: empty */
	char name[IF_NAMESIZE];
};

/* One packet from any source. */
struct sniff_pkt {
	const uint8_t *data;
	uint32_t caplen;
	uint32_t wirelen;
	uint64_t ts_ns;
	uint64_t ts_odd_ns;		/* a capture file's fraction out of range: savefile_pkt's */
	unsigned iface;			/* index into the iface array */
	int pkttype;			/* PACKET_*, or -1 when unknown */
	uint8_t csum_hint;		/* enum pkt_csum_hint: what the ring said of checksums */
};

struct sniff {
	struct sniff_show show;
	struct fmt *f;			/* packets go here; its table is begun by sniff_begin */
	struct timefmt tf;
	struct tcpseq *seq;
	struct rpc_xids *xids; /* NFS calls, for their replies' decode (tcpdump's xid map) */
	struct host_names *hosts;	/* show.names: the resolver thread and its cache */
	struct savefile_writer *w;	/* -w, or NULL */
	/*
	 * Process attribution (live only), or NULL: each TCP/UDP packet's owners
	 * are looked up, pass its owner filters, show in JSON ("processes") and,
	 * with show.process, as a column; with w_comments in the pcapng file.
	 */
	struct attrib *attrib;
	bool w_comments;
	bool attrib_filtering;		/* owner filters are set: attrib_select has work to do */
	/*
	 * The last record's comments as pcapng options, encoded for its owners as
	 * the table stood (its generation): a flow's packets reuse the bytes.
	 */
	struct {
		struct attrib_proc *owners[ATTRIB_MAX_OWNERS];
		unsigned n;
		uint64_t gen;		/* 0: nothing encoded yet */
		uint16_t len;
		uint8_t opts[SAVEFILE_MAX_OPTIONS];
	} w_opts;
	struct sniff_iface *ifaces;
	unsigned n_ifaces;
	uint64_t limit;			/* -c: stop after this many packets; 0: none */
	uint64_t handled;		/* packets that passed every filter */
	uint64_t *shared_handled;	/* fanout worker threads: the -c count they share, or NULL */
	int write_err;			/* the writer's first error: capture stops on it */
	bool done;			/* the -c limit or -W file limit was reached */
	struct sniff_ifname ifnames[SNIFF_IFNAME_SLOTS];
	char *line;			/* time, interface, summary and dump, grown as needed */
	size_t line_cap;
	struct pkt_meta meta;
};

/* Sets up printing state (timestamps, sequence table, line buffer).  0 or -ENOMEM. */
int sniff_init(struct sniff *s);
void sniff_fini(struct sniff *s);
/* Begins the packet table on s->f (call once the interfaces are known). */
void sniff_begin(struct sniff *s);
void sniff_end(struct sniff *s);

/*
 * Closes s->w (the stats for its ISBs set before).  After a failed write the
 * interfaces' written counts become what reached the file, not what was
 * queued.  0 or the first -errno of the writer (s->write_err included).
 */
int sniff_close_writer(struct sniff *s);

/*
 * Handles one packet: user-space filter, -c limit, the file writer, decode
 * and print.  No allocation and no system call on this path (the writer and
 * stdout buffer big batches).  Sets s->done when no more packets are wanted.
 */
void sniff_packet(struct sniff *s, const struct sniff_pkt *p);

#endif
