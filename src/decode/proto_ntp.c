/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_ntp.c: NTP time and control messages (RFC 5905, RFC 9327's mode 6): dissector and tcpdump's text. */
#include "config.h"

#include <time.h>

#include "decode/proto.h"
#include "decode/proto_msg.h"
#include "decode/proto_ntp.h"

#define NTP_TIME_MINLEN 48 /* the header without extension fields or MAC */
#define NTP_CTRL_MINLEN 12
#define NTP_JAN_1970	2208988800u /* seconds from 1900 to the Unix epoch */

/*
 * RFC 5905 7.3: LI, VN, mode in the first byte; a time message has the
 * stratum, poll, precision, root delay and dispersion, the reference ID and
 * four timestamps; a control message (mode 6) has its own 12-byte header.
 */
int proto_ntp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	struct pkt_ntp *n = &l->ntp;
	const uint8_t *p = pkt_peek(c, 3);

	l->app = PKT_PROTO_NTP;
	*n = (struct pkt_ntp){ 0 };
	if (!p)
		return PKT_PROTO_NONE;
	n->has_header = true;
	n->leap = p[0] >> 6;
	n->version = p[0] >> 3 & 7;
	n->mode = p[0] & 7;
	n->stratum = p[1];
	n->poll = (int8_t)p[2];
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const char *const ntp_modes[] = {
	"unspecified", "symmetric active", "symmetric passive", "Client",
	"Server",      "Broadcast",	   "Control Message",	"Reserved",
};

const char *proto_ntp_mode_name(uint8_t mode)
{
	return ntp_modes[mode & 7];
}

/* A 16.16 fixed-point number: "0.036407", as tcpdump's p_sfix. */
static void ntp_sfix(struct pbuf *b, const struct msg *a, size_t off)
{
	double ff = msg_u16(a, off + 2) / 65536.0;

	pbuf_u32(b, msg_u16(a, off));
	pbuf_putc(b, '.');
	msg_dec_pad(b, (uint32_t)(int)(ff * 1000000.0), 6);
}

/* The fraction of a 32.32 timestamp in nanoseconds, as tcpdump computes it. */
static uint32_t ntp_frac_ns(uint32_t frac)
{
	return (uint32_t)((double)frac / 4294967296.0 * 1000000000.0);
}

void proto_ntp_time(struct pbuf *b, uint32_t sec, uint32_t frac)
{
	pbuf_u32(b, sec);
	pbuf_putc(b, '.');
	msg_dec_pad(b, ntp_frac_ns(frac), 9);
	if (sec) {
		time_t t = (time_t)((int64_t)sec - NTP_JAN_1970);
		char buf[64];
		struct tm tm;

		pbuf_puts(b, " (");
		if (gmtime_r(&t, &tm) && strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm))
			pbuf_puts(b, buf);
		else
			pbuf_puts(b, "[localtime() or gmtime() couldn't convert the date and time]");
		pbuf_putc(b, ')');
	}
}

/* The difference of two timestamps, as tcpdump's p_ntp_delta ("+0.001441629"). */
static void ntp_delta(struct pbuf *b, const struct msg *a, size_t ooff, size_t off)
{
	uint32_t u = msg_u32(a, off), uf = msg_u32(a, off + 4);
	uint32_t ou = msg_u32(a, ooff), ouf = msg_u32(a, ooff + 4), i, f;
	bool neg;

	if (!ou && !ouf) {
		proto_ntp_time(b, u, uf);
		return;
	}
	if (u > ou) {
		neg = false;
		i = u - ou;
		f = uf - ouf;
		if (ouf > uf)
			i--;
	} else if (u < ou) {
		neg = true;
		i = ou - u;
		f = ouf - uf;
		if (uf > ouf)
			i--;
	} else {
		i = 0;
		neg = uf <= ouf;
		f = neg ? ouf - uf : uf - ouf;
	}
	pbuf_putc(b, neg ? '-' : '+');
	pbuf_u32(b, i);
	pbuf_putc(b, '.');
	msg_dec_pad(b, ntp_frac_ns(f), 9);
}

