/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_nfs_attr.c: NFS file attributes (fattr, wcc_data, sattr3) as tcpdump prints them. */
#include "config.h"

#include <inttypes.h>

#include "decode/proto_rpc.h"

#define NFSX_V2FATTR 68
#define NFSX_V3FATTR 84
#define NFSV3SATTRTIME_TOCLIENT 2

static const struct msg_tok nfs_types[] = {
	{ 0, "NON" }, { 1, "REG" }, { 2, "DIR" },  { 3, "BLK" },
	{ 4, "CHR" }, { 5, "LNK" }, { 6, "FIFO" }, { 0, NULL },
};

const char *nfs_type_name(uint32_t type)
{
	return msg_tok_find(nfs_types, type);
}

/*
 * fattr (RFC 1094 2.3.5, RFC 1813 fattr3): type, mode, nlink, uid, gid, then
 * v2's 32-bit or v3's 64-bit sizes, ids and times.  -v prints the first
 * part, -vv the rest, as tcpdump's parsefattr.
 */
size_t nfs_parse_fattr(struct nfs_walk *w, size_t off, unsigned verbose, bool v3)
{
	struct pbuf *b = w->b;

	/* tcpdump checks up to the gid before anything, then reads what it prints */
	if (!nw_has(w, off, 20))
		return 0;
	if (verbose) {
		uint32_t type = nw_u32(w, off), mode = nw_u32(w, off + 4);
		int32_t uid = (int32_t)nw_u32(w, off + 12), gid = (int32_t)nw_u32(w, off + 16);
		const char *name = nfs_type_name(type);

		pbuf_putc(b, ' ');
		if (name)
			pbuf_puts(b, name);
		else
			msg_printf(b, "unk-ft %u ", type);
		msg_printf(b, " %o ids %d/%d", mode, uid, gid);
		if (v3) {
			uint64_t size = nw_u64(w, off + 20);

			if (w->cut)
				return 0;
			msg_printf(b, " sz %" PRIu64, size);
		} else {
			uint32_t size = nw_u32(w, off + 20);

			if (w->cut)
				return 0;
			msg_printf(b, " sz %u", size);
		}
	}
	if (verbose > 1) {
		const size_t t = off + (v3 ? 60 : 44); /* atime, mtime, ctime: 8 bytes each */
		uint32_t tm[6];

		if (!nw_has(w, off + (v3 ? 76 : 60), 8))
			return 0;
		for (int i = 0; i < 6; i++)
			tm[i] = nw_u32(w, t + 4 * (size_t)i);
		if (v3) {
			uint32_t nlink = nw_u32(w, off + 8), r1 = nw_u32(w, off + 36);
			uint32_t r2 = nw_u32(w, off + 40);
			uint64_t fsid = nw_u64(w, off + 44), fileid = nw_u64(w, off + 52);

			msg_printf(b, " nlink %u rdev %u/%u", nlink, r1, r2);
			msg_printf(b, " fsid %" PRIx64, fsid);
			msg_printf(b, " fileid %" PRIx64, fileid);
			msg_printf(b, " a/m/ctime %u.%06u", tm[0], tm[1]);
		} else {
			msg_printf(b, " nlink %u rdev 0x%x fsid 0x%x nodeid 0x%x a/m/ctime",
				   nw_u32(w, off + 8), nw_u32(w, off + 28), nw_u32(w, off + 36),
				   nw_u32(w, off + 40));
			msg_printf(b, " %u.%06u", tm[0], tm[1]);
		}
		msg_printf(b, " %u.%06u", tm[2], tm[3]);
		msg_printf(b, " %u.%06u", tm[4], tm[5]);
	}
	return off + (v3 ? NFSX_V3FATTR : NFSX_V2FATTR);
}

/* An optional part's flag at *off, stepped over: whether the part follows; false when cut too. */
static bool attr_follows(struct nfs_walk *w, size_t *off)
{
	uint32_t follows = nw_u32(w, *off);

	*off += 4;
	return !w->cut && follows;
}

