/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_sunrpc.c: Sun RPC messages (RFC 5531): NFS's calls and replies on
 * port 2049 (TCP with its record mark), and any RPC call with sniff -T rpc,
 * as tcpdump's print-sunrpc.c; dissectors and the start of each line.
 */
#include "config.h"

#include "decode/proto.h"
#include "decode/proto_rpc.h"

#define RPC_RECORD_MARK 4
#define RPC_PMAP_PORT	111

bool proto_rpc_nfs_match(const struct pkt_cursor *c, uint16_t sport, uint16_t dport, bool tcp)
{
	size_t at = tcp ? RPC_RECORD_MARK : 0;
	const uint8_t *p;
	uint32_t dir;

	if (dport != RPC_NFS_PORT && sport != RPC_NFS_PORT)
		return false;
	/* TCP: tcpdump looks only past a captured record mark, in a segment that has one */
	if (tcp && (pkt_wire_left(c) < RPC_RECORD_MARK || !pkt_peek(c, RPC_RECORD_MARK)))
		return false;
	p = pkt_peek(c, at + 8);
	if (!p)
		return false;
	dir = pkt_be32(p + at + 4);
	return (dport == RPC_NFS_PORT && dir == RPC_CALL) ||
	       (sport == RPC_NFS_PORT && dir == RPC_REPLY);
}

/* The header fields of the message at off: what was captured of them. */
static void rpc_read(const struct pkt_cursor *c, struct pkt_rpc *r)
{
	const uint8_t *p = pkt_peek(c, r->msg_off + 8u);

	if (!p)
		return;
	p += r->msg_off;
	r->has_dir = true;
	r->xid = pkt_be32(p);
	r->direction = pkt_be32(p + 4);
	if (r->direction == RPC_CALL && pkt_peek(c, r->msg_off + 24u)) {
		r->has_proc = true;
		r->rpcvers = pkt_be32(p + 8);
		r->prog = pkt_be32(p + 12);
		r->vers = pkt_be32(p + 16);
		r->proc = pkt_be32(p + 20);
	} else if (r->direction == RPC_REPLY && pkt_peek(c, r->msg_off + 12u)) {
		r->has_stat = true;
		r->reply_stat = pkt_be32(p + 8);
	}
}

/*
 * The transport chose NFS (proto_rpc_nfs_match); over TCP the record mark's
 * length, clamped to the segment as tcpdump, is the message's.
 */
int proto_nfs_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	struct pkt_rpc *r = &l->rpc;
	size_t wire = pkt_wire_left(c);
	const uint8_t *p;

	l->app = PKT_PROTO_NFS;
	*r = (struct pkt_rpc){ 0 };
	r->rec_len = (uint32_t)wire;
	if (l->trans == PKT_PROTO_TCP && (p = pkt_peek(c, RPC_RECORD_MARK)) && wire >= 4) {
		uint32_t len = pkt_be32(p) & 0x7fffffff;

		r->msg_off = RPC_RECORD_MARK;
		r->rec_len = len > wire - 4 ? (uint32_t)(wire - 4) : len;
	}
	rpc_read(c, r);
	return PKT_PROTO_NONE;
}

/* -T rpc: any UDP payload as an RPC message. */
int proto_sunrpc_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);

	l->app = PKT_PROTO_SUNRPC;
	l->rpc = (struct pkt_rpc){ .rec_len = (uint32_t)pkt_wire_left(c) };
	rpc_read(c, &l->rpc);
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static void rpc_walk(struct line *x, struct nfs_walk *w)
{
	const struct pkt_rpc *r = &line_level(x)->rpc;
	struct msg g;

	/* without the packet's bytes every read fails: the line ends with the mark */
	if (!msg_of(&g, x))
		g = (struct msg){ .p = x->o->data, .len = g.len };
	*w = (struct nfs_walk){
		.g = g.p ? msg_sub(&g, r->msg_off, g.len) : g,
		.b = &x->b,
		.length = r->rec_len,
		.v = line_verbosity(x),
		.quiet = x->o->quiet,
	};
}

bool proto_nfs_print(struct line *x)
{
	const struct pkt_rpc *r = &line_level(x)->rpc;
	struct nfs_walk w;

	rpc_walk(x, &w);
	/* TCP's text ends with the length: the separator is NFS's; UDP's ends with ": " */
	if (line_level(x)->trans == PKT_PROTO_TCP)
		pbuf_puts(&x->b, ": ");
	msg_printf(&x->b, "NFS %s xid %u ", r->direction == RPC_CALL ? "request" : "reply", r->xid);
	if (r->direction == RPC_CALL)
		nfs_print_call(&w);
	else
		nfs_print_reply(&w, r->matched, r->call_proc, r->call_vers);
	return true;
}

