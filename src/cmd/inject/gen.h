/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gen.h: packets from a template, built in place (a TX ring frame), checksums always right. */
#ifndef SOCKEYE_GEN_H
#define SOCKEYE_GEN_H

#include <stdint.h>

#include "cmd/inject/template.h"

/* The link layer the template's packets go out with. */
struct gen_link {
	uint8_t src_mac[6];
	uint8_t dst_mac[6];
	int vlan;		/* 802.1Q VLAN id 0-4095, or -1 for none */
};

struct gen;

/*
 * A generator for template t (the caller has filled t->src when the template
 * gave none).  seed starts the random fields; generators with different seeds
 * draw different values.  0, -EINVAL (a template gen cannot build: no source
 * address), -ENOMEM.
 */
int gen_new(struct gen **g, const struct template *t, const struct gen_link *l, uint64_t seed);
void gen_free(struct gen *g);
/* The longest packet the generator builds. */
uint32_t gen_max_len(const struct gen *g);

/*
 * Writes packet number n (counting from 0 over the whole run, whichever worker
 * sends it: increments follow n) into buf, which holds gen_max_len() bytes.
 * prev_len bytes of an earlier packet of this generator are still in buf (0:
 * none): bytes past the headers depend only on their offset, so those already
 * there are kept.  Returns the packet's length.  No allocation, no system call.
 */
uint32_t gen_build(struct gen *g, uint64_t n, uint8_t *buf, uint32_t prev_len);

#endif
