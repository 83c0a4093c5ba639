/* SPDX-License-Identifier: GPL-2.0-or-later */
/* panel_drops.h: the sockets panel's drops by process: each socket's drop counter from one dump to the next. */
#ifndef SOCKEYE_CMD_SOCKETS_PANEL_DROPS_H
#define SOCKEYE_CMD_SOCKETS_PANEL_DROPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Compact state per socket that ever dropped (cookie, inode, counter: 24
 * bytes), not per socket: the kernel's sk_drops counter (SK_MEMINFO_DROPS:
 * receive buffer full, socket filter, backlog) of every socket the dump saw
 * with drops, against the dump before.  A socket new since the dump before
 * counts all its drops (it had none then, or did not exist).
 */
struct sock_drops;

struct sock_drops *sock_drops_new(void);
void sock_drops_free(struct sock_drops *d);
/* A dump begins: the last dump's counters become the ones to compare with. */
void sock_drops_begin(struct sock_drops *d);
/* A socket of this dump with drops counted (0: ignored).  0 or -ENOMEM. */
int sock_drops_add(struct sock_drops *d, uint64_t cookie, uint64_t inode, uint32_t drops);
/*
 * The dump ended: finds the sockets whose counter grew.  The first dump
 * only sets the baseline: nothing grew yet.
 */
void sock_drops_end(struct sock_drops *d);
/* The i-th socket that dropped since the dump before: its inode and drops; false past the last. */
bool sock_drops_grown(const struct sock_drops *d, size_t i, uint64_t *inode, uint64_t *delta);

#endif
