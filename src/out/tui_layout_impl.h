/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui_layout_impl.h: panel focus rules shared by the layout and the key actions (not an API). */
#ifndef SOCKEYE_TUI_LAYOUT_IMPL_H
#define SOCKEYE_TUI_LAYOUT_IMPL_H

#include <stddef.h>

#include "out/tui_layout.h"

/* The first shown panel of the first n from `from` on, stepping by dir (+1/-1) and wrapping; n when none is. */
size_t tui_next_shown(const struct tui_view *v, size_t n, size_t from, int dir);
/* Moves the focus off a hidden panel onto the next shown one (if any). */
void tui_focus_fix(struct tui_view *v, size_t n);

#endif
