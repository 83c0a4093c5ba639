/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_aoe.c: ATA over Ethernet (ethertype 0x88a2), as tcpdump 4.99 prints it. */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"

/*
 * AoE version 1 (Coile and Hopkins, AoEr11): a common header, then the
 * argument of its command.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Ver  |R|E|0|0|     Error     |             Major             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Minor     |    Command    |              Tag ...          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            ... Tag            |         Arg ...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * The arguments: issue an ATA command (flags, the ATA registers, the 48-bit
 * LBA a byte at a time, data); query the config string; edit the MAC mask
 * list (directives of a command and an address); reserve or release (the
 * reserving hosts' addresses).  The dissector only names the layer: the
 * printer and the JSON view read the bytes.
 */
#define AOE_HDR_LEN	    10
#define AOE_ISSUE_ARG_LEN   12
#define AOE_QUERY_ARG_LEN   8
#define AOE_MAC_ARG_LEN	    4
#define AOE_RESERVE_ARG_LEN 2
#define AOE_MAX_CONFSTR	    1024
#define AOE_FLAG_ERROR	    0x04

int proto_aoe_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->net = PKT_PROTO_AOE;
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok aoe_cmds[] = {
	{ 0, "Issue ATA Command" },
	{ 1, "Query Config Information" },
	{ 2, "MAC Mask List" },
	{ 3, "Reserve/Release" },
	{ 0, NULL },
};

static const struct msg_tok aoe_flags[] = {
	{ 0x08, "Response" },
	{ 0x04, "Error" },
	{ 0x02, "MBZ-1" },
	{ 0x01, "MBZ-0" },
	{ 0, NULL },
};

static const struct msg_tok aoe_errors[] = {
	{ 1, "Unrecognized command code" },
	{ 2, "Bad argument parameter" },
	{ 3, "Device unavailable" },
	{ 4, "Config string present" },
	{ 5, "Unsupported version" },
	{ 6, "Target is reserved" },
	{ 0, NULL },
};

static const struct msg_tok aoe_aflags[] = {
	{ 0x80, "MBZ-7" }, { 0x40, "Ext48" }, { 0x20, "MBZ-5" }, { 0x10, "Device" },
	{ 0x08, "MBZ-3" }, { 0x04, "MBZ-2" }, { 0x02, "Async" }, { 0x01, "Write" },
	{ 0, NULL },
};

static const struct msg_tok aoe_ccmds[] = {
	{ 0, "read config string" },
	{ 1, "test config string" },
	{ 2, "test config string prefix" },
	{ 3, "set config string" },
	{ 4, "force set config string" },
	{ 0, NULL },
};

static const struct msg_tok aoe_mcmds[] = {
	{ 0, "Read Mac Mask List" },
	{ 1, "Edit Mac Mask List" },
	{ 0, NULL },
};

static const struct msg_tok aoe_merrors[] = {
	{ 1, "Unspecified Error" },
	{ 2, "Bad DCmd directive" },
	{ 3, "Mask list full" },
	{ 0, NULL },
};

static const struct msg_tok aoe_dcmds[] = {
	{ 0, "No Directive" },
	{ 1, "Add mac address to mask list" },
	{ 2, "Delete mac address from mask list" },
	{ 0, NULL },
};

static const struct msg_tok aoe_rcmds[] = {
	{ 0, "Read reserve list" },
	{ 1, "Set reserve list" },
	{ 2, "Force set reserve list" },
	{ 0, NULL },
};

/* " (invalid)", then " [|aoe]" when the rest of the message from off was not captured. */
static bool aoe_invalid(struct pbuf *b, const struct msg *g, size_t off)
{
	pbuf_puts(b, " (invalid)");
	if (!msg_has(g, off, g->len - off))
		return msg_trunc_put(b, "aoe");
	return true;
}

