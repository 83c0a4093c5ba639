/* SPDX-License-Identifier: GPL-2.0-or-later */
/* links.c: placeholder until its helper writes it. */
#include "config.h"
#include "kstat/kstat.h"
