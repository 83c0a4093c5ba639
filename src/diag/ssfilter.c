/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ssfilter.c: tokenizer, recursive-descent parser and user-space evaluation of ss filters. */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fnmatch.h>
#include <netdb.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "diag/ssfilter.h"

/* Bounds on nesting (not, parentheses) and length keep every recursion over the tree shallow. */
#define MAX_DEPTH 64
#define MAX_TOKENS 4096

struct parser {
	char **tok;
	size_t ntok, pos;
	int depth;
	char *err;
	size_t errlen;
	int status;	/* first error: -EINVAL or -ENOMEM */
};

static void fail(struct parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void fail(struct parser *p, const char *fmt, ...)
{
	va_list ap;

	if (p->status)
		return;
	p->status = -EINVAL;
	va_start(ap, fmt);
	vsnprintf(p->err, p->errlen, fmt, ap);
	va_end(ap);
}

static void oom(struct parser *p)
{
	if (!p->status) {
		p->status = -ENOMEM;
		snprintf(p->err, p->errlen, "out of memory");
	}
}

static bool is_op_char(char c)
{
	return c == '=' || c == '!' || c == '<' || c == '>';
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

static int push_tok(struct parser *p, const char *s, size_t n, size_t *cap)
{
	char *t;

	if (p->ntok == MAX_TOKENS)
		return -E2BIG;
	if (p->ntok == *cap) {
		size_t ncap = *cap ? *cap * 2 : 16;
		char **nt = reallocarray(p->tok, ncap, sizeof(*nt));

		if (!nt)
			return -ENOMEM;
		p->tok = nt;
		*cap = ncap;
	}
	t = strndup(s, n);
	if (!t)
		return -ENOMEM;
	p->tok[p->ntok++] = t;
	return 0;
}

/* Splits each word at blanks; parentheses and runs of = ! < > are tokens of their own. */
static int tokenize(struct parser *p, int argc, char *const *argv)
{
	size_t cap = 0;
	int err;

	for (int i = 0; i < argc; i++) {
		const char *s = argv[i];

		while (*s) {
			size_t n = 0;

			if (is_space(*s)) {
				s++;
				continue;
			}
			if (*s == '(' || *s == ')')
				n = 1;
			else if (is_op_char(*s))
				while (is_op_char(s[n]))
					n++;
			else
				while (s[n] && !is_space(s[n]) && s[n] != '(' && s[n] != ')' &&
				       !is_op_char(s[n]))
					n++;
			err = push_tok(p, s, n, &cap);
			if (err)
				return err;
			s += n;
		}
	}
	return 0;
}

static const char *peek(const struct parser *p)
{
	return p->pos < p->ntok ? p->tok[p->pos] : NULL;
}

static bool is(const char *t, const char *const *words)
{
	if (!t)
		return false;
	for (; *words; words++)
		if (!strcmp(t, *words))
			return true;
	return false;
}

static const char *const w_or[] = { "or", "|", "||", NULL };
static const char *const w_and[] = { "and", "&", "&&", NULL };
static const char *const w_not[] = { "not", "!", NULL };
static const char *const w_eq[] = { "=", "==", "eq", NULL };
static const char *const w_ne[] = { "!=", "ne", "neq", NULL };
static const char *const w_ge[] = { ">=", "ge", "geq", NULL };
static const char *const w_le[] = { "<=", "le", "leq", NULL };
static const char *const w_gt[] = { ">", "gt", NULL };
static const char *const w_lt[] = { "<", "lt", NULL };

static struct ssf_node *node_new(struct parser *p, enum ssf_op op, struct ssf_node *a,
				 struct ssf_node *b)
{
	struct ssf_node *n = calloc(1, sizeof(*n));

	if (!n) {
		oom(p);
		return NULL;
	}
	n->op = op;
	n->a = a;
	n->b = b;
	n->host.port = -1;
	return n;
}

static void node_free(struct ssf_node *n)
{
	if (!n)
		return;
	node_free(n->a);
	node_free(n->b);
	free(n->host.pattern);
	free(n);
}

/* A port: 0-65535 or a service name from /etc/services; -1 when it is neither. */
static int parse_port(const char *s)
{
	struct servent *se;
	char *end;
	unsigned long v;

	if (*s >= '0' && *s <= '9') {
		errno = 0;
		v = strtoul(s, &end, 10);
		return errno || *end || v > 65535 ? -1 : (int)v;
	}
	se = *s ? getservbyname(s, "tcp") : NULL;
	if (!se)
		se = *s ? getservbyname(s, "udp") : NULL;
	return se ? ntohs((uint16_t)se->s_port) : -1;
}

/* "ADDR" or "ADDR/PREFIX" of family af ("*" is any address). */
static bool parse_addr(const char *s, int af, struct ssf_host *h)
{
	char buf[INET6_ADDRSTRLEN + 8], *slash, *end;
	unsigned long plen;
	unsigned max = af == AF_INET ? 32 : 128;

	if (!strcmp(s, "*")) {
		h->family = AF_UNSPEC;
		return true;
	}
	if (strlen(s) >= sizeof(buf))
		return false;
	strcpy(buf, s);
	slash = strchr(buf, '/');
	if (slash)
		*slash++ = '\0';
	if (inet_pton(af, buf, h->addr) != 1)
		return false;
	h->family = (uint8_t)af;
	h->prefix_len = (uint8_t)max;
	if (slash) {
		if (*slash < '0' || *slash > '9')
			return false;
		errno = 0;
		plen = strtoul(slash, &end, 10);
		if (errno || *end || plen > max)
			return false;
		h->prefix_len = (uint8_t)plen;
	}
	return true;
}

/*
 * HOST: [V6ADDR[/PREFIX]][:PORT], V6ADDR[/PREFIX], V4ADDR[/PREFIX][:PORT],
 * *[:PORT], :PORT; with port_only words (sport, dport) a bare PORT too.  A
 * word starting with / or @, or unix:PATTERN, is a UNIX path pattern.
 */
static bool parse_host(struct parser *p, const char *s, bool port_word, struct ssf_host *h)
{
	char buf[256], *colon = NULL;
	const char *addr;

	h->port = -1;
	if (!port_word && (s[0] == '/' || s[0] == '@' || !strncmp(s, "unix:", 5))) {
		h->family = AF_UNIX;
		h->pattern = strdup(strncmp(s, "unix:", 5) ? s : s + 5);
		if (!h->pattern)
			oom(p);
		return true;
	}
	if (strlen(s) >= sizeof(buf))
		return false;
	strcpy(buf, s);
	if (port_word && buf[0] != ':' && buf[0] != '[' && !strchr(buf, '.') &&
	    !strchr(buf, ':') && strcmp(buf, "*")) {
		h->port = parse_port(buf);
		return h->port >= 0;
	}
	if (buf[0] == '[') {
		char *close = strchr(buf, ']');

		if (!close || (close[1] && close[1] != ':'))
			return false;
		*close = '\0';
		if (close[1])
			colon = close + 1;
		addr = buf + 1;
	} else {
		/* Two colons make an IPv6 address, which needs brackets to carry a port. */
		colon = strchr(buf, ':');
		if (colon && strchr(colon + 1, ':'))
			colon = NULL;
		addr = buf;
	}
	if (colon) {
		*colon++ = '\0';
		if (strcmp(colon, "*")) {
			h->port = parse_port(colon);
			if (h->port < 0)
				return false;
		}
	}
	if (!*addr)
		return true;	/* ":PORT": any address */
	if (buf[0] == '[' || strchr(addr, ':'))
		return parse_addr(addr, AF_INET6, h);
	return parse_addr(addr, AF_INET, h);
}

/* Consumes one of the comparison words; *op is '=', '!', '>', '<', 'g' (>=) or 'l' (<=). */
static bool take_cmp(struct parser *p, char *op)
{
	const char *t = peek(p);

	if (is(t, w_eq))
		*op = '=';
	else if (is(t, w_ne))
		*op = '!';
	else if (is(t, w_ge))
		*op = 'g';
	else if (is(t, w_le))
		*op = 'l';
	else if (is(t, w_gt))
		*op = '>';
	else if (is(t, w_lt))
		*op = '<';
	else
		return false;
	p->pos++;
	return true;
}

static const char *take_value(struct parser *p, const char *word)
{
	const char *t = peek(p);

	if (!t || !strcmp(t, "(") || !strcmp(t, ")")) {
		fail(p, "%s: needs a value", word);
		return NULL;
	}
	p->pos++;
	return t;
}

static struct ssf_node *negate_if(struct parser *p, struct ssf_node *n, bool neg)
{
	struct ssf_node *m;

	if (!n || !neg)
		return n;
	m = node_new(p, SSF_NOT, n, NULL);
	if (!m)
		node_free(n);
	return m;
}

/* src/dst/sport/dport [OP] HOST */
static struct ssf_node *parse_addr_term(struct parser *p, const char *word)
{
	bool port_word = word[1] == 'p', src = word[0] == 's';
	struct ssf_node *n;
	const char *v;
	char op = '=';

	take_cmp(p, &op);
	v = take_value(p, word);
	if (!v)
		return NULL;
	if (!port_word && op != '=' && op != '!') {
		fail(p, "%s: only = and != compare addresses", word);
		return NULL;
	}
	n = node_new(p, SSF_SRC, NULL, NULL);
	if (!n)
		return NULL;
	if (!parse_host(p, v, port_word, &n->host)) {
		fail(p, "%s %s: not an address, prefix or port", word, v);
		node_free(n);
		return NULL;
	}
	if (n->host.family == AF_UNIX && !src) {
		fail(p, "%s %s: UNIX path patterns work with src only", word, v);
		node_free(n);
		return NULL;
	}
	if (op != '=' && op != '!' && n->host.port < 0) {
		fail(p, "%s %s: a range needs a port", word, v);
		node_free(n);
		return NULL;
	}
	switch (op) {
	case '=':
	case '!':
		n->op = src ? SSF_SRC : SSF_DST;
		break;
	case 'g':
	case '<':	/* port < N is not port >= N */
		n->op = src ? SSF_SPORT_GE : SSF_DPORT_GE;
		break;
	default:	/* 'l', and '>' as not <= */
		n->op = src ? SSF_SPORT_LE : SSF_DPORT_LE;
		break;
	}
	return negate_if(p, n, op == '!' || op == '<' || op == '>');
}

static bool parse_u32(const char *s, uint32_t *v)
{
	char *end;
	unsigned long long x;

	if (*s < '0' || *s > '9')
		return false;
	errno = 0;
	x = strtoull(s, &end, 0);
	if (errno || *end || x > UINT32_MAX)
		return false;
	*v = (uint32_t)x;
	return true;
}

static struct ssf_node *parse_dev(struct parser *p)
{
	struct ssf_node *n;
	const char *v;
	char op = '=';

	if (take_cmp(p, &op) && op != '=' && op != '!') {
		fail(p, "dev: only = and != compare devices");
		return NULL;
	}
	v = take_value(p, "dev");
	if (!v)
		return NULL;
	n = node_new(p, SSF_DEV, NULL, NULL);
	if (!n)
		return NULL;
	if (*v >= '0' && *v <= '9') {
		if (!parse_u32(v, &n->ifindex) || n->ifindex == SSF_IFINDEX_NONE) {
			fail(p, "dev %s: not an interface index", v);
			node_free(n);
			return NULL;
		}
	} else if (strlen(v) >= IF_NAMESIZE) {
		fail(p, "dev %s: interface name too long", v);
		node_free(n);
		return NULL;
	} else {
		strcpy(n->dev_name, v);
		n->ifindex = SSF_IFINDEX_NONE;
	}
	return negate_if(p, n, op == '!');
}

/* fwmark [OP] MARK[/MASK] */
static struct ssf_node *parse_mark(struct parser *p)
{
	char buf[64], *slash;
	struct ssf_node *n;
	const char *v;
	char op = '=';

	if (take_cmp(p, &op) && op != '=' && op != '!') {
		fail(p, "fwmark: only = and != compare marks");
		return NULL;
	}
	v = take_value(p, "fwmark");
	if (!v)
		return NULL;
	n = node_new(p, SSF_MARK, NULL, NULL);
	if (!n)
		return NULL;
	n->mask = UINT32_MAX;
	snprintf(buf, sizeof(buf), "%s", v);
	slash = strchr(buf, '/');
	if (slash)
		*slash++ = '\0';
	if (strlen(v) >= sizeof(buf) || !parse_u32(buf, &n->mark) ||
	    (slash && !parse_u32(slash, &n->mask))) {
		fail(p, "fwmark %s: not a MARK[/MASK]", v);
		node_free(n);
		return NULL;
	}
	n->mark &= n->mask;
	return negate_if(p, n, op == '!');
}

static struct ssf_node *parse_or(struct parser *p);

static struct ssf_node *parse_unary(struct parser *p)
{
	const char *t = peek(p);
	struct ssf_node *n;

	if (!t) {
		fail(p, "filter ends too early");
		return NULL;
	}
	if (++p->depth > MAX_DEPTH) {
		fail(p, "filter nests too deeply");
		return NULL;
	}
	p->pos++;
	if (is(t, w_not)) {
		n = parse_unary(p);
		n = n ? negate_if(p, n, true) : NULL;
	} else if (!strcmp(t, "(")) {
		n = parse_or(p);
		if (n && !(peek(p) && !strcmp(peek(p), ")"))) {
			fail(p, "(: no closing parenthesis");
			node_free(n);
			n = NULL;
		}
		p->pos++;
	} else if (!strcmp(t, "src") || !strcmp(t, "dst") || !strcmp(t, "sport") ||
		   !strcmp(t, "dport")) {
		n = parse_addr_term(p, t);
	} else if (!strcmp(t, "dev")) {
		n = parse_dev(p);
	} else if (!strcmp(t, "fwmark")) {
		n = parse_mark(p);
	} else if (!strcmp(t, "autobound")) {
		n = node_new(p, SSF_AUTOBOUND, NULL, NULL);
	} else if (!strcmp(t, "state") || !strcmp(t, "exclude")) {
		fail(p, "%s: state words come before the expression", t);
		n = NULL;
	} else {
		fail(p, "%s: unknown filter word", t);
		n = NULL;
	}
	p->depth--;
	return n;
}

/* A token that can start an operand: the and between two operands may be left out. */
static bool starts_operand(const char *t)
{
	return t && strcmp(t, ")") && !is(t, w_or) && !is(t, w_and);
}

static struct ssf_node *parse_and(struct parser *p)
{
	struct ssf_node *n = parse_unary(p);

	while (n) {
		struct ssf_node *b, *m;

		if (is(peek(p), w_and))
			p->pos++;
		else if (!starts_operand(peek(p)))
			break;
		b = parse_unary(p);
		m = b ? node_new(p, SSF_AND, n, b) : NULL;
		if (!m) {
			node_free(n);
			node_free(b);
			return NULL;
		}
		n = m;
	}
	return n;
}

static struct ssf_node *parse_or(struct parser *p)
{
	struct ssf_node *n = parse_and(p);

	while (n && is(peek(p), w_or)) {
		struct ssf_node *b, *m;

		p->pos++;
		b = parse_and(p);
		m = b ? node_new(p, SSF_OR, n, b) : NULL;
		if (!m) {
			node_free(n);
			node_free(b);
			return NULL;
		}
		n = m;
	}
	return n;
}

static const struct {
	const char *name;
	uint32_t states;
} state_words[] = {
#define S(x) (1u << SOCK_ST_##x)
	{ "established", S(ESTABLISHED) },
	{ "syn-sent", S(SYN_SENT) },
	{ "syn-recv", S(SYN_RECV) | S(NEW_SYN_RECV) },
	{ "fin-wait-1", S(FIN_WAIT1) },
	{ "fin-wait-2", S(FIN_WAIT2) },
	{ "time-wait", S(TIME_WAIT) },
	{ "closed", S(CLOSE) },
	{ "close-wait", S(CLOSE_WAIT) },
	{ "last-ack", S(LAST_ACK) },
	{ "listening", S(LISTEN) },
	{ "listen", S(LISTEN) },
	{ "closing", S(CLOSING) },
	{ "all", SOCK_STATES_ALL },
	{ "connected", SOCK_STATES_ALL & ~(S(LISTEN) | S(CLOSE)) },
	{ "synchronized", SOCK_STATES_ALL & ~(S(LISTEN) | S(CLOSE) | S(SYN_SENT)) },
	{ "bucket", S(SYN_RECV) | S(NEW_SYN_RECV) | S(TIME_WAIT) },
	{ "big", SOCK_STATES_ALL & ~(S(SYN_RECV) | S(NEW_SYN_RECV) | S(TIME_WAIT)) },
#undef S
};

/* state NAME / exclude NAME, before the expression as in ss. */
static int parse_states(struct parser *p, struct ssfilter *f)
{
	while (peek(p) && (!strcmp(peek(p), "state") || !strcmp(peek(p), "exclude"))) {
		bool excl = !strcmp(peek(p), "exclude");
		const char *name;
		size_t i;

		p->pos++;
		name = take_value(p, excl ? "exclude" : "state");
		if (!name)
			return p->status;
		for (i = 0; i < sizeof(state_words) / sizeof(state_words[0]); i++)
			if (!strcmp(state_words[i].name, name))
				break;
		if (i == sizeof(state_words) / sizeof(state_words[0])) {
			fail(p, "%s: unknown state", name);
			return p->status;
		}
		/* exclude first starts from every state; state first from none. */
		if (!f->has_states)
			f->states = excl ? SOCK_STATES_ALL : 0;
		f->has_states = true;
		if (excl)
			f->states &= ~state_words[i].states;
		else
			f->states |= state_words[i].states;
	}
	return 0;
}

int ssfilter_parse(int argc, char *const *argv, struct ssfilter *f, char *why, size_t whylen)
{
	struct parser p = { .err = why, .errlen = whylen };
	int err;

	memset(f, 0, sizeof(*f));
	if (whylen)
		why[0] = '\0';
	err = tokenize(&p, argc, argv);
	if (err == -E2BIG)
		fail(&p, "filter too long (more than %d words)", MAX_TOKENS);
	else if (err)
		oom(&p);
	if (err)
		goto out;
	if (parse_states(&p, f))
		goto out;
	if (p.pos < p.ntok) {
		f->expr = parse_or(&p);
		if (f->expr && p.pos < p.ntok)
			fail(&p, "%s: unexpected here", p.tok[p.pos]);
	}
out:
	for (size_t i = 0; i < p.ntok; i++)
		free(p.tok[i]);
	free(p.tok);
	if (p.status)
		ssfilter_free(f);
	return p.status;
}

void ssfilter_free(struct ssfilter *f)
{
	node_free(f->expr);
	memset(f, 0, sizeof(*f));
}

static const char *resolve(struct ssf_node *n, unsigned (*lookup)(const char *, void *),
			   void *arg)
{
	const char *bad = NULL, *b;

	if (!n)
		return NULL;
	if (n->op == SSF_DEV && n->dev_name[0]) {
		unsigned idx = lookup(n->dev_name, arg);

		n->ifindex = idx ? idx : SSF_IFINDEX_NONE;
		if (!idx)
			bad = n->dev_name;
	}
	b = resolve(n->a, lookup, arg);
	bad = bad ? bad : b;
	b = resolve(n->b, lookup, arg);
	return bad ? bad : b;
}

const char *ssfilter_resolve(struct ssfilter *f, unsigned (*lookup)(const char *name, void *arg),
			     void *arg)
{
	return resolve(f->expr, lookup, arg);
}

bool ssfilter_uses_mark(const struct ssf_node *n)
{
	return n && (n->op == SSF_MARK || ssfilter_uses_mark(n->a) || ssfilter_uses_mark(n->b));
}

bool ssfilter_uses_autobound(const struct ssf_node *n)
{
	return n && (n->op == SSF_AUTOBOUND || ssfilter_uses_autobound(n->a) ||
		     ssfilter_uses_autobound(n->b));
}

/* The first bits of a and b agree (the kernel's bitstring_match). */
static bool prefix_match(const uint8_t *a, const uint8_t *b, unsigned bits)
{
	unsigned bytes = bits / 8, rest = bits % 8;
	uint8_t mask;

	if (memcmp(a, b, bytes))
		return false;
	if (!rest)
		return true;
	mask = (uint8_t)(0xff << (8 - rest));
	return !((a[bytes] ^ b[bytes]) & mask);
}

static bool is_inet(const struct sock_rec *r)
{
	return r->family == AF_INET || r->family == AF_INET6;
}

static bool host_match(const struct ssf_host *h, const struct sock_rec *r, bool src)
{
	static const uint8_t v4mapped[12] = { [10] = 0xff, [11] = 0xff };
	const uint8_t *addr = src ? r->src : r->dst;

	if (h->family == AF_UNIX) {
		char path[109];
		size_t n = r->path_len < sizeof(path) - 1 ? r->path_len : sizeof(path) - 1;

		if (r->family != AF_UNIX || !r->path || !n)
			return false;
		memcpy(path, r->path, n);
		path[n] = '\0';
		/* Abstract names start with NUL; they are written @name. */
		if (!path[0])
			path[0] = '@';
		return !fnmatch(h->pattern, path, 0);
	}
	if (!is_inet(r))
		return h->family == AF_UNSPEC && h->port < 0;
	if (h->port >= 0 && h->port != (src ? r->sport : r->dport))
		return false;
	if (h->family == AF_UNSPEC)
		return true;
	if (h->family != r->family) {
		/* An IPv4 condition also matches an IPv4-mapped IPv6 address, as in the kernel. */
		return h->family == AF_INET && !memcmp(addr, v4mapped, 12) &&
		       prefix_match(addr + 12, h->addr, h->prefix_len);
	}
	return prefix_match(addr, h->addr, h->prefix_len);
}

/*
 * ss's user-space autobound: an inet port in the ephemeral range, a UNIX
 * socket without a name or with the kernel's autobind name (NUL and five hex
 * digits), a packet socket bound to no interface.
 */
static bool is_autobound(const struct sock_rec *r, const struct ssf_env *env)
{
	if (r->family == AF_UNIX) {
		if (!r->path || !r->path_len)
			return true;
		if (r->path_len != 6 || r->path[0])
			return false;
		for (size_t i = 1; i < 6; i++)
			if (!r->path[i] || !strchr("0123456789abcdef", r->path[i]))
				return false;
		return true;
	}
	if (r->family == AF_PACKET)
		return !r->ifindex;
	return is_inet(r) && env && r->sport >= env->port_lo && r->sport <= env->port_hi;
}

bool ssfilter_match(const struct ssf_node *n, const struct sock_rec *r, const struct ssf_env *env)
{
	if (!n)
		return true;
	switch (n->op) {
	case SSF_AND:
		return ssfilter_match(n->a, r, env) && ssfilter_match(n->b, r, env);
	case SSF_OR:
		return ssfilter_match(n->a, r, env) || ssfilter_match(n->b, r, env);
	case SSF_NOT:
		return !ssfilter_match(n->a, r, env);
	case SSF_SRC:
		return host_match(&n->host, r, true);
	case SSF_DST:
		return host_match(&n->host, r, false);
	case SSF_SPORT_GE:
		return is_inet(r) && r->sport >= n->host.port;
	case SSF_SPORT_LE:
		return is_inet(r) && r->sport <= n->host.port;
	case SSF_DPORT_GE:
		return is_inet(r) && r->dport >= n->host.port;
	case SSF_DPORT_LE:
		return is_inet(r) && r->dport <= n->host.port;
	case SSF_DEV:
		return r->ifindex == n->ifindex;
	case SSF_MARK:
		return ((r->has_mark ? r->mark : 0) & n->mask) == n->mark;
	case SSF_AUTOBOUND:
		return is_autobound(r, env);
	}
	return false;
}
