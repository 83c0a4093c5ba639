/* SPDX-License-Identifier: GPL-2.0-or-later */
/* savefile_in.h: what the format readers share: buffered input, byte order, errors, interfaces. */
#ifndef SOCKEYE_SAVEFILE_IN_H
#define SOCKEYE_SAVEFILE_IN_H

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

/*
 * A file being read, whatever its format: the bytes, the sticky error and the
 * interfaces the format has described so far.  Formats keep their own state apart.
 */
struct savefile_in {
	int fd;			/* -1: memory */
	bool wait;		/* not a regular file (pipe, FIFO, terminal): poll before reads */
	int stop_fd;		/* while waiting, readable means give up (-ECANCELED); -1: none */
	bool eof;		/* nothing more to read beyond len (always in memory mode) */
	uint8_t *buf;		/* owned buffer, cap bytes; NULL in memory mode */
	size_t cap;
	const uint8_t *p;	/* buf, or the caller's memory */
	size_t pos;		/* the next unread byte in p */
	size_t len;		/* valid bytes in p */
	uint64_t base;		/* file offset of p[0] */
	struct savefile_iface *ifs;
	unsigned n_ifs, cap_ifs;
	int err;		/* sticky */
	char msg[SAVEFILE_ERRLEN];
};

/*
 * The descriptor savefile_read_set_stop_fd() gave (-1: none); readers opened
 * afterwards watch it.
 */
extern int savefile_in_stop_fd;

/*
 * Reads FD (not closed by savefile_in_close) through a 1 MiB buffer; when FD
 * is not a regular file, every read first waits for it and savefile_in_stop_fd
 * together.  0 or -ENOMEM.
 */
int savefile_in_open_fd(struct savefile_in *in, int fd);
/* Reads LEN bytes at MEM in place. */
void savefile_in_open_mem(struct savefile_in *in, const void *mem, size_t len);
void savefile_in_close(struct savefile_in *in);

static inline uint16_t savefile_in_get16(const uint8_t *p, bool swap)
{
	uint16_t v;

	memcpy(&v, p, sizeof(v));
	return swap ? bswap_16(v) : v;
}

static inline uint32_t savefile_in_get32(const uint8_t *p, bool swap)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return swap ? bswap_32(v) : v;
}

static inline uint64_t savefile_in_get64(const uint8_t *p, bool swap)
{
	uint64_t v;

	memcpy(&v, p, sizeof(v));
	return swap ? bswap_64(v) : v;
}

/* Sets the sticky error: ERR and the message.  Returns ERR. */
int savefile_in_fail(struct savefile_in *in, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Why savefile_in_need() (returning RET) could not deliver WANT bytes of WHAT at OFF. */
int savefile_in_short(struct savefile_in *in, int ret, const char *what, uint64_t off,
		      size_t want);
/* savefile_in_need()'s slow path; -ECANCELED when the stop descriptor ended a wait. */
int savefile_in_fill(struct savefile_in *in, size_t n);

/*
 * Makes N bytes from pos contiguous in the buffer: 0, 1 when the input ends first, or
 * -errno.  May move the buffer: pointers into it from before are stale.  Inline: it is
 * called for every record, and the slow path is rare.
 */
static inline int savefile_in_need(struct savefile_in *in, size_t n)
{
	return in->len - in->pos >= n ? 0 : savefile_in_fill(in, n);
}

/* After savefile_in_need() returned RET: the input ends cleanly at pos. */
static inline bool savefile_in_at_end(const struct savefile_in *in, int ret)
{
	return ret == 1 && in->pos == in->len;
}

/* A zeroed interface of SECTION, or NULL with the error set (OFF: where it was described). */
struct savefile_iface *savefile_in_add_if(struct savefile_in *in, unsigned section, uint64_t off);

#endif
