/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_tcp.c: the TCP header and its options (RFC 9293, 7323, 2018): dissector and printer. */
#include "config.h"

#include <stddef.h>

#include "decode/dispatch.h"
#include "decode/l4csum.h"
#include "decode/line.h"
#include "decode/packettype.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"
#include "decode/proto_mptcp.h"
#include "decode/proto_rpc.h"

#define TCP_HDR_LEN  20
#define TCP_CSUM_OFF 16

enum {
	TCPOPT_EOL = 0,
	TCPOPT_NOP = 1,
	TCPOPT_MSS = 2,
	TCPOPT_WSCALE = 3,
	TCPOPT_SACK_OK = 4,
	TCPOPT_SACK = 5,
	TCPOPT_TS = 8,
};

/* The value of one option whose length byte and data are all captured. */
static void tcp_opt_value(struct pkt_cursor *d, struct pkt_tcp *t, uint8_t kind, uint8_t len)
{
	bool known = true;

	switch (kind) {
	case TCPOPT_MSS:
		known = len == 4 && pkt_get_be16(d, &t->mss);
		t->has_mss |= known;
		break;
	case TCPOPT_WSCALE:
		known = len == 3 && pkt_get_u8(d, &t->wscale);
		t->has_wscale |= known;
		break;
	case TCPOPT_SACK_OK:
		known = len == 2;
		t->sack_ok |= known;
		break;
	case TCPOPT_SACK:
		known = len > 2 && (len - 2) % 8 == 0;
		for (int i = 0; known && i < (len - 2) / 8 && t->n_sack < PKT_MAX_SACK; i++) {
			struct pkt_tcp_sack *s = &t->sack[t->n_sack++];

			pkt_get_be32(d, &s->left);
			pkt_get_be32(d, &s->right);
		}
		break;
	case TCPOPT_TS:
		known = len == 10 && pkt_get_be32(d, &t->ts_val) && pkt_get_be32(d, &t->ts_ecr);
		t->has_ts |= known;
		break;
	default:
		known = false;
		break;
	}
	if (!known)
		t->n_unknown++;
}

/*
 * Walk the option bytes: kind, then length and data for all but EOL and NOP.
 * Returns PKT_REASON_NONE, PKT_REASON_SNAPLEN when the capture ends inside
 * them, or PKT_REASON_OPTION for a length that does not fit.
 */
static int tcp_options(struct pkt_cursor *o, struct pkt_tcp *t)
{
	const uint8_t *base = o->p;

	/* The bytes themselves, for the kinds printed from their data (md5, tfo, mptcp ...). */
	memcpy(t->opt_data, base,
	       pkt_left(o) < sizeof(t->opt_data) ? pkt_left(o) : sizeof(t->opt_data));
	while (pkt_wire_left(o) && t->n_opts < PKT_TCP_MAX_OPTS) {
		struct pkt_tcp_opt *opt = &t->opts[t->n_opts];
		struct pkt_cursor d;
		uint8_t kind, len;

		if (!pkt_get_u8(o, &kind))
			return PKT_REASON_SNAPLEN;
		if (kind == TCPOPT_EOL || kind == TCPOPT_NOP) {
			*opt = (struct pkt_tcp_opt){ .kind = kind, .len = 1 };
			t->n_opts++;
			if (kind == TCPOPT_EOL)
				break; /* the rest is padding */
			continue;
		}
		if (!pkt_wire_left(o))
			return PKT_REASON_OPTION;
		if (!pkt_get_u8(o, &len))
			return PKT_REASON_SNAPLEN;
		if (len < 2 || !pkt_sub(o, len - 2u, &d))
			return PKT_REASON_OPTION;
		if (pkt_left(&d) < len - 2u)
			return PKT_REASON_SNAPLEN;
		*opt = (struct pkt_tcp_opt){ .kind = kind,
					     .len = len,
					     .off = (uint8_t)(d.p - base) };
		t->n_opts++;
		tcp_opt_value(&d, t, kind, len);
	}
	return PKT_REASON_NONE;
}

