/* SPDX-License-Identifier: GPL-2.0-or-later */
/* prom.c: the Prometheus text exposition and OpenMetrics writers: escaping, suffixes, HELP/TYPE. */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cmd/exporter/prom.h"

void prom_init(struct prom *p, bool openmetrics)
{
	memset(p, 0, sizeof(*p));
	p->openmetrics = openmetrics;
}

void prom_free(struct prom *p)
{
	free(p->buf);
	free(p->fams);
	memset(p, 0, sizeof(*p));
}

static bool reserve(struct prom *p, size_t more)
{
	size_t cap;
	char *nb;

	if (p->oom)
		return false;
	if (p->len + more + 1 <= p->cap)
		return true;
	cap = p->cap ? p->cap : 16384;
	while (cap < p->len + more + 1)
		cap *= 2;
	nb = realloc(p->buf, cap);
	if (!nb) {
		p->oom = true;
		return false;
	}
	p->buf = nb;
	p->cap = cap;
	return true;
}

static void put(struct prom *p, const char *s, size_t n)
{
	if (!reserve(p, n))
		return;
	memcpy(p->buf + p->len, s, n);
	p->len += n;
	p->buf[p->len] = '\0';
}

static void puts_(struct prom *p, const char *s)
{
	put(p, s, strlen(s));
}

static void __attribute__((format(printf, 2, 3))) putf(struct prom *p, const char *fmt, ...)
{
	char tmp[128];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n > 0)
		put(p, tmp, (size_t)n < sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
}

/* Label values escape backslash, double quote and newline (both formats). */
static void put_label_value(struct prom *p, const char *v)
{
	for (; *v; v++) {
		if (*v == '\\')
			puts_(p, "\\\\");
		else if (*v == '"')
			puts_(p, "\\\"");
		else if (*v == '\n')
			puts_(p, "\\n");
		else
			put(p, v, 1);
	}
}

static const char *type_name(enum prom_type t)
{
	return t == PROM_COUNTER ? "counter" : t == PROM_GAUGE ? "gauge" : "histogram";
}

/* Records where a family starts (its HELP line at head, its samples from body). */
static void note_family(struct prom *p, size_t head, size_t body)
{
	if (p->oom)
		return;
	if (p->nfams == p->fams_cap) {
		unsigned cap = p->fams_cap ? p->fams_cap * 2 : 32;
		struct prom_fam *f = reallocarray(p->fams, cap, sizeof(*f));

		if (!f) {
			p->oom = true;
			return;
		}
		p->fams = f;
		p->fams_cap = cap;
	}
	p->fams[p->nfams++] = (struct prom_fam){ .head = head, .body = body };
}

void prom_family(struct prom *p, const char *name, enum prom_type type, const char *help)
{
	const char *total = type == PROM_COUNTER && !p->openmetrics ? "_total" : "";
	size_t head = p->len;

	p->family = name;
	p->type = type;
	/* HELP text escapes backslash and newline; the texts here have neither. */
	putf(p, "# HELP %s%s ", name, total);
	puts_(p, help);
	putf(p, "\n# TYPE %s%s %s\n", name, total, type_name(type));
	note_family(p, head, p->len);
}

static void sample_head(struct prom *p, const char *suffix, const char *const *labels,
			unsigned nlabels)
{
	puts_(p, p->family);
	if (suffix)
		puts_(p, suffix);
	else if (p->type == PROM_COUNTER)
		puts_(p, "_total");
	if (nlabels || p->tag[0]) {
		put(p, "{", 1);
		for (unsigned i = 0; i < nlabels; i++) {
			if (i)
				put(p, ",", 1);
			puts_(p, labels[2 * i]);
			put(p, "=\"", 2);
			put_label_value(p, labels[2 * i + 1]);
			put(p, "\"", 1);
		}
		if (p->tag[0]) {
			if (nlabels)
				put(p, ",", 1);
			puts_(p, p->tag[0]);
			put(p, "=\"", 2);
			put_label_value(p, p->tag[1]);
			put(p, "\"", 1);
		}
		put(p, "}", 1);
	}
	put(p, " ", 1);
}

void prom_sample(struct prom *p, const char *suffix, const char *const *labels,
		 unsigned nlabels, double value)
{
	sample_head(p, suffix, labels, nlabels);
	if (isinf(value))
		puts_(p, value > 0 ? "+Inf" : "-Inf");
	else if (isnan(value))
		puts_(p, "NaN");
	else
		putf(p, "%.15g", value);	/* ns over years of seconds */
	put(p, "\n", 1);
}

void prom_sample_u64(struct prom *p, const char *suffix, const char *const *labels,
		     unsigned nlabels, uint64_t value)
{
	sample_head(p, suffix, labels, nlabels);
	putf(p, "%" PRIu64 "\n", value);
}

