/* SPDX-License-Identifier: GPL-2.0-or-later */
/* loader.h: what every BPF collector shares: attach methods and fallback, libbpf logging, errors. */
#ifndef SOCKEYE_LOADER_H
#define SOCKEYE_LOADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* How programs attach, in the order auto tries them. */
enum loader_attach {
	LOADER_ATTACH_AUTO,
	LOADER_ATTACH_TP_BTF,	/* BTF-typed tracepoint: direct argument access */
	LOADER_ATTACH_RAW_TP,	/* raw tracepoint: the same arguments, read with probes */
	LOADER_ATTACH_KPROBE,	/* the kernel function behind the tracepoint */
	LOADER_ATTACH_NR,
};

/* What failed, when every method tried failed. */
enum loader_stage { LOADER_STAGE_OPEN, LOADER_STAGE_LOAD, LOADER_STAGE_ATTACH };

struct loader_attempt {
	enum loader_attach method;
	enum loader_stage stage;
	int err;		/* -errno */
	char what[64];		/* the program, tracepoint or function concerned */
};

struct loader_error {
	struct loader_attempt attempts[LOADER_ATTACH_NR];
	size_t n;
};

/* "tp_btf", "raw_tp", "kprobe", "auto". */
const char *loader_attach_name(enum loader_attach m);
/* 0, or -EINVAL for a name that is none of them. */
int loader_attach_parse(const char *s, enum loader_attach *out);

/*
 * Routes libbpf's messages to stderr at -v (warnings) and -vv (debug); silent
 * otherwise.  And has the large blocks of every later load (libbpf reads the
 * kernel's BTF, 5.5 MB, twice over for each object it loads) mapped apart from
 * the heap, so each goes back to the system when freed instead of staying in it.
 */
void loader_init(void);

/* The kernel's own BTF, raw. */
#define LOADER_VMLINUX_BTF "/sys/kernel/btf/vmlinux"

/* Whether the kernel describes itself in BTF (LOADER_VMLINUX_BTF). */
bool loader_has_btf(void);
/*
 * What a collector counts: with -N (netns) or an iface, the namespace sockeye
 * runs in (*netns_ino: its inode, which BPF sees as ns.inum) and iface's index
 * there (*ifindex); 0 for every one.  0, or -errno with why filled for the user.
 */
int loader_scope(bool netns, const char *iface, uint32_t *netns_ino, uint32_t *ifindex,
		 char *why, size_t len);

/* Whether the kernel can attach kprobes (the kprobe PMU, or tracefs's kprobe_events). */
bool loader_has_kprobes(void);

/*
 * Runs try_fn for each method that m allows (auto: all in order) until one
 * succeeds; try_fn fills *a on failure.  Returns the method that worked, or a
 * negative errno of the most telling failure with e holding every attempt.
 */
int loader_run(enum loader_attach m, int (*try_fn)(void *ctx, enum loader_attach method,
						   struct loader_attempt *a),
	       void *ctx, struct loader_error *e);

/*
 * One line (no newline) that says what failed and what to do: a missing
 * privilege, no BTF, a missing tracepoint, no kprobes, a verifier rejection.
 */
void loader_explain(const struct loader_error *e, char *buf, size_t len);
/* The same for err, a collector's open failure: e's attempts, else err alone (-ENOMEM...). */
void loader_why(const struct loader_error *e, int err, char *buf, size_t len);

/*
 * A buffer for one lookup in a per-CPU map: *ncpus values of size, one per
 * possible CPU (the kernel fills them all).  NULL with errno; free() it.
 */
void *loader_percpu_new(size_t size, int *ncpus);

#endif