/* post_op_attr: a flag, then a fattr3, printed from -v. */
size_t nfs_parse_post_op_attr(struct nfs_walk *w, size_t off, unsigned verbose)
{
	if (!attr_follows(w, &off))
		return w->cut ? 0 : off;
	if (verbose)
		return nfs_parse_fattr(w, off, verbose, true);
	return off + NFSX_V3FATTR;
}

/* pre_op_attr: a flag, then size, mtime and ctime, printed from -vv. */
static size_t nfs_parse_pre_op_attr(struct nfs_walk *w, size_t off, unsigned verbose)
{
	if (!attr_follows(w, &off))
		return w->cut ? 0 : off;
	if (!nw_has(w, off, 24))
		return 0;
	if (verbose > 1) {
		msg_printf(w->b, " sz %" PRIu64, nw_u64(w, off));
		msg_printf(w->b, " mtime %u.%06u ctime %u.%06u", nw_u32(w, off + 8),
			   nw_u32(w, off + 12), nw_u32(w, off + 16), nw_u32(w, off + 20));
	}
	return off + 24;
}

size_t nfs_parse_wcc_data(struct nfs_walk *w, size_t off, unsigned verbose)
{
	if (verbose > 1)
		pbuf_puts(w->b, " PRE:");
	off = nfs_parse_pre_op_attr(w, off, verbose);
	if (!off)
		return 0;
	if (verbose)
		pbuf_puts(w->b, " POST:");
	return nfs_parse_post_op_attr(w, off, verbose);
}

/* One "set_it" word and the value it announces (the value only when set). */
static size_t sattr_field(struct nfs_walk *w, size_t off, uint32_t *set, uint32_t *v)
{
	*set = nw_u32(w, off);
	off += 4;
	if (*set) {
		*v = nw_u32(w, off);
		off += 4;
	}
	return off;
}

/* A time: how it is set, and the time itself when the client gives it. */
static size_t sattr_time(struct nfs_walk *w, size_t off, uint32_t *how, uint32_t *sec,
			 uint32_t *nsec)
{
	*how = nw_u32(w, off);
	off += 4;
	if (*how == NFSV3SATTRTIME_TOCLIENT) {
		/* tcpdump reads the two words together: a cut one loses both */
		if (!nw_has(w, off, 8)) {
			w->cut = true;
			return 0;
		}
		*sec = nw_u32(w, off);
		*nsec = nw_u32(w, off + 4);
		off += 8;
	}
	return off;
}

size_t nfs_parse_sattr3(struct nfs_walk *w, size_t off, struct nfs_sattr3 *sa)
{
	uint32_t size;

	*sa = (struct nfs_sattr3){ 0 };
	off = sattr_field(w, off, &sa->modeset, &sa->mode);
	off = sattr_field(w, off, &sa->uidset, &sa->uid);
	off = sattr_field(w, off, &sa->gidset, &sa->gid);
	/* the size is 64 bits, but tcpdump reads one word of it, as here */
	off = sattr_field(w, off, &sa->sizeset, &size);
	if (w->cut)
		return 0;
	off = sattr_time(w, off, &sa->atimetype, &sa->atime_sec, &sa->atime_nsec);
	if (!off)
		return 0;
	off = sattr_time(w, off, &sa->mtimetype, &sa->mtime_sec, &sa->mtime_nsec);
	return w->cut ? 0 : off;
}

void nfs_print_sattr3(struct nfs_walk *w, const struct nfs_sattr3 *sa)
{
	if (sa->modeset)
		msg_printf(w->b, " mode %o", sa->mode);
	if (sa->uidset)
		msg_printf(w->b, " uid %u", sa->uid);
	if (sa->gidset)
		msg_printf(w->b, " gid %u", sa->gid);
	if (w->v > 1) {
		if (sa->atimetype == NFSV3SATTRTIME_TOCLIENT)
			msg_printf(w->b, " atime %u.%06u", sa->atime_sec, sa->atime_nsec);
		if (sa->mtimetype == NFSV3SATTRTIME_TOCLIENT)
			msg_printf(w->b, " mtime %u.%06u", sa->mtime_sec, sa->mtime_nsec);
	}
}
