/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cbpf_ebpf.c: classic BPF to an eBPF function that reads the packet with bpf_probe_read_kernel. */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bpf/cbpf_ebpf.h"

/* Where classic BPF's machine lives: A, X, the packet and its readable length. */
#define R_A BPF_REG_6
#define R_X BPF_REG_7
#define R_PKT BPF_REG_8
#define R_CAPLEN BPF_REG_9

/* The stack, below r10: the prefetched bytes, M[0..15], the whole length, a load's bytes. */
#define OFF_BUF (-CBPF_EBPF_PREFETCH)
#define OFF_MEM (OFF_BUF - 16 * 4)
#define OFF_WIRELEN (OFF_MEM - 8)
#define OFF_TMP (OFF_WIRELEN - 8)
_Static_assert(-OFF_TMP == CBPF_EBPF_STACK, "the stack layout and its size agree");

/* A jump's target: a classic instruction's first eBPF instruction, or the shared reject. */
#define TARGET_REJECT (-1L)

struct fixup {
	size_t at;		/* the jump */
	long target;		/* a classic index, or TARGET_REJECT */
};

struct emitter {
	struct bpf_insn *v;
	size_t n, cap;
	struct fixup *fx;
	size_t nfx, capfx;
	bool oom;
};

static struct bpf_insn insn(uint8_t code, uint8_t dst, uint8_t src, int16_t off, int32_t imm)
{
	return (struct bpf_insn){ .code = code, .dst_reg = dst, .src_reg = src, .off = off,
				  .imm = imm };
}

static size_t emit(struct emitter *e, struct bpf_insn in)
{
	if (e->n == e->cap) {
		size_t ncap = e->cap ? e->cap * 2 : 256;
		struct bpf_insn *nv = realloc(e->v, ncap * sizeof(*nv));

		if (!nv) {
			e->oom = true;
			return e->n;
		}
		e->v = nv;
		e->cap = ncap;
	}
	e->v[e->n] = in;
	return e->n++;
}

/* A jump whose offset is filled in once every target's place is known. */
static void emit_jump(struct emitter *e, struct bpf_insn in, long target)
{
	size_t at = emit(e, in);

	if (e->oom)
		return;
	if (e->nfx == e->capfx) {
		size_t ncap = e->capfx ? e->capfx * 2 : 256;
		struct fixup *nf = realloc(e->fx, ncap * sizeof(*nf));

		if (!nf) {
			e->oom = true;
			return;
		}
		e->fx = nf;
		e->capfx = ncap;
	}
	e->fx[e->nfx++] = (struct fixup){ at, target };
}

/* A jump inside one translation: back-patched by the caller once its target is emitted. */
static void patch_here(struct emitter *e, size_t at)
{
	if (!e->oom)
		e->v[at].off = (int16_t)(e->n - at - 1);
}

static void emit_helper_call(struct emitter *e, int32_t helper)
{
	emit(e, insn(BPF_JMP | BPF_CALL, 0, 0, 0, helper));
}

static unsigned size_bytes(unsigned bpf_size)
{
	return bpf_size == BPF_W ? 4 : bpf_size == BPF_H ? 2 : 1;
}

/* The eBPF size code of a load of n bytes. */
static uint8_t ebpf_size(unsigned n)
{
	return n == 4 ? BPF_W : n == 2 ? BPF_H : BPF_B;
}

/* Network order to the host's: the packet's words are big-endian. */
static void emit_to_host(struct emitter *e, uint8_t dst, unsigned n)
{
	if (n > 1)
		emit(e, insn(BPF_ALU | BPF_END | BPF_TO_BE, dst, 0, 0, (int32_t)(n * 8)));
}

/*
 * n big-endian bytes of the prefetch at base + off into dst, a byte at a
 * time: the verifier refuses a stack access not aligned to its size, and the
 * packet's fields sit anywhere.  r4 is the scratch.
 */
static void emit_prefetch_read(struct emitter *e, uint8_t dst, uint8_t base, int16_t off,
			       unsigned n)
{
	emit(e, insn(BPF_LDX | BPF_MEM | BPF_B, dst, base, off, 0));
	for (unsigned i = 1; i < n; i++) {
		emit(e, insn(BPF_LDX | BPF_MEM | BPF_B, BPF_REG_4, base, (int16_t)(off + (int)i), 0));
		emit(e, insn(BPF_ALU | BPF_LSH | BPF_K, dst, 0, 0, 8));
		emit(e, insn(BPF_ALU | BPF_OR | BPF_X, dst, BPF_REG_4, 0, 0));
	}
}