/* The portmapper's procedures (RFC 1833), tcpdump's names. */
static const struct msg_tok pmap_procs[] = {
	{ 0, "null" }, { 1, "set" }, { 2, "unset" }, { 3, "getport" }, { 4, "dump" }, { 5, "call" },
	{ 0, NULL },
};

/* The names of /etc/rpc as Debian ships it: JSON's prog_name (tcpdump's text has numbers). */
static const struct msg_tok rpc_programs[] = {
	{ 100000, "portmapper" }, { 100001, "rstatd" },	     { 100002, "rusersd" },
	{ 100003, "nfs" },	  { 100004, "ypserv" },	     { 100005, "mountd" },
	{ 100007, "ypbind" },	  { 100008, "walld" },	     { 100009, "yppasswdd" },
	{ 100010, "etherstatd" }, { 100011, "rquotad" },     { 100012, "sprayd" },
	{ 100013, "3270_mapper" }, { 100014, "rje_mapper" }, { 100015, "selection_svc" },
	{ 100016, "database_svc" }, { 100017, "rexd" },	     { 100018, "alis" },
	{ 100019, "sched" },	  { 100020, "llockmgr" },    { 100021, "nlockmgr" },
	{ 100022, "x25.inr" },	  { 100023, "statmon" },     { 100024, "status" },
	{ 100026, "bootparam" },  { 100028, "ypupdated" },   { 100029, "keyserv" },
	{ 100037, "tfsd" },	  { 100038, "nsed" },	     { 100039, "nsemntd" },
	{ 100069, "ypxfrd" },	  { 100227, "nfs_acl" },     { 150001, "pcnfsd" },
	{ 300019, "amd" },	  { 391002, "sgi_fam" },     { 545580417, "ugidd" },
	{ 600100069, "fypxfrd" }, { 788585389, "bwnfsd" },   { 0, NULL },
};

const char *proto_sunrpc_prog_name(uint32_t prog)
{
	return msg_tok_find(rpc_programs, prog);
}

/* tcpdump's sunrpc_print: the addresses again, the xid as the source's port, the call. */
static void sunrpc_call(struct line *x, struct nfs_walk *w)
{
	struct pbuf *b = &x->b;
	uint32_t xid = nw_u32(w, 0), proc, v, prog, vers;
	/* tcpdump 4.99.3 prints nothing of a call cut before the end of its credentials' header */
	if (!nw_has(w, 0, 32))
		goto trunc;
	line_addr(x, x->src);
	msg_printf(b, ".0x%x > ", xid);
	line_addr(x, x->dst);
	if (x->o->port_names)
		pbuf_puts(b, ".sunrpc");
	else
		msg_printf(b, ".0x%x", RPC_PMAP_PORT);
	msg_printf(b, ": %u", w->length);
	proc = nw_u32(w, 20);
	if (w->cut)
		goto trunc;
	pbuf_putc(b, ' ');
	msg_tok_put(b, pmap_procs, " proc #%u", proc);
	v = nw_u32(w, 8);
	if (w->cut)
		goto trunc;
	if (v != 2)
		msg_printf(b, " [rpcver %u]", v);
	if (proc == 1 || proc == 2 || proc == 3 || proc == 5) {
		prog = nw_u32(w, 12);
		if (w->cut)
			goto trunc;
		/*
		 * tcpdump names programs with getrpcbynumber(), which Debian's 4.99.3
		 * is built without (glibc dropped Sun RPC): "#N" without -n, as there
		 */
		msg_printf(b, x->o->port_names ? " #%u" : " %u", prog);
		vers = nw_u32(w, 16);
		if (w->cut)
			goto trunc;
		msg_printf(b, ".%u", vers);
	}
	return;
trunc:
	msg_trunc_put(b, "sunrpc");
}

bool proto_sunrpc_print(struct line *x)
{
	const struct pkt_rpc *r = &line_level(x)->rpc;
	struct nfs_walk w;

	rpc_walk(x, &w);
	if (!r->has_dir)
		return msg_trunc(x, "udp");
	if (r->direction == RPC_CALL) {
		sunrpc_call(x, &w);
		return true;
	}
	/* anything else is taken for a reply, addressed as NFS's: "server.nfs > client.XID" */
	line_addr(x, x->src);
	pbuf_puts(&x->b, x->o->port_names ? ".nfs" : ".2049");
	pbuf_puts(&x->b, " > ");
	line_addr(x, x->dst);
	msg_printf(&x->b, ".%u: ", r->xid);
	nfs_print_reply(&w, r->matched, r->call_proc, r->call_vers);
	return true;
}
