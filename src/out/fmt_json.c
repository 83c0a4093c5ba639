/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fmt_json.c: the JSON renderer: one object per document, one NDJSON line per streaming record. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>

#include "out/fmt_impl.h"
#include "out/json_writer.h"

struct json_state {
	struct json_writer w;
	bool doc_open;		/* a document object is open (fmt_doc_begin, or a lone table's own) */
	bool own_doc;		/* the current table opened the document itself */
	bool stream;		/* the current table writes each row as its own line */
	bool single_done;	/* a single view wrote its row */
};

/* Surfaces the writer's first error through fmt_flush. */
static void sync_err(struct fmt *f)
{
	struct json_state *st = f->priv;

	if (json_writer_err(&st->w))
		fmt_set_err(f, json_writer_err(&st->w));
}

static void doc_open(struct json_state *st, const char *type)
{
	json_writer_object_begin(&st->w);
	if (type) {
		json_writer_key(&st->w, "type");
		json_writer_string(&st->w, type);
	}
	st->doc_open = true;
}

static void doc_close(struct fmt *f)
{
	struct json_state *st = f->priv;

	json_writer_object_end(&st->w);
	json_writer_newline(&st->w);
	st->doc_open = false;
	sync_err(f);
}

/* The details handle is the writer itself, positioned inside the row's object. */
struct fmt_details {
	struct json_writer w;
};

/*
 * One row as an object: a key per visible column, raw values, unset cells
 * null, then the row's details when there are any.
 */
static void write_row(struct fmt *f, const struct fmt_cell *cells, const char *type,
		      fmt_details_fn fn, const void *ctx)
{
	struct json_writer *w = &((struct json_state *)f->priv)->w;
	const struct fmt_view *v = f->view;

	json_writer_object_begin(w);
	if (type) {
		json_writer_key(w, "type");
		json_writer_string(w, type);
	}
	for (size_t i = 0; i < v->ncols; i++) {
		const struct fmt_col *c = &v->cols[i];
		const struct fmt_cell *cell = &cells[i];

		if (!fmt_col_is_visible(c, f->groups))
			continue;
		json_writer_key(w, c->key);
		if (!cell->set) {
			json_writer_null(w);
			continue;
		}
		switch (c->type) {
		case FMT_U64:
		case FMT_BYTES:
		case FMT_DURATION:
		case FMT_USEC:
		case FMT_TIMESTAMP:
			json_writer_u64(w, cell->u);
			break;
		case FMT_S64:
			json_writer_s64(w, cell->s);
			break;
		case FMT_DOUBLE:
		case FMT_PERCENT:
		case FMT_RATE:
			json_writer_double(w, cell->d);
			break;
		case FMT_BOOL:
			json_writer_bool(w, cell->b);
			break;
		case FMT_STR:
		case FMT_IP:
		case FMT_IPPORT:
		case FMT_MAC:
		case FMT_LINES:
			json_writer_string(w, cell->str);
			break;
		}
	}
	if (fn)
		fn((struct fmt_details *)w, ctx);
	json_writer_object_end(w);
}

static int json_init(struct fmt *f)
{
	struct json_state *st = calloc(1, sizeof(*st));

	if (!st)
		return -ENOMEM;
	json_writer_init(&st->w, f->out, f->opts.pretty);
	st->w.no_flush = f->opts.manual_flush;
	f->priv = st;
	return 0;
}

static void json_doc_begin(struct fmt *f, const char *type)
{
	struct json_state *st = f->priv;

	if (!st->doc_open)
		doc_open(st, type);
}

static void json_doc_end(struct fmt *f)
{
	struct json_state *st = f->priv;

	if (st->doc_open)
		doc_close(f);
}

static void json_doc_u64(struct fmt *f, const char *key, uint64_t v)
{
	struct json_state *st = f->priv;

	if (!st->doc_open)
		return;
	json_writer_key(&st->w, key);
	json_writer_u64(&st->w, v);
}

static void json_doc_str(struct fmt *f, const char *key, const char *s)
{
	struct json_state *st = f->priv;

	if (!st->doc_open)
		return;
	json_writer_key(&st->w, key);
	json_writer_string(&st->w, s);
}