/*
 * RFC 9293 section 3.1:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Source Port          |       Destination Port        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Sequence Number                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Acknowledgment Number                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Data |       |A|C|E|U|A|P|R|S|F|                             |
 * | Offset| Rsrvd |E|W|C|R|C|S|S|Y|I|            Window           |
 * |       |       | |R|E|G|K|H|T|N|N|                             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Checksum            |         Urgent Pointer        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           [Options]                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
int proto_tcp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	struct pkt_tcp *t = &l->tcp;
	const uint8_t *start = c->p;
	struct pkt_cursor o;
	uint8_t off, flags;
	size_t hlen;
	int why, next;

	l->trans = PKT_PROTO_TCP;
	/* opts[] past n_opts is never read: skip clearing it. */
	memset(t, 0, offsetof(struct pkt_tcp, opts));
	if (!pkt_get_be16(c, &t->sport) || !pkt_get_be16(c, &t->dport) ||
	    !pkt_get_be32(c, &t->seq) || !pkt_get_be32(c, &t->ack) || !pkt_get_u8(c, &off) ||
	    !pkt_get_u8(c, &flags) || !pkt_get_be16(c, &t->win) || !pkt_get_be16(c, &t->csum) ||
	    !pkt_get_be16(c, &t->urg))
		return proto_short(m, TCP_HDR_LEN);
	t->doff = off >> 4;
	t->flags = (uint16_t)(flags | (off & 1) << 8);
	if (t->doff < 5)
		return proto_invalid(m, PKT_REASON_HDR_LEN);
	hlen = (size_t)t->doff * 4;
	if (!pkt_sub(c, hlen - TCP_HDR_LEN, &o))
		return proto_invalid(m, PKT_REASON_HDR_PAST_END);

	why = tcp_options(&o, t);
	if (why == PKT_REASON_SNAPLEN)
		return proto_truncated(m);
	if (why != PKT_REASON_NONE)
		return proto_invalid(m, why);
	/* c now ends where the IP payload does: the whole segment */
	l4csum_verify(m, start, c, PROTO_IP_TCP, TCP_CSUM_OFF);
	/*
	 * tcpdump decodes an application only in a segment that carries data; a first fragment
	 * (l->frag) counts: its application decodes up to the fragment's end, as tcpdump's.
	 */
	if (!pkt_wire_left(c))
		return PKT_PROTO_NONE;
	/* -T: zmtp1, resp and domain decode on TCP; tcpdump prints no payload for the others */
	if (m->packettype)
		return packettype_app(m->packettype, false);
	next = dispatch_app(DISPATCH_TCP_APP, t->sport, t->dport);
	/* NFS only for a call to port 2049 or a reply from it, after the record mark */
	if (next == PKT_PROTO_NFS && !proto_rpc_nfs_match(c, t->sport, t->dport, true))
		return PKT_PROTO_NONE;
	return next;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

enum {
	TCPOPT_ECHO = 6,
	TCPOPT_ECHOREPLY = 7,
	TCPOPT_CC = 11,
	TCPOPT_CCNEW = 12,
	TCPOPT_CCECHO = 13,
	TCPOPT_MD5 = 19, /* RFC 2385 */
	TCPOPT_UTO = 28, /* RFC 5482 */
	TCPOPT_AO = 29,	 /* RFC 5925 */
	TCPOPT_MPTCP = 30,
	TCPOPT_TFO = 34,	 /* RFC 7413 */
	TCPOPT_EXP = 254,	 /* RFC 6994 experiments, by magic number */
	TCPOPT_EXP_TFO = 0xf989, /* TFO before it had its kind */
};

/* " cookiereq", " cookie 0a0b...", or " (invalid)": RFC 7413 cookies are 4 to 16 even bytes. */
static void tcp_print_tfo(struct pbuf *b, const uint8_t *p, size_t n)
{
	if (!n)
		pbuf_puts(b, " cookiereq");
	else if (n % 2 || n < 4 || n > 16)
		pbuf_puts(b, " (invalid)");
	else {
		pbuf_puts(b, " cookie ");
		pbuf_hex_bytes(b, p, n);
	}
}

