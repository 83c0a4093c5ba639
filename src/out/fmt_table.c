/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fmt_table.c: retained rows of typed cells, sortable by raw value. */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "out/fmt_table.h"

void fmt_cells_reset(struct fmt_cell *row, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(row[i].str);
		memset(&row[i], 0, sizeof(row[i]));
	}
}

void fmt_table_init(struct fmt_table *t, const struct fmt_view *v, unsigned groups)
{
	memset(t, 0, sizeof(*t));
	t->view = v;
	t->groups = groups;
}

int fmt_table_append(struct fmt_table *t, const struct fmt_cell *row)
{
	size_t n = t->view->ncols;
	struct fmt_cell *dst;

	if (t->nrows == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16;
		struct fmt_cell *cells = reallocarray(t->cells, cap * n, sizeof(*cells));

		if (!cells)
			return -ENOMEM;
		t->cells = cells;
		t->cap = cap;
	}
	dst = &t->cells[t->nrows * n];
	memcpy(dst, row, n * sizeof(*dst));
	for (size_t i = 0; i < n; i++) {
		if (row[i].str) {
			dst[i].str = strdup(row[i].str);
			if (!dst[i].str) {
				fmt_cells_reset(dst, i);
				return -ENOMEM;
			}
		}
	}
	t->nrows++;
	return 0;
}

const struct fmt_cell *fmt_table_row(const struct fmt_table *t, size_t i)
{
	return i < t->nrows ? &t->cells[i * t->view->ncols] : NULL;
}

/*
 * Address cells ("10.0.0.1:80", "[fe80::1%eth0]:22", "0.0.0.0:*", a bare
 * address) sort by value: IPv4 before IPv6, then the address, the interface
 * scope and the port, as numbers ("10.0.0.1:7000" before "10.0.0.1:47830").
 * Other text in such a column (UNIX paths and inodes, packet protocols) sorts
 * after the addresses, with digit runs compared as numbers.
 */
struct addr_key {
	uint8_t kind;		/* ADDR_V4, ADDR_V6, ADDR_OTHER */
	uint8_t addr[16];
	uint32_t port;		/* "*" and no port: 0 */
	const char *scope;	/* after '%', scope_len bytes; "" without one */
	size_t scope_len;
};
enum { ADDR_V4, ADDR_V6, ADDR_OTHER };

/* A port after an address: digits or "*"; the whole rest of the text. */
static bool parse_port(const char *p, uint32_t *port)
{
	uint32_t v = 0;

	if (!strcmp(p, "*")) {
		*port = 0;
		return true;
	}
	if (!*p)
		return false;
	for (; *p; p++) {
		if (*p < '0' || *p > '9' || v > 65535)
			return false;
		v = v * 10 + (uint32_t)(*p - '0');
	}
	*port = v;
	return v <= 65535;
}

/* The address in s[0..n), with an optional %scope, into k. */
static bool parse_host(const char *s, size_t n, int af, struct addr_key *k)
{
	char buf[INET6_ADDRSTRLEN];
	const char *pct = memchr(s, '%', n);
	size_t alen = pct ? (size_t)(pct - s) : n;

	if (!alen || alen >= sizeof(buf))
		return false;
	memcpy(buf, s, alen);
	buf[alen] = '\0';
	memset(k->addr, 0, sizeof(k->addr));
	if (inet_pton(af, buf, k->addr) != 1)
		return false;
	k->kind = af == AF_INET ? ADDR_V4 : ADDR_V6;
	k->scope = pct ? pct + 1 : "";
	k->scope_len = pct ? n - alen - 1 : 0;
	return true;
}

static void addr_key_of(const char *s, struct addr_key *k)
{
	const char *close, *colon, *pct;
	size_t hostlen;
	bool ok;

	k->port = 0;
	if (!s)
		s = "";
	pct = strchr(s, '%');
	hostlen = pct ? (size_t)(pct - s) : strlen(s);
	if (s[0] == '[') {
		/* "[v6%scope]:port" */
		close = strchr(s, ']');
		ok = close && close[1] == ':' &&
		     parse_host(s + 1, (size_t)(close - s - 1), AF_INET6, k) &&
		     parse_port(close + 2, &k->port);
	} else if (pct ? memchr(s, ':', hostlen) != NULL :
			 (colon = strchr(s, ':')) && strchr(colon + 1, ':')) {
		/* Colons in the address (two at least): a bare IPv6 one ("fe80::1%eth0"). */
		ok = parse_host(s, strlen(s), AF_INET6, k);
	} else if ((colon = strrchr(s, ':'))) {
		/* "v4%scope:port"; the last colon, as a scope may hold one (eth0:1). */
		ok = parse_host(s, (size_t)(colon - s), AF_INET, k) && parse_port(colon + 1, &k->port);
	} else {
		ok = parse_host(s, strlen(s), AF_INET, k);
	}
	if (!ok) {
		k->kind = ADDR_OTHER;
		k->scope = s;	/* the text, for the natural comparison */
		k->scope_len = strlen(s);
		k->port = 0;
	}
}

/* Text with digit runs compared by value ("*:9" before "*:10"), else bytewise. */
static int natural_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t i = 0, j = 0;

	while (i < alen && j < blen) {
		bool da = a[i] >= '0' && a[i] <= '9', db = b[j] >= '0' && b[j] <= '9';

		if (da && db) {
			size_t si, sj, ni, nj;
			int r;

			while (i < alen && a[i] == '0')
				i++;
			while (j < blen && b[j] == '0')
				j++;
			for (si = i; i < alen && a[i] >= '0' && a[i] <= '9'; i++)
				;
			for (sj = j; j < blen && b[j] >= '0' && b[j] <= '9'; j++)
				;
			ni = i - si;
			nj = j - sj;
			if (ni != nj)
				return ni < nj ? -1 : 1;
			r = memcmp(a + si, b + sj, ni);
			if (r)
				return r < 0 ? -1 : 1;
			continue;
		}
		if (a[i] != b[j])
			return (unsigned char)a[i] < (unsigned char)b[j] ? -1 : 1;
		i++;
		j++;
	}
	return (i < alen) - (j < blen);
}

