/* SPDX-License-Identifier: GPL-2.0-or-later */
/* drops.h: what drops.bpf.c and its collector share (keys, events, filters), and the collector. */
#ifndef SOCKEYE_DROPS_H
#define SOCKEYE_DROPS_H

#ifndef __bpf__
#include <linux/types.h>
#endif

/*
 * The first part is the ABI between the BPF programs and user space: plain
 * __u32/__u64 structs with natural alignment, the same layout on both sides.
 * BPF code includes it after vmlinux.h; user code gets <linux/types.h> here.
 */

#define DROPS_IFNAMSIZ 16
#define DROPS_COMMSIZ 16
/* Reasons below this have a bit in the filter mask (the core enum has ~130). */
#define DROPS_REASON_BITS 1024
#define DROPS_MAX_HOSTS 2
#define DROPS_MAX_PORTS 2
#define DROPS_STACK_DEPTH 127
/* The most packet bytes an event carries (-w's snap length at most). */
#define DROPS_SNAP_MAX 256
/* A reason when the kernel's tracepoint has none (before 5.17). */
#define DROPS_REASON_NONE 0xffffffffu

enum drops_reason_mode { DROPS_REASONS_ALL, DROPS_REASONS_ONLY, DROPS_REASONS_EXCEPT };
enum drops_dir { DROPS_DIR_ANY, DROPS_DIR_SRC, DROPS_DIR_DST };

struct drops_host_filter {
	__u8 family;		/* AF_INET or AF_INET6 */
	__u8 dir;		/* enum drops_dir */
	__u8 pad[2];
	__u8 addr[16];
};

struct drops_port_filter {
	__u8 dir;
	__u8 pad;
	__u16 port;		/* host order */
};

/* Read-only configuration, fixed before load (the verifier prunes what it disables). */
struct drops_config {
	__u32 netns_ino;	/* 0: every network namespace */
	__u32 ifindex;		/* 0: every interface (set only with netns_ino) */
	__u8 events;		/* one ring-buffer record per drop instead of counting */
	__u8 stacks;		/* key the counts by kernel stack too */
	__u8 reason_mode;	/* enum drops_reason_mode */
	__u8 nhosts;
	__u8 nports;
	__u8 ip_proto;		/* 0: any */
	__u16 ethertype;	/* host order, 0: any */
	__u32 snaplen;		/* events: packet bytes each carries (0: none) */
	struct drops_host_filter hosts[DROPS_MAX_HOSTS];
	struct drops_port_filter ports[DROPS_MAX_PORTS];
	__u64 reason_mask[DROPS_REASON_BITS / 64];
};

/* The summary's key: one count per distinct drop site and packet kind. */
struct drops_key {
	__u64 location;		/* the caller of kfree_skb: a kernel text address */
	__u32 reason;
	__u32 ifindex;		/* 0: no device */
	__u32 netns_ino;	/* 0: unknown */
	__s32 stack_id;		/* < 0: no stack (not asked, or the stack map was full) */
	__u16 ethertype;	/* host order */
	__u8 ip_proto;		/* 0 when not IP or not parsed */
	__u8 pad[5];
};

/* Per-CPU value of the summary map; ifname is set on the CPU that created the key. */
struct drops_count {
	__u64 count;
	char ifname[DROPS_IFNAMSIZ];
};

enum drops_event_flag {
	DROPS_EV_ADDRS = 1,	/* saddr/daddr valid */
	DROPS_EV_PORTS = 2,	/* sport/dport valid */
	DROPS_EV_ICMP = 4,	/* icmp_type/icmp_code valid */
	DROPS_EV_SOCK = 8,	/* sk_ino/sk_cookie come from a socket */
	DROPS_EV_IPV6 = 16,	/* addresses are IPv6 (else IPv4 in the first 4 bytes) */
	DROPS_EV_L3 = 32,	/* data starts at the network header (no link header) */
};

struct drops_event {
	__u64 ts_ns;		/* CLOCK_MONOTONIC */
	__u64 location;
	__u64 sk_cookie;	/* 0: none assigned yet */
	__u64 sk_ino;
	__u32 reason;
	__u32 ifindex;
	__u32 netns_ino;
	__u32 pid;		/* the task that was running: the process in process context */
	__u32 len;		/* skb->len */
	__u32 cpu;
	__u16 ethertype;
	__u8 ip_proto;
	__u8 flags;		/* enum drops_event_flag */
	__u16 sport;		/* host order */
	__u16 dport;
	__u8 icmp_type;
	__u8 icmp_code;
	__u8 pad[6];
	__u8 saddr[16];
	__u8 daddr[16];
	char ifname[DROPS_IFNAMSIZ];
	char comm[DROPS_COMMSIZ];
	__u32 wirelen;		/* with data: the packet's length from its first header */
	__u32 caplen;		/* the bytes in data; 0 without (the event ends before data) */
	__u8 data[DROPS_SNAP_MAX];	/* cfg.snaplen > 0 only */
};

/* An event's size without the packet bytes (cfg.snaplen 0). */
#define DROPS_EVENT_HDR_SIZE __builtin_offsetof(struct drops_event, data)

/* Per-CPU counters next to the maps: nothing is lost without being counted. */
enum drops_stat {
	DROPS_STAT_SEEN,	/* drops that passed the filters */
	DROPS_STAT_LOST,	/* events not sent: the ring buffer was full */
	DROPS_STAT_UNKEYED,	/* drops not counted by key: the summary map was full */
	DROPS_STAT_NR,
};

#ifndef __bpf__
/* ---- the collector (user space) ------------------------------------------------- */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bpf/loader.h"

struct drops;

struct drops_opts {
	struct drops_config cfg;	/* filters; events and stacks select the mode */
	enum loader_attach attach;
	uint64_t ring_bytes;		/* events: ring buffer size, a power of two */
	uint32_t max_keys;		/* summary: distinct keys kept */
};

/* One summary map entry, the per-CPU counts summed. */
struct drops_entry {
	struct drops_key key;
	uint64_t count;
	char ifname[DROPS_IFNAMSIZ];
};

struct drops_sample {
	uint64_t mono_ns;
	struct drops_entry *entries;	/* sorted by key (drops_sample_find) */
	size_t n;
	uint64_t stats[DROPS_STAT_NR];
};

/*
 * Opens, loads and attaches the programs with opts->attach (auto: tp_btf, then
 * raw_tp, then kprobe).  0, or -errno with *err describing each attempt.
 */
int drops_open(const struct drops_opts *opts, struct drops **out, struct loader_error *err);
void drops_close(struct drops *d);
enum loader_attach drops_attach_method(const struct drops *d);

/*
 * Reads the summary map (sorted, see drops_sample.h) and the counters into s,
 * which starts zeroed or holds an earlier reading (its memory is reused).
 */
int drops_read(struct drops *d, struct drops_sample *s);
/* Calls fn for each event waiting in the ring buffer, up to timeout_ms; count or -errno. */
int drops_poll_events(struct drops *d, int timeout_ms,
		      int (*fn)(void *ctx, const struct drops_event *ev), void *ctx);
/* A file descriptor that is readable when events wait (for poll()). */
int drops_events_fd(const struct drops *d);
/* Kernel stack id's frames (up to DROPS_STACK_DEPTH); count of frames or -errno. */
int drops_stack(const struct drops *d, int32_t stack_id, uint64_t *ips, size_t max);
#endif

#endif
