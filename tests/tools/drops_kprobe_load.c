/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * drops_kprobe_load: loads each kprobe program of drops.bpf.c through the
 * verifier, in each mode the collector sets, without attaching.  A kernel
 * without CONFIG_KPROBES still verifies them, so the kprobe fallback the
 * collector keeps for other kernels is tested here too.  Prints one line per
 * load; exit 0 when all load, 1 when one does not, 77 when BPF is not
 * permitted at all.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <bpf/libbpf.h>

#include "bpf/drops.h"
#include "src/bpf/drops.skel.h"

/* The verifier prunes by these constants: each mode is a different program. */
static const struct {
	const char *name;
	__u8 events, stacks;
} modes[] = {
	{ "count", 0, 0 },
	{ "events", 1, 0 },
	{ "stacks", 0, 1 },
};

/* 0 loaded, else -errno; the verifier's log goes to stderr through libbpf. */
static int load_one(const char *prog_name, size_t mode)
{
	struct drops_bpf *skel = drops_bpf__open();
	struct bpf_program *p, *prog;
	int err;

	if (!skel)
		return -errno;
	prog = bpf_object__find_program_by_name(skel->obj, prog_name);
	if (!prog) {
		drops_bpf__destroy(skel);
		return -ENOENT;
	}
	bpf_object__for_each_program(p, skel->obj)
		bpf_program__set_autoload(p, p == prog);
	skel->rodata->cfg.events = modes[mode].events;
	skel->rodata->cfg.stacks = modes[mode].stacks;
	/* As the collector sizes them, so a map the mode does not use stays small. */
	bpf_map__set_max_entries(skel->maps.counts, modes[mode].events ? 1 : 1024);
	bpf_map__set_max_entries(skel->maps.events, (__u32)getpagesize());
	bpf_map__set_max_entries(skel->maps.stacks, modes[mode].stacks ? 1024 : 1);
	err = drops_bpf__load(skel);
	drops_bpf__destroy(skel);
	return err;
}

int main(void)
{
	static const char *const progs[] = {
		"drops_kprobe_sk", "drops_kprobe_reason", "drops_kprobe_plain",
	};
	int failed = 0;

	for (size_t i = 0; i < sizeof(progs) / sizeof(progs[0]); i++) {
		for (size_t m = 0; m < sizeof(modes) / sizeof(modes[0]); m++) {
			int err = load_one(progs[i], m);

			if (err == -EPERM) {
				printf("skip: loading BPF programs is not permitted here\n");
				return 77;
			}
			printf("%s %s: %s\n", progs[i], modes[m].name, err ? strerror(-err) : "loaded");
			failed |= err != 0;
		}
	}
	return failed;
}
