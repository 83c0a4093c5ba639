/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * trace_table.bpf.h: trace's tables of followed skbs and of their data, set
 * associative in BPF_MAP_TYPE_ARRAY maps.  An array lookup is inlined by the
 * verifier (no helper call, no hashing, no bucket lock, no LRU list): a
 * packet's start, hops and fate cost a few loads and one compare-and-swap,
 * where the LRU hashes cost a helper call each and an update's locking.
 *
 * A table is a tag array (the keys: skb or head addresses, 0 for a free
 * way, TRACE_WAYS of them per set, together in half a cache line) and a
 * parallel array of slots (the data of way w of set s at s * TRACE_WAYS + w).
 * The set is a multiplicative hash of the key.  A way is claimed with an
 * atomic compare-and-swap (two CPUs may start packets in one set at once);
 * when all of a set's ways are busy the caller takes the oldest, counted.
 */
#ifndef SOCKEYE_TRACE_TABLE_BPF_H
#define SOCKEYE_TRACE_TABLE_BPF_H

/* Include after vmlinux.h, bpf_helpers.h and trace.h; needs cfg (struct trace_config). */

struct trace_tag_set {
	__u64 tag[TRACE_WAYS];
};

/* 0, but the verifier cannot know it: a writable global. */
volatile __u32 table_zero = 0;

/*
 * A way found in a loop is a different constant on each of the loop's
 * exits: each would be verified on its own through the rest of the program
 * (the verifier's time grows as the product of the lookups' ways).  x
 * xor an unknown 0 is the same number, unknown to it: the exits are one
 * state.  Three instructions.
 */
static __always_inline __u64 table_opaque(__u64 x)
{
	return x ^ table_zero;
}

/*
 * A pointer as a number: tp_btf's arguments (and some fields) are typed
 * pointers, on which the verifier allows no arithmetic; a pointer read back
 * from the stack at an offset it cannot tell is a number to it (sockeye
 * loads its programs privileged).  No helper call.
 */
static __always_inline __u64 table_addr(__u64 p)
{
	volatile __u64 two[2];

	two[0] = p;
	two[1] = p;
	return two[table_zero & 1];
}

/* The set of key: the high bits of a multiplicative hash (slab addresses differ in their middle). */
static __always_inline __u32 table_set_of(__u64 key)
{
	return (__u32)((key * 0x9e3779b97f4a7c15ull) >> 32) & cfg.set_mask;
}

/* Way (made unknown: table_opaque) of set as a slot index, or -1 for no way. */
static __always_inline __s64 table_slot(__u32 set, __u64 way)
{
	way = table_opaque(way);
	if (way >= TRACE_WAYS)
		return -1;
	return (__s64)(set * TRACE_WAYS + way);
}

/* The slot index of the way key holds in tags, or -1. */
static __always_inline __s64 table_find(void *tags, __u64 key)
{
	__u32 set = table_set_of(key);
	struct trace_tag_set *s = bpf_map_lookup_elem(tags, &set);
	__u64 way = TRACE_WAYS;

	if (!s)
		return -1;
	for (__u32 w = 0; w < TRACE_WAYS; w++)
		if (s->tag[w] == key)
			way = w;
	return table_slot(set, way);
}

/*
 * Claims a free way of key's set for key: its slot index, or -1 when every
 * way is busy (*set_out: the set, for table_take).
 */
static __always_inline __s64 table_claim_free(void *tags, __u64 key, __u32 *set_out)
{
	__u32 set = table_set_of(key);
	struct trace_tag_set *s = bpf_map_lookup_elem(tags, &set);
	__u64 way = TRACE_WAYS;

	*set_out = set;
	if (!s)
		return -2;
	for (__u32 w = 0; w < TRACE_WAYS; w++)
		if (way == TRACE_WAYS && s->tag[w] == 0 &&
		    __sync_val_compare_and_swap(&s->tag[w], 0, key) == 0)
			way = w;
	return table_slot(set, way);
}

/*
 * Takes way (of set) from its holder for key: its slot index, or -1 when
 * another CPU changed it meanwhile (the caller gives up).
 */
static __always_inline __s64 table_take(void *tags, __u32 set, __u64 way, __u64 key)
{
	struct trace_tag_set *s = bpf_map_lookup_elem(tags, &set);
	__u64 old;

	way = table_opaque(way);
	if (!s || way >= TRACE_WAYS)
		return -1;
	old = s->tag[way];
	if (__sync_val_compare_and_swap(&s->tag[way], old, key) != old)
		return -1;
	return (__s64)(set * TRACE_WAYS + way);
}

/* Frees slot's way, unless another CPU took it meanwhile. */
static __always_inline void table_release(void *tags, __u32 slot, __u64 key)
{
	__u32 set = slot / TRACE_WAYS;
	struct trace_tag_set *s = bpf_map_lookup_elem(tags, &set);

	if (s)
		__sync_val_compare_and_swap(&s->tag[slot & (TRACE_WAYS - 1)], key, 0);
}

#endif