/* Hex words of the digest after the key ID. */
static void ntp_digest(struct pbuf *b, const struct msg *a, size_t off, unsigned words)
{
	pbuf_puts(b, "\n\tAuthentication: ");
	for (unsigned i = 0; i < words; i++)
		pbuf_hex(b, msg_u32(a, off + 4 * i), 8);
}

/* A time message at -v; false when cut (tcpdump's " [|ntp]"). */
static bool ntp_time_v(struct pbuf *b, const struct msg *a)
{
	static const char *const stamps[] = {
		"\n\t  Reference Timestamp:  ", "\n\t  Originator Timestamp: ",
		"\n\t  Receive Timestamp:    ", "\n\t  Transmit Timestamp:   ",
	};
	uint8_t stratum;
	int8_t poll;

	if (a->len < NTP_TIME_MINLEN) {
		pbuf_puts(b, " (invalid)");
		return msg_has(a, 0, a->len);
	}
	if (!msg_has(a, 1, 1))
		return false;
	stratum = msg_u8(a, 1);
	pbuf_puts(b, ", Stratum ");
	pbuf_u32(b, stratum);
	pbuf_puts(b, stratum == 0   ? " (unspecified)" :
		     stratum == 1   ? " (primary reference)" :
		     stratum <= 15 ? " (secondary reference)" :
				     " (reserved)");
	if (!msg_has(a, 2, 1))
		return false;
	poll = (int8_t)msg_u8(a, 2);
	pbuf_puts(b, ", poll ");
	if (poll < 0)
		pbuf_putc(b, '-');
	pbuf_u32(b, poll < 0 ? (uint32_t)-poll : (uint32_t)poll);
	if (poll > -32 && poll < 32) {
		pbuf_puts(b, poll >= 0 ? " (" : " (1/");
		pbuf_u32(b, 1u << (poll >= 0 ? poll : -poll));
		pbuf_puts(b, "s)");
	}
	if (!msg_has(a, 3, 1))
		return false;
	pbuf_puts(b, ", precision ");
	if ((int8_t)msg_u8(a, 3) < 0)
		pbuf_putc(b, '-');
	pbuf_u32(b, (int8_t)msg_u8(a, 3) < 0 ? (uint32_t)-(int8_t)msg_u8(a, 3) : msg_u8(a, 3));
	/* tcpdump 4.99.3 prints a label only with its value: a cut field shows neither */
	if (!msg_has(a, 4, 4))
		return false;
	pbuf_puts(b, "\n\tRoot Delay: ");
	ntp_sfix(b, a, 4);
	if (!msg_has(a, 8, 4))
		return false;
	pbuf_puts(b, ", Root dispersion: ");
	ntp_sfix(b, a, 8);
	if (!msg_has(a, 12, 4))
		return false;
	pbuf_puts(b, ", Reference-ID: ");
	switch (stratum) {
	case 0:
		pbuf_puts(b, "(unspec)");
		break;
	case 1:
		msg_printjn(b, a, 12, 4);
		break;
	case 62: /* ntpd's INFO_QUERY and INFO_REPLY: nothing more */
	case 63:
		pbuf_ip4(b, a->p + 12);
		pbuf_puts(b, stratum == 62 ? " INFO_QUERY" : " INFO_REPLY");
		return true;
	default:
		pbuf_puts(b, "0x");
		pbuf_hex(b, msg_u32(a, 12), 8);
		break;
	}
	for (unsigned i = 0; i < 4; i++) {
		if (!msg_has(a, 16 + 8 * i, 8))
			return false;
		pbuf_puts(b, stamps[i]);
		proto_ntp_time(b, msg_u32(a, 16 + 8 * i), msg_u32(a, 20 + 8 * i));
	}
	pbuf_puts(b, "\n\t    Originator - Receive Timestamp:  ");
	ntp_delta(b, a, 24, 32);
	pbuf_puts(b, "\n\t    Originator - Transmit Timestamp: ");
	ntp_delta(b, a, 24, 40);
	if (a->len == NTP_TIME_MINLEN + 4 || a->len == NTP_TIME_MINLEN + 20 ||
	    a->len == NTP_TIME_MINLEN + 24) {
		if (!msg_has(a, 48, 4))
			return false;
		pbuf_puts(b, "\n\tKey id: ");
		pbuf_u32(b, msg_u32(a, 48));
		if (a->len > NTP_TIME_MINLEN + 4) {
			unsigned words = (a->len - NTP_TIME_MINLEN - 4) / 4;

			if (!msg_has(a, 52, 4 * words))
				return false;
			ntp_digest(b, a, 52, words);
		}
	} else if (a->len > NTP_TIME_MINLEN) {
		pbuf_puts(b, "\n\t(");
		pbuf_u32(b, a->len - NTP_TIME_MINLEN);
		pbuf_puts(b, " more bytes after the header)");
	}
	return true;
}

