/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_syslog.c: BSD syslog over UDP 514 (RFC 3164): the priority, and the text with -v. */
#include "config.h"

#include "decode/proto.h"
#include "decode/proto_msg.h"

#define SYSLOG_MAX_DIGITS 3 /* the priority is at most 191 */

/* "<PRI>": the facility and severity; the text is read again when printed. */
int proto_syslog_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	struct pkt_syslog *s = &l->syslog;
	const uint8_t *p = c->p;
	size_t n = pkt_left(c), off = 1;
	unsigned pri = 0;

	l->app = PKT_PROTO_SYSLOG;
	*s = (struct pkt_syslog){ 0 };
	/* tcpdump: a byte missing is the capture's cut, a wrong one invalid */
	if (!n)
		return PKT_PROTO_NONE;
	if (p[0] != '<') {
		s->invalid = true;
		return PKT_PROTO_NONE;
	}
	while (off <= SYSLOG_MAX_DIGITS && off < n && p[off] >= '0' && p[off] <= '9')
		pri = pri * 10 + (unsigned)(p[off++] - '0');
	if (off >= n)
		return PKT_PROTO_NONE;
	if (p[off] != '>') {
		s->invalid = true;
		return PKT_PROTO_NONE;
	}
	s->has_pri = true;
	s->pri = (uint16_t)pri;
	s->msg_off = (uint16_t)(off + 1);
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok syslog_facilities[] = {
	{ 0, "kernel" },    { 1, "user" },	 { 2, "mail" },	    { 3, "daemon" },
	{ 4, "auth" },	    { 5, "syslog" },	 { 6, "lpr" },	    { 7, "news" },
	{ 8, "uucp" },	    { 9, "cron" },	 { 10, "authpriv" }, { 11, "ftp" },
	{ 12, "ntp" },	    { 13, "security" },	 { 14, "console" }, { 15, "cron" },
	{ 16, "local0" },   { 17, "local1" },	 { 18, "local2" },  { 19, "local3" },
	{ 20, "local4" },   { 21, "local5" },	 { 22, "local6" },  { 23, "local7" },
	{ 0, NULL },
};

static const struct msg_tok syslog_severities[] = {
	{ 0, "emergency" }, { 1, "alert" },  { 2, "critical" }, { 3, "error" },
	{ 4, "warning" },   { 5, "notice" }, { 6, "info" },	    { 7, "debug" },
	{ 0, NULL },
};

const char *proto_syslog_facility_name(unsigned f)
{
	return msg_tok_find(syslog_facilities, f);
}

const char *proto_syslog_severity_name(unsigned s)
{
	return msg_tok_find(syslog_severities, s);
}

bool proto_syslog_print(struct line *x)
{
	const struct pkt_syslog *s = &line_level(x)->syslog;
	struct pbuf *b = &x->b;
	unsigned facility, severity, v = line_verbosity(x);
	struct msg g;

	msg_of(&g, x);
	if (s->invalid) {
		pbuf_puts(b, " (invalid)");
		return true;
	}
	if (!s->has_pri)
		return msg_trunc(x, "syslog");
	facility = s->pri >> 3;
	severity = s->pri & 7;
	if (!v) {
		pbuf_puts(b, "SYSLOG ");
		msg_tok_put(b, syslog_facilities, "unknown (%u)", facility);
		pbuf_putc(b, '.');
		msg_tok_put(b, syslog_severities, "unknown (%u)", severity);
		msg_printf(b, ", length: %u", g.len);
		return true;
	}
	msg_printf(b, "SYSLOG, length: %u\n\tFacility ", g.len);
	msg_tok_put(b, syslog_facilities, "unknown (%u)", facility);
	msg_printf(b, " (%u), Severity ", facility);
	msg_tok_put(b, syslog_severities, "unknown (%u)", severity);
	msg_printf(b, " (%u)\n\tMsg: ", severity);
	for (size_t off = s->msg_off; off < g.len; off++) {
		if (!msg_has(&g, off, 1))
			return msg_trunc(x, "syslog");
		msg_put_char(b, msg_u8(&g, off));
	}
	if (v > 1 && !msg_hex_at(b, &g, 0, g.len, "\n\t"))
		return msg_trunc(x, "syslog");
	return true;
}
