/* SPDX-License-Identifier: GPL-2.0-or-later */
/* savefile_impl.h: reader internals shared by savefile_read.c and savefile_pcapng.c. */
#ifndef SOCKEYE_SAVEFILE_IMPL_H
#define SOCKEYE_SAVEFILE_IMPL_H

#include <byteswap.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "capture/savefile.h"

#define SAVEFILE_NSEC	1000000000ull
#define SAVEFILE_OFF(x)	((unsigned long long)(x))

/* How an interface's timestamp units become nanoseconds. */
enum savefile_ts_mode {
	SAVEFILE_TS_MUL,	/* units of 10^-k s, k <= 9: multiply by 10^(9-k) */
	SAVEFILE_TS_DIV,	/* units of 10^-k s, k > 9: divide by 10^(k-9) */
	SAVEFILE_TS_POW2,	/* units of 2^-k s */
};

struct savefile_iface {
	struct savefile_if pub;
	enum savefile_ts_mode mode;
	uint64_t factor;	/* the power of ten, or k for SAVEFILE_TS_POW2 */
	uint64_t offset_ns;	/* if_tsoffset; unsigned: a negative one wraps, not overflows */
};

struct savefile_reader {
	int fd;			/* -1: memory */
	bool own_fd;
	bool eof;		/* nothing more to read beyond len (always in memory mode) */
	uint8_t *buf;		/* owned buffer, cap bytes; NULL in memory mode */
	size_t cap;
	const uint8_t *p;	/* buf, or the caller's memory */
	size_t pos;		/* the next unread byte in p */
	size_t len;		/* valid bytes in p */
	uint64_t base;		/* file offset of p[0] */
	enum savefile_format format;
	bool swap;		/* the file (pcapng: the section) is in the other byte order */
	uint32_t pcap_limit;	/* largest caplen a pcap record may have */
	struct savefile_iface *ifs;
	unsigned n_ifs, cap_ifs;
	unsigned n_sections;
	unsigned section_base;	/* index in ifs of the current section's interface 0 */
	int err;		/* sticky */
	char msg[SAVEFILE_ERRLEN];
};

static inline uint16_t savefile_get16(const uint8_t *p, bool swap)
{
	uint16_t v;

	memcpy(&v, p, sizeof(v));
	return swap ? bswap_16(v) : v;
}

static inline uint32_t savefile_get32(const uint8_t *p, bool swap)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return swap ? bswap_32(v) : v;
}

static inline uint64_t savefile_get64(const uint8_t *p, bool swap)
{
	uint64_t v;

	memcpy(&v, p, sizeof(v));
	return swap ? bswap_64(v) : v;
}

/* Sets the sticky error: ERR and the message.  Returns ERR. */
int savefile_read_fail(struct savefile_reader *r, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Why savefile_read_need() (returning RET) could not deliver WANT bytes of WHAT at OFF. */
int savefile_read_short(struct savefile_reader *r, int ret, const char *what, uint64_t off,
			size_t want);
int savefile_read_fill(struct savefile_reader *r, size_t n);

/*
 * Makes N bytes from pos contiguous in the buffer: 0, 1 when the input ends first, or
 * -errno.  May move the buffer: pointers into it from before are stale.
 */
static inline int savefile_read_need(struct savefile_reader *r, size_t n)
{
	return r->len - r->pos >= n ? 0 : savefile_read_fill(r, n);
}

/* After savefile_read_need() returned RET: the input ends cleanly at pos. */
static inline bool savefile_read_at_end(const struct savefile_reader *r, int ret)
{
	return ret == 1 && r->pos == r->len;
}

/* A zeroed interface in the current section, or NULL with the error set (OFF: for it). */
struct savefile_iface *savefile_read_add_if(struct savefile_reader *r, uint64_t off);

/* savefile_pcapng.c: after the magic, the first section header and blocks up to a packet. */
int savefile_pcapng_open(struct savefile_reader *r);
int savefile_pcapng_next(struct savefile_reader *r, struct savefile_pkt *pkt);

#endif
