/* SPDX-License-Identifier: GPL-2.0-or-later */
/* softirq.bpf.h: the softirq time map and programs, for each BPF object that measures it. */
#ifndef SOCKEYE_SOFTIRQ_BPF_H
#define SOCKEYE_SOFTIRQ_BPF_H

/*
 * A header, not an object of its own: napi.bpf.c takes the same programs
 * into its object, so `sockeye napi` loads one object (libbpf reads the
 * kernel's BTF once per object load) and its collector reads the same map
 * layout as softirq.c (softirq_progs in softirq.h names the programs).
 * Include after vmlinux.h, the libbpf headers and softirq.h.
 */

/*
 * These tracepoints fire some thousands of times a second per CPU, on every
 * vector: each event is one map lookup and a clock read, into the CPU's own
 * slot; nothing goes to user space until it reads the map.
 */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct softirq_percpu);
} times SEC(".maps");

static __always_inline int softirq_on_entry(unsigned int vec)
{
	__u32 zero = 0;
	struct softirq_percpu *s = bpf_map_lookup_elem(&times, &zero);

	if (!s)
		return 0;
	s->entry_ns = bpf_ktime_get_ns();
	s->entry_vec = vec;
	return 0;
}

static __always_inline int softirq_on_exit(unsigned int vec)
{
	__u32 zero = 0;
	struct softirq_percpu *s = bpf_map_lookup_elem(&times, &zero);
	__u64 start;

	if (!s)
		return 0;
	start = s->entry_ns;
	s->entry_ns = 0;
	/* An exit without its entry (attached in between) or of another vector is not counted. */
	if (!start || s->entry_vec != vec || vec >= SOFTIRQ_NR)
		return 0;
	s->time_ns[vec] += bpf_ktime_get_ns() - start;
	s->count[vec]++;
	return 0;
}

SEC("tp_btf/softirq_entry")
int BPF_PROG(softirq_entry_tp_btf, unsigned int vec)
{
	return softirq_on_entry(vec);
}

SEC("tp_btf/softirq_exit")
int BPF_PROG(softirq_exit_tp_btf, unsigned int vec)
{
	return softirq_on_exit(vec);
}

SEC("raw_tp/softirq_entry")
int BPF_PROG(softirq_entry_raw_tp, unsigned int vec)
{
	return softirq_on_entry(vec);
}

SEC("raw_tp/softirq_exit")
int BPF_PROG(softirq_exit_raw_tp, unsigned int vec)
{
	return softirq_on_exit(vec);
}

#endif
