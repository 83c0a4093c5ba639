/* SPDX-License-Identifier: GPL-2.0-or-later */
/* diag_requests.c: the count of sock_diag dumps asked for (threads may dump at once). */
#include "config.h"

#include <stdatomic.h>

#include "diag/diag_requests.h"

static atomic_ulong requests_sent;

void diag_requests_count(void)
{
	atomic_fetch_add_explicit(&requests_sent, 1, memory_order_relaxed);
}

unsigned long diag_requests_sent(void)
{
	return atomic_load_explicit(&requests_sent, memory_order_relaxed);
}
