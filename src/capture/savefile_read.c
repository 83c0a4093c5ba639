/* SPDX-License-Identifier: GPL-2.0-or-later */
/* savefile_read.c: the capture-file reader: big buffered reads, the pcap format, the API. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "capture/savefile_impl.h"

#define PCAP_MAGIC	0xa1b2c3d4u
#define PCAP_MAGIC_NANO	0xa1b23c4du
#define PCAP_HDR_LEN	24
#define PCAP_REC_LEN	16
/* libpcap's LT_LINKTYPE(): the upper bits of the header's link type carry FCS details. */
#define PCAP_LINKTYPE_MASK 0x03ffffffu
/* pcapng's block type of a section header, the same in both byte orders */
#define PCAPNG_MAGIC	0x0a0d0d0au

#define READ_BUF	(1u << 20)
/* Every IDB takes at least 20 bytes of file, but cap the table so a file cannot grow it. */
#define MAX_IFS		65536u

int savefile_read_fail(struct savefile_reader *r, int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(r->msg, sizeof(r->msg), fmt, ap);
	va_end(ap);
	r->err = err;
	return err;
}

int savefile_read_short(struct savefile_reader *r, int ret, const char *what, uint64_t off,
			size_t want)
{
	if (ret < 0)
		return savefile_read_fail(r, ret, "read failed at offset %llu: %s",
					  SAVEFILE_OFF(r->base + r->len), strerror(-ret));
	return savefile_read_fail(r, -EINVAL, "truncated %s at offset %llu (%zu of %zu bytes)",
				  what, SAVEFILE_OFF(off), r->len - r->pos, want);
}

