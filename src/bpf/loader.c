/* SPDX-License-Identifier: GPL-2.0-or-later */
/* loader.c: attach methods tried in order, libbpf's messages behind -v, failures explained. */
#include "config.h"

#include <errno.h>
#include <net/if.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <bpf/libbpf.h>

#include "bpf/loader.h"
#include "util/log.h"

static const char *const attach_names[LOADER_ATTACH_NR] = {
	[LOADER_ATTACH_AUTO] = "auto",
	[LOADER_ATTACH_TP_BTF] = "tp_btf",
	[LOADER_ATTACH_RAW_TP] = "raw_tp",
	[LOADER_ATTACH_KPROBE] = "kprobe",
};

const char *loader_attach_name(enum loader_attach m)
{
	return m < LOADER_ATTACH_NR ? attach_names[m] : "?";
}

int loader_attach_parse(const char *s, enum loader_attach *out)
{
	for (unsigned i = 0; i < LOADER_ATTACH_NR; i++) {
		if (!strcmp(s, attach_names[i])) {
			*out = (enum loader_attach)i;
			return 0;
		}
	}
	return -EINVAL;
}

/* libbpf's lines end in a newline of their own and carry a "libbpf: " prefix. */
__attribute__((format(printf, 2, 0)))
static int libbpf_print(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	int need = level == LIBBPF_DEBUG ? 2 : 1;

	if (log_verbosity() < need)
		return 0;
	return vfprintf(stderr, fmt, ap);
}

/* glibc's default, which it would otherwise raise to the largest block freed so far. */
#define LOADER_MMAP_THRESHOLD (128 * 1024)

void loader_init(void)
{
	libbpf_set_print(libbpf_print);
#ifdef __GLIBC__
	/*
	 * Once a mapped block is freed, glibc serves blocks up to its size from
	 * the heap: the second object's BTF copies would then stay resident
	 * after their free, on top of the first's (the peak RSS of top).  A
	 * fixed threshold keeps every block past it mapped and unmapped.
	 */
	mallopt(M_MMAP_THRESHOLD, LOADER_MMAP_THRESHOLD);
#endif
}

bool loader_has_btf(void)
{
	return access(LOADER_VMLINUX_BTF, R_OK) == 0;
}

int loader_scope(bool netns, const char *iface, uint32_t *netns_ino, uint32_t *ifindex,
		 char *why, size_t len)
{
	struct stat st;
	int err;

	*netns_ino = 0;
	*ifindex = 0;
	if (!netns && !iface)
		return 0;
	/* An ifindex means something in one namespace only: an iface scopes to it as well. */
	if (stat("/proc/self/ns/net", &st)) {
		err = -errno;
		snprintf(why, len, "/proc/self/ns/net: %s", strerror(-err));
		return err;
	}
	*netns_ino = (uint32_t)st.st_ino;
	if (iface) {
		*ifindex = if_nametoindex(iface);
		if (!*ifindex) {
			snprintf(why, len, "--iface %s: no such interface%s", iface,
				 netns ? " in the namespace" : "");
			return -ENODEV;
		}
	}
	return 0;
}

bool loader_has_kprobes(void)
{
	return access("/sys/bus/event_source/devices/kprobe/type", R_OK) == 0 ||
	       access("/sys/kernel/tracing/kprobe_events", W_OK) == 0 ||
	       access("/sys/kernel/debug/tracing/kprobe_events", W_OK) == 0;
}

