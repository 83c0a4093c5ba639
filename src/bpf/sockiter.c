/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sockiter.c: loads sockiter.bpf.c's iterators and reads the fullest TCP and UDP sockets from them. */
#include "config.h"

#include <errno.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "bpf/loader.h"
#include "bpf/sockiter.h"
#include "src/bpf/sockiter.skel.h"

/* Records read at once: a read of an iterator returns what its buffer holds. */
#define READ_RECS 256

struct sockiter {
	struct sockiter_bpf *skel;
	struct bpf_link *tcp, *udp;
	struct sockiter_rec buf[READ_RECS];
	int (*on_record)(const struct sockiter_rec *r, void *arg);
	void *on_record_arg;
};

struct sockiter *sockiter_open(void)
{
	const char *env = getenv("SOCKEYE_SOCKITER");
	struct sockiter *it;
	int err;

	if (env && !strcmp(env, "off")) {
		errno = ECANCELED;
		return NULL;
	}
	loader_init();
	it = calloc(1, sizeof(*it));
	if (!it)
		return NULL;
	it->skel = sockiter_bpf__open_and_load();
	if (!it->skel)
		goto fail;
	it->tcp = bpf_program__attach_iter(it->skel->progs.sockiter_tcp, NULL);
	if (!it->tcp)
		goto fail;
	it->udp = bpf_program__attach_iter(it->skel->progs.sockiter_udp, NULL);
	if (!it->udp)
		goto fail;
	return it;
fail:
	err = errno;
	sockiter_close(it);
	errno = err ? err : EINVAL;
	return NULL;
}

void sockiter_close(struct sockiter *it)
{
	if (!it)
		return;
	bpf_link__destroy(it->udp);
	bpf_link__destroy(it->tcp);
	sockiter_bpf__destroy(it->skel);
	free(it);
}

void sockiter_on_record(struct sockiter *it, int (*fn)(const struct sockiter_rec *r, void *arg),
			void *arg)
{
	it->on_record = fn;
	it->on_record_arg = arg;
}

void sockiter_rec_to_sock(const struct sockiter_rec *in, struct sock_rec *r)
{
	memset(r, 0, sizeof(*r));
	r->table = in->protocol == IPPROTO_TCP ? SOCKTAB_TCP : SOCKTAB_UDP;
	r->family = in->family;
	r->state = in->state;
	r->rqueue = in->rqueue;
	r->wqueue = in->wqueue;
	memcpy(r->src, in->src, sizeof(r->src));
	memcpy(r->dst, in->dst, sizeof(r->dst));
	r->sport = in->sport;
	r->dport = in->dport;
	r->ifindex = in->ifindex;
	r->inode = in->inode;
	r->cookie = in->cookie;
	r->uid = in->uid;
	r->has_uid = true;
	r->skmem = in->skmem;
	r->skmem_len = sizeof(in->skmem);
	/* The iterators need root: sock_diag would send the mark too. */
	r->mark = in->mark;
	r->has_mark = true;
	r->shutdown = in->shutdown;
	r->has_shutdown = true;
	r->cgroup_id = in->cgroup_id;
	r->has_cgroup = true;
}

/* One table's walk: a new iterator (in the current namespace), read to its end. */
static int walk(struct sockiter *it, struct bpf_link *link,
		int (*cb)(const struct sock_rec *r, void *arg), void *arg)
{
	int fd = bpf_iter_create(bpf_link__fd(link)), err = 0;
	size_t have = 0;

	if (fd < 0)
		return fd;
	for (;;) {
		ssize_t n = read(fd, (char *)it->buf + have, sizeof(it->buf) - have);
		size_t nrec;

		/* EAGAIN: a million sockets visited without a record; the next read goes on. */
		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n < 0) {
			err = -errno;
			break;
		}
		if (n == 0) {
			/* A record cut at the end cannot be: the program writes whole ones. */
			err = have ? -EBADMSG : 0;
			break;
		}
		have += (size_t)n;
		nrec = have / sizeof(it->buf[0]);
		for (size_t i = 0; !err && i < nrec; i++) {
			struct sock_rec r;

			if (it->on_record)
				err = it->on_record(&it->buf[i], it->on_record_arg);
			if (err)
				break;
			sockiter_rec_to_sock(&it->buf[i], &r);
			err = cb(&r, arg);
		}
		if (err)
			break;
		/* A read may end inside a record: its start moves to the front. */
		have -= nrec * sizeof(it->buf[0]);
		memmove(it->buf, (char *)it->buf + nrec * sizeof(it->buf[0]), have);
	}
	close(fd);
	return err;
}

int sockiter_run(struct sockiter *it, int (*cb)(const struct sock_rec *r, void *arg), void *arg)
{
	int err = walk(it, it->tcp, cb, arg);

	return err ? err : walk(it, it->udp, cb, arg);
}
