/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_nfs_call.c: an NFS v2/v3 call's procedure and arguments, as tcpdump's nfsreq_noaddr_print. */
#include "config.h"

#include <inttypes.h>

#include "decode/proto_rpc.h"

/* RFC 5531 call body: rpcvers, prog, vers, proc, then the credentials at 24. */
#define RPC_CALL_VERS 16
#define RPC_CALL_PROC 20
#define RPC_CALL_CRED 24

#define NFSV3ACCESS_FULL 0x3f

static const uint32_t nfsv2_procs[26] = {
	NFSPROC_NULL,	  NFSPROC_GETATTR, NFSPROC_SETATTR, NFSPROC_NOOP,   NFSPROC_LOOKUP,
	NFSPROC_READLINK, NFSPROC_READ,	   NFSPROC_NOOP,    NFSPROC_WRITE,  NFSPROC_CREATE,
	NFSPROC_REMOVE,	  NFSPROC_RENAME,  NFSPROC_LINK,    NFSPROC_SYMLINK, NFSPROC_MKDIR,
	NFSPROC_RMDIR,	  NFSPROC_READDIR, NFSPROC_FSSTAT,  NFSPROC_NOOP,   NFSPROC_NOOP,
	NFSPROC_NOOP,	  NFSPROC_NOOP,	   NFSPROC_NOOP,    NFSPROC_NOOP,   NFSPROC_NOOP,
	NFSPROC_NOOP,
};

uint32_t nfs_proc_generic(bool v3, uint32_t proc)
{
	/* any version but 3 goes through v2's table, as tcpdump (NFSv4's COMPOUND too) */
	return !v3 && proc < 26 ? nfsv2_procs[proc] : proc;
}

static const struct msg_tok nfs_procs[] = {
	{ NFSPROC_NOOP, "nop" },	 { NFSPROC_NULL, "null" },
	{ NFSPROC_GETATTR, "getattr" },	 { NFSPROC_SETATTR, "setattr" },
	{ NFSPROC_LOOKUP, "lookup" },	 { NFSPROC_ACCESS, "access" },
	{ NFSPROC_READLINK, "readlink" }, { NFSPROC_READ, "read" },
	{ NFSPROC_WRITE, "write" },	 { NFSPROC_CREATE, "create" },
	{ NFSPROC_MKDIR, "mkdir" },	 { NFSPROC_SYMLINK, "symlink" },
	{ NFSPROC_MKNOD, "mknod" },	 { NFSPROC_REMOVE, "remove" },
	{ NFSPROC_RMDIR, "rmdir" },	 { NFSPROC_RENAME, "rename" },
	{ NFSPROC_LINK, "link" },	 { NFSPROC_READDIR, "readdir" },
	{ NFSPROC_READDIRPLUS, "readdirplus" }, { NFSPROC_FSSTAT, "fsstat" },
	{ NFSPROC_FSINFO, "fsinfo" },	 { NFSPROC_PATHCONF, "pathconf" },
	{ NFSPROC_COMMIT, "commit" },	 { 0, NULL },
};

const char *nfs_proc_name(uint32_t proc)
{
	return msg_tok_find(nfs_procs, proc);
}

static const struct msg_tok nfs_write_modes[] = {
	{ 0, "unstable" }, { 1, "datasync" }, { 2, "filesync" }, { 0, NULL },
};

/* tok2str with no format of its own: "#%d", the value signed. */
void nfs_put_write_mode(struct pbuf *b, uint32_t mode)
{
	const char *s = msg_tok_find(nfs_write_modes, mode);

	if (s)
		msg_printf(b, " <%s>", s);
	else
		msg_printf(b, " <#%d>", (int32_t)mode);
}

/*
 * One opaque_auth (flavour, length, padded body) starting at off within
 * *left bytes of the message: the offset after it, or 0.  The credentials
 * must leave room (<=), the verifier more than that (<), as tcpdump's parsereq.
 */
static size_t skip_auth(struct nfs_walk *w, size_t off, uint64_t *left, bool strict)
{
	uint32_t len;
	uint64_t rounded;

	if (*left < 8)
		return 0;
	len = nw_u32(w, off + 4);
	if (w->cut)
		return 0;
	rounded = ((uint64_t)len + 3) & ~(uint64_t)3;
	if (!nw_has(w, off + 8, rounded))
		return 0;
	if (strict ? 8 + rounded >= *left : 8 + rounded > *left)
		return 0;
	*left -= 8 + rounded;
	return off + 8 + (size_t)rounded;
}

