/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test_cbpf_ebpf.c: the classic-to-eBPF translation gives libpcap's own
 * bpf_filter() verdicts on every packet of the corpus captures, for many
 * filter expressions and for random valid programs covering every opcode.
 */
#include "config.h"

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <pcap/pcap.h>

#include "ebpf_interp.h"

static const char *const exprs[] = {
	"",
	"ip", "ip6", "arp", "tcp", "udp", "icmp", "icmp6", "igmp", "not ip",
	"host 192.168.1.1", "src host 10.0.0.1 or dst host 10.0.0.2",
	"net 10.0.0.0/8", "src net 192.168.0.0/16", "dst net 172.16.0.0/12",
	"ip6 net fe80::/10", "host ::1", "ip6 host fe80::1 or ip6 dst net ff02::/16",
	"port 53", "udp port 53", "tcp dst port 80", "src port 1024",
	"portrange 1-1023", "tcp portrange 8000-9000", "udp src portrange 50000-60000",
	"proto 17", "ip proto 6", "ip6 proto 58", "ether proto 0x86dd",
	"vlan", "vlan 100", "vlan and ip", "vlan and udp port 53",
	"ip[0] & 0xf != 5", "ip[2:2] > 100", "ip[8] < 64", "ip[6:2] & 0x1fff != 0",
	"ip[2:2] - ((ip[0] & 0xf) << 2) > 40", "ip[2:2] / 4 == 21", "ip[2:2] % 7 = 3",
	"ip[1] * 3 + 1 > 10", "ip[9] ^ 17 == 0", "(ip[0] | 0x40) == 0x45",
	"ip[2:2] >> 2 > 10", "ip[9] << 28 != 0", "ip[9] << ip[0] > 0",
	"tcp[13] & 2 != 0", "tcp[tcpflags] & (tcp-syn|tcp-ack) == tcp-syn",
	"tcp[tcpflags] & tcp-rst != 0", "tcp[12] >> 4 > 5",
	"len > 100", "len <= 64", "greater 200", "less 80",
	"icmp[icmptype] == icmp-echo", "icmp[0] == 8 or icmp[0] == 0",
	"icmp6[icmp6type] == icmp6-neighborsolicit", "icmp6 and ip6[40] == 135",
	"icmp6[icmp6type] == icmp6-echo", "ip6[6] == 17",
	"udp and ip[6:2] & 0x3fff == 0 and udp[8:2] == 0x1234",
	"udp[4:2] > 100", "udp[8:4] = 0x01000001",
	"ether broadcast", "ether multicast", "ether src 00:11:22:33:44:55",
	"ip multicast", "ip broadcast",
	"(tcp or udp) and not port 22", "not (udp port 53 or tcp port 53)",
	"host 10.0.0.1 and (port 80 or port 443)", "ip and not net 127.0.0.0/8",
	"udp port 53 and udp[10] & 0x80 = 0",
	"ip[40] > 0", "ip[100:4] == 0", "ip[200] == 1", "tcp[100:2] != 7",
	"ether[0] & 1 != 0", "ether[12:2] > 0x5dc",
};

/* Compiles expr for p's link type into a sock_filter copy; 0, or -1 (not for this link type). */
static int compile(pcap_t *p, const char *expr, struct sock_filter **out, size_t *n)
{
	struct bpf_program prog;

	if (pcap_compile(p, &prog, expr, 1, PCAP_NETMASK_UNKNOWN) < 0)
		return -1;
	*n = prog.bf_len;
	*out = calloc(prog.bf_len ? prog.bf_len : 1, sizeof(**out));
	assert_non_null(*out);
	for (unsigned i = 0; i < prog.bf_len; i++) {
		const struct bpf_insn *in = &prog.bf_insns[i];

		(*out)[i] = (struct sock_filter){ in->code, in->jt, in->jf, in->k };
	}
	pcap_freecode(&prog);
	return 0;
}

/* bpf_filter() of the same program, from the sock_filter copy. */
static unsigned libpcap_verdict(const struct sock_filter *f, size_t n, const uint8_t *pkt,
				unsigned caplen, unsigned wirelen)
{
	struct bpf_insn *insns = calloc(n ? n : 1, sizeof(*insns));
	unsigned v;

	assert_non_null(insns);
	for (size_t i = 0; i < n; i++)
		insns[i] = (struct bpf_insn){ f[i].code, f[i].jt, f[i].jf, f[i].k };
	v = bpf_filter(insns, pkt, wirelen, caplen);
	free(insns);
	return v;
}

/* The program, like tcpdump -d, for a failure's message. */
static void print_program(const struct sock_filter *f, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct bpf_insn in = { f[i].code, f[i].jt, f[i].jf, f[i].k };

		print_message("%s\n", bpf_image(&in, (int)i));
	}
}

