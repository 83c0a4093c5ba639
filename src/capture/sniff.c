/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sniff.c: the per-packet path shared by live capture and file reading. */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <linux/if_packet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode/dissect.h"
#include "decode/names.h"
#include "decode/names_host.h"
#include "decode/names_service.h"
#include "decode/print.h"
#include "decode/proto.h"
#include "decode/protocols.h"
#include "decode/rpc_xids.h"
#include "capture/sniff.h"
#include "decode/view_packet.h"

/* Bounded flow memory for relative sequence numbers: 16 MiB at most. */
#define SNIFF_MAX_FLOWS (1u << 20)
/* Room in front of the summary: a timestamp (40), an interface name (64) and a direction. */
#define SNIFF_PREFIX_MAX 128

int sniff_init(struct sniff *s)
{
	s->line_cap = SNIFF_PREFIX_MAX + PRINT_PACKET_MAX + 4096;
	s->line = malloc(s->line_cap);
	if (!s->line)
		return -ENOMEM;
	if (s->show.print && !s->show.absolute_seq) {
		s->seq = tcpseq_new(SNIFF_MAX_FLOWS);
		if (!s->seq)
			return -ENOMEM;
	}
	if (s->show.print) {
		s->xids = rpc_xids_new();
		if (!s->xids)
			return -ENOMEM;
	}
	if (s->show.print && s->show.names) {
		/* Once, before the first packet: the print path then only reads the table. */
		if (!names_service_load())
			return -ENOMEM;
		s->hosts = host_names_new(NULL, NULL);
		if (!s->hosts)
			return -ENOMEM;
	}
	return 0;
}

void sniff_fini(struct sniff *s)
{
	tcpseq_free(s->seq);
	s->seq = NULL;
	rpc_xids_free(s->xids);
	s->xids = NULL;
	host_names_free(s->hosts);
	s->hosts = NULL;
	free(s->line);
	s->line = NULL;
}

void sniff_begin(struct sniff *s)
{
	/*
	 * Line breaks are tcpdump's even without -v or a dump: a tunnel's inner
	 * frame, the dump of an undecoded LLC payload.  The printers escape the
	 * packet's own bytes, so a break in the summary is always the layout.
	 */
	fmt_table_begin(s->f, &view_packet_lines, 0);
}

void sniff_end(struct sniff *s)
{
	fmt_table_end(s->f);
}

int sniff_close_writer(struct sniff *s)
{
	uint64_t stored[SNIFF_MAX_IFACES];
	int err;

	/*
	 * Read before the close frees the writer, after a flush: an error that does not
	 * stick (a record pcap cannot hold) leaves the records before it to write.  A
	 * close that fails adds nothing to them.
	 */
	savefile_write_flush(s->w);
	for (unsigned i = 0; i < s->n_ifaces && i < SNIFF_MAX_IFACES; i++)
		stored[i] = savefile_write_stored(s->w, i);
	err = savefile_write_close(s->w);
	s->w = NULL;
	if (!s->write_err)
		s->write_err = err;
	/* Batched records a failed write lost were counted when queued: count what is there. */
	for (unsigned i = 0; s->write_err && i < s->n_ifaces && i < SNIFF_MAX_IFACES; i++)
		s->ifaces[i].written = stored[i];
	return s->write_err;
}

/* The bases for this packet's relative sequence numbers, tcpdump's way. */
static void relative_seq(struct sniff *s, struct print_opts *po)
{
	const struct pkt_meta *m = &s->meta;
	const struct pkt_level *l = &m->l[m->level];
	struct tcpseq_pkt tp;

	/*
	 * A bad last layer means its fields are not all there: TCP's, unless an
	 * application layer after it is the bad one.
	 */
	if (!s->seq || l->trans != PKT_PROTO_TCP)
		return;
	if ((m->truncated || m->invalid) && m->layer[m->n_layers - 1].proto == PKT_PROTO_TCP)
		return;
	if (l->net == PKT_PROTO_IPV4) {
		tp.family = 4;
		tp.src = l->ip4.src;
		tp.dst = l->ip4.dst;
	} else if (l->net == PKT_PROTO_IPV6) {
		tp.family = 6;
		tp.src = l->ip6.src;
		tp.dst = l->ip6.dst;
	} else {
		return;
	}
	tp.sport = l->tcp.sport;
	tp.dport = l->tcp.dport;
	tp.seq = l->tcp.seq;
	tp.ack = l->tcp.ack;
	tp.syn = l->tcp.flags & PKT_TCP_SYN;
	tp.ack_flag = l->tcp.flags & PKT_TCP_ACK;
	po->tcp_relative = tcpseq_lookup(s->seq, &tp, &po->tcp_seq_base, &po->tcp_ack_base);
}