int loader_run(enum loader_attach m, int (*try_fn)(void *ctx, enum loader_attach method,
						   struct loader_attempt *a),
	       void *ctx, struct loader_error *e)
{
	int err = -ENOENT;

	e->n = 0;
	for (unsigned i = LOADER_ATTACH_TP_BTF; i < LOADER_ATTACH_NR; i++) {
		struct loader_attempt *a = &e->attempts[e->n];

		if (m != LOADER_ATTACH_AUTO && m != i)
			continue;
		memset(a, 0, sizeof(*a));
		a->method = (enum loader_attach)i;
		if (!try_fn(ctx, a->method, a))
			return (int)i;
		if (!a->err)
			a->err = -EINVAL;
		log_debug(1, "%s: %s failed: %s", a->what, attach_names[i], strerror(-a->err));
		/* A missing privilege fails every method alike: say so at once. */
		if (err != -EPERM)
			err = a->err;
		e->n++;
		if (a->err == -EPERM)
			break;
	}
	return err;
}

/* What to do about one failed attempt. */
static int explain_attempt(const struct loader_attempt *a, char *buf, size_t len)
{
	const char *m = attach_names[a->method];

	if (a->err == -EPERM)
		return snprintf(buf, len, "loading BPF programs needs CAP_BPF and CAP_PERFMON "
				"(or CAP_SYS_ADMIN): run as root");
	/* Only at attach: a program the verifier rejected must say so, kprobes or not. */
	if (a->method == LOADER_ATTACH_KPROBE && a->stage == LOADER_STAGE_ATTACH &&
	    !loader_has_kprobes())
		return snprintf(buf, len, "%s: this kernel has no kprobes (CONFIG_KPROBES is off) "
				"to attach %s to: use --attach tp_btf or raw_tp", m, a->what);
	switch (a->stage) {
	case LOADER_STAGE_OPEN:
		return snprintf(buf, len, "%s: cannot open the BPF object: %s", m,
				strerror(-a->err));
	case LOADER_STAGE_LOAD:
		if (a->err == -ESRCH || a->err == -ENOENT)
			return snprintf(buf, len, "%s: the kernel has no %s to attach to", m,
					a->what);
		if (a->err == -EACCES || a->err == -EINVAL)
			return snprintf(buf, len, "%s: the kernel's verifier rejected %s "
					"(-v shows its log)", m, a->what);
		return snprintf(buf, len, "%s: loading %s failed: %s", m, a->what,
				strerror(-a->err));
	case LOADER_STAGE_ATTACH:
		if (a->err == -ENOENT || a->err == -ESRCH)
			return snprintf(buf, len, "%s: the kernel has no %s", m, a->what);
		return snprintf(buf, len, "%s: attaching to %s failed: %s", m, a->what,
				strerror(-a->err));
	}
	return 0;
}

void loader_explain(const struct loader_error *e, char *buf, size_t len)
{
	size_t used = 0;

	if (!len)
		return;
	buf[0] = '\0';
	if (!loader_has_btf()) {
		snprintf(buf, len, "the kernel has no BTF (/sys/kernel/btf/vmlinux is missing): "
			 "the BPF programs need a kernel built with CONFIG_DEBUG_INFO_BTF=y");
		return;
	}
	for (size_t i = 0; i < e->n && used < len; i++) {
		int n;

		if (e->attempts[i].err == -EPERM) {
			explain_attempt(&e->attempts[i], buf, len);
			return;
		}
		if (i) {
			n = snprintf(buf + used, len - used, "; ");
			used += n > 0 ? (size_t)n : 0;
			if (used >= len)
				break;
		}
		n = explain_attempt(&e->attempts[i], buf + used, len - used);
		used += n > 0 ? (size_t)n : 0;
	}
}

void loader_why(const struct loader_error *e, int err, char *buf, size_t len)
{
	if (e->n)
		loader_explain(e, buf, len);
	else
		snprintf(buf, len, "cannot set up the BPF collector: %s", strerror(-err));
}

void *loader_percpu_new(size_t size, int *ncpus)
{
	int n = libbpf_num_possible_cpus();
	void *buf;

	if (n <= 0) {
		errno = n < 0 ? -n : EINVAL;
		return NULL;
	}
	buf = calloc((size_t)n, size);
	if (buf)
		*ncpus = n;
	return buf;
}
