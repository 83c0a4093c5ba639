/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_nfs_reply.c: an NFS reply's status and results, as tcpdump's nfsreply_noaddr_print. */
#include "config.h"

#include <inttypes.h>

#include "decode/proto_rpc.h"

/* RFC 5531 reply body: reply_stat at 8; accepted: the verifier at 12; denied: reject_stat at 12. */
#define RPC_REPLY_STAT 8
#define RPC_REPLY_VERF 12

static const struct msg_tok rpc_auth_stats[] = {
	{ 0, "OK" },
	{ 1, "Bogus Credentials (seal broken)" },
	{ 2, "Rejected Credentials (client should begin new session)" },
	{ 3, "Bogus Verifier (seal broken)" },
	{ 4, "Verifier expired or was replayed" },
	{ 5, "Credentials are too weak" },
	{ 6, "Bogus response verifier" },
	{ 7, "Unknown failure" },
	{ 0, NULL },
};

static const struct msg_tok rpc_accept_stats[] = {
	{ 1, "PROG_UNAVAIL" }, { 2, "PROG_MISMATCH" }, { 3, "PROC_UNAVAIL" },
	{ 4, "GARBAGE_ARGS" }, { 5, "SYSTEM_ERR" },    { 0, NULL },
};

/* NFS v2/v3 status values: the RFCs', with FreeBSD's errno words, as tcpdump. */
static const struct msg_tok nfs_stats[] = {
	{ 1, "Operation not permitted" },
	{ 2, "No such file or directory" },
	{ 5, "Input/output error" },
	{ 6, "Device not configured" },
	{ 11, "Resource deadlock avoided" },
	{ 12, "Cannot allocate memory" },
	{ 13, "Permission denied" },
	{ 17, "File exists" },
	{ 18, "Cross-device link" },
	{ 19, "Operation not supported by device" },
	{ 20, "Not a directory" },
	{ 21, "Is a directory" },
	{ 22, "Invalid argument" },
	{ 26, "Text file busy" },
	{ 27, "File too large" },
	{ 28, "No space left on device" },
	{ 30, "Read-only file system" },
	{ 31, "Too many links" },
	{ 45, "Operation not supported" },
	{ 62, "Too many levels of symbolic links" },
	{ 63, "File name too long" },
	{ 66, "Directory not empty" },
	{ 69, "Disc quota exceeded" },
	{ 70, "Stale NFS file handle" },
	{ 71, "Too many levels of remote in path" },
	{ 99, "Write cache flushed to disk" },
	{ 10001, "Illegal NFS file handle" },
	{ 10002, "Update synchronization mismatch" },
	{ 10003, "READDIR/READDIRPLUS cookie is stale" },
	{ 10004, "Operation not supported" },
	{ 10005, "Buffer or request is too small" },
	{ 10006, "Unspecified error on server" },
	{ 10007, "Object of that type not supported" },
	{ 10008, "Request couldn't be completed in time" },
	{ 0, NULL },
};

/* Where the results start: past the verifier and an accept_stat of success; 0 otherwise. */
static size_t parse_rep(struct nfs_walk *w)
{
	uint32_t len = nw_u32(w, RPC_REPLY_VERF + 4), astat;
	size_t off;

	if (w->cut || len >= w->length)
		return 0;
	off = RPC_REPLY_VERF + 8 + (((size_t)len + 3) & ~(size_t)3);
	astat = nw_u32(w, off);
	if (w->cut)
		return 0;
	if (astat) {
		pbuf_putc(w->b, ' ');
		msg_tok_put(w->b, rpc_accept_stats, "ar_stat %u", astat);
		w->nfserr = true;
		return 0;
	}
	return off + 4;
}

/* The status word; an error is printed (not with -q) and noted. */
static size_t parse_status(struct nfs_walk *w, size_t off, uint32_t *er)
{
	*er = nw_u32(w, off);
	if (w->cut)
		return 0;
	if (*er) {
		if (!w->quiet) {
			pbuf_puts(w->b, " ERROR: ");
			msg_tok_put(w->b, nfs_stats, "unk %u", *er);
		}
		w->nfserr = true;
	}
	return off + 4;
}

/* attrstat: the status, then a fattr when it is 0. */
static bool parse_attrstat(struct nfs_walk *w, size_t off, unsigned verbose, bool v3)
{
	uint32_t er;

	off = parse_status(w, off, &er);
	if (!off)
		return false;
	return er || nfs_parse_fattr(w, off, verbose, v3);
}