/* Where the -x/-X/-A dump starts: after the link headers unless -xx/-XX. */
static uint32_t dump_offset(const struct sniff *s)
{
	const struct pkt_meta *m = &s->meta;
	uint32_t ppp_off;

	/* a link type not decoded: its text dumped the bytes, -x dumps them again (tcpdump's) */
	if (s->show.dump_link || print_dump_whole(m) || !m->n_layers)
		return 0;
	if (proto_ppp_dump_offset(m, &ppp_off)) /* PPP link types count their own */
		return ppp_off;
	for (unsigned i = 0; i < m->n_layers && i < PKT_MAX_LAYERS; i++) {
		uint8_t p = m->layer[i].proto;

		if (p >= PKT_PROTO_COUNT || !protocols[p].link)
			return m->layer[i].off;
	}
	/* nothing past the link headers decoded (an unknown ethertype): what follows them */
	if (m->n_layers && m->n_layers <= PKT_MAX_LAYERS)
		return m->layer[m->n_layers - 1].off + m->layer[m->n_layers - 1].hdr_len;
	return m->caplen;
}

/*
 * The name of the interface a packet of a live "any" capture came from.
 * Names are looked up once per ifindex (a lookup is a syscall); an interface
 * renamed during the capture keeps its old name here.
 */
static const char *ifindex_name(struct sniff *s, uint32_t ifindex)
{
	struct sniff_ifname *e = &s->ifnames[ifindex % SNIFF_IFNAME_SLOTS];

	if (e->ifindex != (int)ifindex || !ifindex) {
		if (!if_indextoname(ifindex, e->name))
			snprintf(e->name, sizeof(e->name), "%u", ifindex);
		e->ifindex = (int)ifindex;
	}
	return e->name;
}

/* Appends s left-aligned in width columns and one space, as tcpdump's "%-5s ". */
static size_t put_padded(char *p, const char *str, size_t width)
{
	size_t n = strlen(str);

	memcpy(p, str, n);
	while (n < width)
		p[n++] = ' ';
	p[n++] = ' ';
	return n;
}

/* tcpdump's -# "%5u  ": the packet's number among those printed, then two spaces. */
static size_t number_prefix(char *p, uint64_t number)
{
	return (size_t)sprintf(p, "%5" PRIu64 "  ", number);
}

/*
 * The text line into s->line: timestamp, interface and direction when several,
 * summary, then any dump (growing the buffer for a big one: rare, not per
 * packet).  tcpdump's layout: "12:00:00.000001 eth0  In  IP ...".
 */
/* The owner column of --process: "comm/pid" of the first owner, "-" for none. */
static size_t put_owner(char *p, const struct view_packet_proc *procs, unsigned n)
{
	char who[ATTRIB_COMM_LEN + 12];

	if (n)
		snprintf(who, sizeof(who), "%s/%u", procs[0].comm, procs[0].pid);
	else
		snprintf(who, sizeof(who), "-");
	return put_padded(p, who, 20);
}

/*
 * tcpdump's pretty_print_packet: a record whose lengths cannot be (none
 * captured, none on the wire, more captured than sent, past 256 KiB) is this
 * line alone, without a timestamp; 0 when they are sane.
 */
#define SNIFF_MAX_SNAPLEN 262144u
static size_t invalid_header(char *p, const struct sniff_pkt *pk)
{
	char what[4][48], *s = p;
	unsigned n = 0;

	if (!pk->caplen)
		snprintf(what[n++], sizeof(what[0]), "caplen==0");
	if (!pk->wirelen)
		snprintf(what[n++], sizeof(what[0]), "len==0");
	else if (pk->wirelen < pk->caplen)
		snprintf(what[n++], sizeof(what[0]), "len(%u) < caplen(%u)", pk->wirelen, pk->caplen);
	if (pk->caplen > SNIFF_MAX_SNAPLEN)
		snprintf(what[n++], sizeof(what[0]), "caplen(%u) > %u", pk->caplen, SNIFF_MAX_SNAPLEN);
	if (pk->wirelen > SNIFF_MAX_SNAPLEN)
		snprintf(what[n++], sizeof(what[0]), "len(%u) > %u", pk->wirelen, SNIFF_MAX_SNAPLEN);
	if (!n)
		return 0;
	s += sprintf(s, "[Invalid header:");
	for (unsigned i = 0; i < n; i++)
		s += sprintf(s, "%s %s", i ? "," : "", what[i]);
	s += sprintf(s, "]");
	return (size_t)(s - p);
}

