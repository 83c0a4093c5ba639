/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cbpf_ebpf.h: a classic BPF filter (libpcap's compiled pcap expression) as an eBPF function. */
#ifndef SOCKEYE_CBPF_EBPF_H
#define SOCKEYE_CBPF_EBPF_H

#include <linux/bpf.h>
#include <linux/filter.h>
#include <stddef.h>

/*
 * The translated function's contract, the one the __noinline stub in
 * trace.bpf.c declares:
 *   r1 = the packet's first byte (a kernel address: read with
 *        bpf_probe_read_kernel, never dereferenced),
 *   r2 = how many bytes are readable from there (the capture length),
 *   r3 = the packet's whole length (what BPF_LEN loads),
 *   r0 = the filter's return value on exit (0: not selected).
 * It uses r6 to r9 (A, X, the packet, its capture length), which the
 * calling convention saves for the caller, and CBPF_EBPF_STACK bytes below
 * r10: the first CBPF_EBPF_PREFETCH bytes of the packet, read with one
 * helper call, so most loads are a bounds check and stack reads (a byte at a
 * time: the verifier wants stack accesses aligned); r4 is scratch; loads past
 * them read the packet again, as libpcap's bpf_filter() would, with its
 * bounds: a load past the capture length rejects the packet (returns 0),
 * as does a division by zero.
 */
#define CBPF_EBPF_PREFETCH 128
#define CBPF_EBPF_STACK 208

/*
 * Translates the n instructions of in (a program libpcap's bpf_validate()
 * accepts) to *out (malloc'ed, *nout instructions).  0, or -EINVAL with why
 * filled (an opcode that is not classic BPF, a jump past the end, a scratch
 * memory index past 15), or -ENOMEM.
 */
int cbpf_ebpf_translate(const struct sock_filter *in, size_t n, struct bpf_insn **out,
			size_t *nout, char *why, size_t whylen);

#endif
