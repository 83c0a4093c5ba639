/* SPDX-License-Identifier: GPL-2.0-or-later */
/* savefile_read.c: pcap and pcapng reader: big buffered reads, records parsed in place. */
#include "config.h"

#include <byteswap.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "capture/savefile.h"

#define PCAP_MAGIC	0xa1b2c3d4u
#define PCAP_MAGIC_NANO	0xa1b23c4du
#define PCAP_HDR_LEN	24
#define PCAP_REC_LEN	16
/* libpcap's LT_LINKTYPE(): the upper bits of the header's link type carry FCS details. */
#define PCAP_LINKTYPE_MASK 0x03ffffffu

#define NG_SHB		0x0a0d0d0au
#define NG_BOM		0x1a2b3c4du
#define NG_IDB		1u
#define NG_PB		2u	/* the obsolete Packet Block */
#define NG_SPB		3u
#define NG_ISB		5u
#define NG_EPB		6u
#define NG_BLOCK_MIN	12u	/* type, length, trailing length */

#define READ_BUF	(1u << 20)
/* Every IDB takes at least 20 bytes of file, but cap the table so a file cannot grow it. */
#define MAX_IFS		65536u
#define NSEC		1000000000ull

#define OFF(x) ((unsigned long long)(x))

/* How a pcapng interface's timestamp units become nanoseconds. */
enum ts_mode {
	TS_MUL,		/* units of 10^-k s, k <= 9: multiply by 10^(9-k) */
	TS_DIV,		/* units of 10^-k s, k > 9: divide by 10^(k-9) */
	TS_POW2,	/* units of 2^-k s */
};

struct rd_if {
	struct savefile_if pub;
	enum ts_mode mode;
	uint64_t factor;	/* the power of ten, or k for TS_POW2 */
	uint64_t offset_ns;	/* if_tsoffset; unsigned so that a negative one wraps, not overflows */
};

struct savefile_reader {
	int fd;			/* -1: memory */
	bool own_fd;
	bool eof;		/* nothing more to read beyond len (always in memory mode) */
	uint8_t *buf;		/* owned buffer, cap bytes; NULL in memory mode */
	size_t cap;
	const uint8_t *p;	/* buf, or the caller's memory */
	size_t pos;		/* the next unread byte in p */
	size_t len;		/* valid bytes in p */
	uint64_t base;		/* file offset of p[0] */
	enum savefile_format format;
	bool swap;		/* the file (pcapng: the current section) is in the other byte order */
	uint32_t pcap_limit;	/* largest caplen a pcap record may have */
	struct rd_if *ifs;
	unsigned n_ifs, cap_ifs;
	unsigned n_sections;
	unsigned section_base;	/* index in ifs of the current section's interface 0 */
	int err;		/* sticky */
	char msg[SAVEFILE_ERRLEN];
};

/* A validated pcapng block, still in the buffer. */
struct ng_block {
	uint32_t type, len;
	const uint8_t *body;	/* after type and length */
	size_t body_len;	/* up to the trailing length */
	uint64_t off;
};

struct ng_opt {
	uint16_t code, len;
	const uint8_t *val;
};

static uint16_t rd16(const uint8_t *p, bool swap)
{
	uint16_t v;

	memcpy(&v, p, sizeof(v));
	return swap ? bswap_16(v) : v;
}

static uint32_t rd32(const uint8_t *p, bool swap)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return swap ? bswap_32(v) : v;
}

static uint64_t rd64(const uint8_t *p, bool swap)
{
	uint64_t v;

	memcpy(&v, p, sizeof(v));
	return swap ? bswap_64(v) : v;
}

/* pcapng's split timestamps and isb_starttime/endtime: high word first, each in file order. */
static uint64_t rd_ts64(const uint8_t *p, bool swap)
{
	return (uint64_t)rd32(p, swap) << 32 | rd32(p + 4, swap);
}

__attribute__((format(printf, 3, 4)))
static int rd_fail(struct savefile_reader *r, int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(r->msg, sizeof(r->msg), fmt, ap);
	va_end(ap);
	r->err = err;
	return err;
}

