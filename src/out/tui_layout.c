/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui_layout.c: placeholder until its helper writes it. */
#include "config.h"
#include "out/fmt_impl.h"
