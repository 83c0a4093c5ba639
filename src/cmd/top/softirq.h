/* SPDX-License-Identifier: GPL-2.0-or-later */
/* softirq.h: the softirqs panel: the kernel's counts, and its BPF time per CPU when it can. */
#ifndef SOCKEYE_CMD_TOP_SOFTIRQ_H
#define SOCKEYE_CMD_TOP_SOFTIRQ_H

#include <stdbool.h>
#include <stddef.h>

#include "cli/panel.h"
#include "cmd/top/view_kstat.h"

/*
 * The softirqs panel's time per CPU.  Unlike a panel's own collector it never
 * keeps the panel from showing: without BPF the time cells stay unset and
 * top_softirq_error says why.  It is the header's softirq share too, so top
 * collects it after every sample, the panel shown or not.
 */
void top_softirq_open(struct panel_ctx *c);
void top_softirq_collect(struct panel_ctx *c);
void top_softirq_emit(struct fmt *f, const struct panel_ctx *c, unsigned groups);
/*
 * The panel's time as view_softirqs_emit takes it (the last two readings, or
 * the titled view saying why there are none); false without any state.
 */
bool top_softirq_time(const struct panel_ctx *c, struct view_softirqs_time *t);
/* Why there is no time, or NULL. */
const char *top_softirq_error(const struct panel_ctx *c);
void top_softirq_close(struct panel_ctx *c);

#endif