/* v2's diropres: the status, then a handle and its attributes. */
static bool parse_diropres(struct nfs_walk *w, size_t off)
{
	uint32_t er;

	off = parse_status(w, off, &er);
	if (!off)
		return false;
	if (er)
		return true;
	off = nfs_parse_fh(w, off, false);
	return off && nfs_parse_fattr(w, off, w->v, false);
}

static bool parse_linkres(struct nfs_walk *w, size_t off, bool v3)
{
	uint32_t er;

	off = parse_status(w, off, &er);
	if (!off)
		return false;
	if (er)
		return true;
	if (v3 && !(off = nfs_parse_post_op_attr(w, off, w->v)))
		return false;
	pbuf_putc(w->b, ' ');
	return nfs_parse_fn(w, off) != 0;
}

static bool parse_statfs(struct nfs_walk *w, size_t off, bool v3)
{
	uint32_t er;

	off = parse_status(w, off, &er);
	if (!off)
		return false;
	if ((!v3 && er) || w->quiet)
		return true;
	if (v3) {
		if (w->v)
			pbuf_puts(w->b, " POST:");
		if (!(off = nfs_parse_post_op_attr(w, off, w->v)))
			return false;
	}
	if (!nw_has(w, off, v3 ? 52 : 20))
		return false;
	if (v3) {
		msg_printf(w->b, " tbytes %" PRIu64 " fbytes %" PRIu64 " abytes %" PRIu64,
			   nw_u64(w, off), nw_u64(w, off + 8), nw_u64(w, off + 16));
		if (w->v)
			msg_printf(w->b,
				   " tfiles %" PRIu64 " ffiles %" PRIu64 " afiles %" PRIu64
				   " invar %u",
				   nw_u64(w, off + 24), nw_u64(w, off + 32), nw_u64(w, off + 40),
				   nw_u32(w, off + 48));
	} else {
		msg_printf(w->b, " tsize %u bsize %u blocks %u bfree %u bavail %u", nw_u32(w, off),
			   nw_u32(w, off + 4), nw_u32(w, off + 8), nw_u32(w, off + 12),
			   nw_u32(w, off + 16));
	}
	return true;
}

/* v2's readdir result, as tcpdump reads it (the first entry's words). */
static bool parse_rddires(struct nfs_walk *w, size_t off)
{
	uint32_t er, a, b, eof;

	off = parse_status(w, off, &er);
	if (!off)
		return false;
	if (er || w->quiet)
		return true;
	a = nw_u32(w, off);
	b = nw_u32(w, off + 4);
	if (w->cut)
		return false;
	msg_printf(w->b, " offset 0x%x size %u ", a, b);
	eof = nw_u32(w, off + 8);
	if (w->cut)
		return false;
	if (eof)
		pbuf_puts(w->b, " eof");
	return true;
}

/* CREATE, MKDIR, SYMLINK, MKNOD in v3: the new handle and attributes, or the directory's wcc. */
static size_t parse_createopres(struct nfs_walk *w, size_t off)
{
	uint32_t er, follows;

	off = parse_status(w, off, &er);
	if (!off)
		return 0;
	if (er)
		return nfs_parse_wcc_data(w, off, w->v);
	follows = nw_u32(w, off);
	if (w->cut)
		return 0;
	if (!follows)
		return off + 4;
	off = nfs_parse_fh(w, off + 4, true);
	if (!off)
		return 0;
	if (w->v) {
		off = nfs_parse_post_op_attr(w, off, w->v);
		if (!off)
			return 0;
		if (w->v > 1) {
			pbuf_puts(w->b, " dir attr:");
			off = nfs_parse_wcc_data(w, off, w->v);
		}
	}
	return off;
}

static size_t parse_wccres(struct nfs_walk *w, size_t off)
{
	uint32_t er;

	off = parse_status(w, off, &er);
	return off ? nfs_parse_wcc_data(w, off, w->v) : 0;
}

/* The status, then (after label from -v) the object's attributes: v3's results mostly start so. */
static size_t parse_status_attr(struct nfs_walk *w, size_t off, uint32_t *er, const char *label)
{
	off = parse_status(w, off, er);
	if (!off)
		return 0;
	if (w->v)
		pbuf_puts(w->b, label);
	return nfs_parse_post_op_attr(w, off, w->v);
}