static void check_one(const char *what, const struct sock_filter *f, size_t n, const uint8_t *pkt,
		      unsigned caplen, unsigned wirelen)
{
	uint32_t got;
	char why[256];
	unsigned want = libpcap_verdict(f, n, pkt, caplen, wirelen);

	if (ebpf_run_translated(f, n, pkt, caplen, wirelen, &got, why, sizeof(why))) {
		print_program(f, n);
		fail_msg("%s: %s", what, why);
	}
	if (got != want) {
		print_program(f, n);
		fail_msg("%s: eBPF says %u, libpcap %u (caplen %u, len %u)", what, got, want,
			 caplen, wirelen);
	}
}

/* Every expression against every packet of one capture; the compiled pairs and packets run. */
static void check_capture(const char *path, size_t *programs, size_t *runs, size_t *matches)
{
	char err[PCAP_ERRBUF_SIZE];
	pcap_t *p = pcap_open_offline(path, err);
	struct pcap_pkthdr *h;
	const u_char *data;
	struct {
		struct sock_filter *f;
		size_t n;
		const char *expr;
	} progs[sizeof(exprs) / sizeof(exprs[0])];
	size_t np = 0;

	if (!p)
		fail_msg("%s: %s", path, err);
	for (size_t i = 0; i < sizeof(exprs) / sizeof(exprs[0]); i++)
		if (!compile(p, exprs[i], &progs[np].f, &progs[np].n))
			progs[np++].expr = exprs[i];
	*programs += np;
	while (pcap_next_ex(p, &h, &data) == 1) {
		for (size_t i = 0; i < np; i++) {
			char what[2600];

			snprintf(what, sizeof(what), "%s, \"%s\"", path, progs[i].expr);
			check_one(what, progs[i].f, progs[i].n, data, h->caplen, h->len);
			*matches += libpcap_verdict(progs[i].f, progs[i].n, data, h->caplen,
						    h->len) != 0;
			/* Cut short: the loads past the end reject in both. */
			if (h->caplen > 20)
				check_one(what, progs[i].f, progs[i].n, data, h->caplen / 2, h->len);
			(*runs)++;
		}
	}
	for (size_t i = 0; i < np; i++)
		free(progs[i].f);
	pcap_close(p);
}

static void test_corpus(void **state)
{
	const char *top = getenv("top_srcdir");
	char dir[1024], path[2048];
	size_t programs = 0, runs = 0, matches = 0, files = 0;
	struct dirent *de;
	DIR *d;

	snprintf(dir, sizeof(dir), "%s/tests/golden/input", top ? top : ".");
	d = opendir(dir);
	assert_non_null(d);
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name);

		if (!(len > 5 && !strcmp(de->d_name + len - 5, ".pcap")) &&
		    !(len > 7 && !strcmp(de->d_name + len - 7, ".pcapng")))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		check_capture(path, &programs, &runs, &matches);
		files++;
	}
	closedir(d);
	print_message("%zu captures, %zu compiled filters, %zu runs, %zu selected\n", files,
		      programs, runs, matches);
	/* The corpus is there and exercised both ways. */
	assert_true(files >= 20);
	assert_true(runs > 10000);
	assert_true(matches > 1000 && matches < runs);
}

