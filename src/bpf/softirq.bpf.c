/* SPDX-License-Identifier: GPL-2.0-or-later */
/* softirq.bpf.c: time spent in each softirq vector, per CPU, in a per-CPU array. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "softirq.h"

char LICENSE[] SEC("license") = "GPL";

#include "softirq.bpf.h"
