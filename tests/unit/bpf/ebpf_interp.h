/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ebpf_interp.h: runs a translated classic filter in a small eBPF interpreter (no kernel). */
#ifndef SOCKEYE_TEST_EBPF_INTERP_H
#define SOCKEYE_TEST_EBPF_INTERP_H

#include <linux/filter.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Translates the classic program (cbpf_ebpf_translate) and runs the result
 * on the packet's caplen bytes, wirelen long, the way trace.bpf.c calls it.
 * The interpreter checks what the verifier would and more: registers read
 * before written, stack bytes outside the function's CBPF_EBPF_STACK, helper
 * reads outside the packet's caplen bytes, jumps outside the program.  0
 * with *verdict, or -1 with why.
 */
int ebpf_run_translated(const struct sock_filter *prog, size_t n, const uint8_t *pkt,
			unsigned caplen, unsigned wirelen, uint32_t *verdict, char *why,
			size_t whylen);

#endif