static uint32_t rnd(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

/* One random instruction at i of n: every class, mode, size and operation, jumps forward. */
static struct sock_filter random_insn(uint32_t *s, size_t i, size_t n)
{
	static const uint16_t loads[] = {
		BPF_LD | BPF_W | BPF_ABS, BPF_LD | BPF_H | BPF_ABS, BPF_LD | BPF_B | BPF_ABS,
		BPF_LD | BPF_W | BPF_IND, BPF_LD | BPF_H | BPF_IND, BPF_LD | BPF_B | BPF_IND,
		BPF_LD | BPF_IMM, BPF_LD | BPF_MEM, BPF_LD | BPF_W | BPF_LEN,
		BPF_LDX | BPF_W | BPF_IMM, BPF_LDX | BPF_W | BPF_MEM, BPF_LDX | BPF_W | BPF_LEN,
		BPF_LDX | BPF_B | BPF_MSH, BPF_ST, BPF_STX, BPF_MISC | BPF_TAX, BPF_MISC | BPF_TXA,
	};
	static const uint16_t alus[] = {
		BPF_ADD, BPF_SUB, BPF_MUL, BPF_DIV, BPF_OR, BPF_AND, BPF_LSH, BPF_RSH, BPF_NEG,
		BPF_MOD, BPF_XOR,
	};
	static const uint16_t jumps[] = { BPF_JA, BPF_JEQ, BPF_JGT, BPF_JGE, BPF_JSET };
	/* Offsets near the packet's start, the prefetch's end, and far past anything. */
	static const uint32_t offsets[] = { 0, 1, 12, 14, 23, 30, 60, 120, 124, 126, 127, 128,
					    129, 200, 1000, 0xfffffff0u, 0x7fffffffu };
	static const uint32_t values[] = { 0, 1, 2, 3, 4, 31, 32, 33, 0x45, 0x800, 0x7fffffffu,
					   0x80000000u, 0xffffffffu, 0x86dd, 6, 17 };
	struct sock_filter f = { 0 };
	uint32_t r = rnd(s);
	size_t left = n - i - 2;	/* room to jump forward over, the final return kept */

	switch (r % 4) {
	case 0:
	case 1:
		f.code = loads[rnd(s) % (sizeof(loads) / sizeof(loads[0]))];
		if (BPF_MODE(f.code) == BPF_MEM || BPF_CLASS(f.code) == BPF_ST ||
		    BPF_CLASS(f.code) == BPF_STX)
			f.k = rnd(s) % 16;
		else if (BPF_MODE(f.code) == BPF_IMM)
			f.k = values[rnd(s) % (sizeof(values) / sizeof(values[0]))];
		else
			f.k = offsets[rnd(s) % (sizeof(offsets) / sizeof(offsets[0]))];
		break;
	case 2:
		f.code = BPF_ALU | alus[rnd(s) % (sizeof(alus) / sizeof(alus[0]))] |
			 (rnd(s) & 1 ? BPF_X : BPF_K);
		f.k = values[rnd(s) % (sizeof(values) / sizeof(values[0]))];
		/* libpcap knows BPF_NEG alone (bpf_filter() aborts on BPF_NEG|BPF_X). */
		if (BPF_OP(f.code) == BPF_NEG)
			f.code = BPF_ALU | BPF_NEG;
		break;
	default:
		f.code = BPF_JMP | jumps[rnd(s) % (sizeof(jumps) / sizeof(jumps[0]))] |
			 (rnd(s) & 1 ? BPF_X : BPF_K);
		f.k = values[rnd(s) % (sizeof(values) / sizeof(values[0]))];
		if (BPF_OP(f.code) == BPF_JA) {
			f.code = BPF_JMP | BPF_JA;
			f.k = left ? rnd(s) % (uint32_t)(left + 1) : 0;
		} else {
			f.jt = (uint8_t)(left ? rnd(s) % (left + 1) : 0);
			f.jf = (uint8_t)(left ? rnd(s) % (left + 1) : 0);
		}
		break;
	}
	return f;
}

static void test_random_programs(void **state)
{
	uint8_t pkt[300];
	uint32_t seed = 0x5eed1234, checked = 0;
	struct bpf_insn insns[64];

	for (size_t b = 0; b < sizeof(pkt); b++)
		pkt[b] = (uint8_t)(b * 37 + 11);
	pkt[14] = 0x45;
	for (int iter = 0; iter < 40000; iter++) {
		struct sock_filter f[64];
		size_t n = 32 + 3 + rnd(&seed) % 20;
		unsigned caplen = rnd(&seed) % 2 ? sizeof(pkt) : rnd(&seed) % sizeof(pkt);
		char what[64];

		/* M[] set first: libpcap's is uninitialized, and pcap_compile never reads it unset. */
		for (uint32_t m = 0; m < 16; m++) {
			f[2 * m] = (struct sock_filter){ BPF_LDX | BPF_W | BPF_IMM, 0, 0, rnd(&seed) };
			f[2 * m + 1] = (struct sock_filter){ BPF_STX, 0, 0, m };
		}
		for (size_t i = 32; i + 1 < n; i++)
			f[i] = random_insn(&seed, i, n);
		f[n - 1] = (struct sock_filter){ (uint16_t)(BPF_RET | (rnd(&seed) & 1 ? BPF_A :
										     BPF_K)),
						 0, 0, rnd(&seed) };
		for (size_t i = 0; i < n; i++)
			insns[i] = (struct bpf_insn){ f[i].code, f[i].jt, f[i].jf, f[i].k };
		f[0].k = 0;	/* X starts at 0 in both, and stays 0 often enough */
		/* Only what libpcap itself would run (no constant division by zero...). */
		if (!bpf_validate(insns, (int)n))
			continue;
		snprintf(what, sizeof(what), "random program %d", iter);
		check_one(what, f, n, pkt, caplen, sizeof(pkt) + 7);
		checked++;
	}
	print_message("%u random programs checked\n", checked);
	assert_true(checked > 10000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_corpus),
		cmocka_unit_test(test_random_programs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