/* Where the procedure's arguments start: past the credentials and the verifier; 0 if not there. */
static size_t parse_req(struct nfs_walk *w)
{
	uint64_t left = w->length;
	size_t off = skip_auth(w, RPC_CALL_CRED, &left, false);

	return off ? skip_auth(w, off, &left, true) : 0;
}

static size_t parse_fhn(struct nfs_walk *w, size_t off, bool v3)
{
	off = nfs_parse_fh(w, off, v3);
	if (!off)
		return 0;
	pbuf_putc(w->b, ' ');
	return nfs_parse_fn(w, off);
}

/* ACCESS's bits by name, or in hex when one is beyond what RFC 1813 defines. */
static void put_access(struct pbuf *b, uint32_t a)
{
	static const char *const names[] = { "READ", "LOOKUP", "MODIFY", "EXTEND", "DELETE",
					     "EXECUTE" };
	char sep = ' ';

	if (a & ~(uint32_t)NFSV3ACCESS_FULL) {
		msg_printf(b, " %04x", a);
		return;
	}
	if (a == NFSV3ACCESS_FULL) {
		pbuf_puts(b, " NFS_ACCESS_FULL");
		return;
	}
	for (unsigned i = 0; i < 6; i++) {
		if (!(a & 1u << i))
			continue;
		pbuf_putc(b, sep);
		pbuf_puts(b, "NFS_ACCESS_");
		pbuf_puts(b, names[i]);
		sep = '|';
	}
}

/*
 * " COUNT bytes @ OFFSET": v3's 64-bit offset with the count after it (READ,
 * COMMIT), or v2's 32-bit offset and count (READ, READDIR).
 */
static bool put_count_at(struct nfs_walk *w, size_t off, bool v3)
{
	uint32_t count = nw_u32(w, off + (v3 ? 8 : 4));
	uint64_t at = v3 ? nw_u64(w, off) : nw_u32(w, off);

	if (w->cut)
		return false;
	msg_printf(w->b, " %u bytes @ %" PRIu64, count, at);
	return true;
}

/* The arguments after the file handle; false to end with the truncation mark. */
static bool print_args(struct nfs_walk *w, uint32_t proc, bool v3, size_t off)
{
	struct pbuf *b = w->b;
	struct nfs_sattr3 sa;
	uint32_t a, c, d, e;
	uint64_t o;

	switch (proc) {
	case NFSPROC_ACCESS:
		a = nw_u32(w, off);
		if (w->cut)
			return false;
		put_access(b, a);
		return true;
	case NFSPROC_READ:
		return put_count_at(w, off, v3);
	case NFSPROC_WRITE:
		if (v3) {
			a = nw_u32(w, off + 16);
			c = nw_u32(w, off + 8);
			o = nw_u64(w, off);
			if (w->cut)
				return false;
			msg_printf(b, " %u (%u) bytes @ %" PRIu64, a, c, o);
			if (w->v) {
				a = nw_u32(w, off + 12);
				if (w->cut)
					return false;
				nfs_put_write_mode(b, a);
			}
		} else {
			a = nw_u32(w, off + 12);
			c = nw_u32(w, off + 8);
			d = nw_u32(w, off + 4);
			e = nw_u32(w, off);
			if (w->cut)
				return false;
			msg_printf(b, " %u (%u) bytes @ %u (%u)", a, c, d, e);
		}
		return true;
	case NFSPROC_READDIR:
	case NFSPROC_READDIRPLUS:
		if (!v3 && proc == NFSPROC_READDIR)
			return put_count_at(w, off, false);
		/* v3: the cookie, printed signed as tcpdump does, then the verifier */
		a = nw_u32(w, off + 16);
		o = nw_u64(w, off);
		if (w->cut)
			return false;
		msg_printf(b, " %u bytes @ %" PRId64, a, (int64_t)o);
		if (!w->v)
			return true;
		if (proc == NFSPROC_READDIR) {
			c = nw_u32(w, off + 8);
			d = nw_u32(w, off + 12);
			if (w->cut)
				return false;
			msg_printf(b, " verf %08x%08x", c, d);
		} else {
			a = nw_u32(w, off + 20);
			c = nw_u32(w, off + 8);
			d = nw_u32(w, off + 12);
			if (w->cut)
				return false;
			msg_printf(b, " max %u verf %08x%08x", a, c, d);
		}
		return true;
	case NFSPROC_COMMIT:
		return put_count_at(w, off, true);
	case NFSPROC_SYMLINK:
		pbuf_puts(b, " ->");
		if (v3 && !(off = nfs_parse_sattr3(w, off, &sa)))
			return false;
		if (!nfs_parse_fn(w, off))
			return false;
		if (v3 && w->v)
			nfs_print_sattr3(w, &sa);
		return true;
	case NFSPROC_MKNOD:
		a = nw_u32(w, off);
		if (w->cut || !(off = nfs_parse_sattr3(w, off + 4, &sa)))
			return false;
		pbuf_putc(b, ' ');
		if (nfs_type_name(a))
			pbuf_puts(b, nfs_type_name(a));
		else
			msg_printf(b, "unk-ft %u", a);
		if (w->v && (a == 4 || a == 3)) { /* CHR, BLK: the device numbers */
			c = nw_u32(w, off);
			d = nw_u32(w, off + 4);
			if (w->cut)
				return false;
			msg_printf(b, " %u/%u", c, d);
		}
		if (w->v)
			nfs_print_sattr3(w, &sa);
		return true;
	case NFSPROC_RENAME:
	case NFSPROC_LINK:
		pbuf_puts(b, " ->");
		return parse_fhn(w, off, v3) != 0;
	default:
		return true;
	}
}

