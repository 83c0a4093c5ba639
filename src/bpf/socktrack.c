/* SPDX-License-Identifier: GPL-2.0-or-later */
/* socktrack.c: loads socktrack.bpf.c, seeds it per namespace and recounts the noted full sockets. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "bpf/loader.h"
#include "bpf/socktrack.h"
#include "src/bpf/socktrack.skel.h"

struct socktrack {
	struct socktrack_bpf *skel;
	struct bpf_link *ready;			/* the tracepoint */
	struct bpf_link *seed_tcp, *seed_udp;	/* the iterators */
	unsigned long long lost;		/* skel's lost at the last recount */
};

struct socktrack *socktrack_open(void)
{
	const char *env = getenv("SOCKEYE_SOCKITER");
	struct socktrack *t;
	int err;

	if (env && !strcmp(env, "off")) {
		errno = ECANCELED;
		return NULL;
	}
	loader_init();
	t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;
	t->skel = socktrack_bpf__open_and_load();
	if (!t->skel)
		goto fail;
	t->ready = bpf_program__attach(t->skel->progs.socktrack_ready);
	if (!t->ready)
		goto fail;
	t->seed_tcp = bpf_program__attach_iter(t->skel->progs.socktrack_seed_tcp, NULL);
	if (!t->seed_tcp)
		goto fail;
	t->seed_udp = bpf_program__attach_iter(t->skel->progs.socktrack_seed_udp, NULL);
	if (!t->seed_udp)
		goto fail;
	return t;
fail:
	err = errno;
	socktrack_close(t);
	errno = err ? err : EINVAL;
	return NULL;
}

void socktrack_close(struct socktrack *t)
{
	if (!t)
		return;
	bpf_link__destroy(t->seed_udp);
	bpf_link__destroy(t->seed_tcp);
	bpf_link__destroy(t->ready);
	socktrack_bpf__destroy(t->skel);
	free(t);
}

/*
 * An iterator walked to its end in the current namespace; the programs write
 * nothing, they note.  A read that visits a million objects without output
 * ends with EAGAIN and the next one goes on from there.
 */
static int drain(struct bpf_link *link)
{
	int fd = bpf_iter_create(bpf_link__fd(link)), err = 0;
	char buf[64];
	ssize_t n;

	if (fd < 0)
		return fd;
	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0 && errno != EINTR && errno != EAGAIN) {
			err = -errno;
			break;
		}
	}
	close(fd);
	return err;
}

int socktrack_seed_here(struct socktrack *t)
{
	int err = drain(t->seed_tcp);

	return err ? err : drain(t->seed_udp);
}

int socktrack_recount(struct socktrack *t)
{
	LIBBPF_OPTS(bpf_test_run_opts, run);
	unsigned long long lost;

	t->skel->bss->recount++;
	if (bpf_prog_test_run_opts(bpf_program__fd(t->skel->progs.socktrack_recount), &run))
		return -errno;
	lost = __atomic_load_n(&t->skel->bss->lost, __ATOMIC_RELAXED);
	if (lost == t->lost)
		return 0;
	t->lost = lost;
	return 1;
}

int socktrack_ns_counts(struct socktrack *t, uint32_t netns, struct socktrack_ns *out)
{
	if (bpf_map_lookup_elem(bpf_map__fd(t->skel->maps.counts), &netns, out)) {
		if (errno != ENOENT)
			return -errno;
		memset(out, 0, sizeof(*out));
	}
	if (out->recount != t->skel->bss->recount)
		memset(out, 0, sizeof(*out));
	return 0;
}
