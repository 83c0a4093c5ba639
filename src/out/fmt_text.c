/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fmt_text.c: placeholder until its helper writes it. */
#include "config.h"
#include "out/fmt_impl.h"
static void nop(struct fmt *f) { (void)f; }
static void nop_doc(struct fmt *f, const char *t) { (void)f; (void)t; }
static void nop_row(struct fmt *f, const struct fmt_cell *c) { (void)f; (void)c; }
const struct fmt_ops fmt_text_ops = { .doc_begin = nop_doc, .doc_end = nop, .table_begin = nop, .row = nop_row, .table_end = nop };