/* Whether the procedure's first argument is a directory's handle and a name in it. */
static bool proc_names_file(uint32_t proc)
{
	switch (proc) {
	case NFSPROC_LOOKUP:
	case NFSPROC_CREATE:
	case NFSPROC_MKDIR:
	case NFSPROC_REMOVE:
	case NFSPROC_RMDIR:
	case NFSPROC_SYMLINK:
	case NFSPROC_MKNOD:
	case NFSPROC_RENAME:
		return true;
	default:
		return false;
	}
}

void nfs_print_call(struct nfs_walk *w)
{
	uint32_t vers, proc;
	const char *name;
	bool v3;
	size_t off;

	pbuf_u32(w->b, w->length);
	/* tcpdump's xid map entry needs the procedure: without it, the mark */
	if (!nw_has(w, RPC_CALL_PROC, 4))
		goto trunc;
	vers = nw_u32(w, RPC_CALL_VERS);
	proc = nw_u32(w, RPC_CALL_PROC);
	v3 = vers == 3;
	proc = nfs_proc_generic(v3, proc);
	name = nfs_proc_name(proc);
	if (name) {
		pbuf_putc(w->b, ' ');
		pbuf_puts(w->b, name);
	} else {
		msg_printf(w->b, " proc-%u", proc);
	}
	switch (proc) {
	case NFSPROC_GETATTR:
	case NFSPROC_SETATTR:
	case NFSPROC_READLINK:
	case NFSPROC_FSSTAT:
	case NFSPROC_FSINFO:
	case NFSPROC_PATHCONF:
	case NFSPROC_ACCESS:
	case NFSPROC_READ:
	case NFSPROC_WRITE:
	case NFSPROC_READDIR:
	case NFSPROC_READDIRPLUS:
	case NFSPROC_COMMIT:
	case NFSPROC_LINK:
	case NFSPROC_LOOKUP: /* from here: a name follows the handle */
	case NFSPROC_CREATE:
	case NFSPROC_MKDIR:
	case NFSPROC_REMOVE:
	case NFSPROC_RMDIR:
	case NFSPROC_SYMLINK:
	case NFSPROC_MKNOD:
	case NFSPROC_RENAME:
		off = parse_req(w);
		if (off)
			off = proc_names_file(proc) ? parse_fhn(w, off, v3) : nfs_parse_fh(w, off, v3);
		if (!off || !print_args(w, proc, v3, off))
			goto trunc;
		return;
	default:
		return;
	}
trunc:
	msg_trunc_put(w->b, "nfs");
}
