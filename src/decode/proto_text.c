/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_text.c: line-oriented text protocols (HTTP/1.x, RTSP, SIP, FTP, SMTP, WHOIS) and the SSH banner, as tcpdump prints them. */
#include "config.h"

#include <strings.h>

#include "decode/proto.h"
#include "decode/proto_msg.h"

/*
 * Nothing is kept at dissection: the printer reads the request or status
 * line again from the payload (tcpdump's txtproto_print and ssh_print).
 */
int proto_text_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);

	(void)c;
	l->app = proto_layer(m)->proto;
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

#define TEXT_MAX_TOKEN 128

/* RFC 2616 and 4918's methods, as tcpdump 4.99's print-http.c lists them. */
static const char *const http_methods[] = {
	"GET",	  "PUT",      "COPY",	   "DELETE", "HEAD",  "LOCK",	 "MKCOL", "MOVE",
	"OPTIONS", "POST",     "PROPFIND", "PROPPATCH", "SEARCH", "TRACE", "UNLOCK", "CONNECT",
	NULL,
};

/* RFC 2326's methods, as tcpdump's print-rtsp.c lists them. */
static const char *const rtsp_methods[] = {
	"DESCRIBE", "ANNOUNCE", "GET_PARAMETER", "OPTIONS",	  "PAUSE",    "PLAY",
	"RECORD",   "REDIRECT", "SETUP",	 "SET_PARAMETER", "TEARDOWN", NULL,
};

/* RFC 3261 and its extensions, as tcpdump's print-sip.c lists them. */
static const char *const sip_methods[] = {
	"ACK",	  "BYE",	"CANCEL", "DO",	      "INFO",	 "INVITE", "MESSAGE", "NOTIFY",
	"OPTIONS", "PRACK", "QAUTH",  "REFER", "REGISTER", "SPRACK", "SUBSCRIBE",
	"UPDATE", "PUBLISH", NULL,
};

static bool text_print(uint8_t c)
{
	return c >= 0x20 && c < 0x7f;
}

/*
 * tcpdump's fetch_token: the word at idx into tok, and the index of the next
 * word on the line, or 0 when there is none (a byte past ASCII or not
 * printable, or the capture ends inside the word).
 */
static size_t text_token(const struct msg *a, size_t idx, size_t len, char *tok)
{
	size_t n = 0;

	for (; idx < len; idx++) {
		uint8_t c;

		if (idx >= a->cap)
			return 0;
		c = msg_u8(a, idx);
		if (c & 0x80)
			return 0;
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
			break;
		if (!text_print(c) || n + 2 > TEXT_MAX_TOKEN + 1)
			return 0;
		tok[n++] = (char)c;
	}
	if (!n)
		return 0;
	tok[n] = '\0';
	for (; idx < len && idx < a->cap; idx++) {
		uint8_t c = msg_u8(a, idx);

		if (c == '\r' || c == '\n' || !text_print(c) || (c != ' ' && c != '\t'))
			break;
	}
	return idx;
}

enum { TEXT_CUT = -1, TEXT_BINARY = 0 };

/*
 * tcpdump's print_txt_line: the line at idx (up to LF or CR-LF) after prefix;
 * the index after its end, TEXT_BINARY when it is not a text line (nothing
 * printed), or TEXT_CUT when the capture ended first (tcpdump gives up on
 * the packet).  A line that runs to the message's end prints with the cut
 * mark.
 */
static long text_line(struct pbuf *b, const struct msg *a, const char *prefix, size_t idx,
		      size_t len, const char *what)
{
	size_t start = idx;

	while (idx < len) {
		uint8_t c;

		if (idx >= a->cap)
			return TEXT_CUT;
		c = msg_u8(a, idx);
		if (c == '\n') {
			pbuf_puts(b, prefix);
			pbuf_put(b, (const char *)a->p + start, idx - start);
			return (long)idx + 1;
		}
		if (c == '\r') {
			if (idx + 1 >= len)
				return TEXT_BINARY;
			if (idx + 1 >= a->cap)
				return TEXT_CUT;
			if (msg_u8(a, idx + 1) != '\n')
				return TEXT_BINARY;
			pbuf_puts(b, prefix);
			pbuf_put(b, (const char *)a->p + start, idx - start);
			return (long)idx + 2;
		}
		if (!text_print(c) && c != '\t')
			return TEXT_BINARY;
		idx++;
	}
	pbuf_puts(b, prefix);
	pbuf_put(b, (const char *)a->p + start, idx - start);
	msg_trunc_put(b, what);
	return TEXT_BINARY;
}