static const char *compose_line(struct sniff *s, const struct sniff_pkt *p, const char *ifname,
				const struct view_packet_proc *procs, unsigned n_procs)
{
	struct print_opts po = {
		.link = s->show.link,
		.verbose = s->show.verbose,
		.quiet = s->show.quiet,
		.verbosity = s->show.verbosity,
		.data = p->data,
		.dump = s->show.dump != HEXDUMP_NONE,
		.decode_more = s->show.decode_more,
		.asdot = s->show.asdot,
		.port_names = s->show.names,
		.hosts = s->hosts,
	};
	const struct pkt_meta *m = &s->meta;
	size_t n, need;
	uint32_t off;

	n = 0;
	if (s->show.number)
		n = number_prefix(s->line, s->handled);
	if (invalid_header(s->line + n, p))
		return s->line;
	n += timefmt_format_odd(&s->tf, p->ts_ns, p->ts_odd_ns, s->line + n);
	if (n)
		s->line[n++] = ' ';
	if (s->show.iface) {
		char name[IF_NAMESIZE];

		/* Cut a long name (a pcapng can carry any): the prefix has bounded room. */
		snprintf(name, sizeof(name), "%.*s", (int)sizeof(name) - 1, ifname);
		n += put_padded(s->line + n, name, 5);
		/* An SLL2 header says the direction itself, and the decoder prints it. */
		if (!m->n_layers || m->layer[0].proto != PKT_PROTO_SLL2) {
			const char *dir = p->pkttype < 0 ? "?" : view_packet_dir_name((unsigned)p->pkttype);

			n += put_padded(s->line + n, dir, 3);
		}
	}
	if (s->show.process)
		n += put_owner(s->line + n, procs, n_procs);
	relative_seq(s, &po);
	need = print_packet(s->line + n, s->line_cap - n, m, &po);
	if (n + need >= s->line_cap) {
		/* a long -v decode (a segment of BGP updates with their bytes): room for all of it */
		char *bigger = realloc(s->line, n + need + 1);

		if (bigger) {
			s->line = bigger;
			s->line_cap = n + need + 1;
			need = print_packet(s->line + n, s->line_cap - n, m, &po);
		}
	}
	n += need < s->line_cap - n ? need : s->line_cap - n - 1;
	if (s->show.dump == HEXDUMP_NONE)
		return s->line;
	off = dump_offset(s);
	if (off > p->caplen)
		off = p->caplen;
	need = hexdump_format(s->line + n, s->line_cap - n, p->data + off, p->caplen - off,
			      s->show.dump);
	if (n + need >= s->line_cap) {
		char *bigger = realloc(s->line, n + need + 1);

		if (!bigger) {
			s->line[n] = '\0';	/* the summary alone: the dump was cut */
			return s->line;
		}
		s->line = bigger;
		s->line_cap = n + need + 1;
		hexdump_format(s->line + n, s->line_cap - n, p->data + off, p->caplen - off,
			       s->show.dump);
	}
	return s->line;
}

static void print_row(struct sniff *s, const struct sniff_pkt *p,
		      struct attrib_proc *const *owners, unsigned n_owners)
{
	struct view_packet_proc procs[ATTRIB_MAX_OWNERS];
	const struct sniff_iface *ifc = &s->ifaces[p->iface];
	const struct pkt_meta *m = &s->meta;
	const char *ifname = ifc->name;
	struct fmt *f = s->f;
	/* -v verifies checksums: a pass over each payload, so only when asked */
	struct dissect_opts dopt = { .csum_verify = s->show.verbose, .csum_hint = p->csum_hint,
				     .packettype = s->show.packettype };

	for (unsigned i = 0; i < n_owners; i++)
		procs[i] = (struct view_packet_proc){
			.pid = owners[i]->pid, .comm = owners[i]->comm,
			.cgroup = owners[i]->cgroup, .container_id = owners[i]->container,
		};
	dissect_packet_opts(&s->meta, ifc->linktype, p->data, p->caplen, p->wirelen, &dopt);
	/* an NFS reply is decoded with the call it answers, when that call was seen */
	rpc_xids_track(s->xids, &s->meta, s->show.quiet);
	if (ifc->by_ifindex && m->n_layers && m->layer[0].proto == PKT_PROTO_SLL2 &&
	    !m->layer[0].truncated && !m->layer[0].invalid)
		ifname = ifindex_name(s, m->sll.ifindex);
	fmt_row_begin(f);
	fmt_u64(f, VIEW_PACKET_TS, p->ts_ns);
	if (s->show.iface) {
		fmt_str(f, VIEW_PACKET_IFACE_NAME, ifname);
		if (p->pkttype >= 0)
			fmt_str(f, VIEW_PACKET_DIR, names_direction((unsigned)p->pkttype));
	}
	fmt_u64(f, VIEW_PACKET_CAPLEN, p->caplen);
	fmt_u64(f, VIEW_PACKET_LEN, p->wirelen);
	fmt_bool(f, VIEW_PACKET_TRUNCATED, m->truncated);
	fmt_bool(f, VIEW_PACKET_INVALID, m->invalid);
	if (fmt_is_shown(f, VIEW_PACKET_SUMMARY))
		fmt_str(f, VIEW_PACKET_SUMMARY, compose_line(s, p, ifname, procs, n_owners));
	fmt_row_end_details(f, view_packet_details,
			    &(struct view_packet_ctx){ .m = m, .data = p->data,
						       .has_procs = s->attrib != NULL,
						       .procs = procs, .n_procs = n_owners,
						       .number = s->show.number ? s->handled : 0 });
}

