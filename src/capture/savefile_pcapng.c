/* SPDX-License-Identifier: GPL-2.0-or-later */
/* savefile_pcapng.c: the reader's pcapng side: sections, interfaces, packets, statistics. */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "capture/savefile_impl.h"

#define NG_SHB		0x0a0d0d0au
#define NG_BOM		0x1a2b3c4du
#define NG_IDB		1u
#define NG_PB		2u	/* the obsolete Packet Block */
#define NG_SPB		3u
#define NG_ISB		5u
#define NG_EPB		6u
#define NG_BLOCK_MIN	12u	/* type, length, trailing length */

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

/* pcapng's split timestamps and isb_starttime/endtime: high word first, each in file order. */
static uint64_t ng_ts64(const uint8_t *p, bool swap)
{
	return (uint64_t)savefile_get32(p, swap) << 32 | savefile_get32(p + 4, swap);
}

/* if_tsresol: bit 7 clear, units of 10^-v s; set, 2^-(v & 0x7f) s.  false: unusable. */
static bool ng_set_tsresol(struct savefile_iface *ifc, uint8_t v)
{
	static const uint64_t pow10[] = {
		1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000,
		10000000000ull,
	};

	ifc->pub.tsresol = v;
	if (v & 0x80) {
		if ((v & 0x7f) > 63)
			return false;
		ifc->mode = SAVEFILE_TS_POW2;
		ifc->factor = v & 0x7f;
	} else if (v <= 9) {
		ifc->mode = SAVEFILE_TS_MUL;
		ifc->factor = pow10[9 - v];
	} else {
		/* 10^-19 s is the finest whose units-per-second fit 64 bits. */
		if (v > 19)
			return false;
		ifc->mode = SAVEFILE_TS_DIV;
		ifc->factor = pow10[v - 9];
	}
	return true;
}

static uint64_t ng_ts_ns(const struct savefile_iface *ifc, uint64_t ts)
{
	uint64_t ns;

	switch (ifc->mode) {
	case SAVEFILE_TS_MUL:
		ns = ts * ifc->factor;
		break;
	case SAVEFILE_TS_DIV:
		ns = ts / ifc->factor;
		break;
	default: {
		unsigned k = (unsigned)ifc->factor;
		uint64_t frac = ts & ((UINT64_C(1) << k) - 1);

		ns = (ts >> k) * SAVEFILE_NSEC;
		/* frac * 10^9 must fit 64 bits: keep 34 bits of fraction (0.06 ns). */
		if (k > 34) {
			frac >>= k - 34;
			k = 34;
		}
		ns += (frac * SAVEFILE_NSEC) >> k;
		break;
	}
	}
	return ns + ifc->offset_ns;
}

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
	ret = savefile_read_need(r, 8);
	if (savefile_read_at_end(r, ret))
		return 0;
	if (ret)
		return savefile_read_short(r, ret, "block header", b->off, 8);
	h = r->p + r->pos;
	b->type = savefile_get32(h, r->swap);
	if (b->type == NG_SHB) {
		uint32_t bom;

		ret = savefile_read_need(r, NG_BLOCK_MIN);
		if (ret)
			return savefile_read_short(r, ret, "section header", b->off, NG_BLOCK_MIN);
		h = r->p + r->pos;
		bom = savefile_get32(h + 8, false);
		if (bom != NG_BOM && bom != bswap_32(NG_BOM))
			return savefile_read_fail(r, -EINVAL,
						  "bad byte-order magic 0x%02x%02x%02x%02x at offset %llu",
						  h[8], h[9], h[10], h[11], SAVEFILE_OFF(b->off + 8));
		r->swap = bom != NG_BOM;
	}
	b->len = savefile_get32(h + 4, r->swap);
	if (b->len < NG_BLOCK_MIN)
		return savefile_read_fail(r, -EINVAL, "block length %u too short at offset %llu",
					  b->len, SAVEFILE_OFF(b->off));
	if (b->len % 4)
		return savefile_read_fail(r, -EINVAL,
					  "block length %u not a multiple of 4 at offset %llu",
					  b->len, SAVEFILE_OFF(b->off));
	if (b->len > SAVEFILE_MAX_BLOCK)
		return savefile_read_fail(r, -EINVAL,
					  "block length %u exceeds maximum %u at offset %llu",
					  b->len, SAVEFILE_MAX_BLOCK, SAVEFILE_OFF(b->off));
	ret = savefile_read_need(r, b->len);
	if (ret)
		return savefile_read_short(r, ret, "block", b->off, b->len);
	h = r->p + r->pos;
	trailer = savefile_get32(h + b->len - 4, r->swap);
	if (trailer != b->len)
		return savefile_read_fail(r, -EINVAL,
					  "block length %u differs from trailing length %u at offset %llu",
					  b->len, trailer, SAVEFILE_OFF(b->off));
	b->body = h + 8;
	b->body_len = b->len - NG_BLOCK_MIN;
	return 1;
}

