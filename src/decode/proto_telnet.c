/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_telnet.c: Telnet's option negotiation (RFC 854, 855) on TCP 23, as
 * tcpdump's telnet_print: the IAC commands a segment starts with,
 * " [telnet WILL ECHO, DO NAWS, SB TERMINAL TYPE SEND SE]"; the data after
 * them is not printed.
 */
#include "config.h"

#include <setjmp.h>

#include "decode/proto.h"
#include "decode/proto_msg.h"
#include "decode/proto_udpapps.h"

enum {
	TEL_SE = 240,
	TEL_SB = 250,
	TEL_WILL = 251,
	TEL_WONT = 252,
	TEL_DO = 253,
	TEL_DONT = 254,
	TEL_IAC = 255,
	TELCMD_FIRST = 236, /* EOF */
	TELOPT_AUTHENTICATION = 37,
	TELOPT_ENCRYPT = 38,
	NTELOPTS = 40,
};

static const char *const telcmds[] = {
	"EOF", "SUSP", "ABORT", "EOR", "SE", "NOP", "DMARK", "BRK", "IP", "AO",
	"AYT", "EC", "EL", "GA", "SB", "WILL", "WONT", "DO", "DONT", "IAC",
};

static const char *const telopts[NTELOPTS] = {
	"BINARY", "ECHO", "RCP", "SUPPRESS GO AHEAD", "NAME", "STATUS", "TIMING MARK", "RCTE",
	"NAOL", "NAOP", "NAOCRD", "NAOHTS", "NAOHTD", "NAOFFD", "NAOVTS", "NAOVTD", "NAOLFD",
	"EXTEND ASCII", "LOGOUT", "BYTE MACRO", "DATA ENTRY TERMINAL", "SUPDUP", "SUPDUP OUTPUT",
	"SEND LOCATION", "TERMINAL TYPE", "END OF RECORD", "TACACS UID", "OUTPUT MARKING", "TTYLOC",
	"3270 REGIME", "X.3 PAD", "NAWS", "TSPEED", "LFLOW", "LINEMODE", "XDISPLOC", "OLD-ENVIRON",
	"AUTHENTICATION", "ENCRYPT", "NEW-ENVIRON",
};

static const char *const cmds[] = { "IS", "SEND", "INFO" };
static const char *const authcmd[] = { "IS", "SEND", "REPLY", "NAME" };
static const char *const authtype[] = {
	"NULL", "KERBEROS_V4", "KERBEROS_V5", "SPX", "MINK", "SRP", "RSA", "SSL",
	NULL, NULL, "LOKI", "SSA", "KEA_SJ", "KEA_SJ_INTEG", "DSS", "NTLM",
};
static const char *const enccmd[] = {
	"IS", "SUPPORT", "REPLY", "START", "END", "REQUEST-START", "REQUEST-END", "END_KEYID",
	"DEC_KEYID",
};
static const char *const enctype[] = {
	"NULL", "DES_CFB64", "DES_OFB64", "DES3_CFB64", "DES3_OFB64", NULL, "CAST5_40_CFB64",
	"CAST5_40_OFB64", "CAST128_CFB64", "CAST128_OFB64",
};

#define TEL_N(t) (sizeof(t) / sizeof((t)[0]))

/* The capture as tcpdump's GET_U_1 reads it: past its end, back to telnet_walk (" [|telnet]"). */
struct tel_rd {
	const struct msg *g;
	struct pbuf *b;
	jmp_buf cut;
};

static uint8_t get8(struct tel_rd *r, uint32_t off)
{
	if (!msg_has(r->g, off, 1))
		longjmp(r->cut, 1);
	return msg_u8(r->g, off);
}

int proto_telnet_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->app = PKT_PROTO_TELNET;
	return PKT_PROTO_NONE;
}

/* STR_OR_ID: the table's name, or "%#x". */
static void put_str_or_id(struct pbuf *b, unsigned c, const char *const *tab, size_t n)
{
	if (c < n && tab[c])
		pbuf_puts(b, tab[c]);
	else
		msg_printf(b, "%#x", c);
}

