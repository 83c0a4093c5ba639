/* SPDX-License-Identifier: GPL-2.0-or-later */
/* savefile_pcap.c: the classic pcap format's reader (micro- and nanosecond, either byte order). */
#include "config.h"

#include <errno.h>

#include "capture/savefile_formats.h"
#include "capture/savefile_in.h"

#define PCAP_MAGIC	0xa1b2c3d4u
#define PCAP_MAGIC_NANO	0xa1b23c4du
#define PCAP_HDR_LEN	24
#define PCAP_REC_LEN	16
/* libpcap's LT_LINKTYPE(): the upper bits of the header's link type carry FCS details. */
#define PCAP_LINKTYPE_MASK 0x03ffffffu

struct pcap_state {
	bool swap;		/* the file is in the other byte order */
	bool nano;
	uint32_t limit;		/* largest caplen a record may have */
	uint32_t snap;		/* the header's snaplen as libpcap takes it: records are cut to it */
	uint32_t linktype;	/* the one interface's, kept here for the per-record path */
};

static int rd_pcap_probe(const uint8_t *head)
{
	uint32_t magic = savefile_in_get32(head, false);

	if (magic == PCAP_MAGIC || magic == bswap_32(PCAP_MAGIC))
		return SAVEFILE_PCAP;
	if (magic == PCAP_MAGIC_NANO || magic == bswap_32(PCAP_MAGIC_NANO))
		return SAVEFILE_PCAP_NANO;
	return -1;
}

static int rd_pcap_open(struct savefile_in *in, void *state)
{
	struct pcap_state *st = state;
	struct savefile_iface *ifc;
	const uint8_t *h;
	uint16_t major, minor;
	uint32_t magic;
	int ret;

	ret = savefile_in_need(in, PCAP_HDR_LEN);
	if (ret)
		return savefile_in_short(in, ret, "pcap file header", 0, PCAP_HDR_LEN);
	h = in->p + in->pos;
	magic = savefile_in_get32(h, false);
	st->nano = rd_pcap_probe(h) == SAVEFILE_PCAP_NANO;
	st->swap = magic == bswap_32(PCAP_MAGIC) || magic == bswap_32(PCAP_MAGIC_NANO);
	major = savefile_in_get16(h + 4, st->swap);
	minor = savefile_in_get16(h + 6, st->swap);
	if (major != 2)
		return savefile_in_fail(in, -EINVAL, "unsupported pcap version %u.%u", major,
					minor);
	ifc = savefile_in_add_if(in, 0, 0);
	if (!ifc)
		return in->err;
	ifc->pub.snaplen = savefile_in_get32(h + 16, st->swap);
	ifc->pub.linktype = savefile_in_get32(h + 20, st->swap) & PCAP_LINKTYPE_MASK;
	ifc->pub.tsresol = st->nano ? 9 : 6;
	st->linktype = ifc->pub.linktype;
	/* Like libpcap, allow records past a small snaplen, up to the usual maximum. */
	st->limit =
		ifc->pub.snaplen > SAVEFILE_MAX_SNAPLEN ? ifc->pub.snaplen : SAVEFILE_MAX_SNAPLEN;
	if (st->limit > SAVEFILE_MAX_BLOCK - PCAP_REC_LEN)
		st->limit = SAVEFILE_MAX_BLOCK - PCAP_REC_LEN;
	/* libpcap takes a zero or oversized snaplen as the maximum */
	st->snap = ifc->pub.snaplen && ifc->pub.snaplen < st->limit ? ifc->pub.snaplen : st->limit;
	in->pos += PCAP_HDR_LEN;
	return 0;
}

static int rd_pcap_next(struct savefile_in *in, void *state, struct savefile_pkt *pkt)
{
	const struct pcap_state *st = state;
	uint64_t off = in->base + in->pos;
	uint32_t caplen, frac;
	const uint8_t *h;
	int ret;

	ret = savefile_in_need(in, PCAP_REC_LEN);
	if (savefile_in_at_end(in, ret))
		return 0;
	if (ret)
		return savefile_in_short(in, ret, "record header", off, PCAP_REC_LEN);
	h = in->p + in->pos;
	caplen = savefile_in_get32(h + 8, st->swap);
	if (caplen > st->limit)
		return savefile_in_fail(in, -EINVAL,
					"caplen %u exceeds snaplen/max %u at offset %llu", caplen,
					st->limit, SAVEFILE_OFF(off));
	ret = savefile_in_need(in, PCAP_REC_LEN + caplen);
	if (ret)
		return savefile_in_short(in, ret, "record", off, PCAP_REC_LEN + caplen);
	h = in->p + in->pos;
	frac = savefile_in_get32(h + 4, st->swap);
	pkt->ts_odd_ns = st->nano ? frac : frac * 1000ull;
	pkt->ts_ns = savefile_in_get32(h, st->swap) * SAVEFILE_NSEC + pkt->ts_odd_ns;
	if (pkt->ts_odd_ns < SAVEFILE_NSEC)
		pkt->ts_odd_ns = 0;
	/*
	 * A record longer than the file's snaplen: libpcap (sf-pcap.c) hands out only the
	 * first snaplen bytes and skips the rest, so tcpdump sees a cut packet (no checksum
	 * verdict, "unverified"); do the same for identical text.
	 */
	pkt->caplen = caplen > st->snap ? st->snap : caplen;
	pkt->wirelen = savefile_in_get32(h + 12, st->swap);
	pkt->ifindex = 0;
	pkt->linktype = st->linktype;
	pkt->dir = SAVEFILE_DIR_UNKNOWN;
	pkt->data = h + PCAP_REC_LEN;
	in->pos += PCAP_REC_LEN + caplen;
	return 1;
}

const struct savefile_fmt savefile_pcap = {
	.name = "pcap",
	.state_size = sizeof(struct pcap_state),
	.probe = rd_pcap_probe,
	.open = rd_pcap_open,
	.next = rd_pcap_next,
};
