/* SPDX-License-Identifier: GPL-2.0-or-later */
/* napi.bpf.c: NAPI polls per instance and CPU (work against budget), and softirq time. */
#include "vmlinux.h"
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "napi.h"
#include "softirq.h"

char LICENSE[] SEC("license") = "GPL";

/* Softirq time per CPU and vector, the programs and map of softirq.c's own object. */
#include "softirq.bpf.h"

const volatile struct napi_bpf_config cfg = {};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, struct napi_key);
	__type(value, struct napi_val);
} polls SEC(".maps");

static __always_inline __u32 bucket(int work, int budget)
{
	if (work <= 0)
		return NAPI_HIST_IDLE;
	if (work >= budget)
		return NAPI_HIST_FULL;
	return (__u32)(work * 4 + budget - 1) / (__u32)budget;	/* 1..4: quarters */
}

static __always_inline int handle_poll(struct napi_struct *napi, int work, int budget)
{
	struct net_device *dev = BPF_CORE_READ(napi, dev);
	struct napi_key key = {
		.napi_id = BPF_CORE_READ(napi, napi_id),
		.cpu = bpf_get_smp_processor_id(),
	};
	struct napi_val *v, init = {};

	if (dev) {
		if (cfg.backlog_only)
			return 0;
		key.ifindex = BPF_CORE_READ(dev, ifindex);
		key.netns_ino = BPF_CORE_READ(dev, nd_net.net, ns.inum);
		if (cfg.netns_ino && key.netns_ino != cfg.netns_ino)
			return 0;
		if (cfg.ifindex && key.ifindex != cfg.ifindex)
			return 0;
	} else if (cfg.ifindex) {
		/* The backlog serves every namespace, but it is no device's. */
		return 0;
	}
	v = bpf_map_lookup_elem(&polls, &key);
	if (!v) {
		if (dev)
			BPF_CORE_READ_STR_INTO(&init.ifname, dev, name);
		else
			init.flags = NAPI_F_BACKLOG;
		bpf_map_update_elem(&polls, &key, &init, BPF_NOEXIST);
		v = bpf_map_lookup_elem(&polls, &key);
		if (!v)
			return 0;
	}
	v->polls++;
	if (work > 0)
		v->packets += work;
	if (budget > 0) {
		__u32 b = bucket(work, budget);

		/* Keeps the bound check: the verifier needs it, the compiler would fold it. */
		asm volatile("" : "+r"(b));
		if (b < NAPI_HIST_NR)
			v->hist[b]++;
		v->budget_polls++;
		v->budget = budget;
	}
	return 0;
}

SEC("tp_btf/napi_poll")
int BPF_PROG(napi_tp_btf, struct napi_struct *napi, int work, int budget)
{
	return handle_poll(napi, work, budget);
}

SEC("raw_tp/napi_poll")
int BPF_PROG(napi_raw_tp, struct napi_struct *napi, int work, int budget)
{
	return handle_poll(napi, work, budget);
}

/*
 * Without the tracepoint: __napi_poll's entry remembers the instance, its
 * return gives the work; the budget a driver gets is its weight.
 */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} kprobe_napi SEC(".maps");

SEC("kprobe/__napi_poll")
int BPF_KPROBE(napi_kprobe, struct napi_struct *napi)
{
	__u32 zero = 0;
	__u64 *slot = bpf_map_lookup_elem(&kprobe_napi, &zero);

	if (slot)
		*slot = (__u64)napi;
	return 0;
}

SEC("kretprobe/__napi_poll")
int BPF_KRETPROBE(napi_kretprobe, int work)
{
	__u32 zero = 0;
	__u64 *slot = bpf_map_lookup_elem(&kprobe_napi, &zero);
	struct napi_struct *napi;

	if (!slot || !*slot)
		return 0;
	napi = (struct napi_struct *)*slot;
	*slot = 0;
	return handle_poll(napi, work, BPF_CORE_READ(napi, weight));
}
