/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_nfs_fh.c: the reads of an NFS walk, file names, and file handles as
 * tcpdump guesses their server's layout (its parsenfsfh.c heuristics).
 */
#include "config.h"

#include <string.h>

#include "decode/proto_rpc.h"

#define NFSX_V2FH    32
#define NFSX_V3FHMAX 64

bool nw_has(const struct nfs_walk *w, size_t off, size_t n)
{
	return msg_has(&w->g, off, n);
}

uint32_t nw_u32(struct nfs_walk *w, size_t off)
{
	if (!msg_has(&w->g, off, 4)) {
		w->cut = true;
		return 0;
	}
	return msg_u32(&w->g, off);
}

uint64_t nw_u64(struct nfs_walk *w, size_t off)
{
	if (!msg_has(&w->g, off, 8)) {
		w->cut = true;
		return 0;
	}
	return (uint64_t)msg_u32(&w->g, off) << 32 | msg_u32(&w->g, off + 4);
}

/* The layouts tcpdump tells apart; the numbers only name them here. */
enum fh_type {
	FHT_UNKNOWN,
	FHT_AUSPEX,
	FHT_DECOSF,
	FHT_IRIX4,
	FHT_SUNOS4,
	FHT_ULTRIX,
	FHT_VMSUCX,
	FHT_SUNOS5,
	FHT_HPUX9,
	FHT_BSD44,
};

static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* A VMS UCX handle: after a code byte, printable characters, then NULs only. */
static bool fh_is_ucx(const uint8_t *fh, uint32_t words)
{
	bool seen_nul = false;

	if (words < 28 / 4)
		return false;
	for (int i = 1; i < 14; i++) {
		if (fh[i] >= 0x20 && fh[i] < 0x7f) {
			if (seen_nul)
				return false;
		} else if (!fh[i]) {
			seen_nul = true;
		} else {
			return false;
		}
	}
	return true;
}

/* tcpdump's decision tree over the first bytes (parsenfsfh.c's Parse_fh). */
static enum fh_type fh_guess(const uint8_t *fh, uint32_t words)
{
	if (words < 16 / 4)
		return FHT_UNKNOWN;
	if (fh[0] == 0 && fh[1] == 0) {
		if (fh[2] == 0 && fh[3] == 0)
			return FHT_AUSPEX;
		if (fh[4] != 0 && fh[5] == 0 && fh[8] == 12 && fh[9] == 0)
			return FHT_DECOSF;
		if (fh[4] == 0 && fh[5] == 8 && fh[6] == 0 && fh[7] == 0)
			return FHT_IRIX4;
		return FHT_SUNOS4;
	}
	if (fh[2] == 0 && fh[3] == 0) {
		if (fh[6] == 0 && fh[7] == 0)
			return FHT_BSD44;
		if (words >= 24 / 4 && fh[21] == 0 && fh[23] == 0)
			return FHT_ULTRIX;
		return fh[9] == 10 ? FHT_SUNOS5 : FHT_UNKNOWN;
	}
	if (fh[8] == 12 && fh[9] == 0)
		return FHT_DECOSF;
	if (fh[8] == 0 && fh[9] == 10)
		return fh[4] == 0 && fh[5] == 0 && fh[6] == 0 && fh[7] == 0 ? FHT_HPUX9 : FHT_SUNOS5;
	return fh_is_ucx(fh, words) ? FHT_VMSUCX : FHT_UNKNOWN;
}