/*
 * Reads n bytes at the offset in r1 (64 bits: X + k cannot wrap) into dst:
 * past the capture length rejects; inside the prefetch a stack read, else a
 * helper call.  fast: whether the offset may fall inside the prefetch.
 */
static void emit_load_at_r1(struct emitter *e, uint8_t dst, unsigned n, bool fast)
{
	size_t to_slow = 0, to_done = 0;

	emit(e, insn(BPF_ALU64 | BPF_MOV | BPF_X, BPF_REG_2, BPF_REG_1, 0, 0));
	emit(e, insn(BPF_ALU64 | BPF_ADD | BPF_K, BPF_REG_2, 0, 0, (int32_t)n));
	emit_jump(e, insn(BPF_JMP | BPF_JGT | BPF_X, BPF_REG_2, R_CAPLEN, 0, 0), TARGET_REJECT);
	if (fast) {
		to_slow = emit(e, insn(BPF_JMP | BPF_JGT | BPF_K, BPF_REG_1, 0, 0,
				       (int32_t)(CBPF_EBPF_PREFETCH - n)));
		emit(e, insn(BPF_ALU64 | BPF_MOV | BPF_X, BPF_REG_3, BPF_REG_10, 0, 0));
		emit(e, insn(BPF_ALU64 | BPF_ADD | BPF_X, BPF_REG_3, BPF_REG_1, 0, 0));
		emit_prefetch_read(e, dst, BPF_REG_3, OFF_BUF, n);
		to_done = emit(e, insn(BPF_JMP | BPF_JA, 0, 0, 0, 0));
		patch_here(e, to_slow);
	}
	emit(e, insn(BPF_ALU64 | BPF_MOV | BPF_X, BPF_REG_3, R_PKT, 0, 0));
	emit(e, insn(BPF_ALU64 | BPF_ADD | BPF_X, BPF_REG_3, BPF_REG_1, 0, 0));
	emit(e, insn(BPF_ALU64 | BPF_MOV | BPF_X, BPF_REG_1, BPF_REG_10, 0, 0));
	emit(e, insn(BPF_ALU64 | BPF_ADD | BPF_K, BPF_REG_1, 0, 0, OFF_TMP));
	emit(e, insn(BPF_ALU64 | BPF_MOV | BPF_K, BPF_REG_2, 0, 0, (int32_t)n));
	emit_helper_call(e, BPF_FUNC_probe_read_kernel);
	emit_jump(e, insn(BPF_JMP | BPF_JNE | BPF_K, BPF_REG_0, 0, 0, 0), TARGET_REJECT);
	emit(e, insn(BPF_LDX | BPF_MEM | ebpf_size(n), dst, BPF_REG_10, OFF_TMP, 0));
	emit_to_host(e, dst, n);
	if (fast)
		patch_here(e, to_done);
}

/* P[k:n], a constant offset: inside the prefetch, a length check and a stack read. */
static void emit_load_abs(struct emitter *e, uint8_t dst, unsigned n, uint32_t k)
{
	if ((uint64_t)k + n <= CBPF_EBPF_PREFETCH) {
		emit_jump(e, insn(BPF_JMP | BPF_JLT | BPF_K, R_CAPLEN, 0, 0, (int32_t)(k + n)),
			  TARGET_REJECT);
		emit_prefetch_read(e, dst, BPF_REG_10, (int16_t)(OFF_BUF + (int)k), n);
		return;
	}
	/* mov32 zero-extends: k up to 2^32-1 stays positive. */
	emit(e, insn(BPF_ALU | BPF_MOV | BPF_K, BPF_REG_1, 0, 0, (int32_t)k));
	emit_load_at_r1(e, dst, n, false);
}

/* P[X+k:n]. */
static void emit_load_ind(struct emitter *e, uint8_t dst, unsigned n, uint32_t k)
{
	emit(e, insn(BPF_ALU64 | BPF_MOV | BPF_X, BPF_REG_1, R_X, 0, 0));
	emit(e, insn(BPF_ALU | BPF_MOV | BPF_K, BPF_REG_2, 0, 0, (int32_t)k));
	emit(e, insn(BPF_ALU64 | BPF_ADD | BPF_X, BPF_REG_1, BPF_REG_2, 0, 0));
	emit_load_at_r1(e, dst, n, true);
}