/*
 * tcpdump's txtproto_print: with a method list (HTTP, RTSP, SIP) only a
 * request line or a status line (its second word is a 3-digit code) is
 * printed; without one (FTP, SMTP, WHOIS) every segment is text.
 */
static bool text_proto(struct line *x, const struct msg *a, const char *name,
		       const char *what, const char *const *methods)
{
	struct pbuf *b = &x->b;
	char tok[TEXT_MAX_TOKEN + 2];
	bool show = !methods;
	size_t idx;

	idx = methods ? text_token(a, 0, a->len, tok) : 0;
	if (idx) {
		for (const char *const *m = methods; *m; m++)
			if (!strcasecmp(tok, *m))
				show = true;
		idx = text_token(a, idx, a->len, tok);
		if (idx && tok[0] >= '0' && tok[0] <= '9' && tok[1] >= '0' && tok[1] <= '9' &&
		    tok[2] >= '0' && tok[2] <= '9' && !tok[3])
			show = true;
	}
	pbuf_puts(b, name);
	if (!show)
		return true;
	if (!line_verbosity(x))
		return text_line(b, a, ": ", 0, a->len, what) != TEXT_CUT || msg_trunc_put(b, what);
	pbuf_puts(b, ", length: ");
	pbuf_u32(b, a->len);
	for (long i = 0; (size_t)i < a->len;) {
		i = text_line(b, a, "\n\t", (size_t)i, a->len, what);
		if (i == TEXT_CUT)
			return msg_trunc_put(b, what);
		if (i == TEXT_BINARY)
			break;
	}
	return true;
}

/* tcpdump's ssh_print: the version line ("SSH-2.0-..."), when the segment starts with one. */
static bool text_ssh(struct pbuf *b, const struct msg *a)
{
	/* tcpdump reads the 4 bytes of "SSH-" whatever the segment's length */
	for (size_t i = 0; i < 4; i++) {
		if (i >= a->cap)
			return msg_trunc_put(b, "ssh");
		if (msg_u8(a, i) != (uint8_t)"SSH-"[i])
			return true;
	}
	for (size_t i = 4; i < a->len; i++) {
		uint8_t c;

		if (i >= a->cap)
			return msg_trunc_put(b, "ssh");
		c = msg_u8(a, i);
		if (c == '\r') {
			if (i + 1 >= a->len)
				return true;
			if (i + 1 >= a->cap)
				return msg_trunc_put(b, "ssh");
			if (msg_u8(a, i + 1) != '\n')
				return true;
		}
		if (c == '\n' || c == '\r') {
			pbuf_puts(b, ": SSH: ");
			pbuf_put(b, (const char *)a->p, i);
			return true;
		}
		if (!text_print(c))
			return true;
	}
	return true;
}

bool proto_text_print(struct line *x)
{
	struct msg a;

	msg_of(&a, x);
	switch (line_layer(x)->proto) {
	case PKT_PROTO_HTTP:
		pbuf_puts(&x->b, ": ");
		return text_proto(x, &a, "HTTP", "http", http_methods);
	case PKT_PROTO_SIP:
		return text_proto(x, &a, "SIP", "sip", sip_methods);
	case PKT_PROTO_RTSP:
		pbuf_puts(&x->b, ": ");
		return text_proto(x, &a, "RTSP", "rtsp", rtsp_methods);
	case PKT_PROTO_FTP:
		pbuf_puts(&x->b, ": ");
		return text_proto(x, &a, "FTP", "ftp", NULL);
	case PKT_PROTO_SMTP:
		pbuf_puts(&x->b, ": ");
		return text_proto(x, &a, "SMTP", "smtp", NULL);
	case PKT_PROTO_WHOIS:
		pbuf_puts(&x->b, ": ");
		return text_proto(x, &a, "WHOIS", "whois", NULL);
	default: /* PKT_PROTO_SSH */
		return text_ssh(&x->b, &a);
	}
}