static int ng_too_short(struct savefile_reader *r, const struct ng_block *b, const char *what)
{
	return savefile_read_fail(r, -EINVAL, "%s block length %u too short at offset %llu", what,
				  b->len, SAVEFILE_OFF(b->off));
}

/* Options from P (LEFT bytes): 1 with *o, 0 at opt_endofopt or the end, -1 on an overrun. */
static int ng_opt_next(const uint8_t **p, size_t *left, bool swap, struct ng_opt *o)
{
	size_t step;

	if (*left < 4)
		return 0;
	o->code = savefile_get16(*p, swap);
	o->len = savefile_get16(*p + 2, swap);
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
	return savefile_read_fail(r, -EINVAL,
				  "option %u length %u overruns its block at offset %llu", o->code,
				  o->len, SAVEFILE_OFF(b->off));
}

static int ng_shb(struct savefile_reader *r, const struct ng_block *b)
{
	uint16_t major, minor;

	if (b->body_len < 16)
		return ng_too_short(r, b, "section header");
	major = savefile_get16(b->body + 4, r->swap);
	minor = savefile_get16(b->body + 6, r->swap);
	if (major != 1)
		return savefile_read_fail(r, -EINVAL,
					  "unsupported pcapng version %u.%u at offset %llu", major,
					  minor, SAVEFILE_OFF(b->off));
	/* Interface numbers start again in each section. */
	r->n_sections++;
	r->section_base = r->n_ifs;
	return 0;
}

static int ng_idb(struct savefile_reader *r, const struct ng_block *b)
{
	struct savefile_iface *ifc;
	const uint8_t *p;
	struct ng_opt o;
	size_t left;
	int ret;

	if (b->body_len < 8)
		return ng_too_short(r, b, "interface description");
	p = b->body + 8;
	left = b->body_len - 8;
	ifc = savefile_read_add_if(r, b->off);
	if (!ifc)
		return r->err;
	ifc->pub.linktype = savefile_get16(b->body, r->swap);
	ifc->pub.snaplen = savefile_get32(b->body + 4, r->swap);
	ng_set_tsresol(ifc, 6);
	while ((ret = ng_opt_next(&p, &left, r->swap, &o)) > 0) {
		switch (o.code) {
		case 2: {	/* if_name */
			size_t max = sizeof(ifc->pub.name) - 1;
			size_t n = o.len < max ? o.len : max;

			memcpy(ifc->pub.name, o.val, n);
			ifc->pub.name[n] = '\0';
			break;
		}
		case 9:		/* if_tsresol */
			if (o.len != 1 || !ng_set_tsresol(ifc, o.val[0]))
				return savefile_read_fail(r, -EINVAL,
							  "bad if_tsresol at offset %llu",
							  SAVEFILE_OFF(b->off));
			break;
		case 14:	/* if_tsoffset */
			if (o.len != 8)
				return savefile_read_fail(r, -EINVAL,
							  "bad if_tsoffset at offset %llu",
							  SAVEFILE_OFF(b->off));
			ifc->pub.tsoffset = (int64_t)savefile_get64(o.val, r->swap);
			ifc->offset_ns = (uint64_t)ifc->pub.tsoffset * SAVEFILE_NSEC;
			break;
		}
	}
	return ret < 0 ? ng_bad_opt(r, b, &o) : 0;
}