static void emit_prologue(struct emitter *e)
{
	size_t skip;

	emit(e, insn(BPF_ALU64 | BPF_MOV | BPF_X, R_PKT, BPF_REG_1, 0, 0));
	emit(e, insn(BPF_ALU | BPF_MOV | BPF_X, R_CAPLEN, BPF_REG_2, 0, 0));
	emit(e, insn(BPF_ALU | BPF_MOV | BPF_X, BPF_REG_3, BPF_REG_3, 0, 0));
	emit(e, insn(BPF_STX | BPF_MEM | BPF_DW, BPF_REG_10, BPF_REG_3, OFF_WIRELEN, 0));
	/* The prefetch and M[] zeroed: reads at a variable offset need initialized stack. */
	emit(e, insn(BPF_ALU64 | BPF_MOV | BPF_K, BPF_REG_0, 0, 0, 0));
	for (int off = OFF_MEM; off < 0; off += 8)
		emit(e, insn(BPF_STX | BPF_MEM | BPF_DW, BPF_REG_10, BPF_REG_0, (int16_t)off, 0));
	/* libpcap's bpf_filter() starts with A = X = 0. */
	emit(e, insn(BPF_ALU | BPF_MOV | BPF_K, R_A, 0, 0, 0));
	emit(e, insn(BPF_ALU | BPF_MOV | BPF_K, R_X, 0, 0, 0));
	emit(e, insn(BPF_ALU64 | BPF_MOV | BPF_X, BPF_REG_2, R_CAPLEN, 0, 0));
	skip = emit(e, insn(BPF_JMP | BPF_JLE | BPF_K, BPF_REG_2, 0, 0, CBPF_EBPF_PREFETCH));
	emit(e, insn(BPF_ALU64 | BPF_MOV | BPF_K, BPF_REG_2, 0, 0, CBPF_EBPF_PREFETCH));
	patch_here(e, skip);
	emit(e, insn(BPF_ALU64 | BPF_MOV | BPF_X, BPF_REG_1, BPF_REG_10, 0, 0));
	emit(e, insn(BPF_ALU64 | BPF_ADD | BPF_K, BPF_REG_1, 0, 0, OFF_BUF));
	emit(e, insn(BPF_ALU64 | BPF_MOV | BPF_X, BPF_REG_3, R_PKT, 0, 0));
	emit_helper_call(e, BPF_FUNC_probe_read_kernel);
	emit_jump(e, insn(BPF_JMP | BPF_JNE | BPF_K, BPF_REG_0, 0, 0, 0), TARGET_REJECT);
}

static void emit_return_const(struct emitter *e, uint32_t k)
{
	emit(e, insn(BPF_ALU | BPF_MOV | BPF_K, BPF_REG_0, 0, 0, (int32_t)k));
	emit(e, insn(BPF_JMP | BPF_EXIT, 0, 0, 0, 0));
}

static int bad(char *why, size_t whylen, size_t i, const char *what, unsigned code)
{
	snprintf(why, whylen, "instruction %zu (opcode 0x%02x): %s", i, code, what);
	return -EINVAL;
}

/* A / X or A % X: libpcap's bpf_filter() returns 0 for a zero divisor, where eBPF gives 0. */
static void emit_alu(struct emitter *e, const struct sock_filter *f)
{
	unsigned op = BPF_OP(f->code);
	bool x = BPF_SRC(f->code) == BPF_X;

	if (op == BPF_NEG) {
		emit(e, insn(BPF_ALU | BPF_NEG, R_A, 0, 0, 0));
		return;
	}
	if ((op == BPF_DIV || op == BPF_MOD) && x)
		emit_jump(e, insn(BPF_JMP32 | BPF_JEQ | BPF_K, R_X, 0, 0, 0), TARGET_REJECT);
	if ((op == BPF_DIV || op == BPF_MOD) && !x && f->k == 0) {
		emit_return_const(e, 0);
		return;
	}
	/*
	 * A constant shift by 32 or more: bpf_validate() lets it through, and
	 * bpf_filter()'s C shift takes the count modulo 32 as x86 does; the
	 * verifier refuses such a count.
	 */
	if ((op == BPF_LSH || op == BPF_RSH) && !x && f->k >= 32) {
		emit(e, insn(BPF_ALU | op | BPF_K, R_A, 0, 0, (int32_t)(f->k & 31)));
		return;
	}
	if ((op == BPF_LSH || op == BPF_RSH) && x) {
		size_t small = emit(e, insn(BPF_JMP32 | BPF_JLT | BPF_K, R_X, 0, 0, 32));
		size_t done;

		emit(e, insn(BPF_ALU | BPF_MOV | BPF_K, R_A, 0, 0, 0));
		done = emit(e, insn(BPF_JMP | BPF_JA, 0, 0, 0, 0));
		patch_here(e, small);
		emit(e, insn(BPF_ALU | op | BPF_X, R_A, R_X, 0, 0));
		patch_here(e, done);
		return;
	}
	if (x)
		emit(e, insn(BPF_ALU | op | BPF_X, R_A, R_X, 0, 0));
	else
		emit(e, insn(BPF_ALU | op | BPF_K, R_A, 0, 0, (int32_t)f->k));
}

