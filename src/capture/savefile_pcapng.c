/* SPDX-License-Identifier: GPL-2.0-or-later */
/* savefile_pcapng.c: the pcapng format's reader: sections, interfaces, packets, statistics. */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "capture/savefile_formats.h"
#include "capture/savefile_in.h"

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

/* What the reader keeps between blocks. */
struct ng_state {
	bool swap;		/* the current section is in the other byte order */
	unsigned n_sections;
	unsigned section_base;	/* index in in->ifs of the current section's interface 0 */
};

struct ng_opt {
	uint16_t code, len;
	const uint8_t *val;
};

/* pcapng's split timestamps and isb_starttime/endtime: high word first, each in file order. */
static uint64_t ng_ts64(const uint8_t *p, bool swap)
{
	return (uint64_t)savefile_in_get32(p, swap) << 32 | savefile_in_get32(p + 4, swap);
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
static int ng_peek(struct savefile_in *in, struct ng_state *st, struct ng_block *b)
{
	const uint8_t *h;
	uint32_t trailer;
	int ret;

	b->off = in->base + in->pos;
	ret = savefile_in_need(in, 8);
	if (savefile_in_at_end(in, ret))
		return 0;
	if (ret)
		return savefile_in_short(in, ret, "block header", b->off, 8);
	h = in->p + in->pos;
	b->type = savefile_in_get32(h, st->swap);
	if (b->type == NG_SHB) {
		uint32_t bom;

		ret = savefile_in_need(in, NG_BLOCK_MIN);
		if (ret)
			return savefile_in_short(in, ret, "section header", b->off, NG_BLOCK_MIN);
		h = in->p + in->pos;
		bom = savefile_in_get32(h + 8, false);
		if (bom != NG_BOM && bom != bswap_32(NG_BOM))
			return savefile_in_fail(in, -EINVAL,
						"bad byte-order magic 0x%02x%02x%02x%02x at offset %llu",
						h[8], h[9], h[10], h[11], SAVEFILE_OFF(b->off + 8));
		st->swap = bom != NG_BOM;
	}
	b->len = savefile_in_get32(h + 4, st->swap);
	if (b->len < NG_BLOCK_MIN)
		return savefile_in_fail(in, -EINVAL, "block length %u too short at offset %llu",
					b->len, SAVEFILE_OFF(b->off));
	if (b->len % 4)
		return savefile_in_fail(in, -EINVAL,
					"block length %u not a multiple of 4 at offset %llu",
					b->len, SAVEFILE_OFF(b->off));
	if (b->len > SAVEFILE_MAX_BLOCK)
		return savefile_in_fail(in, -EINVAL,
					"block length %u exceeds maximum %u at offset %llu",
					b->len, SAVEFILE_MAX_BLOCK, SAVEFILE_OFF(b->off));
	ret = savefile_in_need(in, b->len);
	if (ret)
		return savefile_in_short(in, ret, "block", b->off, b->len);
	h = in->p + in->pos;
	trailer = savefile_in_get32(h + b->len - 4, st->swap);
	if (trailer != b->len)
		return savefile_in_fail(in, -EINVAL,
					"block length %u differs from trailing length %u at offset %llu",
					b->len, trailer, SAVEFILE_OFF(b->off));
	b->body = h + 8;
	b->body_len = b->len - NG_BLOCK_MIN;
	return 1;
}

static int ng_too_short(struct savefile_in *in, const struct ng_block *b, const char *what)
{
	return savefile_in_fail(in, -EINVAL, "%s block length %u too short at offset %llu", what,
				b->len, SAVEFILE_OFF(b->off));
}

/* Options from P (LEFT bytes): 1 with *o, 0 at opt_endofopt or the end, -1 on an overrun. */
static int ng_opt_next(const uint8_t **p, size_t *left, bool swap, struct ng_opt *o)
{
	size_t step;

	if (*left < 4)
		return 0;
	o->code = savefile_in_get16(*p, swap);
	o->len = savefile_in_get16(*p + 2, swap);
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

static int ng_bad_opt(struct savefile_in *in, const struct ng_block *b, const struct ng_opt *o)
{
	return savefile_in_fail(in, -EINVAL,
				"option %u length %u overruns its block at offset %llu", o->code,
				o->len, SAVEFILE_OFF(b->off));
}

static int ng_shb(struct savefile_in *in, struct ng_state *st, const struct ng_block *b)
{
	uint16_t major, minor;

	if (b->body_len < 16)
		return ng_too_short(in, b, "section header");
	major = savefile_in_get16(b->body + 4, st->swap);
	minor = savefile_in_get16(b->body + 6, st->swap);
	if (major != 1)
		return savefile_in_fail(in, -EINVAL,
					"unsupported pcapng version %u.%u at offset %llu", major,
					minor, SAVEFILE_OFF(b->off));
	/* Interface numbers start again in each section. */
	st->n_sections++;
	st->section_base = in->n_ifs;
	return 0;
}

static int ng_idb(struct savefile_in *in, struct ng_state *st, const struct ng_block *b)
{
	struct savefile_iface *ifc;
	const uint8_t *p;
	struct ng_opt o;
	size_t left;
	int ret;

	if (b->body_len < 8)
		return ng_too_short(in, b, "interface description");
	p = b->body + 8;
	left = b->body_len - 8;
	ifc = savefile_in_add_if(in, st->n_sections ? st->n_sections - 1 : 0, b->off);
	if (!ifc)
		return in->err;
	ifc->pub.linktype = savefile_in_get16(b->body, st->swap);
	ifc->pub.snaplen = savefile_in_get32(b->body + 4, st->swap);
	ng_set_tsresol(ifc, 6);
	while ((ret = ng_opt_next(&p, &left, st->swap, &o)) > 0) {
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
				return savefile_in_fail(in, -EINVAL,
							"bad if_tsresol at offset %llu",
							SAVEFILE_OFF(b->off));
			break;
		case 14:	/* if_tsoffset */
			if (o.len != 8)
				return savefile_in_fail(in, -EINVAL,
							"bad if_tsoffset at offset %llu",
							SAVEFILE_OFF(b->off));
			ifc->pub.tsoffset = (int64_t)savefile_in_get64(o.val, st->swap);
			ifc->offset_ns = (uint64_t)ifc->pub.tsoffset * SAVEFILE_NSEC;
			break;
		}
	}
	return ret < 0 ? ng_bad_opt(in, b, &o) : 0;
}

static int ng_isb(struct savefile_in *in, const struct ng_state *st, const struct ng_block *b)
{
	struct savefile_stats stats = { 0 };
	const struct savefile_iface *ifc;
	const uint8_t *p;
	struct ng_opt o;
	size_t left;
	uint32_t id;
	int ret;

	if (b->body_len < 12)
		return ng_too_short(in, b, "interface statistics");
	p = b->body + 12;
	left = b->body_len - 12;
	id = savefile_in_get32(b->body, st->swap);
	/* Statistics of an interface never described are of no use: skip them. */
	if (id >= in->n_ifs - st->section_base)
		return 0;
	ifc = &in->ifs[st->section_base + id];
	stats.ts_ns = ng_ts_ns(ifc, ng_ts64(b->body + 4, st->swap));
	while ((ret = ng_opt_next(&p, &left, st->swap, &o)) > 0) {
		uint64_t v;

		if (o.code < 2 || o.code > 8 || o.len != 8)
			continue;
		v = savefile_in_get64(o.val, st->swap);
		switch (o.code) {
		case 2:
			stats.start_ns = ng_ts_ns(ifc, ng_ts64(o.val, st->swap));
			break;
		case 3:
			stats.end_ns = ng_ts_ns(ifc, ng_ts64(o.val, st->swap));
			break;
		case 4:
			stats.recv = v;
			break;
		case 5:
			stats.drop = v;
			break;
		case 6:
			stats.filter_accept = v;
			break;
		case 7:
			stats.os_drop = v;
			break;
		case 8:
			stats.usr_deliv = v;
			break;
		}
		/* isb_starttime (2) .. isb_usrdeliv (8) map to bits 0 .. 6. */
		stats.present |= 1u << (o.code - 2);
	}
	if (ret < 0)
		return ng_bad_opt(in, b, &o);
	in->ifs[st->section_base + id].pub.stats = stats;
	return 0;
}

static const struct savefile_iface *ng_packet_if(struct savefile_in *in, const struct ng_state *st,
						 const struct ng_block *b, uint32_t id)
{
	if (id >= in->n_ifs - st->section_base) {
		savefile_in_fail(in, -EINVAL, "packet for undescribed interface %u at offset %llu",
				 id, SAVEFILE_OFF(b->off));
		return NULL;
	}
	return &in->ifs[st->section_base + id];
}

/* EPB and the obsolete PB: the same fields but for the interface id's width. */
static int ng_epb(struct savefile_in *in, const struct ng_state *st, const struct ng_block *b,
		  struct savefile_pkt *pkt)
{
	bool pb = b->type == NG_PB;
	const struct savefile_iface *ifc;
	const uint8_t *p;
	struct ng_opt o;
	uint32_t id, caplen;
	size_t left;
	int ret;

	if (b->body_len < 20)
		return ng_too_short(in, b, pb ? "packet" : "enhanced packet");
	id = pb ? savefile_in_get16(b->body, st->swap) : savefile_in_get32(b->body, st->swap);
	ifc = ng_packet_if(in, st, b, id);
	if (!ifc)
		return in->err;
	caplen = savefile_in_get32(b->body + 12, st->swap);
	if (caplen > b->body_len - 20)
		return savefile_in_fail(in, -EINVAL,
					"caplen %u exceeds block length %u at offset %llu",
					caplen, b->len, SAVEFILE_OFF(b->off));
	pkt->ts_ns = ng_ts_ns(ifc, ng_ts64(b->body + 4, st->swap));
	pkt->caplen = caplen;
	pkt->wirelen = savefile_in_get32(b->body + 16, st->swap);
	pkt->ifindex = (uint32_t)(ifc - in->ifs);
	pkt->linktype = ifc->pub.linktype;
	pkt->dir = SAVEFILE_DIR_UNKNOWN;
	pkt->data = b->body + 20;
	/* Options follow the data padded to 4. */
	left = ((size_t)caplen + 3) & ~(size_t)3;
	left = left > b->body_len - 20 ? 0 : b->body_len - 20 - left;
	p = b->body + b->body_len - left;
	while ((ret = ng_opt_next(&p, &left, st->swap, &o)) > 0) {
		/* epb_flags and pack_flags: bits 0-1 are the direction. */
		if (o.code == 2 && o.len == 4) {
			uint32_t flags = savefile_in_get32(o.val, st->swap);

			if ((flags & 3) == 1)
				pkt->dir = SAVEFILE_DIR_IN;
			else if ((flags & 3) == 2)
				pkt->dir = SAVEFILE_DIR_OUT;
		}
	}
	return ret < 0 ? ng_bad_opt(in, b, &o) : 0;
}

static int ng_spb(struct savefile_in *in, const struct ng_state *st, const struct ng_block *b,
		  struct savefile_pkt *pkt)
{
	const struct savefile_iface *ifc;
	uint32_t caplen;

	if (b->body_len < 4)
		return ng_too_short(in, b, "simple packet");
	ifc = ng_packet_if(in, st, b, 0);
	if (!ifc)
		return in->err;
	/* No caplen field: the original length, cut to the block and the snaplen. */
	pkt->wirelen = savefile_in_get32(b->body, st->swap);
	caplen = pkt->wirelen;
	if (caplen > b->body_len - 4)
		caplen = (uint32_t)(b->body_len - 4);
	if (ifc->pub.snaplen && caplen > ifc->pub.snaplen)
		caplen = ifc->pub.snaplen;
	pkt->ts_ns = 0;
	pkt->caplen = caplen;
	pkt->ifindex = (uint32_t)(ifc - in->ifs);
	pkt->linktype = ifc->pub.linktype;
	pkt->dir = SAVEFILE_DIR_UNKNOWN;
	pkt->data = b->body + 4;
	return 0;
}

/* Handles blocks up to the next packet block, which it leaves in *b: 1, 0 at the end, or -errno. */
static int ng_to_packet(struct savefile_in *in, struct ng_state *st, struct ng_block *b)
{
	for (;;) {
		int ret = ng_peek(in, st, b);

		if (ret <= 0)
			return ret;
		switch (b->type) {
		case NG_EPB:
		case NG_PB:
		case NG_SPB:
			return 1;
		case NG_SHB:
			ret = ng_shb(in, st, b);
			break;
		case NG_IDB:
			ret = ng_idb(in, st, b);
			break;
		case NG_ISB:
			ret = ng_isb(in, st, b);
			break;
		default:
			/* Name resolution, decryption secrets, custom blocks: not ours. */
			break;
		}
		if (ret < 0)
			return ret;
		in->pos += b->len;
	}
}

static int ng_probe(const uint8_t *head)
{
	/* The section header's block type reads the same in both byte orders. */
	return savefile_in_get32(head, false) == NG_SHB ? SAVEFILE_PCAPNG : -1;
}

static int ng_open(struct savefile_in *in, void *state)
{
	struct ng_block b;
	int ret;

	/*
	 * Read ahead to the first packet so the caller knows the interfaces.  A bad block
	 * after a good section header is the first record's error, not open's.
	 */
	ret = ng_to_packet(in, state, &b);
	return ((struct ng_state *)state)->n_sections ? 0 : ret;
}

static int ng_next(struct savefile_in *in, void *state, struct savefile_pkt *pkt)
{
	struct ng_block b;
	int ret = ng_to_packet(in, state, &b);

	if (ret <= 0)
		return ret;
	ret = b.type == NG_SPB ? ng_spb(in, state, &b, pkt) : ng_epb(in, state, &b, pkt);
	if (ret < 0)
		return ret;
	in->pos += b.len;
	return 1;
}

const struct savefile_fmt savefile_pcapng = {
	.name = "pcapng",
	.state_size = sizeof(struct ng_state),
	.probe = ng_probe,
	.open = ng_open,
	.next = ng_next,
};