/* Why rd_need() could not deliver WANT bytes of WHAT at OFF: a read error or a short file. */
static int rd_short(struct savefile_reader *r, int ret, const char *what, uint64_t off,
		    size_t want)
{
	if (ret < 0)
		return rd_fail(r, ret, "read failed at offset %llu: %s", OFF(r->base + r->len),
			       strerror(-ret));
	return rd_fail(r, -EINVAL, "truncated %s at offset %llu (%zu of %zu bytes)", what, OFF(off),
		       r->len - r->pos, want);
}

/*
 * Makes N bytes from pos contiguous in the buffer: 0, 1 when the input ends first, or
 * -errno.  Moves the buffer, so pointers into it from before are stale.  Callers bound N
 * by SAVEFILE_MAX_BLOCK, which bounds the buffer.
 */
static int rd_need(struct savefile_reader *r, size_t n)
{
	if (r->len - r->pos >= n)
		return 0;
	if (r->eof)
		return 1;
	if (r->pos) {
		memmove(r->buf, r->buf + r->pos, r->len - r->pos);
		r->base += r->pos;
		r->len -= r->pos;
		r->pos = 0;
	}
	if (n > r->cap) {
		size_t cap = r->cap * 2 < SAVEFILE_MAX_BLOCK ? r->cap * 2 : SAVEFILE_MAX_BLOCK;

		if (cap < n)
			cap = n;
		uint8_t *nb;

		nb = realloc(r->buf, cap);
		if (!nb)
			return -ENOMEM;
		r->buf = nb;
		r->p = nb;
		r->cap = cap;
	}
	while (r->len < n) {
		/* Fill the whole buffer: one syscall covers many records. */
		ssize_t got = read(r->fd, r->buf + r->len, r->cap - r->len);

		if (got < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		if (got == 0) {
			r->eof = true;
			return 1;
		}
		r->len += (size_t)got;
	}
	return 0;
}

/* The end of the input at a record boundary: clean unless bytes are left over. */
static bool rd_at_end(const struct savefile_reader *r, int ret)
{
	return ret == 1 && r->pos == r->len;
}

static struct rd_if *rd_add_if(struct savefile_reader *r, uint64_t off)
{
	struct rd_if *ifc;

	if (r->n_ifs == MAX_IFS) {
		rd_fail(r, -EINVAL, "more than %u interfaces at offset %llu", MAX_IFS, OFF(off));
		return NULL;
	}
	if (r->n_ifs == r->cap_ifs) {
		unsigned cap = r->cap_ifs ? r->cap_ifs * 2 : 4;
		struct rd_if *n = realloc(r->ifs, cap * sizeof(*n));

		if (!n) {
			rd_fail(r, -ENOMEM, "out of memory for interfaces at offset %llu", OFF(off));
			return NULL;
		}
		r->ifs = n;
		r->cap_ifs = cap;
	}
	ifc = &r->ifs[r->n_ifs++];
	memset(ifc, 0, sizeof(*ifc));
	ifc->pub.section = r->n_sections ? r->n_sections - 1 : 0;
	return ifc;
}

/* if_tsresol: bit 7 clear, units of 10^-v s; set, 2^-(v & 0x7f) s.  false: unusable. */
static bool rd_set_tsresol(struct rd_if *ifc, uint8_t v)
{
	static const uint64_t pow10[] = {
		1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000,
		10000000000ull,
	};

	ifc->pub.tsresol = v;
	if (v & 0x80) {
		if ((v & 0x7f) > 63)
			return false;
		ifc->mode = TS_POW2;
		ifc->factor = v & 0x7f;
	} else if (v <= 9) {
		ifc->mode = TS_MUL;
		ifc->factor = pow10[9 - v];
	} else {
		/* 10^-19 s is the finest whose units-per-second fit 64 bits. */
		if (v > 19)
			return false;
		ifc->mode = TS_DIV;
		ifc->factor = pow10[v - 9];
	}
	return true;
}

static uint64_t rd_ts_ns(const struct rd_if *ifc, uint64_t ts)
{
	uint64_t ns;

	switch (ifc->mode) {
	case TS_MUL:
		ns = ts * ifc->factor;
		break;
	case TS_DIV:
		ns = ts / ifc->factor;
		break;
	default: {
		unsigned k = (unsigned)ifc->factor;
		uint64_t frac = ts & ((UINT64_C(1) << k) - 1);

		ns = (ts >> k) * NSEC;
		/* frac * 10^9 must fit 64 bits: keep 34 bits of fraction, a precision of 0.06 ns. */
		if (k > 34) {
			frac >>= k - 34;
			k = 34;
		}
		ns += (frac * NSEC) >> k;
		break;
	}
	}
	return ns + ifc->offset_ns;
}

/* ---- pcap ---------------------------------------------------------------------------- */

static int rd_pcap_header(struct savefile_reader *r, uint32_t magic)
{
	bool nano = magic == PCAP_MAGIC_NANO || magic == bswap_32(PCAP_MAGIC_NANO);
	struct rd_if *ifc;
	const uint8_t *h;
	uint16_t major, minor;
	int ret;

	r->swap = magic == bswap_32(PCAP_MAGIC) || magic == bswap_32(PCAP_MAGIC_NANO);
	r->format = nano ? SAVEFILE_PCAP_NANO : SAVEFILE_PCAP;
	ret = rd_need(r, PCAP_HDR_LEN);
	if (ret)
		return rd_short(r, ret, "pcap file header", 0, PCAP_HDR_LEN);
	h = r->p + r->pos;
	major = rd16(h + 4, r->swap);
	minor = rd16(h + 6, r->swap);
	if (major != 2)
		return rd_fail(r, -EINVAL, "unsupported pcap version %u.%u", major, minor);
	ifc = rd_add_if(r, 0);
	if (!ifc)
		return r->err;
	ifc->pub.snaplen = rd32(h + 16, r->swap);
	ifc->pub.linktype = rd32(h + 20, r->swap) & PCAP_LINKTYPE_MASK;
	rd_set_tsresol(ifc, nano ? 9 : 6);
	/* Like libpcap, allow records past a small snaplen, up to the usual maximum. */
	r->pcap_limit = ifc->pub.snaplen > SAVEFILE_MAX_SNAPLEN ? ifc->pub.snaplen
								 : SAVEFILE_MAX_SNAPLEN;
	if (r->pcap_limit > SAVEFILE_MAX_BLOCK - PCAP_REC_LEN)
		r->pcap_limit = SAVEFILE_MAX_BLOCK - PCAP_REC_LEN;
	r->pos += PCAP_HDR_LEN;
	return 0;
}

static int rd_pcap_next(struct savefile_reader *r, struct savefile_pkt *pkt)
{
	const struct rd_if *ifc = &r->ifs[0];
	uint64_t off = r->base + r->pos;
	uint32_t caplen, frac;
	const uint8_t *h;
	int ret;

	ret = rd_need(r, PCAP_REC_LEN);
	if (ret)
		return rd_at_end(r, ret) ? 0 : rd_short(r, ret, "record header", off, PCAP_REC_LEN);
	h = r->p + r->pos;
	caplen = rd32(h + 8, r->swap);
	if (caplen > r->pcap_limit)
		return rd_fail(r, -EINVAL, "caplen %u exceeds snaplen/max %u at offset %llu",
			       caplen, r->pcap_limit, OFF(off));
	ret = rd_need(r, PCAP_REC_LEN + caplen);
	if (ret)
		return rd_short(r, ret, "record", off, PCAP_REC_LEN + caplen);
	h = r->p + r->pos;
	frac = rd32(h + 4, r->swap);
	pkt->ts_ns = rd32(h, r->swap) * NSEC + (r->format == SAVEFILE_PCAP ? frac * 1000ull : frac);
	pkt->caplen = caplen;
	pkt->wirelen = rd32(h + 12, r->swap);
	pkt->ifindex = 0;
	pkt->linktype = ifc->pub.linktype;
	pkt->dir = SAVEFILE_DIR_UNKNOWN;
	pkt->data = h + PCAP_REC_LEN;
	r->pos += PCAP_REC_LEN + caplen;
	return 1;
}

/* ---- pcapng -------------------------------------------------------------------------- */

/*
 * Validates the block at pos and leaves it unconsumed: 1 with *b, 0 at a clean end, or a
 * failure.  A section header sets the byte order of itself and what follows.
 */
static int ng_peek(struct savefile_reader *r, struct ng_block *b)
{
	const uint8_t *h;
	uint32_t trailer;
	int ret;

	b->off = r->base + r->pos;
	ret = rd_need(r, 8);
	if (ret)
		return rd_at_end(r, ret) ? 0 : rd_short(r, ret, "block header", b->off, 8);
	h = r->p + r->pos;
	b->type = rd32(h, r->swap);
	if (b->type == NG_SHB) {
		uint32_t bom;

		ret = rd_need(r, NG_BLOCK_MIN);
		if (ret)
			return rd_short(r, ret, "section header", b->off, NG_BLOCK_MIN);
		h = r->p + r->pos;
		bom = rd32(h + 8, false);
		if (bom != NG_BOM && bom != bswap_32(NG_BOM))
			return rd_fail(r, -EINVAL,
				       "bad byte-order magic 0x%02x%02x%02x%02x at offset %llu",
				       h[8], h[9], h[10], h[11], OFF(b->off + 8));
		r->swap = bom != NG_BOM;
	}
	b->len = rd32(h + 4, r->swap);
	if (b->len < NG_BLOCK_MIN)
		return rd_fail(r, -EINVAL, "block length %u too short at offset %llu", b->len,
			       OFF(b->off));
	if (b->len % 4)
		return rd_fail(r, -EINVAL, "block length %u not a multiple of 4 at offset %llu",
			       b->len, OFF(b->off));
	if (b->len > SAVEFILE_MAX_BLOCK)
		return rd_fail(r, -EINVAL, "block length %u exceeds maximum %u at offset %llu",
			       b->len, SAVEFILE_MAX_BLOCK, OFF(b->off));
	ret = rd_need(r, b->len);
	if (ret)
		return rd_short(r, ret, "block", b->off, b->len);
	h = r->p + r->pos;
	trailer = rd32(h + b->len - 4, r->swap);
	if (trailer != b->len)
		return rd_fail(r, -EINVAL,
			       "block length %u differs from trailing length %u at offset %llu",
			       b->len, trailer, OFF(b->off));
	b->body = h + 8;
	b->body_len = b->len - NG_BLOCK_MIN;
	return 1;
}

static int ng_too_short(struct savefile_reader *r, const struct ng_block *b, const char *what)
{
	return rd_fail(r, -EINVAL, "%s block length %u too short at offset %llu", what, b->len,
		       OFF(b->off));
}

/* Options from P (LEFT bytes): 1 with *o, 0 at opt_endofopt or the end, -1 on an overrun. */
static int ng_opt_next(const uint8_t **p, size_t *left, bool swap, struct ng_opt *o)
{
	size_t step;

	if (*left < 4)
		return 0;
	o->code = rd16(*p, swap);
	o->len = rd16(*p + 2, swap);
	if (o->code == 0)
		return 0;
	if (o->len > *left - 4)
		return -1;
	o->val = *p + 4;
	/* Padded to 4; tolerate a last option whose padding is missing. */
	step = 4 + (((size_t)o->len + 3) & ~(size_t)3);
	if (step > *left)
		step = *left;
	*p += step;
	*left -= step;
	return 1;
}

static int ng_bad_opt(struct savefile_reader *r, const struct ng_block *b, const struct ng_opt *o)
{
	return rd_fail(r, -EINVAL, "option %u length %u overruns its block at offset %llu",
		       o->code, o->len, OFF(b->off));
}

static int ng_shb(struct savefile_reader *r, const struct ng_block *b)
{
	uint16_t major, minor;

	if (b->body_len < 16)
		return ng_too_short(r, b, "section header");
	major = rd16(b->body + 4, r->swap);
	minor = rd16(b->body + 6, r->swap);
	if (major != 1)
		return rd_fail(r, -EINVAL, "unsupported pcapng version %u.%u at offset %llu", major,
			       minor, OFF(b->off));
	/* Interface numbers start again in each section. */
	r->n_sections++;
	r->section_base = r->n_ifs;
	return 0;
}

static int ng_idb(struct savefile_reader *r, const struct ng_block *b)
{
	struct rd_if *ifc;
	const uint8_t *p;
	struct ng_opt o;
	size_t left;
	int ret;

	if (b->body_len < 8)
		return ng_too_short(r, b, "interface description");
	p = b->body + 8;
	left = b->body_len - 8;
	ifc = rd_add_if(r, b->off);
	if (!ifc)
		return r->err;
	ifc->pub.linktype = rd16(b->body, r->swap);
	ifc->pub.snaplen = rd32(b->body + 4, r->swap);
	rd_set_tsresol(ifc, 6);
	while ((ret = ng_opt_next(&p, &left, r->swap, &o)) > 0) {
		switch (o.code) {
		case 2: {	/* if_name */
			size_t n = o.len < sizeof(ifc->pub.name) ? o.len : sizeof(ifc->pub.name) - 1;

			memcpy(ifc->pub.name, o.val, n);
			ifc->pub.name[n] = '\0';
			break;
		}
		case 9:		/* if_tsresol */
			if (o.len != 1 || !rd_set_tsresol(ifc, o.val[0]))
				return rd_fail(r, -EINVAL, "bad if_tsresol at offset %llu",
					       OFF(b->off));
			break;
		case 14:	/* if_tsoffset */
			if (o.len != 8)
				return rd_fail(r, -EINVAL, "bad if_tsoffset at offset %llu",
					       OFF(b->off));
			ifc->pub.tsoffset = (int64_t)rd64(o.val, r->swap);
			ifc->offset_ns = (uint64_t)ifc->pub.tsoffset * NSEC;
			break;
		}
	}
	return ret < 0 ? ng_bad_opt(r, b, &o) : 0;
}

static int ng_isb(struct savefile_reader *r, const struct ng_block *b)
{
	struct savefile_stats st = { 0 };
	const struct rd_if *ifc;
	const uint8_t *p;
	struct ng_opt o;
	size_t left;
	uint32_t id;
	int ret;

	if (b->body_len < 12)
		return ng_too_short(r, b, "interface statistics");
	p = b->body + 12;
	left = b->body_len - 12;
	id = rd32(b->body, r->swap);
	/* Statistics of an interface never described are of no use: skip them. */
	if (id >= r->n_ifs - r->section_base)
		return 0;
	ifc = &r->ifs[r->section_base + id];
	st.ts_ns = rd_ts_ns(ifc, rd_ts64(b->body + 4, r->swap));
	while ((ret = ng_opt_next(&p, &left, r->swap, &o)) > 0) {
		uint64_t v;

		if (o.code < 2 || o.code > 8 || o.len != 8)
			continue;
		v = rd64(o.val, r->swap);
		switch (o.code) {
		case 2:
			st.start_ns = rd_ts_ns(ifc, rd_ts64(o.val, r->swap));
			break;
		case 3:
			st.end_ns = rd_ts_ns(ifc, rd_ts64(o.val, r->swap));
			break;
		case 4:
			st.recv = v;
			break;
		case 5:
			st.drop = v;
			break;
		case 6:
			st.filter_accept = v;
			break;
		case 7:
			st.os_drop = v;
			break;
		case 8:
			st.usr_deliv = v;
			break;
		}
		/* isb_starttime (2) .. isb_usrdeliv (8) map to bits 0 .. 6. */
		st.present |= 1u << (o.code - 2);
	}
	if (ret < 0)
		return ng_bad_opt(r, b, &o);
	r->ifs[r->section_base + id].pub.stats = st;
	return 0;
}

static const struct rd_if *ng_packet_if(struct savefile_reader *r, const struct ng_block *b,
					uint32_t id)
{
	if (id >= r->n_ifs - r->section_base) {
		rd_fail(r, -EINVAL, "packet for undescribed interface %u at offset %llu", id,
			OFF(b->off));
		return NULL;
	}
	return &r->ifs[r->section_base + id];
}

/* EPB and the obsolete PB: the same fields but for the interface id's width. */
static int ng_epb(struct savefile_reader *r, const struct ng_block *b, struct savefile_pkt *pkt)
{
	bool pb = b->type == NG_PB;
	const struct rd_if *ifc;
	const uint8_t *p;
	struct ng_opt o;
	uint32_t caplen;
	size_t left;
	int ret;

	if (b->body_len < 20)
		return ng_too_short(r, b, pb ? "packet" : "enhanced packet");
	ifc = ng_packet_if(r, b, pb ? rd16(b->body, r->swap) : rd32(b->body, r->swap));
	if (!ifc)
		return r->err;
	caplen = rd32(b->body + 12, r->swap);
	if (caplen > b->body_len - 20)
		return rd_fail(r, -EINVAL, "caplen %u exceeds block length %u at offset %llu",
			       caplen, b->len, OFF(b->off));
	pkt->ts_ns = rd_ts_ns(ifc, rd_ts64(b->body + 4, r->swap));
	pkt->caplen = caplen;
	pkt->wirelen = rd32(b->body + 16, r->swap);
	pkt->ifindex = (uint32_t)(ifc - r->ifs);
	pkt->linktype = ifc->pub.linktype;
	pkt->dir = SAVEFILE_DIR_UNKNOWN;
	pkt->data = b->body + 20;
	/* Options follow the data padded to 4. */
	left = ((size_t)caplen + 3) & ~(size_t)3;
	left = left > b->body_len - 20 ? 0 : b->body_len - 20 - left;
	p = b->body + b->body_len - left;
	while ((ret = ng_opt_next(&p, &left, r->swap, &o)) > 0) {
		/* epb_flags and pack_flags: bits 0-1 are the direction. */
		if (o.code == 2 && o.len == 4) {
			uint32_t flags = rd32(o.val, r->swap);

			if ((flags & 3) == 1)
				pkt->dir = SAVEFILE_DIR_IN;
			else if ((flags & 3) == 2)
				pkt->dir = SAVEFILE_DIR_OUT;
		}
	}
	return ret < 0 ? ng_bad_opt(r, b, &o) : 0;
}

static int ng_spb(struct savefile_reader *r, const struct ng_block *b, struct savefile_pkt *pkt)
{
	const struct rd_if *ifc;
	uint32_t caplen;

	if (b->body_len < 4)
		return ng_too_short(r, b, "simple packet");
	ifc = ng_packet_if(r, b, 0);
	if (!ifc)
		return r->err;
	/* No caplen field: the original length, cut to the block and the snaplen. */
	pkt->wirelen = rd32(b->body, r->swap);
	caplen = pkt->wirelen;
	if (caplen > b->body_len - 4)
		caplen = (uint32_t)(b->body_len - 4);
	if (ifc->pub.snaplen && caplen > ifc->pub.snaplen)
		caplen = ifc->pub.snaplen;
	pkt->ts_ns = 0;
	pkt->caplen = caplen;
	pkt->ifindex = (uint32_t)(ifc - r->ifs);
	pkt->linktype = ifc->pub.linktype;
	pkt->dir = SAVEFILE_DIR_UNKNOWN;
	pkt->data = b->body + 4;
	return 0;
}

/* Handles blocks up to the next packet block, which it leaves in *b: 1, 0 at the end, or -errno. */
static int ng_to_packet(struct savefile_reader *r, struct ng_block *b)
{
	for (;;) {
		int ret = ng_peek(r, b);

		if (ret <= 0)
			return ret;
		switch (b->type) {
		case NG_EPB:
		case NG_PB:
		case NG_SPB:
			return 1;
		case NG_SHB:
			ret = ng_shb(r, b);
			break;
		case NG_IDB:
			ret = ng_idb(r, b);
			break;
		case NG_ISB:
			ret = ng_isb(r, b);
			break;
		default:
			/* Name resolution, decryption secrets, custom blocks: not ours. */
			break;
		}
		if (ret < 0)
			return ret;
		r->pos += b->len;
	}
}

static int ng_next(struct savefile_reader *r, struct savefile_pkt *pkt)
{
	struct ng_block b;
	int ret = ng_to_packet(r, &b);

	if (ret <= 0)
		return ret;
	ret = b.type == NG_SPB ? ng_spb(r, &b, pkt) : ng_epb(r, &b, pkt);
	if (ret < 0)
		return ret;
	r->pos += b.len;
	return 1;
}

/* ---- the API ------------------------------------------------------------------------- */

static int rd_header(struct savefile_reader *r)
{
	uint32_t magic;
	int ret = rd_need(r, 4);

	if (ret) {
		if (rd_at_end(r, ret) && r->len == 0)
			return rd_fail(r, -EINVAL, "empty file");
		return rd_short(r, ret, "file header", 0, 4);
	}
	magic = rd32(r->p, false);
	if (magic == PCAP_MAGIC || magic == bswap_32(PCAP_MAGIC) || magic == PCAP_MAGIC_NANO ||
	    magic == bswap_32(PCAP_MAGIC_NANO))
		return rd_pcap_header(r, magic);
	if (magic == NG_SHB) {
		struct ng_block b;

		r->format = SAVEFILE_PCAPNG;
		/*
		 * Read ahead to the first packet so the caller knows the interfaces.  A bad
		 * block after a good section header is the first record's error, not open's.
		 */
		ret = ng_to_packet(r, &b);
		return r->n_sections ? 0 : ret;
	}
	return rd_fail(r, -EINVAL, "not a pcap or pcapng file (magic 0x%02x%02x%02x%02x)",
		       r->p[0], r->p[1], r->p[2], r->p[3]);
}

static int rd_open(struct savefile_reader **rp, int fd, bool own_fd, const void *mem, size_t len,
		   char *errbuf)
{
	static const uint8_t empty[1];
	struct savefile_reader *r;
	int err;

	*rp = NULL;
	r = calloc(1, sizeof(*r));
	if (!r) {
		err = -ENOMEM;
		snprintf(errbuf, SAVEFILE_ERRLEN, "%s", strerror(ENOMEM));
		if (own_fd)
			close(fd);
		goto out;
	}
	r->fd = fd;
	r->own_fd = own_fd;
	if (fd < 0) {
		r->p = mem ? mem : empty;
		r->len = len;
		r->eof = true;
	} else {
		r->buf = malloc(READ_BUF);
		r->p = r->buf;
		r->cap = READ_BUF;
	}
	if (fd >= 0 && !r->buf)
		err = rd_fail(r, -ENOMEM, "%s", strerror(ENOMEM));
	else
		err = rd_header(r);
	if (err) {
		snprintf(errbuf, SAVEFILE_ERRLEN, "%s", r->msg);
		savefile_read_close(r);
		goto out;
	}
	*rp = r;
out:
	return err;
}

int savefile_read_open(struct savefile_reader **rp, const char *path, char *errbuf)
{
	int fd;

	if (strcmp(path, "-") == 0)
		return rd_open(rp, STDIN_FILENO, false, NULL, 0, errbuf);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		int err = -errno;

		*rp = NULL;
		snprintf(errbuf, SAVEFILE_ERRLEN, "%s", strerror(-err));
		return err;
	}
	posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
	return rd_open(rp, fd, true, NULL, 0, errbuf);
}