/* Issue ATA Command: flags, the ATA registers, LBA bytes 0 to 5, then the data's length. */
static bool aoe_issue(struct pbuf *b, const struct msg *g)
{
	static const char *const regs[] = { ", Err/Feature: ", ", Sector Count: ", ", Cmd/Status: ",
					    "\n\tlba0: ", ", lba1: ", ", lba2: ", ", lba3: ",
					    ", lba4: ", ", lba5: " };
	size_t off = AOE_HDR_LEN;

	if (g->len - off < AOE_ISSUE_ARG_LEN)
		return aoe_invalid(b, g, off);
	if (!msg_has(g, off, 1))
		return msg_trunc_put(b, "aoe");
	pbuf_puts(b, "\n\tAFlags: [");
	msg_bits_put(b, aoe_aflags, "none", msg_u8(g, off), ", ");
	pbuf_putc(b, ']');
	for (size_t i = 0; i < sizeof(regs) / sizeof(regs[0]); i++) {
		if (!msg_has(g, off + 1 + i, 1))
			return msg_trunc_put(b, "aoe");
		pbuf_puts(b, regs[i]);
		pbuf_u32(b, msg_u8(g, off + 1 + i));
	}
	/* two reserved bytes */
	if (!msg_has(g, off + 10, 2))
		return msg_trunc_put(b, "aoe");
	if (g->len - off > AOE_ISSUE_ARG_LEN)
		msg_printf(b, "\n\tData: %u bytes", (unsigned)(g->len - off - AOE_ISSUE_ARG_LEN));
	return true;
}

/* Query Config Information: buffers, firmware, sectors, the config command and its string. */
static bool aoe_query(struct pbuf *b, const struct msg *g)
{
	size_t off = AOE_HDR_LEN;
	uint16_t cslen;

	if (g->len - off < AOE_QUERY_ARG_LEN)
		return aoe_invalid(b, g, off);
	if (!msg_has(g, off, 2))
		return msg_trunc_put(b, "aoe");
	msg_printf(b, "\n\tBuffer Count: %u", msg_u16(g, off));
	if (!msg_has(g, off + 2, 2))
		return msg_trunc_put(b, "aoe");
	msg_printf(b, ", Firmware Version: %u", msg_u16(g, off + 2));
	if (!msg_has(g, off + 4, 1))
		return msg_trunc_put(b, "aoe");
	msg_printf(b, ", Sector Count: %u", msg_u8(g, off + 4));
	if (!msg_has(g, off + 5, 1))
		return msg_trunc_put(b, "aoe");
	msg_printf(b, ", AoE: %u, CCmd: ", msg_u8(g, off + 5) >> 4);
	/* tcpdump's format misses its '%': printed as it is */
	msg_tok_put(b, aoe_ccmds, "Unknown (0x02x)", msg_u8(g, off + 5) & 0x0f);
	if (!msg_has(g, off + 6, 2))
		return msg_trunc_put(b, "aoe");
	cslen = msg_u16(g, off + 6);
	off += AOE_QUERY_ARG_LEN;
	if (cslen > AOE_MAX_CONFSTR || cslen > g->len - off)
		return aoe_invalid(b, g, off);
	if (cslen) {
		msg_printf(b, "\n\tConfig String (length %u): ", cslen);
		if (!msg_printjn(b, g, off, cslen))
			return msg_trunc_put(b, "aoe");
	}
	return true;
}

/* MAC Mask List: the command, its error, then the directives (a command and an address each). */
static bool aoe_mac(struct pbuf *b, const struct msg *g)
{
	size_t off = AOE_HDR_LEN;
	uint8_t count;

	if (g->len - off < AOE_MAC_ARG_LEN)
		return aoe_invalid(b, g, off);
	/* a reserved byte first */
	if (!msg_has(g, off + 1, 1))
		return msg_trunc_put(b, "aoe");
	pbuf_puts(b, "\n\tMCmd: ");
	msg_tok_put(b, aoe_mcmds, "Unknown (0x%02x)", msg_u8(g, off + 1));
	if (!msg_has(g, off + 2, 1))
		return msg_trunc_put(b, "aoe");
	pbuf_puts(b, ", MError: ");
	msg_tok_put(b, aoe_merrors, "Unknown (0x%02x)", msg_u8(g, off + 2));
	if (!msg_has(g, off + 3, 1))
		return msg_trunc_put(b, "aoe");
	count = msg_u8(g, off + 3);
	msg_printf(b, ", Dir Count: %u", count);
	off += AOE_MAC_ARG_LEN;
	if (count * 8u > g->len - off)
		return aoe_invalid(b, g, off);
	for (unsigned i = 0; i < count; i++, off += 8) {
		/* each directive: a reserved byte, DCmd, the address */
		if (!msg_has(g, off + 1, 1))
			return msg_trunc_put(b, "aoe");
		pbuf_puts(b, "\n\t DCmd: ");
		msg_tok_put(b, aoe_dcmds, "Unknown (0x%02x)", msg_u8(g, off + 1));
		if (!msg_has(g, off + 2, 6))
			return msg_trunc_put(b, "aoe");
		pbuf_puts(b, ", Ethernet Address: ");
		pbuf_mac(b, g->p + off + 2);
	}
	return true;
}