/* Encodes the owners' comments into s->w_opts for the table's generation gen. */
static __attribute__((noinline)) void comment_encode(struct sniff *s,
						     struct attrib_proc *const *owners, unsigned n,
						     uint64_t gen)
{
	const char *text[ATTRIB_MAX_OWNERS] = { NULL };
	uint16_t len[ATTRIB_MAX_OWNERS] = { 0 };

	for (unsigned i = 0; i < n; i++)
		text[i] = attrib_comment(owners[i], &len[i]);
	s->w_opts.len = savefile_pcapng_comments(s->w_opts.opts, text, len, n);
	s->w_opts.n = n;
	s->w_opts.gen = gen;
	memcpy(s->w_opts.owners, owners, n * sizeof(*owners));
}

/*
 * The owners' comments as pcapng options: encoded again only when the owners
 * differ from the last record's or the table changed since (an owner's comment
 * lives in its entry, which a change may have replaced or reused).
 */
static const uint8_t *comment_options(struct sniff *s, struct attrib_proc *const *owners,
				      unsigned n)
{
	uint64_t gen = attrib_generation(s->attrib);

	if (s->w_opts.gen != gen || s->w_opts.n != n || s->w_opts.owners[0] != owners[0] ||
	    (n > 1 && s->w_opts.owners[1] != owners[1]))
		comment_encode(s, owners, n, gen);
	return s->w_opts.opts;
}

void sniff_packet(struct sniff *s, const struct sniff_pkt *p)
{
	struct sniff_iface *ifc = &s->ifaces[p->iface];
	struct attrib_proc *owners[ATTRIB_MAX_OWNERS];
	unsigned n_owners = 0;

	ifc->captured++;
	if (s->done)
		return;
	if (ifc->has_ufilter && !filter_match(&ifc->ufilter, p->data, p->caplen, p->wirelen))
		return;
	/* Only with attribution asked for: the default path pays one test. */
	if (s->attrib) {
		n_owners = attrib_lookup_frame(s->attrib, ifc->linktype, p->data, p->caplen, owners);
		if (s->attrib_filtering && !attrib_select(s->attrib, owners, n_owners))
			return;
	}
	/*
	 * Worker threads share -c: each packet takes a number first, so the total is
	 * exactly the limit however the packets were spread.  One atomic add, and
	 * only with -c.
	 */
	if (s->shared_handled && s->limit) {
		uint64_t n = __atomic_add_fetch(s->shared_handled, 1, __ATOMIC_RELAXED);

		if (n > s->limit) {
			s->done = true;
			return;
		}
		s->done = n == s->limit;
	}
	ifc->matched++;
	s->handled++;
	if (s->w) {
		struct savefile_pkt sp = {
			.ts_ns = p->ts_ns,
			.caplen = p->caplen,
			.wirelen = p->wirelen,
			.ifindex = p->iface,
			.linktype = (uint32_t)ifc->linktype,
			.dir = p->pkttype < 0 ? SAVEFILE_DIR_UNKNOWN :
			       p->pkttype == PACKET_OUTGOING ? SAVEFILE_DIR_OUT : SAVEFILE_DIR_IN,
			.data = p->data,
		};
		int err;

		if (s->w_comments && n_owners) {
			sp.options = comment_options(s, owners, n_owners);
			sp.options_len = s->w_opts.len;
		}
		err = savefile_write_packet(s->w, &sp);

		if (err == SAVEFILE_DONE) {
			s->done = true;
			return;
		}
		if (err < 0) {
			s->write_err = err;
			s->done = true;
			return;
		}
		ifc->written++;
	}
	if (s->show.print) {
		print_row(s, p, owners, n_owners);
		/*
		 * Nothing more can be shown once stdout fails (a reader that left, a full
		 * disk): stop taking packets, as tcpdump does, so the counters say what was
		 * really read, not the rest of a file run through for nothing.
		 */
		if (fmt_error(s->f))
			s->done = true;
	}
	if (s->limit && !s->shared_handled && s->handled >= s->limit)
		s->done = true;
}
