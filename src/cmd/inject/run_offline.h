/* SPDX-License-Identifier: GPL-2.0-or-later */
/* run_offline.h: inject --dump and -w: packets through sniff's decoder and writer, none sent. */
#ifndef SOCKEYE_INJECT_RUN_OFFLINE_H
#define SOCKEYE_INJECT_RUN_OFFLINE_H

#include "cmd/inject/run_state.h"

/* Generates or replays every packet into --dump's printer and -w's file.  An exit status. */
int inject_run_offline(struct inject_run *r);

#endif