static void tcp_print_ao(struct pbuf *b, const uint8_t *p, size_t n)
{
	if (n < 2) {
		pbuf_puts(b, " (invalid)");
		return;
	}
	pbuf_puts(b, " keyid ");
	pbuf_u32(b, p[0]);
	pbuf_puts(b, " rnextkeyid ");
	pbuf_u32(b, p[1]);
	if (n > 2) {
		pbuf_puts(b, " mac 0x");
		pbuf_hex_bytes(b, p + 2, n - 2);
	}
}

/* The other kinds; false for an option tcpdump calls "[bad opt]" (MPTCP's). */
static bool tcp_print_opt_other(struct pbuf *b, const struct pkt_tcp *t,
				const struct pkt_tcp_opt *o)
{
	/* tcp_options kept off + len - 2 inside the 40 bytes of opt_data */
	const uint8_t *p = t->opt_data + o->off;
	size_t n = o->len - 2u;
	uint32_t v;

	switch (o->kind) {
	case TCPOPT_ECHO:
	case TCPOPT_ECHOREPLY:
	case TCPOPT_CC:
	case TCPOPT_CCNEW:
	case TCPOPT_CCECHO:
		/* RFC 1072 and 1644, long obsolete; tcpdump names ccecho "" */
		pbuf_puts(b, o->kind == TCPOPT_ECHO	 ? "echo" :
			     o->kind == TCPOPT_ECHOREPLY ? "echoreply" :
			     o->kind == TCPOPT_CC	 ? "cc" :
			     o->kind == TCPOPT_CCNEW	 ? "ccnew" :
							   "");
		if (n != 4)
			break;
		pbuf_putc(b, ' ');
		pbuf_u32(b, pkt_be32(p));
		return true;
	case TCPOPT_MD5:
		pbuf_puts(b, "md5");
		if (n != 16)
			break;
		pbuf_puts(b, " shared secret not supplied with -M, can't check - ");
		pbuf_hex_bytes(b, p, n);
		return true;
	case TCPOPT_UTO:
		pbuf_puts(b, "uto");
		if (n != 2)
			break;
		/* granularity bit set: minutes */
		v = pkt_be16(p);
		pbuf_puts(b, " 0x");
		pbuf_hex(b, v, 1);
		pbuf_putc(b, ' ');
		pbuf_u32(b, v & 1 ? (v >> 1) * 60 : v >> 1);
		return true;
	case TCPOPT_AO:
		pbuf_puts(b, "tcp-ao");
		tcp_print_ao(b, p, n);
		return true;
	case TCPOPT_MPTCP:
		pbuf_puts(b, "mptcp");
		/* the whole option, kind and length included, starts 2 bytes before its data */
		return proto_mptcp_print(b, p - 2, o->len, t->flags);
	case TCPOPT_TFO:
		pbuf_puts(b, "tfo ");
		tcp_print_tfo(b, p, n);
		return true;
	case TCPOPT_EXP:
		pbuf_puts(b, "exp");
		if (n < 2)
			break;
		pbuf_putc(b, '-');
		if (pkt_be16(p) == TCPOPT_EXP_TFO) {
			pbuf_puts(b, "tfo");
			tcp_print_tfo(b, p + 2, n - 2);
		} else {
			pbuf_hex(b, pkt_be16(p), 4);
		}
		return true;
	default:
		pbuf_puts(b, "unknown-");
		pbuf_u32(b, o->kind);
		if (n) {
			pbuf_puts(b, " 0x");
			pbuf_hex_bytes(b, p, n);
		}
		return true;
	}
	pbuf_puts(b, " [len ");
	pbuf_u32(b, o->len);
	pbuf_putc(b, ']');
	return true;
}

/* Ports were read when the header is whole or at least 4 bytes were there. */
static bool tcp_has_ports(const struct pkt_layer *ly)
{
	return !(ly->truncated || ly->invalid) || ly->hdr_len >= 4;
}

static uint32_t tcp_print_rel(const struct line *x, uint32_t v, uint32_t base)
{
	return x->o->tcp_relative ? v - base : v;
}