static void json_table_begin(struct fmt *f)
{
	struct json_state *st = f->priv;
	const struct fmt_view *v = f->view;

	/* Inside a document even a streaming view becomes one of its tables. */
	st->stream = v->streaming && !st->doc_open;
	st->single_done = false;
	st->own_doc = false;
	if (st->stream)
		return;
	if (!st->doc_open) {
		doc_open(st, NULL);
		st->own_doc = true;
	}
	json_writer_key(&st->w, v->name);
	if (!v->single)
		json_writer_array_begin(&st->w);
}

static void json_row_details(struct fmt *f, const struct fmt_cell *cells, fmt_details_fn fn,
			     const void *ctx)
{
	struct json_state *st = f->priv;

	if (st->stream) {
		write_row(f, cells, f->view->record_type, fn, ctx);
		json_writer_newline(&st->w);
		sync_err(f);
		return;
	}
	/* A single view holds one row: any further row is dropped. */
	if (f->view->single && st->single_done)
		return;
	st->single_done = true;
	write_row(f, cells, NULL, fn, ctx);
}

static void json_row(struct fmt *f, const struct fmt_cell *cells)
{
	json_row_details(f, cells, NULL, NULL);
}

void fmt_details_object_begin(struct fmt_details *d, const char *key)
{
	if (key)
		json_writer_key(&d->w, key);
	json_writer_object_begin(&d->w);
}

void fmt_details_object_end(struct fmt_details *d)
{
	json_writer_object_end(&d->w);
}

void fmt_details_array_begin(struct fmt_details *d, const char *key)
{
	if (key)
		json_writer_key(&d->w, key);
	json_writer_array_begin(&d->w);
}

void fmt_details_array_end(struct fmt_details *d)
{
	json_writer_array_end(&d->w);
}

void fmt_details_u64(struct fmt_details *d, const char *key, uint64_t v)
{
	if (key)
		json_writer_key(&d->w, key);
	json_writer_u64(&d->w, v);
}

void fmt_details_s64(struct fmt_details *d, const char *key, int64_t v)
{
	if (key)
		json_writer_key(&d->w, key);
	json_writer_s64(&d->w, v);
}

void fmt_details_double(struct fmt_details *d, const char *key, double v)
{
	if (key)
		json_writer_key(&d->w, key);
	json_writer_double(&d->w, v);
}

void fmt_details_bool(struct fmt_details *d, const char *key, bool v)
{
	if (key)
		json_writer_key(&d->w, key);
	json_writer_bool(&d->w, v);
}

void fmt_details_str(struct fmt_details *d, const char *key, const char *s)
{
	if (key)
		json_writer_key(&d->w, key);
	json_writer_string(&d->w, s);
}

void fmt_details_str_len(struct fmt_details *d, const char *key, const void *s, size_t n)
{
	if (key)
		json_writer_key(&d->w, key);
	json_writer_string_len(&d->w, s, n);
}

void fmt_details_null(struct fmt_details *d, const char *key)
{
	if (key)
		json_writer_key(&d->w, key);
	json_writer_null(&d->w);
}

static void json_table_end(struct fmt *f)
{
	struct json_state *st = f->priv;

	if (st->stream)
		return;
	if (!f->view->single)
		json_writer_array_end(&st->w);
	else if (!st->single_done)
		json_writer_null(&st->w);
	if (st->own_doc)
		doc_close(f);
	sync_err(f);
}

static void json_fini(struct fmt *f)
{
	struct json_state *st = f->priv;

	/* A run cut short (an error path, a signal) still ends its document validly. */
	if (f->view)
		json_table_end(f);
	if (st->doc_open)
		doc_close(f);
	free(st);
	f->priv = NULL;
}

const struct fmt_ops fmt_json_ops = {
	.init = json_init,
	.fini = json_fini,
	.doc_begin = json_doc_begin,
	.doc_end = json_doc_end,
	.doc_u64 = json_doc_u64,
	.doc_str = json_doc_str,
	.table_begin = json_table_begin,
	.row = json_row,
	.row_details = json_row_details,
	.table_end = json_table_end,
};
