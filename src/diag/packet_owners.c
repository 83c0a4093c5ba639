/* SPDX-License-Identifier: GPL-2.0-or-later */
/* packet_owners.c: packet socket inode -> pid and comm (found by procs), as text to record. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag/packet_owners.h"
#include "diag/procs.h"
#include "util/scan.h"

struct owner {
	uint32_t ino;
	int32_t pid;
	char comm[16];
};

static int cmp_owner(const void *a, const void *b)
{
	const struct owner *x = a, *y = b;

	return (x->ino > y->ino) - (x->ino < y->ino);
}

/* comm cut to the kernel's 15 bytes, control bytes made '?': it goes on a line of text. */
static void copy_comm(char dst[16], const char *comm)
{
	size_t n = strnlen(comm, 15);

	for (size_t i = 0; i < n; i++)
		dst[i] = (unsigned char)comm[i] < 0x20 || comm[i] == 0x7f ? '?' : comm[i];
	dst[n] = '\0';
}

/* "INODE PID COMM\n" for each owner found, in o's order. */
static int owners_text(const struct owner *o, size_t n, char **text, size_t *len)
{
	size_t cap = n * (10 + 1 + 10 + 1 + 15 + 1) + 1, used = 0;
	char *b;

	*text = NULL;
	*len = 0;
	b = malloc(cap);
	if (!b)
		return -ENOMEM;
	for (size_t i = 0; i < n; i++)
		if (o[i].pid > 0)
			used += (size_t)snprintf(b + used, cap - used, "%u %d %s\n", o[i].ino,
						 o[i].pid, o[i].comm);
	if (!used) {
		free(b);
		return 0;
	}
	*text = b;
	*len = used;
	return 0;
}

int packet_owners_scan(const char *proc, const struct packet_diag_snap *s, char **text,
		       size_t *len)
{
	struct procs *p = NULL;
	struct owner *o = NULL;
	struct proc_owner po;
	int err = -ENOMEM;

	*text = NULL;
	*len = 0;
	if (!s->n)
		return 0;
	p = procs_new();
	o = calloc(s->n, sizeof(*o));
	if (!p || !o)
		goto out;
	for (unsigned i = 0; i < s->n; i++) {
		err = procs_want(p, s->socks[i].ino);
		if (err)
			goto out;
	}
	/* The walk the sockets view does too: every process's fds, once. */
	err = procs_scan(p, proc);
	if (err)
		goto out;
	for (unsigned i = 0; i < s->n; i++) {
		o[i].ino = s->socks[i].ino;
		if (procs_owner(p, o[i].ino, 0, &po)) {
			o[i].pid = po.pid;
			copy_comm(o[i].comm, po.comm);
		}
	}
	qsort(o, s->n, sizeof(*o), cmp_owner);
	err = owners_text(o, s->n, text, len);
out:
	procs_free(p);
	free(o);
	return err;
}

int packet_owners_reuse(const struct packet_diag_snap *prev, const struct packet_diag_snap *cur,
			char **text, size_t *len)
{
	struct owner *o;
	int err;

	*text = NULL;
	*len = 0;
	if (!prev || !prev->has_owners)
		return 0;
	for (unsigned i = 0; i < cur->n; i++)
		if (!packet_diag_find(prev, cur->socks[i].ino))
			return 0;
	if (!cur->n)
		return 1;
	o = calloc(cur->n, sizeof(*o));
	if (!o)
		return -ENOMEM;
	for (unsigned i = 0; i < cur->n; i++) {
		const struct packet_sock *p = packet_diag_find(prev, cur->socks[i].ino);

		o[i].ino = p->ino;
		o[i].pid = p->pid;
		memcpy(o[i].comm, p->comm, sizeof(o[i].comm));
	}
	err = owners_text(o, cur->n, text, len);
	free(o);
	return err ? err : 1;
}

/* "INODE PID COMM" (comm may hold spaces, up to 15 bytes). */
static int parse_line(const char *p, const char *eol, struct packet_diag_snap *s)
{
	uint64_t ino, pid;
	const char *q;
	struct packet_sock *ps;
	size_t n;

	q = scan_dec(p, eol, UINT32_MAX, " ", &ino);
	if (!q || q == eol || !ino)
		return -EBADMSG;
	q = scan_dec(q + 1, eol, INT32_MAX, " ", &pid);
	if (!q || q == eol || !pid)
		return -EBADMSG;
	n = (size_t)(eol - ++q);
	if (n > 15)
		return -EBADMSG;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)q[i] < 0x20 || q[i] == 0x7f)
			return -EBADMSG;
	/* An owner of a socket the dump does not have is stale, not an error. */
	ps = (struct packet_sock *)packet_diag_find(s, (uint32_t)ino);
	if (!ps)
		return 0;
	ps->pid = (int32_t)pid;
	memcpy(ps->comm, q, n);
	ps->comm[n] = '\0';
	return 0;
}

int packet_owners_apply(struct packet_diag_snap *s, const char *text, size_t len)
{
	const char *p = text, *end, *line, *eol;
	int err;

	for (unsigned i = 0; i < s->n; i++) {
		s->socks[i].pid = 0;
		s->socks[i].comm[0] = '\0';
	}
	/* No owners found: no text at all. */
	end = len ? text + len : text;
	while (scan_next_line(&p, end, &line, &eol)) {
		/* The scan writes whole lines: a last one without '\n' is cut. */
		if (eol == end)
			return -EBADMSG;
		err = parse_line(line, eol, s);
		if (err)
			return err;
	}
	s->has_owners = true;
	return 0;
}