static int ng_isb(struct savefile_reader *r, const struct ng_block *b)
{
	struct savefile_stats st = { 0 };
	const struct savefile_iface *ifc;
	const uint8_t *p;
	struct ng_opt o;
	size_t left;
	uint32_t id;
	int ret;

	if (b->body_len < 12)
		return ng_too_short(r, b, "interface statistics");
	p = b->body + 12;
	left = b->body_len - 12;
	id = savefile_get32(b->body, r->swap);
	/* Statistics of an interface never described are of no use: skip them. */
	if (id >= r->n_ifs - r->section_base)
		return 0;
	ifc = &r->ifs[r->section_base + id];
	st.ts_ns = ng_ts_ns(ifc, ng_ts64(b->body + 4, r->swap));
	while ((ret = ng_opt_next(&p, &left, r->swap, &o)) > 0) {
		uint64_t v;

		if (o.code < 2 || o.code > 8 || o.len != 8)
			continue;
		v = savefile_get64(o.val, r->swap);
		switch (o.code) {
		case 2:
			st.start_ns = ng_ts_ns(ifc, ng_ts64(o.val, r->swap));
			break;
		case 3:
			st.end_ns = ng_ts_ns(ifc, ng_ts64(o.val, r->swap));
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

static const struct savefile_iface *ng_packet_if(struct savefile_reader *r,
						 const struct ng_block *b, uint32_t id)
{
	if (id >= r->n_ifs - r->section_base) {
		savefile_read_fail(r, -EINVAL, "packet for undescribed interface %u at offset %llu",
				   id, SAVEFILE_OFF(b->off));
		return NULL;
	}
	return &r->ifs[r->section_base + id];
}

/* EPB and the obsolete PB: the same fields but for the interface id's width. */
static int ng_epb(struct savefile_reader *r, const struct ng_block *b, struct savefile_pkt *pkt)
{
	bool pb = b->type == NG_PB;
	const struct savefile_iface *ifc;
	const uint8_t *p;
	struct ng_opt o;
	uint32_t id, caplen;
	size_t left;
	int ret;

	if (b->body_len < 20)
		return ng_too_short(r, b, pb ? "packet" : "enhanced packet");
	id = pb ? savefile_get16(b->body, r->swap) : savefile_get32(b->body, r->swap);
	ifc = ng_packet_if(r, b, id);
	if (!ifc)
		return r->err;
	caplen = savefile_get32(b->body + 12, r->swap);
	if (caplen > b->body_len - 20)
		return savefile_read_fail(r, -EINVAL,
					  "caplen %u exceeds block length %u at offset %llu",
					  caplen, b->len, SAVEFILE_OFF(b->off));
	pkt->ts_ns = ng_ts_ns(ifc, ng_ts64(b->body + 4, r->swap));
	pkt->caplen = caplen;
	pkt->wirelen = savefile_get32(b->body + 16, r->swap);
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
			uint32_t flags = savefile_get32(o.val, r->swap);

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
	const struct savefile_iface *ifc;
	uint32_t caplen;

	if (b->body_len < 4)
		return ng_too_short(r, b, "simple packet");
	ifc = ng_packet_if(r, b, 0);
	if (!ifc)
		return r->err;
	/* No caplen field: the original length, cut to the block and the snaplen. */
	pkt->wirelen = savefile_get32(b->body, r->swap);
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

int savefile_pcapng_open(struct savefile_reader *r)
{
	struct ng_block b;
	int ret;

	/*
	 * Read ahead to the first packet so the caller knows the interfaces.  A bad block
	 * after a good section header is the first record's error, not open's.
	 */
	ret = ng_to_packet(r, &b);
	return r->n_sections ? 0 : ret;
}

int savefile_pcapng_next(struct savefile_reader *r, struct savefile_pkt *pkt)
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