/* READDIR and READDIRPLUS in v3: the directory's attributes and the cookie verifier. */
static size_t parse_v3rddirres(struct nfs_walk *w, size_t off)
{
	uint32_t er, a, b;

	off = parse_status_attr(w, off, &er, " POST:");
	if (!off || er)
		return off;
	if (w->v) {
		a = nw_u32(w, off);
		b = nw_u32(w, off + 4);
		if (w->cut)
			return 0;
		msg_printf(w->b, " verf %08x%08x", a, b);
		off += 8;
	}
	return off;
}

/* FSINFO (v3) and PATHCONF: the attributes, then the fixed-size result. */
static bool parse_fsinfo(struct nfs_walk *w, size_t off, bool pathconf)
{
	uint32_t er;

	off = parse_status_attr(w, off, &er, " POST:");
	if (!off)
		return false;
	if (er)
		return true;
	if (pathconf) {
		if (!nw_has(w, off, 24))
			return false;
		msg_printf(w->b, " linkmax %u namemax %u %s %s %s %s", nw_u32(w, off),
			   nw_u32(w, off + 4), nw_u32(w, off + 8) ? "notrunc" : "",
			   nw_u32(w, off + 12) ? "chownres" : "",
			   nw_u32(w, off + 16) ? "igncase" : "",
			   nw_u32(w, off + 20) ? "keepcase" : "");
		return true;
	}
	if (!nw_has(w, off, 48))
		return false;
	msg_printf(w->b, " rtmax %u rtpref %u wtmax %u wtpref %u dtpref %u", nw_u32(w, off),
		   nw_u32(w, off + 4), nw_u32(w, off + 12), nw_u32(w, off + 16),
		   nw_u32(w, off + 24));
	if (w->v) {
		msg_printf(w->b, " rtmult %u wtmult %u maxfsz %" PRIu64, nw_u32(w, off + 8),
			   nw_u32(w, off + 20), nw_u64(w, off + 28));
		msg_printf(w->b, " delta %u.%06u ", nw_u32(w, off + 36), nw_u32(w, off + 40));
	}
	return true;
}

/* A v3 READ's or WRITE's count, then READ's end of file, or -vv's WRITE mode and verifier. */
static bool put_io_result(struct nfs_walk *w, size_t off, bool write)
{
	uint32_t count = nw_u32(w, off), v;
	uint64_t verf;

	if (w->cut)
		return false;
	msg_printf(w->b, " %u bytes", count);
	if (!write || w->v > 1) {
		v = nw_u32(w, off + 4);
		if (w->cut)
			return false;
		if (!write) {
			if (v)
				pbuf_puts(w->b, " EOF");
			return true;
		}
		nfs_put_write_mode(w->b, v);
		verf = nw_u64(w, off + 8);
		if (w->cut)
			return false;
		msg_printf(w->b, " verf %" PRIx64, verf);
	}
	return true;
}