void prom_append(struct prom *dst, const struct prom *src)
{
	size_t at = dst->len;

	if (src->oom) {
		dst->oom = true;
		return;
	}
	if (src->len)
		put(dst, src->buf, src->len);
	for (unsigned f = 0; f < src->nfams; f++)
		note_family(dst, at + src->fams[f].head, at + src->fams[f].body);
}

/* The family's name as its HELP line gives it (no NUL: n bytes). */
static const char *fam_name(const struct prom *p, unsigned f, size_t *n)
{
	const char *s = p->buf + p->fams[f].head + sizeof("# HELP ") - 1;

	*n = strcspn(s, " ");
	return s;
}

static size_t fam_end(const struct prom *p, unsigned f)
{
	return f + 1 < p->nfams ? p->fams[f + 1].head : p->len;
}

/*
 * The index of the family named name in p, or -1.  Namespaces run the same
 * collector, so the family is nearly always at hint: looked at first.
 */
static int fam_find(const struct prom *p, const char *name, size_t n, unsigned hint)
{
	size_t m;
	const char *s;

	if (hint < p->nfams) {
		s = fam_name(p, hint, &m);
		if (m == n && !memcmp(s, name, n))
			return (int)hint;
	}
	for (unsigned f = 0; f < p->nfams; f++) {
		s = fam_name(p, f, &m);
		if (m == n && !memcmp(s, name, n))
			return (int)f;
	}
	return -1;
}

void prom_merge(struct prom *dst, struct prom *const *src, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		if (src[i]->oom) {
			dst->oom = true;
			return;
		}
	for (unsigned i = 0; i < n; i++) {
		for (unsigned f = 0; f < src[i]->nfams; f++) {
			const struct prom_fam *fam = &src[i]->fams[f];
			size_t nlen, at = dst->len;
			const char *name = fam_name(src[i], f, &nlen);
			bool written = false;

			/* Written already with an earlier source's samples. */
			for (unsigned j = 0; j < i && !written; j++)
				written = fam_find(src[j], name, nlen, f) >= 0;
			if (written)
				continue;
			put(dst, src[i]->buf + fam->head, fam->body - fam->head);
			note_family(dst, at, dst->len);
			put(dst, src[i]->buf + fam->body, fam_end(src[i], f) - fam->body);
			for (unsigned j = i + 1; j < n; j++) {
				int g = fam_find(src[j], name, nlen, f);

				if (g >= 0)
					put(dst, src[j]->buf + src[j]->fams[g].body,
					    fam_end(src[j], (unsigned)g) - src[j]->fams[g].body);
			}
		}
	}
}

int prom_end(struct prom *p)
{
	if (p->openmetrics)
		puts_(p, "# EOF\n");
	if (!p->buf)
		reserve(p, 0);
	return p->oom ? -ENOMEM : 0;
}

const char *prom_content_type(const struct prom *p)
{
	return p->openmetrics ? "application/openmetrics-text; version=1.0.0; charset=utf-8"
			      : "text/plain; version=0.0.4; charset=utf-8";
}

/* The q of one media range's parameters (";q=0.5"), 1 when absent. */
static double range_q(const char *params, size_t n)
{
	const char *q;

	for (q = params; q && q < params + n; q = memchr(q, ';', (size_t)(params + n - q))) {
		q++;
		while (q < params + n && (*q == ' ' || *q == '\t'))
			q++;
		if (params + n - q > 2 && (q[0] == 'q' || q[0] == 'Q') && q[1] == '=')
			return strtod(q + 2, NULL);
	}
	return 1.0;
}

bool prom_accepts_openmetrics(const char *accept)
{
	static const char om[] = "application/openmetrics-text";
	static const char text[] = "text/plain";
	double q_om = -1, q_text = -1;
	const char *s = accept;

	while (s && *s) {
		const char *end = strchr(s, ',');
		size_t n = end ? (size_t)(end - s) : strlen(s);
		const char *semi;
		size_t tn;

		while (n && (*s == ' ' || *s == '\t'))
			s++, n--;
		semi = memchr(s, ';', n);
		tn = semi ? (size_t)(semi - s) : n;
		while (tn && (s[tn - 1] == ' ' || s[tn - 1] == '\t'))
			tn--;
		if (tn == sizeof(om) - 1 && !strncasecmp(s, om, tn))
			q_om = range_q(semi, semi ? (size_t)(s + n - semi) : 0);
		else if (tn == sizeof(text) - 1 && !strncasecmp(s, text, tn))
			q_text = range_q(semi, semi ? (size_t)(s + n - semi) : 0);
		s = end ? end + 1 : NULL;
	}
	return q_om > 0 && q_om >= q_text;
}
