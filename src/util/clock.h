/* SPDX-License-Identifier: GPL-2.0-or-later */
/* clock.h: nanosecond clocks and an interruptible sleep to an absolute deadline. */
#ifndef SOCKEYE_CLOCK_H
#define SOCKEYE_CLOCK_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <time.h>

/* clk (CLOCK_MONOTONIC, CLOCK_REALTIME) in nanoseconds. */
uint64_t clock_ns(clockid_t clk);

/*
 * Sleeps until the CLOCK_MONOTONIC deadline.  A signal ends the sleep at once
 * when it set *stop (the command's stop flag); false then, or on an error.
 */
bool clock_sleep_until(uint64_t deadline_ns, const volatile sig_atomic_t *stop);

#endif
