/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ebpf_interp.c: a small eBPF interpreter for what cbpf_ebpf.c emits, checked as it runs. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bpf/cbpf_ebpf.h"
#include "ebpf_interp.h"

#define STACK_SIZE 512
/* Enough for any filter of the corpus: a loop would be a translator bug (there are no back edges). */
#define MAX_STEPS 1000000

struct vm {
	uint64_t r[11];
	bool set[11];
	uint8_t stack[STACK_SIZE];
	const uint8_t *pkt;
	unsigned caplen;
	char *why;
	size_t whylen;
};

static int fail(struct vm *m, size_t pc, const char *what)
{
	snprintf(m->why, m->whylen, "insn %zu: %s", pc, what);
	return -1;
}

/* The stack bytes [addr, addr+n) inside the function's frame, or NULL. */
static uint8_t *stack_at(struct vm *m, uint64_t addr, unsigned n)
{
	uint64_t top = (uint64_t)(uintptr_t)(m->stack + STACK_SIZE);

	if (addr < top - CBPF_EBPF_STACK || addr + n > top)
		return NULL;
	return m->stack + (addr - (top - STACK_SIZE));
}

static uint64_t alu(unsigned op, uint64_t a, uint64_t b, bool is64)
{
	unsigned bits = is64 ? 64 : 32;
	uint64_t mask = is64 ? ~0ull : 0xffffffffull;

	a &= mask;
	b &= mask;
	switch (op) {
	case BPF_ADD: return (a + b) & mask;
	case BPF_SUB: return (a - b) & mask;
	case BPF_MUL: return (a * b) & mask;
	case BPF_DIV: return b ? a / b : 0;
	case BPF_MOD: return b ? a % b : a;
	case BPF_OR: return a | b;
	case BPF_AND: return a & b;
	case BPF_XOR: return a ^ b;
	case BPF_LSH: return (a << (b % bits)) & mask;
	case BPF_RSH: return a >> (b % bits);
	case BPF_NEG: return (0 - a) & mask;
	case BPF_MOV: return b;
	default: return 0;
	}
}

static bool cond(unsigned op, uint64_t a, uint64_t b, bool is32)
{
	if (is32) {
		a &= 0xffffffffull;
		b &= 0xffffffffull;
	}
	switch (op) {
	case BPF_JEQ: return a == b;
	case BPF_JNE: return a != b;
	case BPF_JGT: return a > b;
	case BPF_JGE: return a >= b;
	case BPF_JLT: return a < b;
	case BPF_JLE: return a <= b;
	case BPF_JSET: return (a & b) != 0;
	default: return false;
	}
}

static int helper(struct vm *m, size_t pc, int32_t id)
{
	uint64_t dst = m->r[1], n = m->r[2], src = m->r[3];
	uint64_t lo = (uint64_t)(uintptr_t)m->pkt;
	uint8_t *d;

	if (id != BPF_FUNC_probe_read_kernel)
		return fail(m, pc, "a helper other than probe_read_kernel");
	if (!m->set[1] || !m->set[2] || !m->set[3])
		return fail(m, pc, "a helper argument never set");
	d = stack_at(m, dst, (unsigned)n);
	if (n > STACK_SIZE || (n && !d))
		return fail(m, pc, "probe_read_kernel into memory outside the frame");
	if (n && (src < lo || src + n > lo + m->caplen))
		return fail(m, pc, "probe_read_kernel outside the packet's captured bytes");
	if (n)
		memcpy(d, (const void *)(uintptr_t)src, n);
	m->r[0] = 0;
	m->set[0] = true;
	for (int i = 1; i <= 5; i++)
		m->set[i] = false;
	return 0;
}