/* Reserve/Release: the command and the reserving hosts, whose count the length must match. */
static bool aoe_reserve(struct pbuf *b, const struct msg *g)
{
	size_t off = AOE_HDR_LEN;
	size_t len = g->len - off;
	uint8_t n;

	if (len < AOE_RESERVE_ARG_LEN || (len - AOE_RESERVE_ARG_LEN) % 6)
		return aoe_invalid(b, g, off);
	if (!msg_has(g, off, 1))
		return msg_trunc_put(b, "aoe");
	pbuf_puts(b, "\n\tRCmd: ");
	msg_tok_put(b, aoe_rcmds, "Unknown (0x%02x)", msg_u8(g, off));
	if (!msg_has(g, off + 1, 1))
		return msg_trunc_put(b, "aoe");
	n = msg_u8(g, off + 1);
	msg_printf(b, ", NMacs: %u", n);
	off += AOE_RESERVE_ARG_LEN;
	if (n * 6u != len - AOE_RESERVE_ARG_LEN)
		return aoe_invalid(b, g, off);
	for (unsigned i = 0; i < n; i++, off += 6) {
		if (!msg_has(g, off, 6))
			return msg_trunc_put(b, "aoe");
		msg_printf(b, "\n\tEthernet Address %u: ", i);
		pbuf_mac(b, g->p + off);
	}
	return true;
}

/* Version 1's flags; with -v the rest of the header and the command's argument. */
static bool aoe_v1(struct pbuf *b, const struct msg *g, bool verbose)
{
	uint8_t flags = msg_u8(g, 0) & 0x0f, cmd;

	if (g->len < AOE_HDR_LEN)
		return aoe_invalid(b, g, 0);
	pbuf_puts(b, ", Flags: [");
	msg_bits_put(b, aoe_flags, "none", flags, ", ");
	pbuf_putc(b, ']');
	if (!verbose)
		return true;
	if (flags & AOE_FLAG_ERROR) {
		if (!msg_has(g, 1, 1))
			return msg_trunc_put(b, "aoe");
		pbuf_puts(b, "\n\tError: ");
		msg_tok_put(b, aoe_errors, "Invalid (%u)", msg_u8(g, 1));
	}
	if (!msg_has(g, 2, 2))
		return msg_trunc_put(b, "aoe");
	msg_printf(b, "\n\tMajor: 0x%04x", msg_u16(g, 2));
	if (!msg_has(g, 4, 1))
		return msg_trunc_put(b, "aoe");
	msg_printf(b, ", Minor: 0x%02x", msg_u8(g, 4));
	if (!msg_has(g, 5, 1))
		return msg_trunc_put(b, "aoe");
	cmd = msg_u8(g, 5);
	pbuf_puts(b, ", Command: ");
	msg_tok_put(b, aoe_cmds, "Unknown (0x%02x)", cmd);
	if (!msg_has(g, 6, 4))
		return msg_trunc_put(b, "aoe");
	msg_printf(b, ", Tag: 0x%08x", msg_u32(g, 6));
	switch (cmd) {
	case 0:
		return aoe_issue(b, g);
	case 1:
		return aoe_query(b, g);
	case 2:
		return aoe_mac(b, g);
	case 3:
		return aoe_reserve(b, g);
	}
	return true;
}

bool proto_aoe_print(struct line *x)
{
	struct pbuf *b = &x->b;
	struct msg g;

	msg_of(&g, x);
	pbuf_puts(b, "AoE length ");
	pbuf_u32(b, g.len);
	if (g.len < 1)
		return aoe_invalid(b, &g, 0);
	if (!msg_has(&g, 0, 1))
		return msg_trunc(x, "aoe");
	pbuf_puts(b, ", Ver ");
	pbuf_u32(b, msg_u8(&g, 0) >> 4);
	if (msg_u8(&g, 0) >> 4 == 1)
		return aoe_v1(b, &g, line_verbosity(x) > 0);
	return true;
}
