/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_pptp.c: PPTP control messages (RFC 2637, TCP 1723): dissector and printer. */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"

/*
 * Every control message starts with the same 12 bytes (length, message type,
 * magic cookie 0x1a2b3c4d, control message type, reserved) and a fixed body
 * per control message type.  tcpdump prints the body field by field and
 * stops with " [|pptp]" at the first field the capture cut, so the bodies are
 * described below as lists of fields the printer walks in order.
 */
#define PPTP_HDR_LEN 12
#define PPTP_MAGIC 0x1a2b3c4du

/* How a body field prints (its name in the field's name). */
enum pptp_kind {
	PF_END,
	PF_U16,	       /* NAME(%u) */
	PF_U32,	       /* NAME(%u) */
	PF_HEX32,      /* NAME(0x%08x) */
	PF_RES1,       /* a reserved byte: " [ERROR: reserved=%u must be zero]" when set */
	PF_RES2,       /* a reserved 16-bit word, the same */
	PF_VERSION,    /* PROTO_VER(version.revision) */
	PF_RESULT,     /* RESULT_CODE(%u[:name]) from the message's own table */
	PF_ERROR,      /* ERR_CODE(%u[:name]) */
	PF_REASON,     /* StopCCRQ's REASON(%u[:name]) */
	PF_FRAME_CAP,  /* FRAME_CAP(A S) bits */
	PF_BEARER_CAP, /* BEARER_CAP(D A) bits */
	PF_BTYPE,      /* BEARER_TYPE(A, D, Any) */
	PF_FTYPE,      /* FRAME_TYPE(A, S, E) */
	PF_TEXT,       /* NAME(text): size bytes, at most the 16-bit length at len_off when >= 0 */
};

struct pptp_field {
	uint8_t kind;
	uint8_t size;  /* bytes on the wire */
	int8_t len_off; /* PF_TEXT: the body offset of the text's length, or -1 */
	const char *name;
};

struct pptp_body {
	const char *name; /* CTRL_MSGTYPE=name */
	const struct msg_tok *results;
	struct pptp_field f[16];
};

#define U16(n) { PF_U16, 2, -1, n }
#define U32(n) { PF_U32, 4, -1, n }
#define RES1 { PF_RES1, 1, -1, NULL }
#define RES2 { PF_RES2, 2, -1, NULL }
#define RESULT { PF_RESULT, 1, -1, NULL }
#define ERRC { PF_ERROR, 1, -1, NULL }
#define TEXT(n, size, len_off) { PF_TEXT, size, len_off, n }
#define FTYPE { PF_FTYPE, 4, -1, NULL }
#define BTYPE { PF_BTYPE, 4, -1, NULL }

static const struct msg_tok pptp_sccrp_results[] = {
	{ 1, "Successful channel establishment" },
	{ 2, "General error" },
	{ 3, "Command channel already exists" },
	{ 4, "Requester is not authorized to establish a command channel" },
	{ 5, "The protocol version of the requester is not supported" },
	{ 0, NULL },
};

static const struct msg_tok pptp_echorp_results[] = {
	{ 1, "OK" }, { 2, "General Error" }, { 0, NULL },
};

static const struct msg_tok pptp_ocrp_results[] = {
	{ 1, "Connected" }, { 2, "General Error" }, { 3, "No Carrier" }, { 4, "Busy" },
	{ 5, "No Dial Tone" }, { 6, "Time-out" }, { 7, "Do Not Accept" }, { 0, NULL },
};

static const struct msg_tok pptp_icrp_results[] = {
	{ 1, "Connect" }, { 2, "General Error" }, { 3, "Do Not Accept" }, { 0, NULL },
};

static const struct msg_tok pptp_cdn_results[] = {
	{ 1, "Lost Carrier" }, { 2, "General Error" }, { 3, "Admin Shutdown" }, { 4, "Request" },
	{ 0, NULL },
};

static const struct msg_tok pptp_error_names[] = {
	{ 0, "None" }, { 1, "Not-Connected" }, { 2, "Bad-Format" }, { 3, "Bad-Value" },
	{ 4, "No-Resource" }, { 5, "Bad-Call-ID" }, { 6, "PAC-Error" }, { 0, NULL },
};

static const struct msg_tok pptp_reason_names[] = {
	{ 1, "None" }, { 2, "Stop-Protocol" }, { 3, "Stop-Local-Shutdown" }, { 0, NULL },
};

static const struct msg_tok pptp_btype_names[] = {
	{ 1, "A" }, { 2, "D" }, { 3, "Any" }, { 0, NULL },
};

static const struct msg_tok pptp_ftype_names[] = {
	{ 1, "A" }, { 2, "S" }, { 3, "E" }, { 0, NULL },
};