/* savefile_read_need()'s slow path.  Callers bound N by SAVEFILE_MAX_BLOCK, and so the buffer. */
int savefile_read_fill(struct savefile_reader *r, size_t n)
{
	if (r->eof)
		return 1;
	if (r->pos) {
		memmove(r->buf, r->buf + r->pos, r->len - r->pos);
		r->base += r->pos;
		r->len -= r->pos;
		r->pos = 0;
	}
	if (n > r->cap) {
		size_t cap = r->cap * 2 < SAVEFILE_MAX_BLOCK ? r->cap * 2 : SAVEFILE_MAX_BLOCK;
		uint8_t *nb;

		if (cap < n)
			cap = n;
		nb = realloc(r->buf, cap);
		if (!nb)
			return -ENOMEM;
		r->buf = nb;
		r->p = nb;
		r->cap = cap;
	}
	while (r->len < n) {
		/* Fill the whole buffer: one syscall covers many records. */
		ssize_t got = read(r->fd, r->buf + r->len, r->cap - r->len);

		if (got < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		if (got == 0) {
			r->eof = true;
			return 1;
		}
		r->len += (size_t)got;
	}
	return 0;
}

struct savefile_iface *savefile_read_add_if(struct savefile_reader *r, uint64_t off)
{
	struct savefile_iface *ifc;

	if (r->n_ifs == MAX_IFS) {
		savefile_read_fail(r, -EINVAL, "more than %u interfaces at offset %llu", MAX_IFS,
				   SAVEFILE_OFF(off));
		return NULL;
	}
	if (r->n_ifs == r->cap_ifs) {
		unsigned cap = r->cap_ifs ? r->cap_ifs * 2 : 4;
		struct savefile_iface *n = realloc(r->ifs, cap * sizeof(*n));

		if (!n) {
			savefile_read_fail(r, -ENOMEM,
					   "out of memory for interfaces at offset %llu",
					   SAVEFILE_OFF(off));
			return NULL;
		}
		r->ifs = n;
		r->cap_ifs = cap;
	}
	ifc = &r->ifs[r->n_ifs++];
	memset(ifc, 0, sizeof(*ifc));
	ifc->pub.section = r->n_sections ? r->n_sections - 1 : 0;
	return ifc;
}

/* ---- pcap ---------------------------------------------------------------------------- */

static int rd_pcap_header(struct savefile_reader *r, uint32_t magic)
{
	bool nano = magic == PCAP_MAGIC_NANO || magic == bswap_32(PCAP_MAGIC_NANO);
	struct savefile_iface *ifc;
	const uint8_t *h;
	uint16_t major, minor;
	int ret;

	r->swap = magic == bswap_32(PCAP_MAGIC) || magic == bswap_32(PCAP_MAGIC_NANO);
	r->format = nano ? SAVEFILE_PCAP_NANO : SAVEFILE_PCAP;
	ret = savefile_read_need(r, PCAP_HDR_LEN);
	if (ret)
		return savefile_read_short(r, ret, "pcap file header", 0, PCAP_HDR_LEN);
	h = r->p + r->pos;
	major = savefile_get16(h + 4, r->swap);
	minor = savefile_get16(h + 6, r->swap);
	if (major != 2)
		return savefile_read_fail(r, -EINVAL, "unsupported pcap version %u.%u", major,
					  minor);
	ifc = savefile_read_add_if(r, 0);
	if (!ifc)
		return r->err;
	ifc->pub.snaplen = savefile_get32(h + 16, r->swap);
	ifc->pub.linktype = savefile_get32(h + 20, r->swap) & PCAP_LINKTYPE_MASK;
	ifc->pub.tsresol = nano ? 9 : 6;
	/* Like libpcap, allow records past a small snaplen, up to the usual maximum. */
	r->pcap_limit = ifc->pub.snaplen > SAVEFILE_MAX_SNAPLEN ? ifc->pub.snaplen
								 : SAVEFILE_MAX_SNAPLEN;
	if (r->pcap_limit > SAVEFILE_MAX_BLOCK - PCAP_REC_LEN)
		r->pcap_limit = SAVEFILE_MAX_BLOCK - PCAP_REC_LEN;
	r->pos += PCAP_HDR_LEN;
	return 0;
}

static int rd_pcap_next(struct savefile_reader *r, struct savefile_pkt *pkt)
{
	const struct savefile_iface *ifc = &r->ifs[0];
	uint64_t off = r->base + r->pos;
	uint32_t caplen, frac;
	const uint8_t *h;
	int ret;

	ret = savefile_read_need(r, PCAP_REC_LEN);
	if (savefile_read_at_end(r, ret))
		return 0;
	if (ret)
		return savefile_read_short(r, ret, "record header", off, PCAP_REC_LEN);
	h = r->p + r->pos;
	caplen = savefile_get32(h + 8, r->swap);
	if (caplen > r->pcap_limit)
		return savefile_read_fail(r, -EINVAL,
					  "caplen %u exceeds snaplen/max %u at offset %llu", caplen,
					  r->pcap_limit, SAVEFILE_OFF(off));
	ret = savefile_read_need(r, PCAP_REC_LEN + caplen);
	if (ret)
		return savefile_read_short(r, ret, "record", off, PCAP_REC_LEN + caplen);
	h = r->p + r->pos;
	frac = savefile_get32(h + 4, r->swap);
	pkt->ts_ns = savefile_get32(h, r->swap) * SAVEFILE_NSEC +
		     (r->format == SAVEFILE_PCAP ? frac * 1000ull : frac);
	pkt->caplen = caplen;
	pkt->wirelen = savefile_get32(h + 12, r->swap);
	pkt->ifindex = 0;
	pkt->linktype = ifc->pub.linktype;
	pkt->dir = SAVEFILE_DIR_UNKNOWN;
	pkt->data = h + PCAP_REC_LEN;
	r->pos += PCAP_REC_LEN + caplen;
	return 1;
}

/* ---- the API ------------------------------------------------------------------------- */

static int rd_header(struct savefile_reader *r)
{
	uint32_t magic;
	int ret = savefile_read_need(r, 4);

	if (ret) {
		if (savefile_read_at_end(r, ret) && r->len == 0)
			return savefile_read_fail(r, -EINVAL, "empty file");
		return savefile_read_short(r, ret, "file header", 0, 4);
	}
	magic = savefile_get32(r->p, false);
	if (magic == PCAP_MAGIC || magic == bswap_32(PCAP_MAGIC) || magic == PCAP_MAGIC_NANO ||
	    magic == bswap_32(PCAP_MAGIC_NANO))
		return rd_pcap_header(r, magic);
	if (magic == PCAPNG_MAGIC) {
		r->format = SAVEFILE_PCAPNG;
		return savefile_pcapng_open(r);
	}
	return savefile_read_fail(r, -EINVAL,
				  "not a pcap or pcapng file (magic 0x%02x%02x%02x%02x)", r->p[0],
				  r->p[1], r->p[2], r->p[3]);
}

static int rd_open(struct savefile_reader **rp, int fd, bool own_fd, const void *mem, size_t len,
		   char *errbuf)
{
	static const uint8_t empty[1];
	struct savefile_reader *r;
	int err;

	*rp = NULL;
	r = calloc(1, sizeof(*r));
	if (!r) {
		err = -ENOMEM;
		snprintf(errbuf, SAVEFILE_ERRLEN, "%s", strerror(ENOMEM));
		if (own_fd)
			close(fd);
		goto out;
	}
	r->fd = fd;
	r->own_fd = own_fd;
	if (fd < 0) {
		r->p = mem ? mem : empty;
		r->len = len;
		r->eof = true;
	} else {
		r->buf = malloc(READ_BUF);
		r->p = r->buf;
		r->cap = READ_BUF;
	}
	if (fd >= 0 && !r->buf)
		err = savefile_read_fail(r, -ENOMEM, "%s", strerror(ENOMEM));
	else
		err = rd_header(r);
	if (err) {
		snprintf(errbuf, SAVEFILE_ERRLEN, "%s", r->msg);
		savefile_read_close(r);
		goto out;
	}
	*rp = r;
out:
	return err;
}

int savefile_read_open(struct savefile_reader **rp, const char *path, char *errbuf)
{
	int fd;

	if (strcmp(path, "-") == 0)
		return rd_open(rp, STDIN_FILENO, false, NULL, 0, errbuf);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		int err = -errno;

		*rp = NULL;
		snprintf(errbuf, SAVEFILE_ERRLEN, "%s", strerror(-err));
		return err;
	}
	posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
	return rd_open(rp, fd, true, NULL, 0, errbuf);
}

