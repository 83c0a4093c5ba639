/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_l2tags.c: JSON fields of the switch tags in Ethernet frames (Marvell DSA, EDSA, Broadcom). */
#include "config.h"

#include "decode/view_packet_l2tags.h"

static const char *const dsa_mode_names[] = { "to_cpu", "from_cpu", "to_sniffer", "forward" };

/* Marvell's tag: "dsa": {mode, dev, port, ...}, with EDSA's ethertype and reserved bytes. */
static void put_dsa(struct fmt_details *fd, const struct pkt_dsa *d, bool edsa)
{
	fmt_details_object_begin(fd, "dsa");
	if (edsa) {
		fmt_details_u64(fd, "edsa_ethertype", d->edsa_type);
		fmt_details_u64(fd, "rsvd", (uint64_t)d->rsvd[0] << 8 | d->rsvd[1]);
	}
	fmt_details_str(fd, "mode", dsa_mode_names[d->mode & 3]);
	fmt_details_u64(fd, "switch", d->dev);
	fmt_details_u64(fd, "port", d->port);
	if (d->mode == 3)
		fmt_details_bool(fd, "trunk", d->b18);
	else if (d->mode == 2)
		fmt_details_bool(fd, "ingress", d->b18);
	else if (d->mode == 0)
		fmt_details_u64(fd, "code", d->code);
	fmt_details_bool(fd, "tagged", d->tagged);
	fmt_details_bool(fd, "cfi", d->cfi);
	fmt_details_u64(fd, "vid", d->vid);
	fmt_details_u64(fd, "pri", d->pri);
	fmt_details_object_end(fd);
}

/* Broadcom's tag: "brcm": {opcode, then an ingress or an egress tag's fields}. */
static void put_brcm(struct fmt_details *fd, const uint8_t *t)
{
	fmt_details_object_begin(fd, "brcm");
	fmt_details_u64(fd, "opcode", t[0] >> 5);
	if (t[0] & 0x20) { /* ingress, to the switch */
		fmt_details_u64(fd, "tc", t[1] >> 2 & 7);
		fmt_details_u64(fd, "te", t[1] & 3);
		fmt_details_bool(fd, "ts", t[1] >> 7);
		fmt_details_u64(fd, "dst_map", (unsigned)(t[2] << 8 | t[3]) & 0x1ff);
	} else { /* egress, from the switch */
		fmt_details_u64(fd, "cid", t[1]);
		fmt_details_u64(fd, "rc", t[2]);
		fmt_details_u64(fd, "tc", t[3] >> 5);
		fmt_details_u64(fd, "port", t[3] & 0x1f);
	}
	fmt_details_object_end(fd);
}

bool view_packet_l2tags(struct fmt_details *fd, const struct pkt_meta *m,
			const struct pkt_layer *ly, const uint8_t *data)
{
	(void)data;
	switch (ly->proto) {
	case PKT_PROTO_DSA:
	case PKT_PROTO_EDSA:
		put_dsa(fd, &m->l2tag.dsa, ly->proto == PKT_PROTO_EDSA);
		return true;
	case PKT_PROTO_BRCM:
	case PKT_PROTO_BRCM_PREPEND:
		if (!ly->truncated)
			put_brcm(fd, m->l2tag.brcm);
		return true;
	}
	return false;
}
