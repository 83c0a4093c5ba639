/* SPDX-License-Identifier: GPL-2.0-or-later */
/* drop_reasons_btf.c: the reason table from enum skb_drop_reason in a BTF (the kernel's own). */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <string.h>

#include <bpf/btf.h>
#include <bpf/libbpf.h>

#include "bpf/btf_scan.h"
#include "bpf/drop_reasons.h"
#include "bpf/loader.h"

/* MAX is the enum's end marker, not a reason. */
static bool is_reason(const char *name)
{
	return name && strcmp(name, "SKB_DROP_REASON_MAX");
}

int drop_reasons_btf_load(const struct btf *btf, struct drop_reasons *r)
{
	int id = btf__find_by_name_kind(btf, "skb_drop_reason", BTF_KIND_ENUM);
	const struct btf_type *t;
	const struct btf_enum *e;
	int err = 0;

	if (id < 0)
		return -ENOENT;
	t = btf__type_by_id(btf, (__u32)id);
	if (!t)
		return -ENOENT;
	e = btf_enum(t);
	for (unsigned i = 0; i < btf_vlen(t); i++) {
		const char *name = btf__name_by_offset(btf, e[i].name_off);

		if (!is_reason(name))
			continue;
		err = drop_reasons_add(r, (uint32_t)e[i].val, name);
		if (err)
			goto out;
	}
	drop_reasons_sort(r);
out:
	if (err)
		drop_reasons_free(r);
	return err;
}

static int add_scanned(void *arg, const char *name, int64_t value)
{
	return is_reason(name) ? drop_reasons_add(arg, (uint32_t)value, name) : 0;
}

int drop_reasons_btf_scan(const char *path, struct drop_reasons *r)
{
	int err = btf_scan_enum(path, "skb_drop_reason", add_scanned, r);

	if (!err)
		drop_reasons_sort(r);
	else
		drop_reasons_free(r);
	return err;
}

int drop_reasons_btf_load_vmlinux(struct drop_reasons *r)
{
	struct btf *btf;
	int err;

	/* One pass over the file in constant memory, where libbpf would hold it twice. */
	if (loader_has_btf()) {
		err = drop_reasons_btf_scan(LOADER_VMLINUX_BTF, r);
		if (err != -EPROTO)
			return err;
	}
	/* A BTF the scan does not read (or one libbpf finds elsewhere, in /boot). */
	btf = btf__load_vmlinux_btf();
	if (!btf)
		return errno ? -errno : -ENOENT;
	err = drop_reasons_btf_load(btf, r);
	btf__free(btf);
	return err;
}
