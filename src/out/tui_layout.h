/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui_layout.h: lays a frame out on a screen of W x H cells, without curses (testable). */
#ifndef SOCKEYE_TUI_LAYOUT_H
#define SOCKEYE_TUI_LAYOUT_H
/* (the TUI helper fills this in) */
#endif
