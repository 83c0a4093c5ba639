/* SPDX-License-Identifier: GPL-2.0-or-later */
/* template.c: the template parser: words in, a struct template out, or the word that is wrong. */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "cmd/inject/template.h"
#include "util/scan.h"

#define IPV4_HLEN 20
#define IPV6_HLEN 40
#define UDP_HLEN 8
#define TCP_HLEN 20
#define ICMP_HLEN 8
/* The longest word worth copying: an IPv6 range with a port range fits. */
#define WORD_MAX 128

/* Which protocols a keyword applies to. */
#define P_UDP (1u << TEMPLATE_UDP)
#define P_TCP (1u << TEMPLATE_TCP)
#define P_ICMP (1u << TEMPLATE_ICMP)
#define P_ALL (P_UDP | P_TCP | P_ICMP)

struct tok {
	size_t off, len;
};

struct parser {
	const char *text;
	size_t pos;
	struct template *t;
	struct template_error *e;
	struct tok kw;			/* the keyword being handled */
	/* Fields the last value set, which a following inc/random applies to. */
	enum template_vary *last_vary[2];
	bool last_is_range[2];
	/* Words to point at when a check at the end fails. */
	struct tok src_tok, dst_tok, len_tok, ipid_tok, proto_tok;
	bool icmp6;			/* the protocol word was icmp6 */
};

