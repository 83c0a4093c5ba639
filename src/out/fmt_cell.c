/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fmt_cell.c: placeholder until its helper writes it. */
#include "config.h"
#include "out/fmt_impl.h"
size_t fmt_cell_text(const struct fmt_col *c, const struct fmt_cell *cell, bool numeric, char *buf, size_t len) { (void)c; (void)cell; (void)numeric; if (len) buf[0] = 0; return 0; }
