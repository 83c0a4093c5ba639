/* SPDX-License-Identifier: GPL-2.0-or-later */
/* skb_view.bpf.h: where a packet's bytes start in its skb, for the BPF programs that read them. */
#ifndef SOCKEYE_SKB_VIEW_BPF_H
#define SOCKEYE_SKB_VIEW_BPF_H

/* Include after vmlinux.h and bpf_core_read.h. */

/*
 * A field of a kernel struct: tp_btf's programs load it directly (the
 * verifier knows the arguments' types from the tracepoint's BTF and turns
 * the load into one that cannot fault), raw_tp's through
 * bpf_probe_read_kernel, a helper call each.  btf is a constant in every
 * program, so the other branch is not compiled in.
 */
#define RD(btf, p, f) ((btf) ? (p)->f : BPF_CORE_READ(p, f))

#define SKB_VIEW_ARPHRD_ETHER 1
#define SKB_VIEW_ARPHRD_LOOPBACK 772
/* Where the packet's first header is, and how much of it is linear: Ethernet, else raw IP. */
struct skb_view {
	__u64 start;
	__u32 caplen, wirelen;
	__u32 l3;
	__u32 nh;	/* the network header's offset from head */
};

/*
 * From the link header on an Ethernet or loopback device that has one set (a
 * frame received, or queued to the device), else from the network header (a
 * packet on its way down before it had one, a device without one).  -1 when
 * that place is not in the linear data.  btf: the caller is a tp_btf program.
 */
static __always_inline int skb_view_of(bool btf, struct sk_buff *skb, struct net_device *dev,
				       struct skb_view *v)
{
	/*
	 * Read as numbers: the filter, a global function, takes no pointer.
	 * tp_btf's direct loads give typed pointers: an includer that can make
	 * them numbers defines SKB_VIEW_NUMBER (trace.bpf.c); the others read
	 * them with a helper call each.
	 */
#ifdef SKB_VIEW_NUMBER
	__u64 head = btf ? SKB_VIEW_NUMBER(skb->head) : (__u64)BPF_CORE_READ(skb, head);
	__u64 data = btf ? SKB_VIEW_NUMBER(skb->data) : (__u64)BPF_CORE_READ(skb, data);
#else
	__u64 head = (__u64)BPF_CORE_READ(skb, head);
	__u64 data = (__u64)BPF_CORE_READ(skb, data);
#endif
	__u32 tail = RD(btf, skb, tail);
	__u16 mh = RD(btf, skb, mac_header);
	__u16 nh = RD(btf, skb, network_header);
	__u32 len = RD(btf, skb, len);
	__u16 type = dev ? RD(btf, dev, type) : 0;
	__u64 start, end = head + tail;

	if ((type == SKB_VIEW_ARPHRD_ETHER || type == SKB_VIEW_ARPHRD_LOOPBACK) &&
	    mh != (__u16)~0U) {
		start = head + mh;
		v->l3 = 0;
	} else {
		start = head + nh;
		v->l3 = 1;
	}
	if (start > end || start > data + len)
		return -1;
	v->nh = nh;
	v->start = start;
	v->caplen = (__u32)(end - start);
	/* skb->len counts from skb->data: at a receive hop the link header is before it. */
	v->wirelen = (__u32)(len + (data - start));
	return 0;
}

#endif