int savefile_read_open_fd(struct savefile_reader **rp, int fd, char *errbuf)
{
	if (fd < 0) {
		*rp = NULL;
		snprintf(errbuf, SAVEFILE_ERRLEN, "%s", strerror(EBADF));
		return -EBADF;
	}
	return rd_open(rp, fd, false, NULL, 0, errbuf);
}

int savefile_read_open_mem(struct savefile_reader **rp, const void *buf, size_t len,
			   char *errbuf)
{
	return rd_open(rp, -1, false, buf, len, errbuf);
}

void savefile_read_close(struct savefile_reader *r)
{
	if (!r)
		return;
	if (r->own_fd)
		close(r->fd);
	free(r->buf);
	free(r->ifs);
	free(r);
}

int savefile_read_next(struct savefile_reader *r, struct savefile_pkt *pkt)
{
	if (r->err)
		return r->err;
	if (r->format == SAVEFILE_PCAPNG)
		return ng_next(r, pkt);
	return rd_pcap_next(r, pkt);
}

const char *savefile_read_error(const struct savefile_reader *r)
{
	return r->err ? r->msg : "";
}

enum savefile_format savefile_read_format(const struct savefile_reader *r)
{
	return r->format;
}

unsigned savefile_read_if_count(const struct savefile_reader *r)
{
	return r->n_ifs;
}

const struct savefile_if *savefile_read_if(const struct savefile_reader *r, unsigned i)
{
	return i < r->n_ifs ? &r->ifs[i].pub : NULL;
}