static int run(struct vm *m, const struct bpf_insn *p, size_t n, uint64_t *r0)
{
	size_t pc = 0;

	for (long steps = 0; steps < MAX_STEPS; steps++) {
		const struct bpf_insn *in;
		unsigned cls, op, sz;
		uint64_t src;
		uint8_t *mem;

		if (pc >= n)
			return fail(m, pc, "ran past the end");
		in = &p[pc];
		cls = BPF_CLASS(in->code);
		op = BPF_OP(in->code);
		src = BPF_SRC(in->code) == BPF_X ? m->r[in->src_reg] : (uint64_t)(int64_t)in->imm;
		if ((cls == BPF_ALU || cls == BPF_ALU64 || cls == BPF_JMP || cls == BPF_JMP32) &&
		    BPF_SRC(in->code) == BPF_X && op != BPF_END && op != BPF_CALL &&
		    op != BPF_EXIT && op != BPF_JA && !m->set[in->src_reg])
			return fail(m, pc, "a source register never set");
		switch (cls) {
		case BPF_ALU:
		case BPF_ALU64:
			if (in->dst_reg >= 10)
				return fail(m, pc, "writes r10");
			if (op == BPF_END) {
				uint64_t v = m->r[in->dst_reg];

				if (in->imm == 16)
					v = (uint64_t)__builtin_bswap16((uint16_t)v);
				else if (in->imm == 32)
					v = (uint64_t)__builtin_bswap32((uint32_t)v);
				else
					v = __builtin_bswap64(v);
				m->r[in->dst_reg] = v;
			} else {
				if (op != BPF_MOV && !m->set[in->dst_reg])
					return fail(m, pc, "a register read before set");
				m->r[in->dst_reg] = alu(op, m->r[in->dst_reg], src, cls == BPF_ALU64);
			}
			m->set[in->dst_reg] = true;
			pc++;
			break;
		case BPF_JMP:
		case BPF_JMP32:
			if (op == BPF_EXIT) {
				if (!m->set[0])
					return fail(m, pc, "exit with r0 never set");
				*r0 = m->r[0];
				return 0;
			}
			if (op == BPF_CALL) {
				if (helper(m, pc, in->imm))
					return -1;
				pc++;
				break;
			}
			if (op == BPF_JA) {
				pc += 1 + (size_t)(long)in->off;
				break;
			}
			if (!m->set[in->dst_reg])
				return fail(m, pc, "a compared register never set");
			if (in->off < 0)
				return fail(m, pc, "a backward jump");
			pc += 1 + (cond(op, m->r[in->dst_reg], src, cls == BPF_JMP32) ?
				   (size_t)in->off : 0);
			break;
		case BPF_LDX:
			sz = BPF_SIZE(in->code) == BPF_W ? 4 : BPF_SIZE(in->code) == BPF_H ? 2 :
			     BPF_SIZE(in->code) == BPF_B ? 1 : 8;
			mem = stack_at(m, m->r[in->src_reg] + (uint64_t)(int64_t)in->off, sz);
			if (!m->set[in->src_reg] || !mem)
				return fail(m, pc, "a load outside the frame");
			m->r[in->dst_reg] = 0;
			memcpy(&m->r[in->dst_reg], mem, sz);
			m->set[in->dst_reg] = true;
			pc++;
			break;
		case BPF_STX:
			sz = BPF_SIZE(in->code) == BPF_W ? 4 : BPF_SIZE(in->code) == BPF_H ? 2 :
			     BPF_SIZE(in->code) == BPF_B ? 1 : 8;
			mem = stack_at(m, m->r[in->dst_reg] + (uint64_t)(int64_t)in->off, sz);
			if (!mem || !m->set[in->src_reg])
				return fail(m, pc, "a store outside the frame or of an unset register");
			memcpy(mem, &m->r[in->src_reg], sz);
			pc++;
			break;
		default:
			return fail(m, pc, "an instruction class the translator never emits");
		}
	}
	return fail(m, pc, "too many steps");
}

int ebpf_run_translated(const struct sock_filter *prog, size_t n, const uint8_t *pkt,
			unsigned caplen, unsigned wirelen, uint32_t *verdict, char *why,
			size_t whylen)
{
	struct bpf_insn *e;
	size_t ne;
	struct vm *m = calloc(1, sizeof(*m));
	uint64_t r0 = 0;
	int ret;

	if (!m) {
		snprintf(why, whylen, "out of memory");
		return -1;
	}
	if (cbpf_ebpf_translate(prog, n, &e, &ne, why, whylen)) {
		free(m);
		return -1;
	}
	/* Garbage in the frame: the translation must not read what it did not write. */
	memset(m->stack, 0xa5, sizeof(m->stack));
	m->pkt = pkt;
	m->caplen = caplen;
	m->why = why;
	m->whylen = whylen;
	m->r[1] = (uint64_t)(uintptr_t)pkt;
	m->r[2] = caplen;
	m->r[3] = wirelen;
	m->r[10] = (uint64_t)(uintptr_t)(m->stack + STACK_SIZE);
	m->set[1] = m->set[2] = m->set[3] = m->set[10] = true;
	ret = run(m, e, ne, &r0);
	/* The function returns a u32 (the stub's prototype). */
	*verdict = (uint32_t)r0;
	free(e);
	free(m);
	return ret;
}