static void tcp_print_flags(struct pbuf *b, uint16_t flags)
{
	static const struct {
		uint16_t bit;
		char ch;
	} names[] = {
		{ PKT_TCP_FIN, 'F' }, { PKT_TCP_SYN, 'S' }, { PKT_TCP_RST, 'R' },
		{ PKT_TCP_PSH, 'P' }, { PKT_TCP_ACK, '.' }, { PKT_TCP_URG, 'U' },
		{ PKT_TCP_ECE, 'E' }, { PKT_TCP_CWR, 'W' },
	};
	bool any = false;

	pbuf_puts(b, "Flags [");
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (flags & names[i].bit) {
			pbuf_putc(b, names[i].ch);
			any = true;
		}
	}
	pbuf_puts(b, any ? "]" : "none]");
}

/* One option; *sack walks the SACK blocks stored across all SACK options. */
static bool tcp_print_opt(struct line *x, const struct pkt_tcp *t, const struct pkt_tcp_opt *o,
			  unsigned *sack)
{
	static const char *const names[] = {
		[0] = "eol",	[1] = "nop",  [2] = "mss", [3] = "wscale",
		[4] = "sackOK", [5] = "sack", [8] = "TS",
	};
	static const uint8_t lens[] = { [0] = 1, [1] = 1, [2] = 4, [3] = 3, [4] = 2, [8] = 10 };
	struct pbuf *b = &x->b;
	const char *name = o->kind < sizeof(names) / sizeof(names[0]) ? names[o->kind] : NULL;
	bool sack_ok = o->len > 2 && (o->len - 2) % 8 == 0;

	if (!name)
		return tcp_print_opt_other(b, t, o);
	pbuf_puts(b, name);
	if (o->kind == 5 ? !sack_ok : o->len != lens[o->kind]) {
		pbuf_puts(b, " [len ");
		pbuf_u32(b, o->len);
		pbuf_putc(b, ']');
		return true;
	}
	switch (o->kind) {
	case 2:
		pbuf_putc(b, ' ');
		pbuf_u32(b, t->mss);
		break;
	case 3:
		pbuf_putc(b, ' ');
		pbuf_u32(b, t->wscale);
		break;
	case 5:
		pbuf_putc(b, ' ');
		pbuf_u32(b, (o->len - 2u) / 8);
		pbuf_putc(b, ' ');
		for (unsigned k = 0; k < (o->len - 2u) / 8 && *sack < t->n_sack; k++, (*sack)++) {
			pbuf_putc(b, '{');
			pbuf_u32(b, tcp_print_rel(x, t->sack[*sack].left, x->o->tcp_ack_base));
			pbuf_putc(b, ':');
			pbuf_u32(b, tcp_print_rel(x, t->sack[*sack].right, x->o->tcp_ack_base));
			pbuf_putc(b, '}');
		}
		break;
	case 8:
		pbuf_puts(b, " val ");
		pbuf_u32(b, t->ts_val);
		pbuf_puts(b, " ecr ");
		pbuf_u32(b, t->ts_ecr);
		break;
	default:
		break;
	}
	return true;
}

/*
 * "options [mss 1460,sackOK,...]".  When the options were cut short each one
 * decoded is followed by a comma, then tcpdump's marker, as tcpdump prints it.
 */
static bool tcp_print_options(struct line *x, const struct pkt_tcp *t, const struct pkt_layer *ly)
{
	bool cut = ly->truncated || ly->invalid;
	unsigned sack = 0;

	pbuf_puts(&x->b, ", options [");
	for (unsigned k = 0; k < t->n_opts; k++) {
		if (k && !cut)
			pbuf_putc(&x->b, ',');
		if (!tcp_print_opt(x, t, &t->opts[k], &sack)) {
			/* tcpdump's line ends there; it closes the list after an earlier option */
			pbuf_puts(&x->b, k ? "[bad opt]]" : "[bad opt]");
			return true;
		}
		if (cut)
			pbuf_putc(&x->b, ',');
	}
	if (ly->truncated) {
		pbuf_puts(&x->b, " [|tcp]");
		return true;
	}
	if (ly->invalid) {
		/* tcpdump closes the list only when an option came before */
		pbuf_puts(&x->b, t->n_opts ? "[bad opt]]" : "[bad opt]");
		return true;
	}
	pbuf_putc(&x->b, ']');
	return false;
}

#define TCP_MAX_RST_DATA 30 /* tcpdump's MAX_RST_DATA_LEN: -X shows the rest */

