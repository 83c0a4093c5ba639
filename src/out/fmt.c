/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fmt.c: the formatter front end: builds typed rows and hands them to one renderer. */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "out/fmt_impl.h"

struct fmt *fmt_new(enum fmt_mode mode, FILE *out, const struct fmt_opts *opts)
{
	struct fmt *f = calloc(1, sizeof(*f));

	if (!f)
		return NULL;
	f->mode = mode;
	f->out = out;
	if (opts)
		f->opts = *opts;
	switch (mode) {
	case FMT_TEXT:
		f->ops = &fmt_text_ops;
		break;
	case FMT_JSON:
		f->ops = &fmt_json_ops;
		break;
	case FMT_TUI:
		f->ops = &fmt_tui_ops;
		break;
	}
	if (f->ops->init) {
		int err = f->ops->init(f);

		if (err) {
			free(f);
			errno = -err;
			return NULL;
		}
	}
	return f;
}

void fmt_free(struct fmt *f)
{
	if (!f)
		return;
	fmt_sort_free(f);
	if (f->ops->fini)
		f->ops->fini(f);
	free(f->row);
	free(f->strbuf);
	free(f);
}

enum fmt_mode fmt_mode(const struct fmt *f)
{
	return f->mode;
}

void fmt_doc_begin(struct fmt *f, const char *type)
{
	f->in_doc = true;
	f->ops->doc_begin(f, type);
}

void fmt_doc_end(struct fmt *f)
{
	f->ops->doc_end(f);
	f->in_doc = false;
}

void fmt_doc_u64(struct fmt *f, const char *key, uint64_t v)
{
	if (f->ops->doc_u64)
		f->ops->doc_u64(f, key, v);
}

void fmt_doc_str(struct fmt *f, const char *key, const char *s)
{
	if (f->ops->doc_str)
		f->ops->doc_str(f, key, s);
}

void fmt_table_begin(struct fmt *f, const struct fmt_view *v, unsigned groups)
{
	if (v->ncols > f->row_cap) {
		struct fmt_cell *row = realloc(f->row, v->ncols * sizeof(*row));

		if (!row) {
			fmt_set_err(f, -ENOMEM);
			return;
		}
		memset(row + f->row_cap, 0, (v->ncols - f->row_cap) * sizeof(*row));
		f->row = row;
		f->row_cap = v->ncols;
	}
	f->view = v;
	if (f->mode == FMT_JSON)
		f->groups = (groups | FMT_GROUP_DETAIL) & ~FMT_GROUP_TEXT;
	else
		f->groups = groups | FMT_GROUP_TEXT;
	f->ops->table_begin(f);
	if (fmt_sort_applies(f, v))
		fmt_sort_begin(f);
}

/* Forgets the row's cells; their strings belong to strbuf, which is simply reused. */
static void row_clear(struct fmt *f)
{
	if (f->row)
		memset(f->row, 0, f->row_cap * sizeof(*f->row));
	f->strbuf_len = 0;
}

void fmt_row_begin(struct fmt *f)
{
	row_clear(f);
}

/* Makes room for n more bytes in strbuf, moving the row's string pointers along. */
static int strbuf_reserve(struct fmt *f, size_t n)
{
	size_t cap = f->strbuf_cap ? f->strbuf_cap : 1024;
	size_t *offs;
	char *buf;

	if (f->strbuf_len + n <= f->strbuf_cap)
		return 0;
	while (cap < f->strbuf_len + n)
		cap *= 2;
	offs = calloc(f->row_cap ? f->row_cap : 1, sizeof(*offs));
	if (!offs)
		return -ENOMEM;
	for (size_t i = 0; i < f->row_cap; i++)
		if (f->row[i].str)
			offs[i] = (size_t)(f->row[i].str - f->strbuf);
	buf = realloc(f->strbuf, cap);
	if (buf) {
		for (size_t i = 0; i < f->row_cap; i++)
			if (f->row[i].str)
				f->row[i].str = buf + offs[i];
		f->strbuf = buf;
		f->strbuf_cap = cap;
	}
	free(offs);
	return buf ? 0 : -ENOMEM;
}