/*
 * telnet_parse: one command at sp, printed when print; its length, or -1.
 * Lengths are tcpdump's unsigned arithmetic: the "sp += 2" past SE is not
 * taken off length, which can wrap (and then reads run to the capture's end).
 */
static int64_t tel_parse(struct tel_rd *r, uint32_t sp, uint32_t length, bool print)
{
	struct pbuf *b = r->b;
	uint32_t osp = sp, p;
	unsigned c, x, i;

#define FETCH(v)                            \
	do {                                \
		if (length < 1)             \
			return -1;          \
		(v) = get8(r, sp);          \
		sp++;                       \
		length--;                   \
	} while (0)

	FETCH(c);
	if (c != TEL_IAC)
		return -1;
	FETCH(c);
	if (c == TEL_IAC) {
		if (print)
			pbuf_puts(b, "IAC IAC");
		return sp - osp;
	}
	if (c < TELCMD_FIRST)
		return -1;
	i = c - TELCMD_FIRST;
	switch (c) {
	case TEL_DONT:
	case TEL_DO:
	case TEL_WONT:
	case TEL_WILL:
	case TEL_SB:
		FETCH(x);
		if (print) {
			if (x < NTELOPTS)
				msg_printf(b, "%s %s", telcmds[i], telopts[x]);
			else
				msg_printf(b, "%s %#x", telcmds[i], x);
		}
		if (c != TEL_SB)
			break;
		/* IAC SB ... IAC SE */
		p = sp;
		while (length > p + 1 - sp) {
			if (get8(r, p) == TEL_IAC && get8(r, p + 1) == TEL_SE)
				break;
			p++;
		}
		if (get8(r, p) != TEL_IAC)
			return -1;
		if (p > sp) {
			FETCH(c);
			if (print) {
				pbuf_putc(b, ' ');
				if (x == TELOPT_AUTHENTICATION)
					put_str_or_id(b, c, authcmd, TEL_N(authcmd));
				else if (x == TELOPT_ENCRYPT)
					put_str_or_id(b, c, enccmd, TEL_N(enccmd));
				else
					put_str_or_id(b, c, cmds, TEL_N(cmds));
			}
			if ((x == TELOPT_AUTHENTICATION || x == TELOPT_ENCRYPT) && p > sp) {
				FETCH(c);
				if (print) {
					pbuf_putc(b, ' ');
					if (x == TELOPT_AUTHENTICATION)
						put_str_or_id(b, c, authtype, TEL_N(authtype));
					else
						put_str_or_id(b, c, enctype, TEL_N(enctype));
				}
			}
		}
		while (p > sp) {
			FETCH(x);
			if (print)
				msg_printf(b, " %#x", x);
		}
		if (print)
			pbuf_puts(b, " SE");
		sp += 2;
		break;
	default:
		if (print)
			pbuf_puts(b, telcmds[i]);
		break;
	}
#undef FETCH
	return sp - osp;
}

/* telnet_print's loop. */
static void telnet_loop(struct tel_rd *r)
{
	uint32_t sp = 0, length = r->g->len;
	bool first = true;

	while (length > 0 && get8(r, sp) == TEL_IAC) {
		int64_t l = tel_parse(r, sp, length, false);

		if (l < 0)
			break;
		pbuf_puts(r->b, first ? " [telnet " : ", ");
		tel_parse(r, sp, length, true);
		first = false;
		sp += (uint32_t)l;
		length -= (uint32_t)l;
	}
	if (!first)
		pbuf_putc(r->b, ']');
}

/* false when a read passed the capture (tcpdump's longjmp) */
static bool telnet_walk(struct tel_rd *r)
{
	if (setjmp(r->cut))
		return false;
	telnet_loop(r);
	return true;
}

bool proto_telnet_print(struct line *x)
{
	struct msg g;
	struct tel_rd r;

	msg_of(&g, x);
	r.g = &g;
	r.b = &x->b;
	if (!telnet_walk(&r))
		return msg_trunc(x, "telnet");
	return true;
}