static int fail(struct parser *p, const struct tok *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(struct parser *p, const struct tok *at, const char *fmt, ...)
{
	va_list ap;

	p->e->off = at ? at->off : strlen(p->text);
	p->e->len = at ? at->len : 0;
	va_start(ap, fmt);
	vsnprintf(p->e->msg, sizeof(p->e->msg), fmt, ap);
	va_end(ap);
	return -EINVAL;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

static bool next_tok(struct parser *p, struct tok *t)
{
	while (p->text[p->pos] && is_space(p->text[p->pos]))
		p->pos++;
	if (!p->text[p->pos])
		return false;
	t->off = p->pos;
	while (p->text[p->pos] && !is_space(p->text[p->pos]))
		p->pos++;
	t->len = p->pos - t->off;
	return true;
}

static bool tok_is(const struct parser *p, const struct tok *t, const char *word)
{
	return t->len == strlen(word) && !memcmp(p->text + t->off, word, t->len);
}

/* Copies a word (or part of one) into buf, NUL-terminated; false when it does not fit. */
static bool tok_copy(const struct parser *p, size_t off, size_t len, char *buf, size_t size)
{
	if (len >= size)
		return false;
	memcpy(buf, p->text + off, len);
	buf[len] = '\0';
	return true;
}

/* The value word after the keyword being handled. */
static int need_value(struct parser *p, struct tok *v, const char *what)
{
	if (!next_tok(p, v))
		return fail(p, &p->kw, "%.*s needs %s", (int)p->kw.len, p->text + p->kw.off, what);
	return 0;
}

static void remember(struct parser *p, enum template_vary *a, bool a_range, enum template_vary *b,
		     bool b_range)
{
	p->last_vary[0] = a;
	p->last_is_range[0] = a_range;
	p->last_vary[1] = b;
	p->last_is_range[1] = b_range;
}

/* "N": decimal or 0x hex, at most max. */
static int parse_u64_in(const char *s, uint64_t max, uint64_t *v)
{
	char *end;

	if (!*s || *s == '-' || *s == '+' || is_space(*s))
		return -EINVAL;
	errno = 0;
	*v = strtoull(s, &end, 0);
	if (*end || (s[0] == '0' && s[1] && s[1] != 'x' && s[1] != 'X'))
		return -EINVAL;	/* junk, or an octal-looking number */
	if (errno == ERANGE || *v > max)
		return -ERANGE;
	return 0;
}

/* "N" or "N-M" within 0..max, from text[off, off + len). */
static int parse_range(struct parser *p, const struct tok *at, size_t off, size_t len, uint64_t max,
		       const char *what, struct template_num *n)
{
	char buf[WORD_MAX], *dash;
	int err;

	if (!tok_copy(p, off, len, buf, sizeof(buf)))
		return fail(p, at, "not %s", what);
	dash = strchr(buf, '-');
	if (dash)
		*dash = '\0';
	err = parse_u64_in(buf, max, &n->lo);
	if (!err)
		err = dash ? parse_u64_in(dash + 1, max, &n->hi) : (n->hi = n->lo, 0);
	if (err == -ERANGE)
		return fail(p, at, "%s out of range (0-%llu)", what, (unsigned long long)max);
	if (err)
		return fail(p, at, "not %s or a range of them (N-M)", what);
	if (n->lo > n->hi)
		return fail(p, at, "range %llu-%llu runs backwards", (unsigned long long)n->lo,
			    (unsigned long long)n->hi);
	n->vary = n->lo == n->hi ? TEMPLATE_FIXED : TEMPLATE_INC;
	n->set = true;
	return 0;
}

static int set_family(struct parser *p, const struct tok *at, int family)
{
	if (p->t->family && p->t->family != family)
		return fail(p, at, "address family mismatch: %s address where the others are %s",
			    family == AF_INET ? "an IPv4" : "an IPv6",
			    p->t->family == AF_INET ? "IPv4" : "IPv6");
	p->t->family = family;
	return 0;
}

/* One address in buf: IPv4 or IPv6 (then *family says which). */
static int parse_one_addr(const char *buf, int *family, uint8_t out[16])
{
	memset(out, 0, 16);
	if (inet_pton(AF_INET, buf, out) == 1) {
		*family = AF_INET;
		return 0;
	}
	if (inet_pton(AF_INET6, buf, out) == 1) {
		*family = AF_INET6;
		return 0;
	}
	return -EINVAL;
}

/* "A", "A-B" or "A/PLEN" from text[off, off + len). */
static int parse_addr_range(struct parser *p, const struct tok *at, size_t off, size_t len,
			    struct template_addr *a)
{
	char buf[WORD_MAX], *dash, *slash;
	int fam2, bits;
	uint64_t plen;

	if (!tok_copy(p, off, len, buf, sizeof(buf)))
		return fail(p, at, "not an address");
	dash = strchr(buf, '-');
	slash = strchr(buf, '/');
	if (dash)
		*dash = '\0';
	if (slash)
		*slash = '\0';
	if (dash && slash)
		return fail(p, at, "an address range or a prefix, not both");
	if (parse_one_addr(buf, &a->family, a->lo))
		return fail(p, at, "not an IPv4 or IPv6 address");
	memcpy(a->hi, a->lo, 16);
	bits = a->family == AF_INET ? 32 : 128;
	if (dash) {
		if (parse_one_addr(dash + 1, &fam2, a->hi))
			return fail(p, at, "not an IPv4 or IPv6 address after the '-'");
		if (fam2 != a->family)
			return fail(p, at, "address family mismatch within the range");
		if (memcmp(a->lo, a->hi, 16) > 0)
			return fail(p, at, "address range runs backwards");
	}
	if (slash) {
		if (parse_u64_in(slash + 1, (uint64_t)bits, &plen))
			return fail(p, at, "prefix length must be 0 to %d", bits);
		for (int i = (int)plen; i < bits; i++) {
			a->lo[i / 8] &= (uint8_t)~(0x80u >> (i % 8));
			a->hi[i / 8] |= (uint8_t)(0x80u >> (i % 8));
		}
	}
	a->vary = memcmp(a->lo, a->hi, 16) ? TEMPLATE_INC : TEMPLATE_FIXED;
	return set_family(p, at, a->family);
}

/*
 * An endpoint: ADDR, ADDR:PORT, [IPV6]:PORT or a bare IPv6 address; ADDR may
 * be a range (A-B) or a prefix (A/N), PORT a range (N-M).
 */
static int parse_endpoint(struct parser *p, const struct tok *v, struct template_addr *a,
			  struct template_num *port)
{
	const char *w = p->text + v->off;
	size_t alen = v->len, aoff = v->off, colon = 0, ncolons = 0;
	int err;

	if (w[0] == '[') {
		const char *close = memchr(w, ']', v->len);

		if (!close)
			return fail(p, v, "'[' without ']'");
		aoff = v->off + 1;
		alen = (size_t)(close - w) - 1;
		if ((size_t)(close - w) + 1 < v->len) {
			if (close[1] != ':')
				return fail(p, v, "expected ':PORT' after ']'");
			colon = (size_t)(close - w) + 1;
		}
	} else {
		for (size_t i = 0; i < v->len; i++)
			if (w[i] == ':') {
				ncolons++;
				colon = i;
			}
		if (ncolons == 1)
			alen = colon;
		else
			colon = 0;	/* IPv6 without brackets: no port */
	}
	err = parse_addr_range(p, v, aoff, alen, a);
	if (err)
		return err;
	if (colon) {
		if (!port)
			return fail(p, v, "icmp has no ports");
		if (port->set)
			return fail(p, v, "port given twice");
		err = parse_range(p, v, v->off + colon + 1, v->len - colon - 1, 65535, "a port",
				  port);
		if (err)
			return err;
	}
	remember(p, &a->vary, a->vary != TEMPLATE_FIXED, port && colon ? &port->vary : NULL,
		 port && colon && port->vary != TEMPLATE_FIXED);
	return 0;
}

static int kw_addr(struct parser *p)
{
	bool is_src = tok_is(p, &p->kw, "src");
	struct template_addr *a = is_src ? &p->t->src : &p->t->dst;
	struct template_num *port = p->t->proto == TEMPLATE_ICMP ? NULL :
				    is_src ? &p->t->sport : &p->t->dport;
	struct tok v;
	int err;

	if (a->family)
		return fail(p, &p->kw, "%s given twice", is_src ? "src" : "dst");
	err = need_value(p, &v, "an address");
	if (err)
		return err;
	*(is_src ? &p->src_tok : &p->dst_tok) = v;
	return parse_endpoint(p, &v, a, port);
}

/* Keywords with a number or range: which field, its bound, and how to name it. */
static struct template_num *num_field(struct parser *p, uint64_t *max, const char **what)
{
	struct template *t = p->t;
	static const struct {
		const char *kw;
		size_t field;
		uint64_t max;
		const char *what;
	} fields[] = {
		{ "sport", offsetof(struct template, sport), 65535, "a port" },
		{ "dport", offsetof(struct template, dport), 65535, "a port" },
		{ "len", offsetof(struct template, len), TEMPLATE_MAX_FRAME, "a frame length" },
		{ "payload", offsetof(struct template, payload), TEMPLATE_MAX_FRAME,
		  "a payload length" },
		{ "ipid", offsetof(struct template, ipid), 65535, "an IP identification" },
		{ "seq", offsetof(struct template, seq), UINT32_MAX, "a sequence number" },
		{ "ackno", offsetof(struct template, ack), UINT32_MAX, "an acknowledgment number" },
		{ "id", offsetof(struct template, id), 65535, "an echo identifier" },
	};

	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		if (tok_is(p, &p->kw, fields[i].kw)) {
			*max = fields[i].max;
			*what = fields[i].what;
			return (struct template_num *)((char *)t + fields[i].field);
		}
	return NULL;
}

static int kw_num(struct parser *p)
{
	const char *what = NULL;
	uint64_t max = 0;
	struct template_num *n = num_field(p, &max, &what);
	struct tok v;
	int err;

	if (n->set)
		return fail(p, &p->kw, "%.*s given twice", (int)p->kw.len, p->text + p->kw.off);
	if (n == &p->t->seq && p->t->proto == TEMPLATE_ICMP)
		max = 65535;
	err = need_value(p, &v, what);
	if (!err)
		err = parse_range(p, &v, v.off, v.len, max, what, n);
	if (err)
		return err;
	if (n == &p->t->len || n == &p->t->payload) {
		if (p->t->len.set && p->t->payload.set)
			return fail(p, &p->kw, "len and payload exclude each other");
		p->len_tok = v;
	}
	if (n == &p->t->ipid)
		p->ipid_tok = p->kw;
	remember(p, &n->vary, n->vary != TEMPLATE_FIXED, NULL, false);
	return 0;
}

/* ttl, tos, win: one number each. */
static int kw_byte(struct parser *p)
{
	bool win = tok_is(p, &p->kw, "win");
	uint64_t max = win ? 65535 : 255, v;
	char buf[WORD_MAX];
	struct tok w;
	int err = need_value(p, &w, "a number");

	if (err)
		return err;
	if (!tok_copy(p, w.off, w.len, buf, sizeof(buf)) || parse_u64_in(buf, max, &v))
		return fail(p, &w, "not a number from 0 to %llu", (unsigned long long)max);
	if (win)
		p->t->win = (uint16_t)v;
	else if (tok_is(p, &p->kw, "ttl"))
		p->t->ttl = (uint8_t)v;
	else
		p->t->tos = (uint8_t)v;
	remember(p, NULL, false, NULL, false);
	return 0;
}

static int kw_fill(struct parser *p)
{
	struct template *t = p->t;
	struct tok v;
	const char *s;
	size_t n;
	int err = need_value(p, &v, "a pattern (hex bytes, zero or random)");

	if (err)
		return err;
	t->fill_len = 0;
	t->fill_random = false;
	remember(p, NULL, false, NULL, false);
	if (tok_is(p, &v, "zero"))
		return 0;
	if (tok_is(p, &v, "random")) {
		t->fill_random = true;
		return 0;
	}
	s = p->text + v.off;
	n = v.len;
	if (n > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		s += 2;
		n -= 2;
	}
	if (!n || n % 2 || n / 2 > TEMPLATE_FILL_MAX)
		return fail(p, &v, "fill takes 1 to %d bytes of hex (0xab, 0xdeadbeef), zero or "
			    "random", TEMPLATE_FILL_MAX);
	for (size_t i = 0; i < n; i += 2) {
		int hi = scan_hex_digit(s[i]), lo = scan_hex_digit(s[i + 1]);

		if (hi < 0 || lo < 0)
			return fail(p, &v, "not hex bytes");
		t->fill[i / 2] = (uint8_t)(hi << 4 | lo);
	}
	t->fill_len = (unsigned)(n / 2);
	return 0;
}

static int kw_flag(struct parser *p)
{
	static const struct {
		const char *name;
		uint8_t bit;
	} flags[] = {
		{ "fin", TEMPLATE_TCP_FIN }, { "syn", TEMPLATE_TCP_SYN },
		{ "rst", TEMPLATE_TCP_RST }, { "psh", TEMPLATE_TCP_PSH },
		{ "ack", TEMPLATE_TCP_ACK }, { "urg", TEMPLATE_TCP_URG },
		{ "ece", TEMPLATE_TCP_ECE }, { "cwr", TEMPLATE_TCP_CWR },
	};

	for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
		if (tok_is(p, &p->kw, flags[i].name))
			p->t->tcp_flags |= flags[i].bit;
	remember(p, NULL, false, NULL, false);
	return 0;
}

static int kw_echo(struct parser *p)
{
	p->t->echo_reply = tok_is(p, &p->kw, "echo-reply");
	remember(p, NULL, false, NULL, false);
	return 0;
}

/* inc, random: how the ranges of the value before vary. */
static int kw_vary(struct parser *p)
{
	enum template_vary v = tok_is(p, &p->kw, "random") ? TEMPLATE_RANDOM : TEMPLATE_INC;
	bool any = false;

	for (int i = 0; i < 2; i++)
		if (p->last_vary[i] && p->last_is_range[i]) {
			*p->last_vary[i] = v;
			any = true;
		}
	if (!any)
		return fail(p, &p->kw, "%.*s follows a range (1000-2000, 10.0.0.1-10.0.0.9), and "
			    "the value before it is not one", (int)p->kw.len, p->text + p->kw.off);
	remember(p, NULL, false, NULL, false);
	return 0;
}

static const struct keyword {
	const char *name;
	int (*fn)(struct parser *p);
	unsigned protos;
} keywords[] = {
	{ "src", kw_addr, P_ALL },	{ "dst", kw_addr, P_ALL },
	{ "sport", kw_num, P_UDP | P_TCP }, { "dport", kw_num, P_UDP | P_TCP },
	{ "len", kw_num, P_ALL },	{ "payload", kw_num, P_ALL },
	{ "fill", kw_fill, P_ALL },	{ "ttl", kw_byte, P_ALL },
	{ "tos", kw_byte, P_ALL },	{ "ipid", kw_num, P_ALL },
	{ "seq", kw_num, P_TCP | P_ICMP }, { "ackno", kw_num, P_TCP },
	{ "win", kw_byte, P_TCP },	{ "id", kw_num, P_ICMP },
	{ "fin", kw_flag, P_TCP },	{ "syn", kw_flag, P_TCP },
	{ "rst", kw_flag, P_TCP },	{ "psh", kw_flag, P_TCP },
	{ "ack", kw_flag, P_TCP },	{ "urg", kw_flag, P_TCP },
	{ "ece", kw_flag, P_TCP },	{ "cwr", kw_flag, P_TCP },
	{ "echo", kw_echo, P_ICMP },	{ "echo-reply", kw_echo, P_ICMP },
	{ "inc", kw_vary, P_ALL },	{ "random", kw_vary, P_ALL },
};

/* The words a template starts with. */
static const struct proto_word {
	const char *name;
	enum template_proto proto;
	bool icmp6;
} proto_words[] = {
	{ "udp", TEMPLATE_UDP, false },	  { "tcp", TEMPLATE_TCP, false },
	{ "icmp", TEMPLATE_ICMP, false }, { "icmpv6", TEMPLATE_ICMP, true },
	{ "icmp6", TEMPLATE_ICMP, true },
};

#define N_KEYWORDS (sizeof(keywords) / sizeof(keywords[0]))
#define N_PROTO_WORDS (sizeof(proto_words) / sizeof(proto_words[0]))

const char *template_proto_word(size_t i, enum template_proto *proto)
{
	if (i >= N_PROTO_WORDS)
		return NULL;
	*proto = proto_words[i].proto;
	return proto_words[i].name;
}

const char *template_keyword(size_t i, unsigned *protos, bool *takes_value)
{
	if (i >= N_KEYWORDS)
		return NULL;
	*protos = keywords[i].protos;
	/* Flags, echo kinds and inc/random stand alone; the rest are followed by their value. */
	*takes_value = keywords[i].fn != kw_flag && keywords[i].fn != kw_echo &&
		       keywords[i].fn != kw_vary;
	return keywords[i].name;
}

static const char *proto_name(enum template_proto proto)
{
	return proto == TEMPLATE_UDP ? "udp" : proto == TEMPLATE_TCP ? "tcp" : "icmp";
}

static int parse_proto(struct parser *p)
{
	struct tok *t = &p->proto_tok;

	if (!next_tok(p, t))
		return fail(p, NULL, "empty template (start with udp, tcp, icmp or icmpv6)");
	for (size_t i = 0; i < N_PROTO_WORDS; i++) {
		if (!tok_is(p, t, proto_words[i].name))
			continue;
		p->t->proto = proto_words[i].proto;
		p->icmp6 = proto_words[i].icmp6;
		if (p->icmp6)
			p->t->family = AF_INET6;
		return 0;
	}
	return fail(p, t, "unknown protocol (udp, tcp, icmp or icmpv6)");
}

unsigned template_header_len(const struct template *t)
{
	unsigned ip = t->family == AF_INET6 ? IPV6_HLEN : IPV4_HLEN;

	return ip + (t->proto == TEMPLATE_UDP ? UDP_HLEN :
		     t->proto == TEMPLATE_TCP ? TCP_HLEN : ICMP_HLEN);
}

/* Checks that need the whole template: the family, a destination, lengths that fit. */
static int check_whole(struct parser *p)
{
	struct template *t = p->t;
	unsigned hdr;

	if (!t->dst.family)
		return fail(p, NULL, "no destination (add dst ADDR)");
	if (t->family == AF_INET6 && t->ipid.set)
		return fail(p, &p->ipid_tok, "ipid: IPv6 has no identification field");
	hdr = t->link_len + template_header_len(t);
	if (t->len.set && t->len.lo < hdr)
		return fail(p, &p->len_tok, "len %llu is shorter than the %u bytes of headers",
			    (unsigned long long)t->len.lo, hdr);
	if (t->payload.set && t->payload.hi > TEMPLATE_MAX_FRAME - hdr)
		return fail(p, &p->len_tok, "payload over %u bytes makes frames over %u",
			    TEMPLATE_MAX_FRAME - hdr, TEMPLATE_MAX_FRAME);
	return 0;
}

int template_parse(struct template *t, const char *text, unsigned link_len,
		   struct template_error *e)
{
	struct parser p = { .text = text, .t = t, .e = e };
	int err;

	memset(t, 0, sizeof(*t));
	memset(e, 0, sizeof(*e));
	t->ttl = 64;
	t->win = 65535;
	t->link_len = link_len;
	err = parse_proto(&p);
	while (!err && next_tok(&p, &p.kw)) {
		const struct keyword *k = NULL;

		for (size_t i = 0; i < N_KEYWORDS; i++)
			if (tok_is(&p, &p.kw, keywords[i].name))
				k = &keywords[i];
		if (!k)
			return fail(&p, &p.kw, "unknown word (see sockeye-inject(8), TEMPLATES)");
		if (!(k->protos & (1u << t->proto)))
			return fail(&p, &p.kw, "%s does not apply to %s", k->name,
				    p.icmp6 ? "icmpv6" : proto_name(t->proto));
		err = k->fn(&p);
	}
	if (err)
		return err;
	/* Ports not given: from 1024 (the first unprivileged) to 9 (discard). */
	if (!t->sport.set)
		t->sport.lo = t->sport.hi = 1024;
	if (!t->dport.set)
		t->dport.lo = t->dport.hi = 9;
	return check_whole(&p);
}