int savefile_read_open_fd(struct savefile_reader **rp, int fd, char *errbuf)
{
	if (fd < 0) {
		*rp = NULL;
		snprintf(errbuf, SAVEFILE_ERRLEN, "%s", strerror(EBADF));
		return -EBADF;
	}
	return rd_open(rp, fd, false, NULL, 0, errbuf);
}

int savefile_read_open_mem(struct savefile_reader **rp, const void *buf, size_t len,
			   char *errbuf)
{
	return rd_open(rp, -1, false, buf, len, errbuf);
}

void savefile_read_close(struct savefile_reader *r)
{
	if (!r)
		return;
	if (r->own_fd)
		close(r->fd);
	free(r->buf);
	free(r->ifs);
	free(r);
}

int savefile_read_next(struct savefile_reader *r, struct savefile_pkt *pkt)
{
	if (r->err)
		return r->err;
	if (r->format == SAVEFILE_PCAPNG)
		return savefile_pcapng_next(r, pkt);
	return rd_pcap_next(r, pkt);
}

const char *savefile_read_error(const struct savefile_reader *r)
{
	return r->err ? r->msg : "";
}

enum savefile_format savefile_read_format(const struct savefile_reader *r)
{
	return r->format;
}

unsigned savefile_read_if_count(const struct savefile_reader *r)
{
	return r->n_ifs;
}

const struct savefile_if *savefile_read_if(const struct savefile_reader *r, unsigned i)
{
	return i < r->n_ifs ? &r->ifs[i].pub : NULL;
}
