/* SPDX-License-Identifier: GPL-2.0-or-later */
/* savefile_dump.c: test tool: prints a capture's records as lines, copies or makes captures. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capture/savefile.h"

static const char usage[] =
	"usage: savefile_dump [-s] FILE             print records, with -s interfaces too\n"
	"       savefile_dump -w FORMAT OUT FILE   copy FILE's records to OUT\n"
	"       savefile_dump -g FORMAT OUT COUNT  write COUNT made-up packets (2 interfaces)\n"
	"A record line: if dir ts linktype caplen wirelen hex.\n"
	"FORMAT: pcap, nano or pcapng; FILE and OUT may be \"-\".\n";

static int parse_format(const char *s, enum savefile_format *f)
{
	if (strcmp(s, "pcap") == 0)
		*f = SAVEFILE_PCAP;
	else if (strcmp(s, "nano") == 0)
		*f = SAVEFILE_PCAP_NANO;
	else if (strcmp(s, "pcapng") == 0)
		*f = SAVEFILE_PCAPNG;
	else
		return -1;
	return 0;
}

static void print_pkt(const struct savefile_pkt *p)
{
	static const char *const dirs[] = { "-", "in", "out" };

	printf("%u %s %llu.%09llu %u %u %u ", p->ifindex, dirs[p->dir],
	       (unsigned long long)(p->ts_ns / 1000000000u),
	       (unsigned long long)(p->ts_ns % 1000000000u), p->linktype, p->caplen, p->wirelen);
	for (uint32_t i = 0; i < p->caplen; i++)
		printf("%02x", p->data[i]);
	putchar('\n');
}

static void print_ifs(const struct savefile_reader *r)
{
	for (unsigned i = 0; i < savefile_read_if_count(r); i++) {
		const struct savefile_if *f = savefile_read_if(r, i);

		printf("if %u section %u linktype %u snaplen %u name '%s' tsresol %u tsoffset %lld",
		       i, f->section, f->linktype, f->snaplen, f->name, f->tsresol,
		       (long long)f->tsoffset);
		if (f->stats.present)
			printf(" stats 0x%x ts %llu recv %llu drop %llu os_drop %llu",
			       f->stats.present, (unsigned long long)f->stats.ts_ns,
			       (unsigned long long)f->stats.recv, (unsigned long long)f->stats.drop,
			       (unsigned long long)f->stats.os_drop);
		putchar('\n');
	}
}

/* Reads PATH and prints its records, or copies them to OUT when it is given. */
static int dump(const char *path, bool ifs, enum savefile_format fmt, const char *out)
{
	char errbuf[SAVEFILE_ERRLEN];
	struct savefile_reader *r;
	struct savefile_writer *w = NULL;
	struct savefile_pkt pkt;
	int ret, werr = 0;

	if (savefile_read_open(&r, path, errbuf) < 0) {
		fprintf(stderr, "savefile_dump: %s: %s\n", path, errbuf);
		return 1;
	}
	if (out) {
		unsigned n = savefile_read_if_count(r);
		struct savefile_wif wifs[64];
		struct savefile_write_opts o = { .format = fmt, .ifs = wifs, .n_ifs = n };

		for (unsigned i = 0; i < n && i < 64; i++) {
			wifs[i].name = savefile_read_if(r, i)->name;
			wifs[i].linktype = savefile_read_if(r, i)->linktype;
		}
		ret = n && n <= 64 ? savefile_write_open(&w, out, &o) : -EINVAL;
		if (ret < 0) {
			fprintf(stderr, "savefile_dump: %s: %s\n", out, strerror(-ret));
			savefile_read_close(r);
			return 1;
		}
	}
	while ((ret = savefile_read_next(r, &pkt)) > 0) {
		if (!w)
			print_pkt(&pkt);
		else if ((werr = savefile_write_packet(w, &pkt)) < 0)
			break;
	}
	if (ret < 0)
		fprintf(stderr, "savefile_dump: %s: %s\n", path, savefile_read_error(r));
	if (ifs)
		print_ifs(r);
	if (w) {
		int err = savefile_write_close(w);

		if (!werr)
			werr = err;
		if (werr < 0)
			fprintf(stderr, "savefile_dump: %s: %s\n", out, strerror(-werr));
	}
	savefile_read_close(r);
	return ret < 0 || werr < 0;
}

/* COUNT packets of assorted sizes and directions, on 2 interfaces, with nanosecond times. */
static int generate(enum savefile_format fmt, const char *out, unsigned count)
{
	static const struct savefile_wif wifs[] = { { "veth0", 1 }, { "eth1", 1 } };
	struct savefile_write_opts o = {
		.format = fmt, .ifs = wifs, .n_ifs = fmt == SAVEFILE_PCAPNG ? 2 : 1,
	};
	struct savefile_writer *w;
	uint8_t data[1600];
	uint32_t seed = 12345;
	int err;

	err = savefile_write_open(&w, out, &o);
	if (err < 0)
		goto out;
	for (unsigned i = 0; i < count && !err; i++) {
		struct savefile_pkt p = {
			.ts_ns = 1700000000ull * 1000000000u + i * 1234567891ull % 3000000000000ull,
			.caplen = 14 + (i * 97) % 1500,
			.ifindex = o.n_ifs == 2 ? i % 2 : 0,
			.dir = (enum savefile_dir)(i % 3),
			.data = data,
		};

		/* Every fifth one as if cut by a snaplen. */
		p.wirelen = p.caplen + (i % 5 == 0 ? 100 : 0);
		for (uint32_t b = 0; b < p.caplen; b++) {
			seed = seed * 1103515245u + 12345u;
			data[b] = (uint8_t)(seed >> 16);
		}
		/* An Ethernet header with a local-experimental EtherType. */
		memcpy(data, "\x02\x00\x00\x00\x00\x02\x02\x00\x00\x00\x00\x01\x88\xb5", 14);
		err = savefile_write_packet(w, &p);
	}
	if (err < 0)
		savefile_write_close(w);
	else
		err = savefile_write_close(w);
out:
	if (err < 0)
		fprintf(stderr, "savefile_dump: %s: %s\n", out, strerror(-err));
	return err < 0;
}

int main(int argc, char **argv)
{
	enum savefile_format fmt;

	if (argc == 2)
		return dump(argv[1], false, SAVEFILE_PCAP, NULL);
	if (argc == 3 && strcmp(argv[1], "-s") == 0)
		return dump(argv[2], true, SAVEFILE_PCAP, NULL);
	if (argc == 5 && strcmp(argv[1], "-w") == 0 && parse_format(argv[2], &fmt) == 0)
		return dump(argv[4], false, fmt, argv[3]);
	if (argc == 5 && strcmp(argv[1], "-g") == 0 && parse_format(argv[2], &fmt) == 0)
		return generate(fmt, argv[3], (unsigned)strtoul(argv[4], NULL, 10));
	fputs(usage, stderr);
	return 2;
}
