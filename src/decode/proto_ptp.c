/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_ptp.c: PTP (IEEE 1588) over UDP and Ethernet: dissector and tcpdump's text. */
#include "config.h"

#include "decode/proto.h"
#include "decode/proto_msg.h"
#include "decode/proto_ptp.h"

#define PTP_HDR_LEN 34

/*
 * IEEE 1588-2008 13.3: transportSpecific and messageType, versionPTP,
 * messageLength, domainNumber, flags, correctionField, the source port
 * identity, sequenceId, controlField and logMessageInterval; the body by
 * message type.  Over Ethernet (ethertype 0x88f7) it is the network layer
 * itself, as ARP is.
 */
int proto_ptp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	struct pkt_ptp *t = &l->ptp;
	const uint8_t *p = pkt_peek(c, 2);

	if (l->net == PKT_PROTO_NONE)
		l->net = PKT_PROTO_PTP;
	else
		l->app = PKT_PROTO_PTP;
	*t = (struct pkt_ptp){ 0 };
	if (p) {
		t->has_header = true;
		t->msg_type = p[0] & 0x0f;
		t->version = p[1];
	}
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const char *const ptp_msgs[16] = {
	[0x0] = "sync msg",	    [0x1] = "delay req msg",	   [0x2] = "peer delay req msg",
	[0x3] = "peer delay resp msg", [0x8] = "follow up msg",
	[0x9] = "delay resp msg",   [0xa] = "pdelay resp fup msg", [0xb] = "announce msg",
	[0xc] = "signalling msg",   [0xd] = "management msg",
};

const char *proto_ptp_msg_name(uint8_t type)
{
	return ptp_msgs[type & 0x0f];
}

static const char *const ptp_controls[] = {
	"Sync", "Delay_Req", "Follow_Up", "Delay_Resp", "Management", "Other",
};

static const struct {
	uint16_t bit;
	const char *name;
} ptp_flags[] = {
	{ 0x1, "l1 61" },
	{ 0x2, "l1 59" },
	{ 0x4, "utc reasonable" },
	{ 0x8, "timescale" },
	{ 0x10, "time tracable" },
	{ 0x20, "frequency tracable" },
	{ 0x100, "alternate master" },
	{ 0x200, "two step" },
	{ 0x400, "unicast" },
	{ 0x1000, "profile specific 1" },
	{ 0x2000, "profile specific 2" },
	{ 0x4000, "security mask" },
	{ 0x18c0, "unknown" },
};

static uint64_t ptp_u48(const struct msg *a, size_t off)
{
	return (uint64_t)msg_u16(a, off) << 32 | msg_u32(a, off + 2);
}

static uint64_t ptp_u64(const struct msg *a, size_t off)
{
	return (uint64_t)msg_u32(a, off) << 32 | msg_u32(a, off + 4);
}

static void ptp_hex64(struct pbuf *b, uint64_t v)
{
	pbuf_puts(b, "0x");
	if (v >> 32) {
		pbuf_hex(b, (uint32_t)(v >> 32), 1);
		pbuf_hex(b, (uint32_t)v, 8);
	} else {
		pbuf_hex(b, (uint32_t)v, 1);
	}
}

/* A timestamp's seconds (48 bits) and nanoseconds, with a comma between them or not. */
static bool ptp_ts(struct pbuf *b, const struct msg *a, size_t off, const char *label,
		   bool comma)
{
	pbuf_puts(b, ", ");
	pbuf_puts(b, label);
	pbuf_puts(b, " :");
	if (!msg_has(a, off, 6))
		return false;
	pbuf_putc(b, ' ');
	pbuf_u64(b, ptp_u48(a, off));
	pbuf_puts(b, comma ? " seconds," : " seconds");
	if (!msg_has(a, off + 6, 4))
		return false;
	pbuf_putc(b, ' ');
	pbuf_u32(b, msg_u32(a, off + 6));
	pbuf_puts(b, " nanoseconds");
	return true;
}

/* A port identity: the clock's 8 bytes and the port number. */
static bool ptp_port(struct pbuf *b, const struct msg *a, size_t off)
{
	if (!msg_has(a, off, 8))
		return false;
	pbuf_puts(b, ", port identity : ");
	ptp_hex64(b, ptp_u64(a, off));
	if (!msg_has(a, off + 8, 2))
		return false;
	pbuf_puts(b, ", port id : ");
	pbuf_u32(b, msg_u16(a, off + 8));
	return true;
}

static bool ptp_announce(struct pbuf *b, const struct msg *a, size_t off)
{
	static const struct {
		const char *label;
		uint8_t len;
		bool hex;
	} f[] = {
		{ ", origin cur utc :", 2, false },  { ", rsvd : ", 1, false },
		{ ", gm priority_1 : ", 1, false },  { ", gm clock class : ", 1, false },
		{ ", gm clock accuracy : ", 1, false }, { ", gm clock variance : ", 2, false },
		{ ", gm priority_2 : ", 1, false },  { ", gm clock id : ", 8, true },
		{ ", steps removed : ", 2, false },  { ", time source : ", 1, true },
	};

	if (!ptp_ts(b, a, off, "originTimeStamp", false))
		return false;
	off += 10;
	for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
		if (!msg_has(a, off, f[i].len))
			return false;
		pbuf_puts(b, f[i].label);
		if (f[i].len == 8) {
			ptp_hex64(b, ptp_u64(a, off));
		} else {
			uint32_t v = f[i].len == 2 ? msg_u16(a, off) : msg_u8(a, off);

			if (f[i].hex) {
				pbuf_puts(b, "0x");
				pbuf_hex(b, v, 1);
			} else {
				pbuf_u32(b, v);
			}
		}
		off += f[i].len;
	}
	return true;
}

