/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_rpc.c: the JSON of Sun RPC and NFS layers: the header, then NFS's main fields. */
#include "config.h"

#include "decode/proto_msg.h"
#include "decode/proto_rpc.h"
#include "decode/view_packet_rpc.h"

static const struct msg_tok rpc_flavors[] = {
	{ 0, "none" }, { 1, "unix" }, { 2, "short" }, { 3, "des" }, { 6, "gss" }, { 0, NULL },
};

/* The flavour (and under name_key its name) of the opaque_auth at off; the offset after it, or 0. */
static size_t put_auth(struct fmt_details *fd, const char *key, const char *name_key,
		       const struct msg *g, size_t off)
{
	uint32_t flavor, len;
	const char *name;

	if (!msg_has(g, off, 8))
		return 0;
	flavor = msg_u32(g, off);
	len = msg_u32(g, off + 4);
	fmt_details_u64(fd, key, flavor);
	name = msg_tok_find(rpc_flavors, flavor);
	if (name && name_key)
		fmt_details_str(fd, name_key, name);
	if ((uint64_t)len + 8 > g->len - off)
		return 0;
	return off + 8 + (((size_t)len + 3) & ~(size_t)3);
}

/* A call's NFS arguments: the file handle, and where a read or write goes. */
static void put_nfs_call(struct fmt_details *fd, const struct msg *g, size_t off, uint32_t proc,
			 bool v3)
{
	uint32_t words = 8;
	char hex[2 * 64 + 1];
	struct pbuf b;

	if (v3) {
		if (!msg_has(g, off, 4))
			return;
		words = msg_u32(g, off) / 4;
		off += 4;
	}
	if (words > 16 || !msg_has(g, off, (size_t)words * 4))
		return;
	pbuf_init(&b, hex, sizeof(hex));
	pbuf_hex_bytes(&b, g->p + off, (size_t)words * 4);
	pbuf_finish(&b, sizeof(hex));
	fmt_details_str(fd, "fh", hex);
	off += (size_t)words * 4;
	if (proc != NFSPROC_READ && proc != NFSPROC_WRITE && proc != NFSPROC_COMMIT)
		return;
	if (v3 && msg_has(g, off, 12)) {
		fmt_details_u64(fd, "offset", (uint64_t)msg_u32(g, off) << 32 | msg_u32(g, off + 4));
		fmt_details_u64(fd, "count", msg_u32(g, off + 8));
	} else if (!v3 && proc == NFSPROC_READ && msg_has(g, off, 8)) {
		fmt_details_u64(fd, "offset", msg_u32(g, off));
		fmt_details_u64(fd, "count", msg_u32(g, off + 4));
	} else if (!v3 && proc == NFSPROC_WRITE && msg_has(g, off, 16)) {
		fmt_details_u64(fd, "offset", msg_u32(g, off + 4));
		fmt_details_u64(fd, "count", msg_u32(g, off + 12));
	}
}

static void put_call(struct fmt_details *fd, const struct pkt_rpc *r, const struct msg *g,
		     bool nfs)
{
	uint32_t proc = nfs_proc_generic(r->vers == 3, r->proc);
	const char *name = nfs_proc_name(proc);
	size_t off;

	if (!r->has_proc)
		return;
	fmt_details_u64(fd, "rpcvers", r->rpcvers);
	fmt_details_u64(fd, "prog", r->prog);
	if (proto_sunrpc_prog_name(r->prog))
		fmt_details_str(fd, "prog_name", proto_sunrpc_prog_name(r->prog));
	fmt_details_u64(fd, "vers", r->vers);
	fmt_details_u64(fd, "proc", r->proc);
	off = put_auth(fd, "auth_flavor", "auth", g, 24);
	off = off ? put_auth(fd, "verf_flavor", NULL, g, off) : 0;
	if (!nfs)
		return;
	if (name)
		fmt_details_str(fd, "nfs_proc", name);
	if (off && name)
		put_nfs_call(fd, g, off, proc, r->vers == 3);
}

static void put_reply(struct fmt_details *fd, const struct pkt_rpc *r, const struct msg *g)
{
	size_t off;

	if (!r->has_stat)
		return;
	fmt_details_str(fd, "reply_stat", r->reply_stat == 0 ? "accepted" :
					  r->reply_stat == 1 ? "denied" : "unknown");
	if (r->reply_stat != 0)
		return;
	if (r->matched) {
		uint32_t proc = nfs_proc_generic(r->call_vers == 3, r->call_proc);

		fmt_details_u64(fd, "vers", r->call_vers);
		fmt_details_u64(fd, "proc", r->call_proc);
		if (nfs_proc_name(proc))
			fmt_details_str(fd, "nfs_proc", nfs_proc_name(proc));
	}
	off = put_auth(fd, "verf_flavor", NULL, g, 12);
	if (!off || !msg_has(g, off, 4))
		return;
	fmt_details_u64(fd, "accept_stat", msg_u32(g, off));
	/* every NFS result but NULL's starts with its status */
	if (!msg_u32(g, off) && r->matched && r->call_proc && msg_has(g, off + 4, 4))
		fmt_details_u64(fd, "nfs_status", msg_u32(g, off + 4));
}

bool view_packet_rpc(struct fmt_details *fd, const struct pkt_meta *m, const struct pkt_layer *ly,
		     const uint8_t *data)
{
	const struct pkt_rpc *r;
	struct msg all, g;

	if (ly->proto != PKT_PROTO_NFS && ly->proto != PKT_PROTO_SUNRPC)
		return false;
	r = &m->l[ly->level].rpc;
	fmt_details_object_begin(fd, "rpc");
	if (r->has_dir) {
		fmt_details_u64(fd, "xid", r->xid);
		fmt_details_str(fd, "direction", r->direction == RPC_CALL ? "call" : "reply");
		fmt_details_u64(fd, "len", r->rec_len);
		/* the fields past the header need the packet's bytes */
		if (msg_at(&all, m, data, ly)) {
			g = msg_sub(&all, r->msg_off, all.len);
			if (r->direction == RPC_CALL)
				put_call(fd, r, &g, ly->proto == PKT_PROTO_NFS);
			else
				put_reply(fd, r, &g);
		}
	}
	fmt_details_object_end(fd);
	return true;
}
