/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_why.h: the funnel's tables (layers, causes, devices, queues, CPUs, sockets) and the verdicts. */
#ifndef SOCKEYE_CMD_WHY_VIEW_WHY_H
#define SOCKEYE_CMD_WHY_VIEW_WHY_H

#include "cmd/why/advice.h"
#include "cmd/why/funnel.h"
#include "out/fmt.h"

extern const struct fmt_view view_why_layers;
extern const struct fmt_view view_why_causes;
extern const struct fmt_view view_why_devices;
extern const struct fmt_view view_why_queues;
extern const struct fmt_view view_why_cpus;
extern const struct fmt_view view_why_sockets;
extern const struct fmt_view view_why_verdicts;
extern const struct fmt_view view_why_advice;

/* The layers, from the wire to the application and back out. */
void view_why_layers_emit(struct fmt *f, const struct why_funnel *fn, unsigned groups);
/* The same under another view of the same columns (top's panel); fn NULL: no rows yet. */
void view_why_layers_emit_as(struct fmt *f, const struct fmt_view *v, const struct why_funnel *fn,
			     unsigned groups);
/* The causes that lost, most first. */
void view_why_causes_emit(struct fmt *f, const struct why_funnel *fn, unsigned groups);
/* What lies behind the funnel: devices, the receive queues that dropped, CPUs and sockets. */
void view_why_details_emit(struct fmt *f, const struct why_funnel *fn, unsigned groups);
/* The verdicts (JSON: each with its advice), then in text the advice as a table of its own. */
void view_why_verdicts_emit(struct fmt *f, const struct why_verdict *v, size_t n,
			    unsigned groups);

#endif