/* printf's %#hx: 0 bare, others with 0x. */
static void ntp_hash_hex(struct pbuf *b, uint16_t v)
{
	if (v)
		pbuf_puts(b, "0x");
	pbuf_hex(b, v, 1);
}

/* A control message (mode 6) at -v; false when cut. */
static bool ntp_control_v(struct pbuf *b, const struct msg *a)
{
	static const char *const names[] = { "\tSequence=", ", Status=", ", Assoc.=", ", Offset=",
					     ", Count=" };
	uint8_t control;
	uint16_t count = 0;

	if (a->len < NTP_CTRL_MINLEN) {
		pbuf_puts(b, " (invalid)");
		return msg_has(a, 0, a->len);
	}
	if (!msg_has(a, 1, 1))
		return false;
	control = msg_u8(a, 1);
	pbuf_puts(b, control & 0x80 ? ", Response" : ", Request");
	pbuf_puts(b, control & 0x40 ? ", Error" : ", OK");
	pbuf_puts(b, control & 0x20 ? ", More" : ", Last");
	pbuf_puts(b, ", OpCode=");
	pbuf_u32(b, control & 0x1f);
	pbuf_putc(b, '\n');
	for (unsigned i = 0; i < 5; i++) {
		uint16_t v;

		if (!msg_has(a, 2 + 2 * i, 2))
			return false;
		v = msg_u16(a, 2 + 2 * i);
		pbuf_puts(b, names[i]);
		if (i == 1)
			ntp_hash_hex(b, v);
		else
			pbuf_u32(b, v);
		count = v;
	}
	if (NTP_CTRL_MINLEN + (uint32_t)count > a->len) {
		pbuf_puts(b, " (invalid)");
		return msg_has(a, 0, a->len);
	}
	if (count) {
		if (!msg_has(a, NTP_CTRL_MINLEN, count))
			return false;
		pbuf_puts(b, "\n\tTO-BE-DONE: data not interpreted");
	}
	return true;
}

bool proto_ntp_print(struct line *x)
{
	struct pbuf *b = &x->b;
	struct msg a;
	uint8_t status, mode;
	bool whole = true;

	msg_of(&a, x);
	if (!msg_has(&a, 0, 1))
		return msg_trunc_put(b, "ntp");
	status = msg_u8(&a, 0);
	mode = status & 7;
	pbuf_puts(b, "NTPv");
	pbuf_u32(b, status >> 3 & 7);
	pbuf_puts(b, ", ");
	pbuf_puts(b, proto_ntp_mode_name(mode));
	pbuf_puts(b, ", length ");
	pbuf_u32(b, a.len);
	if (!line_verbosity(x))
		return true;
	pbuf_puts(b, "\n\tLeap indicator: ");
	pbuf_puts(b, (status & 0xc0) == 0x40 ? "+1s" : (status & 0xc0) == 0x80 ? "-1s" :
		     (status & 0xc0) == 0xc0 ? "clock unsynchronized" : "");
	pbuf_puts(b, " (");
	pbuf_u32(b, status & 0xc0);
	pbuf_putc(b, ')');
	if (mode <= 5)
		whole = ntp_time_v(b, &a);
	else if (mode == 6)
		whole = ntp_control_v(b, &a);
	if (!whole)
		return msg_trunc_put(b, "ntp");
	return true;
}