/* The bodies by control message type (RFC 2637 2.1-2.16); 0 is not defined. */
static const struct pptp_body pptp_bodies[] = {
	[0] = { "NOT_DEFINED", NULL, { { PF_END, 0, -1, NULL } } },
	[1] = { "SCCRQ", NULL,
		{ { PF_VERSION, 2, -1, NULL }, RES2, { PF_FRAME_CAP, 4, -1, NULL },
		  { PF_BEARER_CAP, 4, -1, NULL }, U16("MAX_CHAN"), U16("FIRM_REV"),
		  TEXT("HOSTNAME", 64, -1), TEXT("VENDOR", 64, -1) } },
	[2] = { "SCCRP", pptp_sccrp_results,
		{ { PF_VERSION, 2, -1, NULL }, RESULT, ERRC, { PF_FRAME_CAP, 4, -1, NULL },
		  { PF_BEARER_CAP, 4, -1, NULL }, U16("MAX_CHAN"), U16("FIRM_REV"),
		  TEXT("HOSTNAME", 64, -1), TEXT("VENDOR", 64, -1) } },
	[3] = { "StopCCRQ", NULL, { { PF_REASON, 1, -1, NULL }, RES1, RES2 } },
	[4] = { "StopCCRP", pptp_echorp_results, { RESULT, ERRC, RES2 } },
	[5] = { "ECHORQ", NULL, { U32("ID") } },
	[6] = { "ECHORP", pptp_echorp_results, { U32("ID"), RESULT, ERRC, RES2 } },
	[7] = { "OCRQ", NULL,
		{ U16("CALL_ID"), U16("CALL_SER_NUM"), U32("MIN_BPS"), U32("MAX_BPS"), BTYPE,
		  FTYPE, U16("RECV_WIN"), U16("PROC_DELAY"), U16("PHONE_NO_LEN"), RES2,
		  TEXT("PHONE_NO", 64, 24), TEXT("SUB_ADDR", 64, -1) } },
	[8] = { "OCRP", pptp_ocrp_results,
		{ U16("CALL_ID"), U16("PEER_CALL_ID"), RESULT, ERRC, U16("CAUSE_CODE"),
		  U32("CONN_SPEED"), U16("RECV_WIN"), U16("PROC_DELAY"), U32("PHY_CHAN_ID") } },
	[9] = { "ICRQ", NULL,
		{ U16("CALL_ID"), U16("CALL_SER_NUM"), BTYPE, U32("PHY_CHAN_ID"),
		  U16("DIALED_NO_LEN"), U16("DIALING_NO_LEN"), TEXT("DIALED_NO", 64, 12),
		  TEXT("DIALING_NO", 64, 14), TEXT("SUB_ADDR", 64, -1) } },
	[10] = { "ICRP", pptp_icrp_results,
		 { U16("CALL_ID"), U16("PEER_CALL_ID"), RESULT, ERRC, U16("RECV_WIN"),
		   U16("PROC_DELAY"), RES2 } },
	[11] = { "ICCN", NULL,
		 { U16("PEER_CALL_ID"), RES2, U32("CONN_SPEED"), U16("RECV_WIN"), U16("PROC_DELAY"),
		   FTYPE } },
	[12] = { "CCRQ", NULL, { U16("CALL_ID"), RES2 } },
	[13] = { "CDN", pptp_cdn_results,
		 { U16("CALL_ID"), RESULT, ERRC, U16("CAUSE_CODE"), RES2,
		   TEXT("CALL_STATS", 128, -1) } },
	[14] = { "WEN", NULL,
		 { U16("PEER_CALL_ID"), RES2, U32("CRC_ERR"), U32("FRAMING_ERR"),
		   U32("HARDWARE_OVERRUN"), U32("BUFFER_OVERRUN"), U32("TIMEOUT_ERR"),
		   U32("ALIGN_ERR") } },
	[15] = { "SLI", NULL,
		 { U16("PEER_CALL_ID"), RES2, { PF_HEX32, 4, -1, "SEND_ACCM" },
		   { PF_HEX32, 4, -1, "RECV_ACCM" } } },
};

#define PPTP_TYPES (sizeof(pptp_bodies) / sizeof(pptp_bodies[0]))

int proto_pptp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->app = PKT_PROTO_PPTP;
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

/* "(%u" and, with -v, ":name" from t (or ":?"), then ")". */
static void put_code(struct pbuf *b, const char *name, const struct msg_tok *t, uint32_t v,
		     bool verbose)
{
	msg_printf(b, " %s(%u", name, v);
	if (verbose && t) {
		pbuf_putc(b, ':');
		msg_tok_put(b, t, "?", v);
	}
	pbuf_putc(b, ')');
}

