/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_kstat.h: the softirqs, softnet and interfaces views and their rows from two samples. */
#ifndef SOCKEYE_VIEW_KSTAT_H
#define SOCKEYE_VIEW_KSTAT_H
#endif
