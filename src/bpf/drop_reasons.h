/* SPDX-License-Identifier: GPL-2.0-or-later */
/* drop_reasons.h: skb drop reason numbers to names, as the running kernel's BTF defines them. */
#ifndef SOCKEYE_DROP_REASONS_H
#define SOCKEYE_DROP_REASONS_H

#include <stddef.h>
#include <stdint.h>

/*
 * Names without the SKB_DROP_REASON_ / SKB_ prefix ("NO_SOCKET", "CONSUMED"),
 * as the kfree_skb tracepoint prints them.  The numbers change between kernel
 * versions: the table is always built from the kernel that runs.
 */
struct drop_reason {
	uint32_t value;
	char *name;
};

struct drop_reasons {
	struct drop_reason *v;	/* sorted by value */
	size_t n;
};

/* Adds one (the prefix is stripped here).  0 or -ENOMEM. */
int drop_reasons_add(struct drop_reasons *r, uint32_t value, const char *enumerator);
/* Sorts by value; call once after the last add. */
void drop_reasons_sort(struct drop_reasons *r);
void drop_reasons_free(struct drop_reasons *r);

/* The name of value, or NULL when the table has none. */
const char *drop_reasons_name(const struct drop_reasons *r, uint32_t value);
/*
 * Writes the name of value into buf: the table's, "UNKNOWN" for a kernel
 * without reasons, else the number as "reason_42" (or subsystem + code).
 */
void drop_reasons_format(const struct drop_reasons *r, uint32_t value, char *buf, size_t len);
/*
 * What a packet's comment says of its drop, in every command's file (trace
 * -w, drops -w): "dropped: NO_SOCKET at udp_rcv+0x12" (the location as an
 * address without ksyms or a symbol).
 */
struct ksyms;
void drop_reasons_note(const struct drop_reasons *r, const struct ksyms *k, uint32_t reason,
		       uint64_t location, char *buf, size_t len);
/* The value of a name, with or without its prefix, any case.  0 or -ENOENT. */
int drop_reasons_value(const struct drop_reasons *r, const char *name, uint32_t *out);

/*
 * From the kernel's BTF (HAVE_BPF builds): the enum skb_drop_reason of btf,
 * of a raw BTF file read by btf_scan (-EPROTO: a file it cannot read), or of
 * vmlinux (scanned, else parsed by libbpf).  0, -ENOENT without the enum, -errno.
 */
struct btf;
int drop_reasons_btf_load(const struct btf *btf, struct drop_reasons *r);
int drop_reasons_btf_scan(const char *path, struct drop_reasons *r);
int drop_reasons_btf_load_vmlinux(struct drop_reasons *r);

#endif