static bool alu_op_known(unsigned op)
{
	switch (op) {
	case BPF_ADD: case BPF_SUB: case BPF_MUL: case BPF_DIV: case BPF_OR: case BPF_AND:
	case BPF_LSH: case BPF_RSH: case BPF_NEG: case BPF_MOD: case BPF_XOR:
		return true;
	default:
		return false;
	}
}

/* Conditional jumps compare A's 32 bits: JMP32, so a k of 0x80000000 or more is not sign-extended. */
static int emit_jmp(struct emitter *e, const struct sock_filter *f, size_t i, size_t n,
		    char *why, size_t whylen)
{
	unsigned op = BPF_OP(f->code);
	size_t t = i + 1 + f->jt, fl = i + 1 + f->jf;

	if (op == BPF_JA) {
		if ((uint64_t)i + 1 + f->k >= n)
			return bad(why, whylen, i, "a jump past the end", f->code);
		emit_jump(e, insn(BPF_JMP | BPF_JA, 0, 0, 0, 0), (long)(i + 1 + f->k));
		return 0;
	}
	if (op != BPF_JEQ && op != BPF_JGT && op != BPF_JGE && op != BPF_JSET)
		return bad(why, whylen, i, "not a classic BPF jump", f->code);
	if (t >= n || fl >= n)
		return bad(why, whylen, i, "a jump past the end", f->code);
	if (BPF_SRC(f->code) == BPF_X)
		emit_jump(e, insn(BPF_JMP32 | op | BPF_X, R_A, R_X, 0, 0), (long)t);
	else
		emit_jump(e, insn(BPF_JMP32 | op | BPF_K, R_A, 0, 0, (int32_t)f->k), (long)t);
	if (f->jf)
		emit_jump(e, insn(BPF_JMP | BPF_JA, 0, 0, 0, 0), (long)fl);
	return 0;
}

static int emit_ld(struct emitter *e, const struct sock_filter *f, size_t i, uint8_t dst,
		   char *why, size_t whylen)
{
	unsigned mode = BPF_MODE(f->code), sz = BPF_SIZE(f->code);
	bool ldx = BPF_CLASS(f->code) == BPF_LDX;

	switch (mode) {
	case BPF_IMM:
		emit(e, insn(BPF_ALU | BPF_MOV | BPF_K, dst, 0, 0, (int32_t)f->k));
		return 0;
	case BPF_MEM:
		if (f->k >= 16)
			return bad(why, whylen, i, "scratch memory index past 15", f->code);
		emit(e, insn(BPF_LDX | BPF_MEM | BPF_W, dst, BPF_REG_10,
			     (int16_t)(OFF_MEM + 4 * (int)f->k), 0));
		return 0;
	case BPF_LEN:
		emit(e, insn(BPF_LDX | BPF_MEM | BPF_W, dst, BPF_REG_10, OFF_WIRELEN, 0));
		return 0;
	case BPF_ABS:
	case BPF_IND:
		if (ldx || sz == 0x18)
			break;
		if (mode == BPF_ABS)
			emit_load_abs(e, dst, size_bytes(sz), f->k);
		else
			emit_load_ind(e, dst, size_bytes(sz), f->k);
		return 0;
	case BPF_MSH:
		if (!ldx || sz != BPF_B)
			break;
		/* X = (P[k] & 0xf) << 2: an IPv4 header's length. */
		emit_load_abs(e, R_X, 1, f->k);
		emit(e, insn(BPF_ALU | BPF_AND | BPF_K, R_X, 0, 0, 0xf));
		emit(e, insn(BPF_ALU | BPF_LSH | BPF_K, R_X, 0, 0, 2));
		return 0;
	}
	return bad(why, whylen, i, "not a classic BPF load", f->code);
}