static void put_reserved(struct pbuf *b, uint32_t v)
{
	if (v)
		msg_printf(b, " [ERROR: reserved=%u must be zero]", v);
}

/* One body field at off; false when the capture cut it. */
static bool put_field(struct pbuf *b, const struct msg *g, size_t off, size_t body,
		      const struct pptp_body *t, const struct pptp_field *f, bool verbose)
{
	const struct msg_tok *names;
	uint32_t v = 0, n;

	if (f->kind == PF_TEXT) {
		n = f->size;
		if (f->len_off >= 0) {
			if (!msg_has(g, body + (size_t)f->len_off, 2))
				return false;
			v = msg_u16(g, body + (size_t)f->len_off);
			n = v < n ? v : n;
		}
		msg_printf(b, " %s(", f->name);
		if (!msg_printjnp(b, g, off, n))
			return false;
		pbuf_putc(b, ')');
		return true;
	}
	if (!msg_has(g, off, f->size))
		return false;
	v = f->size == 1 ? msg_u8(g, off) : f->size == 2 ? msg_u16(g, off) : msg_u32(g, off);
	switch (f->kind) {
	case PF_U16:
	case PF_U32:
		msg_printf(b, " %s(%u)", f->name, v);
		break;
	case PF_HEX32:
		msg_printf(b, " %s(0x%08x)", f->name, v);
		break;
	case PF_RES1:
	case PF_RES2:
		put_reserved(b, v);
		break;
	case PF_VERSION:
		msg_printf(b, " PROTO_VER(%u.%u)", v >> 8, v & 0xff);
		break;
	case PF_RESULT:
		put_code(b, "RESULT_CODE", t->results, v, verbose);
		break;
	case PF_ERROR:
		put_code(b, "ERR_CODE", pptp_error_names, v, verbose);
		break;
	case PF_REASON:
		put_code(b, "REASON", pptp_reason_names, v, verbose);
		break;
	case PF_FRAME_CAP:
		msg_printf(b, " FRAME_CAP(%s%s)", v & 1 ? "A" : "", v & 2 ? "S" : "");
		break;
	case PF_BEARER_CAP:
		msg_printf(b, " BEARER_CAP(%s%s)", v & 2 ? "D" : "", v & 1 ? "A" : "");
		break;
	case PF_BTYPE:
	case PF_FTYPE:
		names = f->kind == PF_BTYPE ? pptp_btype_names : pptp_ftype_names;
		msg_printf(b, " %s(", f->kind == PF_BTYPE ? "BEARER_TYPE" : "FRAME_TYPE");
		msg_tok_put(b, names, "?", v);
		pbuf_putc(b, ')');
		break;
	}
	return true;
}

bool proto_pptp_print(struct line *x)
{
	static const char *const msg_types[] = { "UNKNOWN-MSG-TYPE", "CTRL-MSG", "MGMT-MSG" };
	struct pbuf *b = &x->b;
	bool verbose = line_verbosity(x) > 0;
	const struct pptp_body *t = NULL;
	const struct pptp_field *f;
	uint32_t cookie, type;
	struct msg g;
	size_t off;

	msg_of(&g, x);
	pbuf_puts(b, ": pptp");
	if (verbose) {
		if (!msg_has(&g, 0, 4))
			return msg_trunc(x, "pptp");
		msg_printf(b, " Length=%u", msg_u16(&g, 0));
		type = msg_u16(&g, 2);
		pbuf_putc(b, ' ');
		pbuf_puts(b, msg_types[type <= 2 ? type : 0]);
	}
	if (!msg_has(&g, 4, 4))
		return msg_trunc(x, "pptp");
	cookie = msg_u32(&g, 4);
	if (cookie != PPTP_MAGIC)
		msg_printf(b, " UNEXPECTED Magic-Cookie!!(%08x)", cookie);
	if (verbose || cookie != PPTP_MAGIC)
		msg_printf(b, " Magic-Cookie=%08x", cookie);
	if (!msg_has(&g, 8, 2))
		return msg_trunc(x, "pptp");
	type = msg_u16(&g, 8);
	if (type < 16) {
		if (type < PPTP_TYPES)
			t = &pptp_bodies[type];
		msg_printf(b, " CTRL_MSGTYPE=%s", t ? t->name : "?");
	} else {
		msg_printf(b, " UNKNOWN_CTRL_MSGTYPE(%u)", type);
	}
	if (!msg_has(&g, 10, 2))
		return msg_trunc(x, "pptp");
	put_reserved(b, msg_u16(&g, 10));
	if (!t)
		return true;
	off = PPTP_HDR_LEN;
	for (f = t->f; f->kind != PF_END; off += f->size, f++)
		if (!put_field(b, &g, off, PPTP_HDR_LEN, t, f, verbose))
			return msg_trunc(x, "pptp");
	return true;
}