void nfs_print_fh(struct pbuf *b, const uint8_t *fh, uint32_t words)
{
	enum fh_type t = fh_guess(fh, words);
	uint32_t major = 0, minor = 0, ino = 0, v;
	/* the server's file system name, printed instead of the numbers: VMS, or the unknown */
	const char *fsname = NULL;
	size_t fsname_max = words < NFSX_V3FHMAX ? words : NFSX_V3FHMAX;

	switch (t) {
	case FHT_AUSPEX:
		minor = fh[7];
		major = fh[6];
		ino = pkt_be32(fh + 12);
		break;
	case FHT_BSD44:
		minor = fh[0];
		major = fh[1];
		ino = le32(fh + 12);
		break;
	case FHT_DECOSF:
		v = le32(fh);
		minor = v & 0xfffff;
		major = v >> 20 & 0xfff;
		ino = le32(fh + 12);
		break;
	case FHT_IRIX4:
		minor = fh[3];
		major = fh[2];
		ino = pkt_be32(fh + 8);
		break;
	case FHT_SUNOS4:
		minor = fh[3];
		major = fh[2];
		ino = pkt_be32(fh + 12);
		break;
	case FHT_SUNOS5:
		major = (uint32_t)pkt_be16(fh) >> 2 & 0x3fff;
		minor = ((uint32_t)fh[1] << 16 | (uint32_t)fh[2] << 8 | fh[3]) & 0x3ffff;
		ino = pkt_be32(fh + 12);
		break;
	case FHT_ULTRIX:
		minor = fh[0];
		major = fh[1];
		ino = le32(fh + 4);
		break;
	case FHT_VMSUCX:
		/* the first bytes as tcpdump's host (little-endian) holds them; never 257 here */
		minor = le32(fh);
		ino = (uint32_t)fh[26] << 24 | (uint32_t)fh[27] << 16 |
		      ((uint32_t)fh[23] << 8 | fh[22]);
		fsname = (const char *)fh + 1;
		break;
	case FHT_HPUX9:
		major = fh[0];
		minor = (uint32_t)fh[1] << 16 | (uint32_t)fh[2] << 8 | fh[3];
		ino = pkt_be32(fh + 12);
		break;
	case FHT_UNKNOWN:
		minor = major = 257;
		ino = 1;
		fsname = "Unknown";
		break;
	}
	if (fsname) {
		/*
		 * tcpdump copies as many characters as the handle has words (sic),
		 * stopping at a NUL, and cuts the name at its first space.
		 */
		pbuf_puts(b, " fh ");
		for (size_t i = 0; i < fsname_max && fsname[i] && fsname[i] != ' '; i++)
			msg_put_char(b, (uint8_t)fsname[i]);
		pbuf_putc(b, '/');
	} else {
		msg_printf(b, " fh %u,%u/", major, minor);
	}
	if (minor != 257) {
		pbuf_u32(b, ino);
	} else if (t == FHT_UNKNOWN) {
		/* the handle itself in hex, its first 32 bytes at most */
		static const char hex[] = "0123456789ABCDEF";

		for (uint32_t i = 0; i < words * 4u && i < 32; i++) {
			pbuf_putc(b, hex[fh[i] >> 4]);
			pbuf_putc(b, hex[fh[i] & 15]);
		}
	}
	/* a known layout whose minor is 257: tcpdump prints a buffer it never filled; nothing here */
}

size_t nfs_parse_fh(struct nfs_walk *w, size_t off, bool v3)
{
	uint32_t words;

	if (v3) {
		words = nw_u32(w, off) / 4;
		if (w->cut)
			return 0;
		off += 4;
	} else {
		words = NFSX_V2FH / 4;
	}
	if (!nw_has(w, off, (size_t)words * 4))
		return 0;
	nfs_print_fh(w->b, w->g.p + off, words);
	return off + (size_t)words * 4;
}

size_t nfs_parse_fn(struct nfs_walk *w, size_t off)
{
	uint32_t len = nw_u32(w, off);
	size_t rounded;

	if (w->cut)
		return 0;
	off += 4;
	if (UINT32_MAX - len < 3) {
		pbuf_puts(w->b, "[cannot pad to 32-bit boundaries] (invalid)");
		return 0;
	}
	rounded = ((size_t)len + 3) & ~(size_t)3;
	if (!nw_has(w, off, rounded))
		return 0;
	pbuf_putc(w->b, '"');
	msg_printjn(w->b, &w->g, off, len);
	pbuf_putc(w->b, '"');
	return off + rounded;
}