/*
 * A management message: the target port identity, then four one-byte fields
 * that tcpdump 4.99 labels with a doubled ", " and reads all from the same
 * byte, the first of the target port identity.
 */
static bool ptp_mgmt(struct pbuf *b, const struct msg *a, size_t off)
{
	static const char *const labels[] = { ", , start boundary hops  ", ", , boundary hops  ",
					      ", , flags  ", ", , reserved  " };

	if (!ptp_port(b, a, off))
		return false;
	for (unsigned i = 0; i < 4; i++) {
		pbuf_puts(b, labels[i]);
		if (i >= 2) {
			pbuf_puts(b, "0x");
			pbuf_hex(b, msg_u8(a, off), 1);
		} else {
			pbuf_u32(b, msg_u8(a, off));
		}
	}
	return true;
}

static bool ptp_v2(struct pbuf *b, const struct msg *a)
{
	uint8_t type = msg_u8(a, 0) & 0x0f, control;
	uint16_t flags;
	bool any = false;

	pbuf_puts(b, msg_u8(a, 0) & 0x10 ? ", v1 compat : yes" : ", v1 compat : no");
	pbuf_puts(b, ", msg type : ");
	pbuf_puts(b, ptp_msgs[type] ? ptp_msgs[type] : "Reserved");
	if (!msg_has(a, 2, 2))
		return false;
	pbuf_puts(b, ", length : ");
	pbuf_u32(b, msg_u16(a, 2));
	if (!msg_has(a, 4, 2))
		return false;
	pbuf_puts(b, ", domain : ");
	pbuf_u32(b, msg_u8(a, 4));
	pbuf_puts(b, ", reserved1 : ");
	pbuf_u32(b, msg_u8(a, 5));
	if (!msg_has(a, 6, 2))
		return false;
	flags = msg_u16(a, 6);
	pbuf_puts(b, ", Flags [");
	for (size_t i = 0; i < sizeof(ptp_flags) / sizeof(ptp_flags[0]); i++) {
		if (!(flags & ptp_flags[i].bit))
			continue;
		if (any)
			pbuf_puts(b, ", ");
		pbuf_puts(b, ptp_flags[i].name);
		any = true;
	}
	pbuf_puts(b, any ? "]" : "none]");
	/* correctionField: nanoseconds times 2^16, as 48 and 16 bits */
	if (!msg_has(a, 8, 6))
		return false;
	pbuf_puts(b, ", NS correction : ");
	pbuf_u64(b, ptp_u48(a, 8));
	if (!msg_has(a, 14, 2))
		return false;
	pbuf_puts(b, ", sub NS correction : ");
	pbuf_u32(b, msg_u16(a, 14));
	if (!msg_has(a, 16, 4))
		return false;
	pbuf_puts(b, ", reserved2 : ");
	pbuf_u32(b, msg_u32(a, 16));
	if (!msg_has(a, 20, 8))
		return false;
	pbuf_puts(b, ", clock identity : ");
	ptp_hex64(b, ptp_u64(a, 20));
	if (!msg_has(a, 28, 2))
		return false;
	pbuf_puts(b, ", port id : ");
	pbuf_u32(b, msg_u16(a, 28));
	if (!msg_has(a, 30, 2))
		return false;
	pbuf_puts(b, ", seq id : ");
	pbuf_u32(b, msg_u16(a, 30));
	if (!msg_has(a, 32, 1))
		return false;
	control = msg_u8(a, 32);
	pbuf_puts(b, ", control : ");
	pbuf_u32(b, control);
	pbuf_puts(b, " (");
	pbuf_puts(b, control < 6 ? ptp_controls[control] : "Reserved");
	pbuf_putc(b, ')');
	if (!msg_has(a, 33, 1))
		return false;
	pbuf_puts(b, ", log message interval : ");
	pbuf_u32(b, msg_u8(a, 33));
	switch (type) {
	case 0x0:
	case 0x1:
		return ptp_ts(b, a, 34, "originTimeStamp", true);
	case 0x8:
		return ptp_ts(b, a, 34, "preciseOriginTimeStamp", true);
	case 0x2:
	case 0xa:
		return ptp_ts(b, a, 34, "preciseOriginTimeStamp", true) && ptp_port(b, a, 44);
	case 0x3:
	case 0x9:
		return ptp_ts(b, a, 34, "receiveTimeStamp", true) && ptp_port(b, a, 44);
	case 0xb:
		return ptp_announce(b, a, 34);
	case 0xc:
		return ptp_port(b, a, 34);
	case 0xd:
		return ptp_mgmt(b, a, 34);
	}
	return true;
}

bool proto_ptp_print(struct line *x)
{
	struct pbuf *b = &x->b;
	struct msg a;
	uint8_t version;

	msg_of(&a, x);
	if (a.len < PTP_HDR_LEN) {
		pbuf_puts(b, " [length ");
		pbuf_u32(b, a.len);
		pbuf_puts(b, " < 34] (invalid)");
		return true;
	}
	if (!msg_has(&a, 0, 2))
		return msg_trunc_put(b, "ptp");
	version = msg_u8(&a, 1);
	pbuf_puts(b, "PTPv");
	pbuf_u32(b, version);
	if (version == 1)
		pbuf_puts(b, " (not implemented)");
	else if (version == 2 && !ptp_v2(b, &a))
		return msg_trunc_put(b, "ptp");
	return true;
}