/* " [RST text]", at most 30 bytes ("[RST+" when more), as far as the capture goes ("[!RST"). */
static bool tcp_print_rst_data(struct line *x, uint32_t off, uint32_t len)
{
	struct pbuf *b = &x->b;
	const uint8_t *p = x->o->data;

	/* "[!RST" when the whole data was not captured */
	pbuf_puts(b, p && off <= x->m->caplen && len <= x->m->caplen - off ? " [RST" : " [!RST");
	if (len > TCP_MAX_RST_DATA) {
		len = TCP_MAX_RST_DATA;
		pbuf_putc(b, '+');
	}
	pbuf_putc(b, ' ');
	for (uint32_t i = 0; i < len; i++) {
		if (!p || off + i >= x->m->caplen)
			break;
		msg_put_char(b, p[off + i]);
	}
	pbuf_putc(b, ']');
	return true;
}

bool proto_tcp_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	const struct pkt_tcp *t = &line_level(x)->tcp;
	struct pbuf *b = &x->b;
	uint32_t hlen = t->doff * 4u, len;

	line_addrs(x, tcp_has_ports(ly), t->sport, t->dport);
	if ((ly->truncated && ly->hdr_len < 20) || ly->reason == PKT_REASON_SHORT)
		return line_trunc_sp(x, "tcp");
	if (ly->reason == PKT_REASON_HDR_LEN) {
		/* tcpdump's " tcp N": the segment's length past the short header */
		pbuf_puts(b, " tcp ");
		pbuf_u32(b, ly->wire_len - hlen);
		pbuf_puts(b, " [bad hdr length ");
		pbuf_u32(b, hlen);
		pbuf_puts(b, " - too short, < 20]");
		return true;
	}
	if (ly->reason == PKT_REASON_HDR_PAST_END) {
		tcp_print_flags(b, t->flags);
		pbuf_puts(b, " [bad hdr length ");
		pbuf_u32(b, hlen);
		pbuf_puts(b, " - too long, > ");
		pbuf_u32(b, ly->wire_len);
		pbuf_putc(b, ']');
		return true;
	}
	len = ly->wire_len - hlen;
	if (x->o->quiet && !ly->truncated && !ly->invalid) {
		pbuf_puts(b, "tcp ");
		pbuf_u32(b, len);
		return true;
	}
	tcp_print_flags(b, t->flags);
	if (line_level(x)->csum != PKT_CSUM_UNCHECKED) {
		pbuf_puts(b, ", cksum 0x");
		pbuf_hex(b, t->csum, 4);
		line_csum_note(x, " (correct)", " (incorrect -> 0x", ")");
	}
	/* -vv: the sequence number of every segment, a bare ACK's too, as tcpdump */
	if (len || (t->flags & (PKT_TCP_SYN | PKT_TCP_FIN | PKT_TCP_RST)) || x->o->verbosity > 1) {
		uint32_t seq = tcp_print_rel(x, t->seq, x->o->tcp_seq_base);

		pbuf_puts(b, ", seq ");
		pbuf_u32(b, seq);
		if (len) {
			pbuf_putc(b, ':');
			pbuf_u32(b, seq + len);
		}
	}
	if (t->flags & PKT_TCP_ACK) {
		pbuf_puts(b, ", ack ");
		pbuf_u32(b, tcp_print_rel(x, t->ack, x->o->tcp_ack_base));
	}
	pbuf_puts(b, ", win ");
	pbuf_u32(b, t->win);
	if (t->flags & PKT_TCP_URG) {
		pbuf_puts(b, ", urg ");
		pbuf_u32(b, t->urg);
	}
	if ((t->n_opts || ly->truncated || ly->invalid) && tcp_print_options(x, t, ly))
		return true;
	pbuf_puts(b, ", length ");
	pbuf_u32(b, len);
	/* with -v a reset's data is text, whatever the ports (tcpdump's print_tcp_rst_data) */
	if ((t->flags & PKT_TCP_RST) && len && x->o->verbosity && !ly->truncated && !ly->invalid)
		return tcp_print_rst_data(x, ly->off + hlen, len);
	/* an application's text follows: DNS prints its own leading space */
	return !line_more(x);
}