static int emit_one(struct emitter *e, const struct sock_filter *f, size_t i, size_t n,
		    char *why, size_t whylen)
{
	switch (BPF_CLASS(f->code)) {
	case BPF_LD:
		return emit_ld(e, f, i, R_A, why, whylen);
	case BPF_LDX:
		return emit_ld(e, f, i, R_X, why, whylen);
	case BPF_ST:
	case BPF_STX:
		if (f->k >= 16)
			return bad(why, whylen, i, "scratch memory index past 15", f->code);
		emit(e, insn(BPF_STX | BPF_MEM | BPF_W, BPF_REG_10,
			     BPF_CLASS(f->code) == BPF_ST ? R_A : R_X,
			     (int16_t)(OFF_MEM + 4 * (int)f->k), 0));
		return 0;
	case BPF_ALU:
		if (!alu_op_known(BPF_OP(f->code)))
			return bad(why, whylen, i, "not a classic BPF operation", f->code);
		emit_alu(e, f);
		return 0;
	case BPF_JMP:
		return emit_jmp(e, f, i, n, why, whylen);
	case BPF_RET:
		if (BPF_RVAL(f->code) == BPF_K) {
			emit_return_const(e, f->k);
		} else if (BPF_RVAL(f->code) == BPF_A) {
			emit(e, insn(BPF_ALU | BPF_MOV | BPF_X, BPF_REG_0, R_A, 0, 0));
			emit(e, insn(BPF_JMP | BPF_EXIT, 0, 0, 0, 0));
		} else {
			return bad(why, whylen, i, "not a classic BPF return", f->code);
		}
		return 0;
	case BPF_MISC:
		if (BPF_MISCOP(f->code) == BPF_TAX)
			emit(e, insn(BPF_ALU | BPF_MOV | BPF_X, R_X, R_A, 0, 0));
		else if (BPF_MISCOP(f->code) == BPF_TXA)
			emit(e, insn(BPF_ALU | BPF_MOV | BPF_X, R_A, R_X, 0, 0));
		else
			return bad(why, whylen, i, "not a classic BPF register move", f->code);
		return 0;
	}
	return bad(why, whylen, i, "not a classic BPF instruction", f->code);
}

/*
 * Which instructions a run can reach: the verifier refuses unreachable code,
 * and libpcap's optimizer may leave some.
 */
static bool *reachable_of(const struct sock_filter *in, size_t n)
{
	bool *r = calloc(n ? n : 1, sizeof(*r));

	if (!r)
		return NULL;
	if (n)
		r[0] = true;
	for (size_t i = 0; i < n; i++) {
		const struct sock_filter *f = &in[i];

		if (!r[i] || BPF_CLASS(f->code) == BPF_RET)
			continue;
		if (BPF_CLASS(f->code) != BPF_JMP) {
			if (i + 1 < n)
				r[i + 1] = true;
		} else if (BPF_OP(f->code) == BPF_JA) {
			if ((uint64_t)i + 1 + f->k < n)
				r[i + 1 + f->k] = true;
		} else {
			if (i + 1 + f->jt < n)
				r[i + 1 + f->jt] = true;
			if (i + 1 + f->jf < n)
				r[i + 1 + f->jf] = true;
		}
	}
	return r;
}

static int resolve(struct emitter *e, const size_t *start, size_t reject, char *why,
		   size_t whylen)
{
	for (size_t j = 0; j < e->nfx; j++) {
		const struct fixup *x = &e->fx[j];
		long to = x->target == TARGET_REJECT ? (long)reject : (long)start[x->target];
		long off = to - (long)x->at - 1;

		if (off > INT16_MAX) {
			snprintf(why, whylen, "the filter is too long to translate (a jump of %ld)",
				 off);
			return -EINVAL;
		}
		e->v[x->at].off = (int16_t)off;
	}
	return 0;
}

int cbpf_ebpf_translate(const struct sock_filter *in, size_t n, struct bpf_insn **out,
			size_t *nout, char *why, size_t whylen)
{
	struct emitter e = { 0 };
	size_t *start = calloc(n + 1, sizeof(*start)), reject;
	bool *reach = reachable_of(in, n);
	int err = 0;

	*out = NULL;
	*nout = 0;
	if (!start || !reach) {
		err = -ENOMEM;
		goto out;
	}
	if (!n || BPF_CLASS(in[n - 1].code) != BPF_RET) {
		err = bad(why, whylen, n ? n - 1 : 0, "the program does not end in a return",
			  n ? in[n - 1].code : 0);
		goto out;
	}
	emit_prologue(&e);
	for (size_t i = 0; i < n && !err; i++) {
		start[i] = e.n;
		if (reach[i])
			err = emit_one(&e, &in[i], i, n, why, whylen);
	}
	if (err)
		goto out;
	reject = e.n;
	emit_return_const(&e, 0);
	if (e.oom) {
		err = -ENOMEM;
		goto out;
	}
	err = resolve(&e, start, reject, why, whylen);
out:
	if (!err && e.oom)
		err = -ENOMEM;
	if (err) {
		free(e.v);
	} else {
		*out = e.v;
		*nout = e.n;
	}
	free(e.fx);
	free(start);
	free(reach);
	return err;
}
