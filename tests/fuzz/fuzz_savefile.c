/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fuzz_savefile.c: libFuzzer harness: any bytes as a capture file, from memory and from a fd. */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "capture/savefile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                              \
	do {                                                                     \
		if (!(cond)) {                                                   \
			fprintf(stderr, "fuzz_savefile: check failed: %s\n", #cond); \
			abort();                                                 \
		}                                                                \
	} while (0)

/* Records are compared across readers by a digest, not kept. */
struct summary {
	unsigned n;
	uint64_t hash;
	uint64_t hash_no_ts;	/* the records without their times (hash adds the times) */
	bool wide_ts;
	unsigned refused;	/* records a pcap copy refused: seconds past 32 bits (-ERANGE) */
	int end;
	char msg[SAVEFILE_ERRLEN];
	unsigned n_ifs;
};

static uint64_t mix(uint64_t h, uint64_t v)
{
	return (h ^ v) * 0x100000001b3ull;
}

static int memfd(void)
{
	int fd = memfd_create("fuzz_savefile", MFD_CLOEXEC);

	CHECK(fd >= 0);
	return fd;
}

/* Reads every record; the writer W, when given, gets a copy of each. */
static void read_all(struct savefile_reader *r, struct summary *s, struct savefile_writer *w)
{
	struct savefile_pkt p;
	int ret;

	memset(s, 0, sizeof(*s));
	while ((ret = savefile_read_next(r, &p)) == 1) {
		const struct savefile_if *f = savefile_read_if(r, p.ifindex);
		uint64_t h = s->hash_no_ts;

		CHECK(f && f->linktype == p.linktype);
		CHECK(p.dir <= SAVEFILE_DIR_OUT);
		CHECK(p.caplen <= SAVEFILE_MAX_BLOCK);
		h = mix(h, p.caplen);
		h = mix(h, p.wirelen);
		h = mix(h, p.ifindex);
		h = mix(h, p.dir);
		/* Every byte is read, so ASan sees a pointer past the input. */
		for (uint32_t i = 0; i < p.caplen; i++)
			h = mix(h, p.data[i]);
		s->hash_no_ts = h;
		s->hash = mix(mix(s->hash, h), p.ts_ns);
		s->wide_ts |= p.ts_ns / 1000000000u > UINT32_MAX;
		s->n++;
		if (w) {
			int err = savefile_write_packet(w, &p);

			/* pcap cannot hold a time past 2106: that record alone is refused. */
			CHECK(err == 0 || (err == -ERANGE && p.ts_ns / 1000000000u > UINT32_MAX));
			s->refused += err != 0;
		}
	}
	s->end = ret;
	CHECK(ret == 0 || ret == -EINVAL);
	CHECK(ret == 0 || strstr(savefile_read_error(r), " offset "));
	CHECK(savefile_read_next(r, &p) == ret);
	snprintf(s->msg, sizeof(s->msg), "%s", savefile_read_error(r));
	s->n_ifs = savefile_read_if_count(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int in_fd = -1, out_fd = -1;
	char errbuf[SAVEFILE_ERRLEN], errbuf2[SAVEFILE_ERRLEN], path[64];
	struct savefile_write_opts o = { .snaplen = SAVEFILE_MAX_CAPLEN };
	struct savefile_wif *wifs = NULL;
	struct savefile_reader *r, *r2;
	struct savefile_writer *w;
	struct summary mem, fd, copy;
	int ret;

	if (in_fd < 0) {
		in_fd = memfd();
		out_fd = memfd();
	}
	ret = savefile_read_open_mem(&r, data, size, errbuf);

	/* The same bytes through the buffered fd path must give the same records and end. */
	CHECK(ftruncate(in_fd, 0) == 0);
	CHECK(pwrite(in_fd, data, size, 0) == (ssize_t)size);
	CHECK(lseek(in_fd, 0, SEEK_SET) == 0);
	CHECK(savefile_read_open_fd(&r2, in_fd, errbuf2) == ret);
	if (ret) {
		CHECK(ret == -EINVAL && !r && !r2);
		CHECK(strcmp(errbuf, errbuf2) == 0);
		return 0;
	}
	CHECK(savefile_read_format(r) == savefile_read_format(r2));
	read_all(r, &mem, NULL);
	read_all(r2, &fd, NULL);
	CHECK(mem.n == fd.n && mem.hash == fd.hash && mem.end == fd.end);
	CHECK(strcmp(mem.msg, fd.msg) == 0 && mem.n_ifs == fd.n_ifs);

	/*
	 * Write what was read and read that back: the same records.  pcapng keeps
	 * interfaces, directions and nanoseconds; pcap input goes to nanosecond pcap.
	 */
	o.n_ifs = mem.n_ifs;
	wifs = calloc(o.n_ifs, sizeof(*wifs));
	CHECK(wifs);
	for (unsigned i = 0; i < o.n_ifs; i++) {
		wifs[i].name = savefile_read_if(r, i)->name;
		wifs[i].linktype = savefile_read_if(r, i)->linktype;
	}
	o.ifs = wifs;
	o.format = savefile_read_format(r) == SAVEFILE_PCAPNG ? SAVEFILE_PCAPNG
							      : SAVEFILE_PCAP_NANO;
	snprintf(path, sizeof(path), "/proc/self/fd/%d", out_fd);
	CHECK(ftruncate(out_fd, 0) == 0);
	ret = savefile_write_open(&w, path, &o);
	CHECK(ret == 0 || (ret == -EINVAL && (!o.n_ifs || o.format == SAVEFILE_PCAPNG)));
	if (ret == 0) {
		struct savefile_reader *back;

		savefile_read_close(r);
		CHECK(savefile_read_open_mem(&r, data, size, errbuf) == 0);
		read_all(r, &mem, w);
		CHECK(savefile_write_close(w) == 0);
		CHECK(lseek(out_fd, 0, SEEK_SET) == 0);
		CHECK(savefile_read_open_fd(&back, out_fd, errbuf) == 0);
		read_all(back, &copy, NULL);
		CHECK(copy.end == 0 && copy.n == mem.n - mem.refused);
		CHECK(o.format != SAVEFILE_PCAPNG || !mem.refused);
		/* A pcap copy of wide times lacks the refused records: their count is the check. */
		if (o.format == SAVEFILE_PCAPNG || !mem.wide_ts)
			CHECK(copy.hash == mem.hash);
		savefile_read_close(back);
	}
	free(wifs);
	savefile_read_close(r);
	savefile_read_close(r2);
	return 0;
}
