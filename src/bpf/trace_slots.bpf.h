/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * trace_slots.bpf.h: the packet ids, and the set-associative slots of followed skbs and of their data (skb->head).
 * Part of trace.bpf.c, included once at its place there (it uses what comes
 * before it): one BPF object, split to keep each file to one job.
 */
#ifndef SOCKEYE_TRACE_SLOTS_BPF_H
#define SOCKEYE_TRACE_SLOTS_BPF_H

static __always_inline __u64 next_id(void)
{
	__u64 *n = stat_ptr(TRACE_STAT_NR);
	__u64 cpu = bpf_get_smp_processor_id();

	if (!n)
		return 0;
	*n += 1;
	return (cpu + 1) << 48 | *n;
}

/* The first 6 bytes of the network header at head + nh: what tells packets in one buffer apart. */
static __always_inline __u64 fingerprint(__u64 head, __u32 nh)
{
	__u64 fp = 0;

	if (nh != NO_NH && bpf_probe_read_kernel(&fp, 6, (void *)(head + nh)))
		fp = 0;
	return fp;
}

/* Slot i of slots (its index in *slot), or NULL for i -1. */
static __always_inline void *slot_at(void *slots, __s64 i, __u32 *slot)
{
	__u32 k = (__u32)i;

	if (i < 0)
		return NULL;
	*slot = k;
	return bpf_map_lookup_elem(slots, &k);
}

/* The followed skb's slot, and its index in *slot. */
static __always_inline struct followed *skb_find(__u64 skb, __u32 *slot)
{
	return slot_at(&skb_slots, table_find(&skb_tags, skb), slot);
}

/*
 * A way for skb, its slot to be filled by the caller: a free one, else the
 * set's least recently seen, whose skb is no longer followed (counted as
 * evicted, as the LRU's evictions were; its events are already out).
 */
static __always_inline struct followed *skb_claim(__u64 skb, __u32 *slot)
{
	__u32 set, k;
	__s64 i = table_claim_free(&skb_tags, skb, &set);

	if (i == -2)
		return NULL;
	if (i < 0) {
		__u64 oldest = ~0ull, victim = 0;
		struct followed *o;

		for (__u32 w = 0; w < TRACE_WAYS; w++) {
			k = set * TRACE_WAYS + w;
			o = bpf_map_lookup_elem(&skb_slots, &k);
			if (o && o->last_ns < oldest) {
				oldest = o->last_ns;
				victim = w;
			}
		}
		stat_inc(TRACE_STAT_EVICTED);
		/* What the evicted packet's slot kept goes out first: it shows unfinished. */
		k = set * TRACE_WAYS + (__u32)(victim & (TRACE_WAYS - 1));
		o = bpf_map_lookup_elem(&skb_slots, &k);
		if (o)
			flush_hops(o);
		i = table_take(&skb_tags, set, victim, skb);
	}
	return slot_at(&skb_slots, i, slot);
}

/*
 * A free way for a clone, or none: a clone that finds its set full is not
 * followed (counted as evicted) rather than pushing a packet out (and the
 * eviction's code out of every hop's program: the verifier's time).
 */
static __always_inline struct followed *clone_claim(__u64 skb, __u32 *slot)
{
	__u32 set;
	__s64 i = table_claim_free(&skb_tags, skb, &set);

	if (i == -1)
		stat_inc(TRACE_STAT_EVICTED);
	return slot_at(&skb_slots, i, slot);
}

/* The packet whose data is at head, and its slot's index in *slot. */
static __always_inline struct by_head_val *head_find(__u64 head, __u32 *slot)
{
	return slot_at(&head_slots, table_find(&head_tags, head), slot);
}

/*
 * Forgets head's packet, if it is still packet id's: its note where
 * note_head put it (hslot), no search.
 */
static __always_inline void head_forget(__u32 hslot, __u64 head, __u64 id)
{
	struct by_head_val *hv;

	if (hslot == NO_HSLOT)
		return;
	hv = bpf_map_lookup_elem(&head_slots, &hslot);
	if (hv && hv->id == id)
		table_release(&head_tags, hslot, head);
}

/*
 * The packet id now holds the buffer at head: its clones join it there.  In
 * a full set a note goes, counted with the stale data (a packet evicted from
 * the skbs' table goes from here too: not counted twice as evicted).
 */
static __always_inline __u32 note_head(__u64 head, __u64 id, __u64 owner, __u32 nh, __u64 now)
{
	struct by_head_val *hv;
	__s64 i = table_find(&head_tags, head);
	__u32 set, k;

	if (i < 0)
		i = table_claim_free(&head_tags, head, &set);
	if (i == -2)
		return NO_HSLOT;
	if (i < 0) {
		/*
		 * The way the clock's low bits pick, not the oldest: the search
		 * for it would be in every hop's program (a note is made where a
		 * packet is re-headed), for the verifier to walk each time.
		 */
		stat_inc(TRACE_STAT_STALE_HEAD);
		i = table_take(&head_tags, set, (now >> 6) & (TRACE_WAYS - 1), head);
		if (i < 0)
			return NO_HSLOT;
	}
	k = (__u32)i;
	hv = bpf_map_lookup_elem(&head_slots, &k);
	if (!hv)
		return NO_HSLOT;
	hv->id = id;
	hv->owner = owner;
	hv->nh = nh;
	hv->fp = fingerprint(head, nh);
	hv->ns = now;
	return k;
}

#endif