/* The cell col of the row being built, or NULL when col is out of the view. */
static struct fmt_cell *cell_at(struct fmt *f, size_t col)
{
	if (!f->view || col >= f->view->ncols || col >= f->row_cap)
		return NULL;
	return &f->row[col];
}

void fmt_u64(struct fmt *f, size_t col, uint64_t v)
{
	struct fmt_cell *c = cell_at(f, col);

	if (c) {
		c->u = v;
		c->set = true;
	}
}

void fmt_s64(struct fmt *f, size_t col, int64_t v)
{
	struct fmt_cell *c = cell_at(f, col);

	if (c) {
		c->s = v;
		c->set = true;
	}
}

void fmt_double(struct fmt *f, size_t col, double v)
{
	struct fmt_cell *c = cell_at(f, col);

	if (c) {
		c->d = v;
		c->set = true;
	}
}

void fmt_bool(struct fmt *f, size_t col, bool v)
{
	struct fmt_cell *c = cell_at(f, col);

	if (c) {
		c->b = v;
		c->set = true;
	}
}

void fmt_str(struct fmt *f, size_t col, const char *s)
{
	struct fmt_cell *c = cell_at(f, col);
	size_t n;

	if (!c || !s)
		return;
	n = strlen(s) + 1;
	/* A cell set twice keeps only its last value; the first copy just stays unused. */
	c->str = NULL;
	c->set = false;
	if (strbuf_reserve(f, n)) {
		fmt_set_err(f, -ENOMEM);
		return;
	}
	c->str = memcpy(f->strbuf + f->strbuf_len, s, n);
	f->strbuf_len += n;
	c->set = true;
}

void fmt_ip(struct fmt *f, size_t col, int af, const void *addr, int port)
{
	char ip[INET6_ADDRSTRLEN], buf[INET6_ADDRSTRLEN + 8];

	if (!inet_ntop(af, addr, ip, sizeof(ip)))
		return;
	if (port < 0)
		fmt_str(f, col, ip);
	else {
		snprintf(buf, sizeof(buf), af == AF_INET6 ? "[%s]:%d" : "%s:%d", ip, port);
		fmt_str(f, col, buf);
	}
}

void fmt_mac(struct fmt *f, size_t col, const uint8_t mac[6])
{
	char buf[18];

	snprintf(buf, sizeof(buf), "%02x:%02x:%02x:%02x:%02x:%02x",
		 mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
	fmt_str(f, col, buf);
}

void fmt_mark(struct fmt *f, size_t col)
{
	struct fmt_cell *c = cell_at(f, col);

	if (c)
		c->mark = true;
}

void fmt_row_end(struct fmt *f)
{
	if (!f->view)
		return;
	if (f->sort)
		fmt_sort_row(f, NULL, NULL);
	else
		f->ops->row(f, f->row);
	row_clear(f);
}

void fmt_row_end_details(struct fmt *f, fmt_details_fn fn, const void *ctx)
{
	if (!f->view)
		return;
	if (f->sort)
		fmt_sort_row(f, fn, ctx);
	else if (f->ops->row_details && fn)
		f->ops->row_details(f, f->row, fn, ctx);
	else
		f->ops->row(f, f->row);
	row_clear(f);
}

void fmt_note(struct fmt *f, const char *line)
{
	if (f->view && f->ops->note)
		f->ops->note(f, line);
}

void fmt_table_end(struct fmt *f)
{
	if (!f->view)
		return;
	fmt_sort_end(f);
	f->ops->table_end(f);
	f->view = NULL;
}

int fmt_flush(struct fmt *f)
{
	if (f->out && fflush(f->out) == EOF)
		fmt_set_err(f, errno ? -errno : -EIO);
	if (f->out && ferror(f->out))
		fmt_set_err(f, -EIO);
	return f->err;
}

int fmt_error(struct fmt *f)
{
	/* Right after the failed write errno still says why: EPIPE and ENOSPC call for different ends. */
	if (!f->err && f->out && ferror(f->out))
		fmt_set_err(f, errno > 0 ? -errno : -EIO);
	return f->err;
}

bool fmt_is_shown(const struct fmt *f, size_t col)
{
	return f->view && col < f->view->ncols &&
	       fmt_col_is_visible(&f->view->cols[col], f->groups);
}
