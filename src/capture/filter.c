/* SPDX-License-Identifier: GPL-2.0-or-later */
/* filter.c: compile pcap expressions with libpcap and fit them to the kernel's socket filter. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "capture/filter.h"

#define SLL2_HDR_LEN 20

/*
 * The DLT_ value pcap_open_dead() takes for a file's LINKTYPE_ value.  They
 * agree but for a few old numbers whose DLT_ differs between systems (raw IP
 * is LINKTYPE_RAW 101 in files, DLT_RAW 12 here), which libpcap maps only
 * internally.  Live link types are DLT_ values already and pass unchanged.
 */
static int filter_dlt_of(int linktype)
{
	switch (linktype) {
	case 50:
		return DLT_PPP_SERIAL;
	case 51:
		return DLT_PPP_ETHER;
	case 100:
		return DLT_ATM_RFC1483;
	case 101:
		return DLT_RAW;
	case 102:
		return DLT_SLIP_BSDOS;
	case 103:
		return DLT_PPP_BSDOS;
	default:
		return linktype;
	}
}

int filter_compile(struct filter *f, const char *expr, int linktype, unsigned snaplen,
		   char *err, size_t errlen)
{
	pcap_t *p;
	int ret = 0;

	memset(f, 0, sizeof(*f));
	p = pcap_open_dead(filter_dlt_of(linktype), (int)snaplen);
	if (!p) {
		snprintf(err, errlen, "cannot set up the filter compiler");
		return -ENOMEM;
	}
	if (pcap_compile(p, &f->prog, expr ? expr : "", 1, PCAP_NETMASK_UNKNOWN) < 0) {
		snprintf(err, errlen, "%s", pcap_geterr(p));
		ret = -EINVAL;
	}
	pcap_close(p);
	if (!ret)
		filter_for_kernel(f, linktype);
	return ret;
}

/* The ancillary load that gives the SLL2 field at offset k with size sz, or -1. */
static int sll2_ancillary(unsigned k, unsigned sz)
{
	if (k == 0 && sz == BPF_H)
		return SKF_AD_PROTOCOL;
	if (k == 4 && sz == BPF_W)
		return SKF_AD_IFINDEX;
	if (k == 8 && sz == BPF_H)
		return SKF_AD_HATYPE;
	if (k == 10 && sz == BPF_B)
		return SKF_AD_PKTTYPE;
	return -1;
}

void filter_for_kernel(struct filter *f, int linktype)
{
	size_t n = f->prog.bf_len;
	struct sock_filter *insns;

	free(f->kernel_insns);
	f->kernel_insns = NULL;
	f->kernel_ok = false;
	insns = calloc(n ? n : 1, sizeof(*insns));
	if (!insns)
		return;
	/* struct bpf_insn and struct sock_filter share one layout: code, jt, jf, k. */
	for (size_t i = 0; i < n; i++) {
		const struct bpf_insn *in = &f->prog.bf_insns[i];

		insns[i] = (struct sock_filter){ in->code, in->jt, in->jf, in->k };
	}
	if (linktype == DLT_LINUX_SLL2) {
		for (size_t i = 0; i < n; i++) {
			struct sock_filter *in = &insns[i];
			unsigned cls = BPF_CLASS(in->code), mode = BPF_MODE(in->code);
			int ad;

			if ((cls != BPF_LD && cls != BPF_LDX) || (mode != BPF_ABS && mode != BPF_IND &&
								 mode != BPF_MSH))
				continue;
			if (mode == BPF_ABS && in->k < SLL2_HDR_LEN) {
				ad = sll2_ancillary(in->k, BPF_SIZE(in->code));
				if (ad < 0)
					goto unfit;
				in->k = SKF_AD_OFF + (unsigned)ad;
				/* Ancillary loads are word loads in the kernel's eyes. */
				in->code = BPF_LD | BPF_W | BPF_ABS;
				continue;
			}
			/* Indexed loads start at X, which libpcap computed from header offsets: rebase. */
			if (in->k < SLL2_HDR_LEN && mode != BPF_ABS)
				goto unfit;
			in->k -= SLL2_HDR_LEN;
		}
	}
	f->kernel_insns = insns;
	f->kernel.len = (unsigned short)n;
	f->kernel.filter = insns;
	f->kernel_ok = n > 0;
	return;
unfit:
	free(insns);
}

bool filter_match(const struct filter *f, const uint8_t *data, unsigned caplen, unsigned wirelen)
{
	if (!f->prog.bf_insns)
		return true;
	return bpf_filter(f->prog.bf_insns, data, wirelen, caplen) != 0;
}

void filter_free(struct filter *f)
{
	pcap_freecode(&f->prog);
	free(f->kernel_insns);
	memset(f, 0, sizeof(*f));
}

void filter_dump(const struct filter *f, FILE *out)
{
	for (unsigned i = 0; i < f->prog.bf_len; i++)
		fprintf(out, "%s\n", bpf_image(&f->prog.bf_insns[i], (int)i));
}