/* The results of the call a reply answers (tcpdump's interp_reply); false for the mark. */
static bool interp_reply(struct nfs_walk *w, uint32_t proc, bool v3)
{
	uint32_t er, a;
	size_t off;
	uint64_t verf;

	off = parse_rep(w);
	if (!off)
		return false;
	switch (proc) {
	case NFSPROC_GETATTR:
		return parse_attrstat(w, off, !w->quiet, v3);
	case NFSPROC_SETATTR:
		if (v3)
			return parse_wccres(w, off) != 0;
		return parse_attrstat(w, off, !w->quiet, false);
	case NFSPROC_LOOKUP:
		if (!v3)
			return parse_diropres(w, off);
		off = parse_status(w, off, &er);
		if (!off)
			return false;
		if (!er) {
			off = nfs_parse_fh(w, off, true);
			if (!off || !(off = nfs_parse_post_op_attr(w, off, w->v)))
				return false;
		}
		if (w->v > 1) {
			pbuf_puts(w->b, " post dattr:");
			off = nfs_parse_post_op_attr(w, off, w->v);
		}
		return off != 0;
	case NFSPROC_ACCESS:
		off = parse_status_attr(w, off, &er, " attr:");
		if (!off)
			return false;
		if (!er) {
			a = nw_u32(w, off);
			if (w->cut)
				return false;
			msg_printf(w->b, " c %04x", a);
		}
		return true;
	case NFSPROC_READLINK:
		return parse_linkres(w, off, v3);
	case NFSPROC_READ:
	case NFSPROC_WRITE:
		if (!v3)
			return parse_attrstat(w, off, w->v, false);
		off = parse_status(w, off, &er);
		if (off)
			off = proc == NFSPROC_READ ? nfs_parse_post_op_attr(w, off, w->v) :
						     nfs_parse_wcc_data(w, off, w->v);
		if (!off)
			return false;
		return er || !w->v || put_io_result(w, off, proc == NFSPROC_WRITE);
	case NFSPROC_CREATE:
	case NFSPROC_MKDIR:
		if (v3)
			return parse_createopres(w, off) != 0;
		return parse_diropres(w, off);
	case NFSPROC_SYMLINK:
		if (v3)
			return parse_createopres(w, off) != 0;
		return parse_status(w, off, &er) != 0;
	case NFSPROC_MKNOD:
		return parse_createopres(w, off) != 0;
	case NFSPROC_REMOVE:
	case NFSPROC_RMDIR:
		if (v3)
			return parse_wccres(w, off) != 0;
		return parse_status(w, off, &er) != 0;
	case NFSPROC_RENAME:
	case NFSPROC_LINK:
		off = parse_status(w, off, &er);
		if (!off)
			return false;
		if (v3 && w->v) {
			if (proc == NFSPROC_RENAME) {
				pbuf_puts(w->b, " from:");
				off = nfs_parse_wcc_data(w, off, w->v);
				if (!off)
					return false;
				pbuf_puts(w->b, " to:");
			} else {
				pbuf_puts(w->b, " file POST:");
				off = nfs_parse_post_op_attr(w, off, w->v);
				if (!off)
					return false;
				pbuf_puts(w->b, " dir:");
			}
			return nfs_parse_wcc_data(w, off, w->v) != 0;
		}
		return true;
	case NFSPROC_READDIR:
		if (v3)
			return parse_v3rddirres(w, off) != 0;
		return parse_rddires(w, off);
	case NFSPROC_READDIRPLUS:
		return parse_v3rddirres(w, off) != 0;
	case NFSPROC_FSSTAT:
		return parse_statfs(w, off, v3);
	case NFSPROC_FSINFO:
		return parse_fsinfo(w, off, false);
	case NFSPROC_PATHCONF:
		return parse_fsinfo(w, off, true);
	case NFSPROC_COMMIT:
		off = parse_wccres(w, off);
		if (!off)
			return false;
		if (w->v > 1) {
			verf = nw_u64(w, off);
			if (w->cut)
				return false;
			msg_printf(w->b, " verf %" PRIx64, verf);
		}
		return true;
	default:
		return true;
	}
}

void nfs_print_reply(struct nfs_walk *w, bool matched, uint32_t proc, uint32_t vers)
{
	struct pbuf *b = w->b;
	uint32_t stat, rstat, lo, hi;
	const char *name;

	stat = nw_u32(w, RPC_REPLY_STAT);
	if (w->cut)
		goto trunc;
	switch (stat) {
	case 0: /* MSG_ACCEPTED */
		msg_printf(b, "reply ok %u", w->length);
		if (!matched)
			return;
		proc = nfs_proc_generic(vers == 3, proc);
		name = nfs_proc_name(proc);
		if (name) {
			pbuf_putc(b, ' ');
			pbuf_puts(b, name);
		} else {
			msg_printf(b, " proc-%u", proc);
		}
		if (!interp_reply(w, proc, vers == 3) && (w->cut || !w->nfserr))
			goto trunc;
		return;
	case 1: /* MSG_DENIED */
		msg_printf(b, "reply ERR %u: ", w->length);
		rstat = nw_u32(w, RPC_REPLY_STAT + 4);
		if (w->cut)
			goto trunc;
		if (rstat == 0) { /* RPC_MISMATCH */
			lo = nw_u32(w, RPC_REPLY_STAT + 8);
			hi = nw_u32(w, RPC_REPLY_STAT + 12);
			if (w->cut)
				goto trunc;
			msg_printf(b, "RPC Version mismatch (%u-%u)", lo, hi);
		} else if (rstat == 1) { /* AUTH_ERROR */
			lo = nw_u32(w, RPC_REPLY_STAT + 8);
			if (w->cut)
				goto trunc;
			pbuf_puts(b, "Auth ");
			msg_tok_put(b, rpc_auth_stats, "Invalid failure code %u", lo);
		} else {
			msg_printf(b, "Unknown reason for rejecting rpc message %u", rstat);
		}
		return;
	default:
		msg_printf(b, "reply Unknown rpc response code=%u %u", stat, w->length);
		return;
	}
trunc:
	msg_trunc_put(b, "nfs");
}
