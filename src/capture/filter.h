/* SPDX-License-Identifier: GPL-2.0-or-later */
/* filter.h: pcap filter expressions compiled with libpcap, made ready for SO_ATTACH_FILTER. */
#ifndef SOCKEYE_FILTER_H
#define SOCKEYE_FILTER_H

#include <linux/filter.h>
#include <pcap/pcap.h>
#include <stdbool.h>
#include <stddef.h>

struct filter {
	struct bpf_program prog;	/* as libpcap compiled it, for the link type */
	struct sock_fprog kernel;	/* the same, rewritten for the socket (see filter_for_kernel) */
	struct sock_filter *kernel_insns;
	bool kernel_ok;			/* false: the kernel cannot run it; filter in user space */
};

/*
 * Compiles expr for linktype (a DLT_, or a file's LINKTYPE_ value) and
 * snaplen.  0, or -EINVAL with libpcap's message in err (e.g. "syntax error").
 */
int filter_compile(struct filter *f, const char *expr, int linktype, unsigned snaplen,
		   char *err, size_t errlen);
/*
 * Cooked captures (DLT_LINUX_SLL2) come from a SOCK_DGRAM socket, where the
 * kernel runs the filter on the packet without the 20-byte SLL2 header that
 * libpcap compiled against.  Loads of the header's fields become the kernel's
 * ancillary loads (protocol, ifindex, hatype, pkttype) and payload offsets
 * move back by 20, as libpcap does for its own any device.  kernel_ok is false
 * when a load cannot be rewritten (e.g. the link-layer address).
 */
void filter_for_kernel(struct filter *f, int linktype);
/* Whether the packet (as captured, link header first) passes, in user space. */
bool filter_match(const struct filter *f, const uint8_t *data, unsigned caplen, unsigned wirelen);
void filter_free(struct filter *f);
/* Writes the program like tcpdump -d. */
void filter_dump(const struct filter *f, FILE *out);

#endif
