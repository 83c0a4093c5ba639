/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ssfilter_bc.c: compiles a filter expression to inet_diag bytecode, as ss does. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/inet_diag.h>

#include "diag/ssfilter_bc.h"

/*
 * The kernel runs ops in order: a true condition jumps op->yes bytes ahead,
 * a false one op->no bytes.  A program of length L accepts when it reaches
 * L exactly and rejects when it jumps to L + 4.  Every fragment compiled
 * here keeps that shape: yes is always the op's own length (fall through
 * when true), and each failing jump goes to the fragment's L + 4, which
 * the enclosing and/or/not moves to where failure leads there.  The
 * kernel's audit also wants each target on an op boundary reached by
 * following yes from the start, which falling through guarantees.
 */

struct frag {
	uint8_t *p;
	size_t len;
};

#define OP_LEN sizeof(struct inet_diag_bc_op)
#define MAX_JUMP 0xfff0	/* offsets are u16; stay clear of the top */

static int frag_op(struct frag *f, uint8_t code, const void *payload, size_t plen)
{
	struct inet_diag_bc_op op = { .code = code };
	size_t len = OP_LEN + plen;

	f->p = malloc(len);
	if (!f->p)
		return -ENOMEM;
	op.yes = (uint16_t)len;
	op.no = (uint16_t)(len + 4);
	memcpy(f->p, &op, OP_LEN);
	if (plen)
		memcpy(f->p + OP_LEN, payload, plen);
	f->len = len;
	return 0;
}

static int frag_host(struct frag *f, uint8_t code, const struct ssf_host *h)
{
	uint8_t buf[sizeof(struct inet_diag_hostcond) + 16];
	struct inet_diag_hostcond c = { .family = h->family, .port = h->port };
	size_t alen = h->family == AF_INET ? 4 : h->family == AF_INET6 ? 16 : 0;

	/* An AF_UNSPEC condition may not carry a prefix; it matches any address. */
	c.prefix_len = alen ? h->prefix_len : 0;
	memcpy(buf, &c, sizeof(c));
	memcpy(buf + sizeof(c), h->addr, alen);
	return frag_op(f, code, buf, sizeof(c) + alen);
}

/* Port comparisons carry the port in the no field of a second op. */
static int frag_port(struct frag *f, uint8_t code, int port)
{
	struct inet_diag_bc_op arg = { .no = (uint16_t)port };

	return frag_op(f, code, &arg, sizeof(arg));
}

/* Moves every jump to fail (offset len + 4 from the fragment's start) by reloc bytes. */
static void patch_fail(struct frag *f, size_t reloc)
{
	size_t off = 0;

	while (off < f->len) {
		struct inet_diag_bc_op op;

		memcpy(&op, f->p + off, OP_LEN);
		if (op.code != INET_DIAG_BC_NOP && op.no == f->len - off + 4) {
			op.no = (uint16_t)(op.no + reloc);
			memcpy(f->p + off, &op, OP_LEN);
		}
		off += op.yes;
	}
}

/* a then b, with an optional jump op between them; frees both. */
static int join(struct frag *out, struct frag *a, const struct inet_diag_bc_op *mid,
		struct frag *b)
{
	size_t mlen = mid ? OP_LEN : 0;
	int err = 0;

	out->len = a->len + mlen + b->len;
	out->p = NULL;
	if (out->len + 8 > MAX_JUMP) {
		err = -E2BIG;
		goto out;
	}
	out->p = malloc(out->len);
	if (!out->p) {
		err = -ENOMEM;
		goto out;
	}
	memcpy(out->p, a->p, a->len);
	if (mid)
		memcpy(out->p + a->len, mid, OP_LEN);
	memcpy(out->p + a->len + mlen, b->p, b->len);
out:
	free(a->p);
	free(b->p);
	return err;
}

static int compile(const struct ssf_node *n, struct frag *out)
{
	struct frag a = { 0 }, b = { 0 };
	struct inet_diag_bc_op jmp = { .code = INET_DIAG_BC_JMP, .yes = OP_LEN };
	struct inet_diag_markcond mc;
	int err;

	switch (n->op) {
	case SSF_AND:
	case SSF_OR:
		err = compile(n->a, &a);
		if (!err)
			err = compile(n->b, &b);
		if (err) {
			free(a.p);
			free(b.p);
			return err;
		}
		if (n->op == SSF_AND) {
			/* a failing fails the whole: its fail target moves past b. */
			patch_fail(&a, b.len);
			return join(out, &a, NULL, &b);
		}
		/*
		 * a failing falls to b (its fail target, a.len + 4, is where b
		 * starts); a passing jumps over b to the end.
		 */
		jmp.no = (uint16_t)(b.len + OP_LEN);
		return join(out, &a, &jmp, &b);
	case SSF_NOT:
		err = compile(n->a, &a);
		if (err)
			return err;
		/* a passing reaches this jump, which goes to fail; a failing lands at the end. */
		jmp.no = 2 * OP_LEN;
		b.p = malloc(OP_LEN);
		if (!b.p) {
			free(a.p);
			return -ENOMEM;
		}
		memcpy(b.p, &jmp, OP_LEN);
		b.len = OP_LEN;
		return join(out, &a, NULL, &b);
	case SSF_SRC:
	case SSF_DST:
		/* A UNIX path never matches an inet socket: a jump straight to fail. */
		if (n->host.family == AF_UNIX)
			return frag_op(out, INET_DIAG_BC_JMP, NULL, 0);
		return frag_host(out, n->op == SSF_SRC ? INET_DIAG_BC_S_COND : INET_DIAG_BC_D_COND,
				 &n->host);
	case SSF_SPORT_GE:
		return frag_port(out, INET_DIAG_BC_S_GE, n->host.port);
	case SSF_SPORT_LE:
		return frag_port(out, INET_DIAG_BC_S_LE, n->host.port);
	case SSF_DPORT_GE:
		return frag_port(out, INET_DIAG_BC_D_GE, n->host.port);
	case SSF_DPORT_LE:
		return frag_port(out, INET_DIAG_BC_D_LE, n->host.port);
	case SSF_DEV:
		return frag_op(out, INET_DIAG_BC_DEV_COND, &n->ifindex, sizeof(n->ifindex));
	case SSF_MARK:
		mc.mark = n->mark;
		mc.mask = n->mask;
		return frag_op(out, INET_DIAG_BC_MARK_COND, &mc, sizeof(mc));
	case SSF_AUTOBOUND:
		return frag_op(out, INET_DIAG_BC_AUTO, NULL, 0);
	}
	return -EINVAL;
}

int ssfilter_bc_compile(const struct ssf_node *n, void **bc, size_t *len)
{
	struct frag f = { 0 };
	int err;

	*bc = NULL;
	*len = 0;
	if (!n)
		return 0;
	err = compile(n, &f);
	if (err)
		return err;
	*bc = f.p;
	*len = f.len;
	return 0;
}
