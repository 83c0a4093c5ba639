/* SPDX-License-Identifier: GPL-2.0-or-later */
/* nldump.c: netlink requests through libmnl, replies kept as raw bytes, and a checked walk. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include <libmnl/libmnl.h>

#include "util/nldump.h"

/* libmnl 1.0.5 names the size the kernel fills dump datagrams to; older ones do not. */
#ifndef MNL_SOCKET_DUMP_SIZE
#define MNL_SOCKET_DUMP_SIZE 32768
#endif

/* A dump racing with changes is redone; a few tries are enough outside a storm. */
#define NLDUMP_TRIES 5

struct nldump_buf {
	char *data;
	size_t len, cap;
	uint16_t want;
};

/* Appends one message padded to NLMSG_ALIGNTO. */
static int buf_append(struct nldump_buf *b, const struct nlmsghdr *nlh)
{
	size_t need = MNL_ALIGN(nlh->nlmsg_len);

	if (b->cap - b->len < need) {
		size_t cap = b->cap ? b->cap : 16384;
		char *p;

		while (cap - b->len < need) {
			if (cap > SIZE_MAX / 2)
				return -ENOMEM;
			cap *= 2;
		}
		p = realloc(b->data, cap);
		if (!p)
			return -ENOMEM;
		b->data = p;
		b->cap = cap;
	}
	memcpy(b->data + b->len, nlh, nlh->nlmsg_len);
	memset(b->data + b->len + nlh->nlmsg_len, 0, need - nlh->nlmsg_len);
	b->len += need;
	return 0;
}

static int data_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nldump_buf *b = data;

	if (b->want && nlh->nlmsg_type != b->want)
		return MNL_CB_OK;
	if (buf_append(b, nlh)) {
		errno = ENOMEM;
		return MNL_CB_ERROR;
	}
	return MNL_CB_OK;
}

static int error_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlmsgerr *e = mnl_nlmsg_get_payload(nlh);

	if (mnl_nlmsg_get_payload_len(nlh) < sizeof(*e)) {
		errno = EBADMSG;
		return MNL_CB_ERROR;
	}
	if (!e->error)
		return MNL_CB_STOP;
	errno = e->error < 0 ? -e->error : e->error;
	return MNL_CB_ERROR;
}

/*
 * A dump that fails half way (a message too big for the skb, ...) ends with
 * NLMSG_DONE carrying the negative errno; libmnl 1.0.4 ignores it.
 */
static int done_cb(const struct nlmsghdr *nlh, void *data)
{
	int v;

	if (mnl_nlmsg_get_payload_len(nlh) >= sizeof(v)) {
		memcpy(&v, mnl_nlmsg_get_payload(nlh), sizeof(v));
		if (v < 0) {
			errno = -v;
			return MNL_CB_ERROR;
		}
	}
	return MNL_CB_STOP;
}

/* Not const: mnl_cb_run2 takes a plain pointer. */
static mnl_cb_t ctl_cb[NLMSG_DONE + 1] = {
	[NLMSG_ERROR] = error_cb,
	[NLMSG_DONE] = done_cb,
};

struct nlmsghdr *nldump_request(void *buf, size_t size, uint16_t type, uint16_t flags)
{
	struct nlmsghdr *nlh;

	memset(buf, 0, size);
	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = NLM_F_REQUEST | flags;
	return nlh;
}

/* One request and its replies.  -EINTR when the kernel flagged the dump NLM_F_DUMP_INTR. */
static int request_once(int proto, struct nlmsghdr *req, struct nldump_buf *b, char *rx)
{
	bool dump = req->nlmsg_flags & NLM_F_DUMP;
	struct mnl_socket *nl;
	unsigned portid;
	ssize_t n;
	int err, ret;

	nl = mnl_socket_open2(proto, SOCK_CLOEXEC);
	if (!nl)
		return -errno;
	if (mnl_socket_bind(nl, 0, MNL_SOCKET_AUTOPID) < 0) {
		err = -errno;
		goto out;
	}
	portid = mnl_socket_get_portid(nl);
	if (mnl_socket_sendto(nl, req, req->nlmsg_len) < 0) {
		err = -errno;
		goto out;
	}
	b->len = 0;
	for (;;) {
		n = mnl_socket_recvfrom(nl, rx, MNL_SOCKET_DUMP_SIZE);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			err = -errno;
			goto out;
		}
		/* Checks port id and sequence number, and stops on NLM_F_DUMP_INTR with EINTR. */
		errno = 0;
		ret = mnl_cb_run2(rx, (size_t)n, req->nlmsg_seq, portid, data_cb, b, ctl_cb,
				  MNL_ARRAY_SIZE(ctl_cb));
		if (ret < 0) {
			err = errno ? -errno : -EPROTO;
			goto out;
		}
		if (ret == MNL_CB_STOP || !dump)
			break;
	}
	err = 0;
out:
	mnl_socket_close(nl);
	return err;
}

int nldump(int proto, struct nlmsghdr *req, uint16_t want, void **buf, size_t *len)
{
	struct nldump_buf b = { .want = want };
	uint32_t seq = (uint32_t)time(NULL);
	char *rx;
	int err = -EAGAIN;

	*buf = NULL;
	*len = 0;
	rx = malloc(MNL_SOCKET_DUMP_SIZE);
	if (!rx) {
		err = -ENOMEM;
		goto out;
	}
	for (int i = 0; i < NLDUMP_TRIES; i++) {
		req->nlmsg_seq = seq + (uint32_t)i;
		err = request_once(proto, req, &b, rx);
		if (err != -EINTR)
			break;
	}
	/* Still interrupted after every try: the caller may come back later. */
	if (err == -EINTR)
		err = -EAGAIN;
	if (err)
		goto out;
	*buf = b.data;
	*len = b.len;
	b.data = NULL;
out:
	free(b.data);
	free(rx);
	return err;
}

int nldump_next(const void *buf, size_t len, size_t *off, const struct nlmsghdr **nlh)
{
	const struct nlmsghdr *h;
	size_t rem;

	/* Headers are read in place: the buffer must be aligned as a datagram is. */
	if ((uintptr_t)buf % NLMSG_ALIGNTO)
		return -EINVAL;
	if (*off >= len)
		return 0;
	/* Keeps every length below within int, which libmnl's checks take. */
	if (len > INT_MAX)
		return -EBADMSG;
	h = (const void *)((const char *)buf + *off);
	rem = len - *off;
	/* mnl_nlmsg_ok casts nlmsg_len to int: a length of 2^31 or more would pass. */
	if (!mnl_nlmsg_ok(h, (int)rem) || h->nlmsg_len > rem)
		return -EBADMSG;
	/* The last message may lack its padding: then this steps past len and ends. */
	*off += MNL_ALIGN(h->nlmsg_len);
	*nlh = h;
	return 1;
}

int nldump_attrs(const void *start, size_t len, int (*cb)(const struct nlattr *a, void *arg),
		 void *arg)
{
	size_t off = 0;
	int err;

	if (len > INT_MAX)
		return -EBADMSG;
	while (off < len) {
		const struct nlattr *a = (const void *)((const char *)start + off);

		if (!mnl_attr_ok(a, (int)(len - off)))
			return -EBADMSG;
		err = cb(a, arg);
		if (err)
			return err;
		off += MNL_ALIGN(a->nla_len);
	}
	return 0;
}

int nldump_attr_copy(const struct nlattr *a, void *dst, size_t n)
{
	if (mnl_attr_get_payload_len(a) < n)
		return -EBADMSG;
	memcpy(dst, mnl_attr_get_payload(a), n);
	return 0;
}