static int addr_key_cmp(const struct addr_key *a, const struct addr_key *b)
{
	int r;

	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->kind == ADDR_OTHER)
		return natural_cmp(a->scope, a->scope_len, b->scope, b->scope_len);
	r = memcmp(a->addr, b->addr, a->kind == ADDR_V4 ? 4 : 16);
	if (r)
		return r < 0 ? -1 : 1;
	r = natural_cmp(a->scope, a->scope_len, b->scope, b->scope_len);
	if (r)
		return r;
	return (a->port > b->port) - (a->port < b->port);
}

static bool is_addr_type(enum fmt_type t)
{
	return t == FMT_IP || t == FMT_IPPORT;
}

int fmt_cell_cmp(const struct fmt_col *col, const struct fmt_cell *a, const struct fmt_cell *b)
{
	struct addr_key ka, kb;

	switch (col->type) {
	case FMT_S64:
		return (a->s > b->s) - (a->s < b->s);
	case FMT_DOUBLE:
	case FMT_PERCENT:
	case FMT_RATE:
		return (a->d > b->d) - (a->d < b->d);
	case FMT_BOOL:
		return (int)a->b - (int)b->b;
	case FMT_IP:
	case FMT_IPPORT:
		addr_key_of(a->str, &ka);
		addr_key_of(b->str, &kb);
		return addr_key_cmp(&ka, &kb);
	case FMT_STR:
	case FMT_MAC:
	case FMT_LINES:
		return strcmp(a->str ? a->str : "", b->str ? b->str : "");
	default:
		return (a->u > b->u) - (a->u < b->u);
	}
}

/*
 * Rows are compared as whole rows so the sort can keep equal keys in input
 * order.  Address keys are parsed once per row, not once per comparison.
 */
struct sort_item {
	size_t idx;
	const struct fmt_cell *row;
	struct addr_key key;
};

/* qsort has no context argument in C11: the sort key travels in these. */
static const struct fmt_col *sort_col;
static size_t sort_idx;
static bool sort_desc;

static int cmp_row(const void *pa, const void *pb)
{
	const struct sort_item *a = pa, *b = pb;
	const struct fmt_cell *ca = &a->row[sort_idx], *cb = &b->row[sort_idx];
	int r = 0;

	if (ca->set != cb->set)
		return ca->set ? -1 : 1;
	if (ca->set)
		r = is_addr_type(sort_col->type) ? addr_key_cmp(&a->key, &b->key) :
						   fmt_cell_cmp(sort_col, ca, cb);
	if (sort_desc)
		r = -r;
	if (!r)
		r = (a->idx > b->idx) - (a->idx < b->idx);
	return r;
}

int fmt_table_order(const struct fmt_table *t, size_t col, bool descending, size_t *order)
{
	size_t n = t->view->ncols;
	struct sort_item *items;

	for (size_t i = 0; i < t->nrows; i++)
		order[i] = i;
	if (col >= n || t->nrows < 2)
		return 0;
	items = calloc(t->nrows, sizeof(*items));
	if (!items)
		return -ENOMEM;
	sort_col = &t->view->cols[col];
	sort_idx = col;
	sort_desc = descending;
	for (size_t i = 0; i < t->nrows; i++) {
		items[i].idx = i;
		items[i].row = &t->cells[i * n];
		if (is_addr_type(sort_col->type) && items[i].row[col].set)
			addr_key_of(items[i].row[col].str, &items[i].key);
	}
	qsort(items, t->nrows, sizeof(*items), cmp_row);
	for (size_t i = 0; i < t->nrows; i++)
		order[i] = items[i].idx;
	free(items);
	return 0;
}

void fmt_table_sort(struct fmt_table *t, size_t col, bool descending)
{
	size_t n = t->view->ncols, *order;
	struct fmt_cell *sorted;

	if (col >= n || t->nrows < 2)
		return;
	order = calloc(t->nrows, sizeof(*order));
	sorted = reallocarray(NULL, t->nrows * n, sizeof(*sorted));
	if (!order || !sorted || fmt_table_order(t, col, descending, order))
		goto out;
	for (size_t i = 0; i < t->nrows; i++)
		memcpy(&sorted[i * n], &t->cells[order[i] * n], n * sizeof(*sorted));
	free(t->cells);
	t->cells = sorted;
	t->cap = t->nrows;
	sorted = NULL;
out:
	free(order);
	free(sorted);
}

void fmt_table_clear(struct fmt_table *t)
{
	if (t->cells)
		fmt_cells_reset(t->cells, t->nrows * t->view->ncols);
	t->nrows = 0;
}

int fmt_table_add_note(struct fmt_table *t, const char *line)
{
	char **notes = reallocarray(t->notes, t->nnotes + 1, sizeof(*notes));

	if (!notes)
		return -ENOMEM;
	t->notes = notes;
	notes[t->nnotes] = strdup(line);
	if (!notes[t->nnotes])
		return -ENOMEM;
	t->nnotes++;
	return 0;
}

void fmt_table_fini(struct fmt_table *t)
{
	fmt_table_clear(t);
	free(t->cells);
	t->cells = NULL;
	t->cap = 0;
	for (size_t i = 0; i < t->nnotes; i++)
		free(t->notes[i]);
	free(t->notes);
	t->notes = NULL;
	t->nnotes = 0;
}
