/* SPDX-License-Identifier: GPL-2.0-or-later */
/* savefile_write.c: pcap and pcapng writer: a small table of formats, 1 MiB batches, rotation. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "capture/savefile.h"

#define WRITE_BUF	(1u << 20)
#define WRITE_IOV	1024	/* pieces one writev takes (IOV_MAX) */
#define WRITE_RECS	4096	/* records one batch holds: where each ends, for a failed write */
#define NOT_A_PACKET	UINT_MAX	/* rec_if of a file header block or an ISB */
#define NSEC		1000000000ull
#define PCAP_MAGIC	0xa1b2c3d4u
#define PCAP_MAGIC_NANO	0xa1b23c4du
#define NG_SHB		0x0a0d0d0au
#define NG_BOM		0x1a2b3c4du
#define NG_IDB		1u
#define NG_ISB		5u
#define NG_EPB		6u
/* if_name longer than this is cut: it is an interface name, not a payload. */
#define NAME_MAX_LEN	256u

struct wr_if {
	char *name;
	uint32_t linktype;
	struct savefile_stats stats;
	uint64_t stored;	/* records the kernel took in full (a write that failed: not) */
};

struct wr_fmt;

struct savefile_writer {
	struct savefile_write_opts o;	/* o.ifs is not kept: see ifs */
	const struct wr_fmt *fmt;	/* o.format's: what differs between formats */
	struct wr_if *ifs;
	char *pattern;			/* the path as given */
	char path[PATH_MAX];		/* the file being written */
	int fd;				/* -1 after a failed rotation */
	int first_fd;			/* savefile_write_open_fd's, until the first file takes it */
	bool to_stdout;
	bool regular;			/* the file is a regular one: a failed write can be cut back */
	bool done;			/* -G -W: all files written */
	int err;			/* sticky */
	uint8_t *buf;
	size_t len;
	/* What the next write sends, in order: runs of buf, and borrowed packet data. */
	struct iovec iov[WRITE_IOV];
	unsigned n_iov;
	/*
	 * Where each whole record or block of the batch ends (bytes from the batch
	 * start) and its interface (NOT_A_PACKET for header blocks and ISBs): a write
	 * cut short by a full disk still stores the records before the cut, the
	 * counts must say which, and the file is cut back to the last whole one.
	 */
	size_t batch_bytes;
	uint32_t rec_end[WRITE_RECS];
	unsigned rec_if[WRITE_RECS];
	unsigned n_recs;
	uint64_t file_bytes;		/* in the current file, the buffered ones included */
	uint64_t file_synced;		/* in the current file, written: where the batch starts */
	uint64_t file_whole;		/* where the last record or block written in full ends */
	uint64_t file_pkts;
	uint64_t interval_ns;		/* -G: start of the current interval */
	unsigned count;			/* -C: number of the current file */
	unsigned n_files;		/* files opened */
};

/*
 * A block or record header under construction, in host byte order as libpcap
 * writes files: a record's trailer holds padding, epb_flags, the comments at
 * their longest, opt_endofopt and the length.
 */
struct wr_blk {
	uint8_t b[3 + 8 + SAVEFILE_MAX_OPTIONS + 4 + 4 + 7];
	size_t n;
};


static void blk16(struct wr_blk *k, uint16_t v)
{
	memcpy(k->b + k->n, &v, sizeof(v));
	k->n += sizeof(v);
}

static void blk32(struct wr_blk *k, uint32_t v)
{
	memcpy(k->b + k->n, &v, sizeof(v));
	k->n += sizeof(v);
}

static void blk64(struct wr_blk *k, uint64_t v)
{
	memcpy(k->b + k->n, &v, sizeof(v));
	k->n += sizeof(v);
}

/* An option at p: code, length, value, zero padding to 4.  Returns its bytes. */
static size_t opt_encode(uint8_t *p, uint16_t code, const void *val, uint16_t len)
{
	memcpy(p, &code, sizeof(code));
	memcpy(p + 2, &len, sizeof(len));
	memcpy(p + 4, val, len);
	memset(p + 4 + len, 0, (4u - len % 4) % 4);
	return 4 + ((len + 3u) & ~3u);
}

static void blk_opt(struct wr_blk *k, uint16_t code, const void *val, uint16_t len)
{
	k->n += opt_encode(k->b + k->n, code, val, len);
}

/* Puts the lengths into a block built from offset 0 with a placeholder length at 4. */
static void blk_end(struct wr_blk *k)
{
	uint32_t len = (uint32_t)k->n + 4;

	memcpy(k->b + 4, &len, sizeof(len));
	blk32(k, len);
}

/*
 * After a failed write, the file ends at its last whole record or block, not inside
 * one: readers take it as a complete capture ("truncated dump file" otherwise).
 */
static void wr_cut_back(struct savefile_writer *w)
{
	if (w->regular && ftruncate(w->fd, (off_t)w->file_whole) == 0)
		w->file_synced = w->file_whole;
}

/*
 * Writes the pending pieces out; a short write goes on with the rest, an error
 * sticks and cuts the file back to its last whole record.
 */
static int wr_drain(struct savefile_writer *w)
{
	struct iovec *v = w->iov;
	unsigned cnt = w->n_iov;
	size_t done = 0;
	int err = 0;

	while (cnt) {
		ssize_t n = writev(w->fd, v, (int)cnt);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			err = -errno;
			break;
		}
		if (n == 0) {
			err = -EIO;
			break;
		}
		done += (size_t)n;
		for (; cnt && (size_t)n >= v->iov_len; v++, cnt--)
			n -= (ssize_t)v->iov_len;
		if (cnt) {
			v->iov_base = (uint8_t *)v->iov_base + n;
			v->iov_len -= (size_t)n;
		}
	}
	/* A record split over two batches ends in the second: stored only once both are. */
	for (unsigned i = 0; i < w->n_recs && w->rec_end[i] <= done; i++) {
		if (w->rec_if[i] != NOT_A_PACKET)
			w->ifs[w->rec_if[i]].stored++;
		w->file_whole = w->file_synced + w->rec_end[i];
	}
	w->file_synced += done;
	if (err)
		wr_cut_back(w);
	w->len = 0;
	w->n_iov = 0;
	w->batch_bytes = 0;
	w->n_recs = 0;
	if (err)
		w->err = err;
	return err;
}

/* Queues n bytes at p: a new piece, or the last one grown when p continues it. */
static void wr_queue(struct savefile_writer *w, const void *p, size_t n)
{
	struct iovec *last = w->n_iov ? &w->iov[w->n_iov - 1] : NULL;

	if (last && (const uint8_t *)last->iov_base + last->iov_len == p)
		last->iov_len += n;
	else
		w->iov[w->n_iov++] = (struct iovec){ .iov_base = (void *)p, .iov_len = n };
	w->batch_bytes += n;
}

/* Copies n bytes into the buffer and queues them. */
static int wr_put(struct savefile_writer *w, const void *data, size_t n)
{
	const uint8_t *p = data;

	w->file_bytes += n;
	while (n) {
		size_t part;
		int err;

		if (w->len == WRITE_BUF || w->n_iov == WRITE_IOV) {
			err = wr_drain(w);
			if (err)
				return err;
		}
		part = n < WRITE_BUF - w->len ? n : WRITE_BUF - w->len;
		memcpy(w->buf + w->len, p, part);
		wr_queue(w, w->buf + w->len, part);
		w->len += part;
		p += part;
		n -= part;
	}
	return 0;
}

/*
 * A record or block has been queued in full: the batch notes where it ends.  The
 * table holds WRITE_RECS: a full one is written out.
 */
static int wr_end_unit(struct savefile_writer *w, unsigned ifindex)
{
	w->rec_end[w->n_recs] = (uint32_t)w->batch_bytes;
	w->rec_if[w->n_recs++] = ifindex;
	return w->n_recs == WRITE_RECS ? wr_drain(w) : 0;
}

/* A whole header block or ISB: queued, and its end noted. */
static int wr_put_block(struct savefile_writer *w, const struct wr_blk *k)
{
	int err = wr_put(w, k->b, k->n);

	return err ? err : wr_end_unit(w, NOT_A_PACKET);
}

/* A packet's data: borrowed (queued where it is) when the caller allows, else copied. */
static int wr_put_data(struct savefile_writer *w, const void *data, size_t n)
{
	int err;

	if (!w->o.borrow || !n)
		return wr_put(w, data, n);
	if (w->n_iov == WRITE_IOV) {
		err = wr_drain(w);
		if (err)
			return err;
	}
	w->file_bytes += n;
	wr_queue(w, data, n);
	return 0;
}

static uint64_t wr_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * NSEC + (uint64_t)ts.tv_nsec;
}

static int wr_pcap_header(struct savefile_writer *w)
{
	struct wr_blk k = { .n = 0 };

	blk32(&k, w->o.format == SAVEFILE_PCAP_NANO ? PCAP_MAGIC_NANO : PCAP_MAGIC);
	blk16(&k, 2);
	blk16(&k, 4);
	blk32(&k, 0);		/* thiszone */
	blk32(&k, 0);		/* sigfigs */
	blk32(&k, w->o.snaplen);
	blk32(&k, w->ifs[0].linktype);
	return wr_put_block(w, &k);
}

/* A text option of the section header, cut to fit the block (NULL: none). */
static void wr_shb_str(struct wr_blk *k, uint16_t code, const char *s)
{
	if (s && *s)
		blk_opt(k, code, s, (uint16_t)strnlen(s, 120));
}

static int wr_pcapng_header(struct savefile_writer *w)
{
	static const uint8_t tsresol_ns = 9;
	struct wr_blk k = { .n = 0 };
	int err;

	blk32(&k, NG_SHB);
	blk32(&k, 0);
	blk32(&k, NG_BOM);
	blk16(&k, 1);
	blk16(&k, 0);
	blk64(&k, UINT64_MAX);	/* section length: not given */
	wr_shb_str(&k, 1, w->o.shb_comment);
	wr_shb_str(&k, 2, w->o.shb_hardware);
	wr_shb_str(&k, 3, w->o.shb_os);
	blk_opt(&k, 4, "sockeye", 7);	/* shb_userappl */
	blk32(&k, 0);		/* opt_endofopt */
	blk_end(&k);
	err = wr_put_block(w, &k);
	for (unsigned i = 0; !err && i < w->o.n_ifs; i++) {
		const char *name = w->ifs[i].name;

		k.n = 0;
		blk32(&k, NG_IDB);
		blk32(&k, 0);
		blk16(&k, (uint16_t)w->ifs[i].linktype);
		blk16(&k, 0);
		blk32(&k, w->o.snaplen);
		if (name && *name)
			blk_opt(&k, 2, name, (uint16_t)strnlen(name, NAME_MAX_LEN));
		blk_opt(&k, 9, &tsresol_ns, 1);
		blk32(&k, 0);
		blk_end(&k);
		err = wr_put_block(w, &k);
	}
	return err;
}

/* An ISB for every interface the caller gave counters for. */
static int wr_isbs(struct savefile_writer *w)
{
	static const struct {
		unsigned bit;
		uint16_t code;
		size_t off;
	} counters[] = {
		{ SAVEFILE_STAT_RECV, 4, offsetof(struct savefile_stats, recv) },
		{ SAVEFILE_STAT_DROP, 5, offsetof(struct savefile_stats, drop) },
		{ SAVEFILE_STAT_FILTER_ACCEPT, 6, offsetof(struct savefile_stats, filter_accept) },
		{ SAVEFILE_STAT_OS_DROP, 7, offsetof(struct savefile_stats, os_drop) },
		{ SAVEFILE_STAT_USR_DELIV, 8, offsetof(struct savefile_stats, usr_deliv) },
	};
	int err = 0;

	for (unsigned i = 0; !err && i < w->o.n_ifs; i++) {
		const struct savefile_stats *st = &w->ifs[i].stats;
		uint64_t ts = st->ts_ns ? st->ts_ns : wr_now_ns();
		struct wr_blk k = { .n = 0 };
		uint32_t v[2];

		if (!st->present)
			continue;
		blk32(&k, NG_ISB);
		blk32(&k, 0);
		blk32(&k, i);
		blk32(&k, (uint32_t)(ts >> 32));
		blk32(&k, (uint32_t)ts);
		/* isb_starttime and isb_endtime: high word, then low, like a packet's time. */
		if (st->present & SAVEFILE_STAT_START) {
			v[0] = (uint32_t)(st->start_ns >> 32);
			v[1] = (uint32_t)st->start_ns;
			blk_opt(&k, 2, v, sizeof(v));
		}
		if (st->present & SAVEFILE_STAT_END) {
			v[0] = (uint32_t)(st->end_ns >> 32);
			v[1] = (uint32_t)st->end_ns;
			blk_opt(&k, 3, v, sizeof(v));
		}
		for (size_t c = 0; c < sizeof(counters) / sizeof(counters[0]); c++)
			if (st->present & counters[c].bit)
				blk_opt(&k, counters[c].code, (const char *)st + counters[c].off,
					sizeof(uint64_t));
		blk32(&k, 0);
		blk_end(&k);
		err = wr_put_block(w, &k);
	}
	return err;
}

/* A pcap record header; no trailer.  Returns the record's length in the file. */
static size_t wr_pcap_record(const struct savefile_writer *w, const struct savefile_pkt *pkt,
			     uint32_t caplen, struct wr_blk *h, struct wr_blk *t)
{
	uint64_t sub = pkt->ts_ns % NSEC;

	blk32(h, (uint32_t)(pkt->ts_ns / NSEC));
	blk32(h, (uint32_t)(w->o.format == SAVEFILE_PCAP ? sub / 1000 : sub));
	blk32(h, caplen);
	blk32(h, pkt->wirelen);
	return h->n + caplen;
}

/* A comment's length: the caller's, else measured; cut to SAVEFILE_MAX_COMMENT_LEN. */
static uint16_t comment_len(const char *c, uint16_t len)
{
	if (!c)
		return 0;
	if (!len)
		len = (uint16_t)strnlen(c, SAVEFILE_MAX_COMMENT_LEN);
	return len > SAVEFILE_MAX_COMMENT_LEN ? SAVEFILE_MAX_COMMENT_LEN : len;
}

uint16_t savefile_pcapng_comments(uint8_t *buf, const char *const *comments, const uint16_t *lens,
				  unsigned n)
{
	size_t at = 0;

	for (unsigned i = 0; i < n && i < SAVEFILE_MAX_COMMENTS; i++) {
		uint16_t len = comment_len(comments[i], lens ? lens[i] : 0);

		if (len)
			at += opt_encode(buf + at, 1, comments[i], len);	/* opt_comment */
	}
	return (uint16_t)at;
}

/* An EPB around the data: header in H; padding, epb_flags and trailing length in T. */
static size_t wr_pcapng_record(const struct savefile_writer *w, const struct savefile_pkt *pkt,
			       uint32_t caplen, struct wr_blk *h, struct wr_blk *t)
{
	uint32_t pad = (4u - caplen % 4) % 4;
	uint32_t flags = 0;	/* epb_flags: bits 0-1 the direction */
	bool text = !pkt->options_len && (pkt->comments[0] || pkt->comments[1]);
	size_t rec, opts = 0, clen = pkt->options_len;

	if (pkt->dir == SAVEFILE_DIR_IN)
		flags = 1;
	else if (pkt->dir == SAVEFILE_DIR_OUT)
		flags = 2;
	if (flags)
		opts += 8;
	if (clen > SAVEFILE_MAX_OPTIONS)
		clen = 0;	/* not savefile_pcapng_comments's: left out rather than overrun */
	memset(t->b, 0, pad);
	t->n = pad;
	if (flags)
		blk_opt(t, 2, &flags, sizeof(flags));
	/*
	 * Comments as text are encoded here for each packet; encoded by the caller
	 * once per owner pair, they are one copy, with no formatting or padding.
	 */
	if (text)
		clen = savefile_pcapng_comments(t->b + t->n, pkt->comments, pkt->comment_lens,
						SAVEFILE_MAX_COMMENTS);
	else if (clen)
		memcpy(t->b + t->n, pkt->options, clen);
	t->n += clen;
	opts += clen;
	/* The data, then its padding, options (epb_flags, opt_comment) and opt_endofopt, the trailing length. */
	rec = 28 + (size_t)caplen + pad + (opts ? opts + 4 : 0) + 4;
	blk32(h, NG_EPB);
	blk32(h, (uint32_t)rec);
	blk32(h, pkt->ifindex);
	blk32(h, (uint32_t)(pkt->ts_ns >> 32));
	blk32(h, (uint32_t)pkt->ts_ns);
	blk32(h, caplen);
	blk32(h, pkt->wirelen);
	if (opts)
		blk32(t, 0);
	blk32(t, (uint32_t)rec);
	return rec;
}

/* What differs between the formats the writer makes; the rest (batching, rotation) is shared. */
struct wr_fmt {
	/* Starts a file. */
	int (*header)(struct savefile_writer *w);
	/* Fills a record's header H and trailer T (both empty); returns its length. */
	size_t (*record)(const struct savefile_writer *w, const struct savefile_pkt *pkt,
			 uint32_t caplen, struct wr_blk *h, struct wr_blk *t);
	/* Ends a file, before the last drain; NULL: nothing to add. */
	int (*trailer)(struct savefile_writer *w);
	/* pcap has one link type per file; pcapng 16 bits of one per interface. */
	bool one_linktype;
	uint32_t max_linktype;
	/* The latest time a record can hold: pcap's seconds are 32 bits (2106-02-07). */
	uint64_t max_ts_ns;
};

#define WR_PCAP { .header = wr_pcap_header, .record = wr_pcap_record, .one_linktype = true, \
		 .max_linktype = UINT32_MAX, .max_ts_ns = (UINT32_MAX + 1ull) * NSEC - 1 }

static const struct wr_fmt wr_formats[] = {
	[SAVEFILE_PCAP] = WR_PCAP,
	[SAVEFILE_PCAP_NANO] = WR_PCAP,
	[SAVEFILE_PCAPNG] = { .header = wr_pcapng_header, .record = wr_pcapng_record,
			      .trailer = wr_isbs, .max_linktype = UINT16_MAX,
			      .max_ts_ns = UINT64_MAX },
};

/*
 * -EEXIST when PATH (after its symbolic links; NULL: standard output) is the file
 * being read: opening it with O_TRUNC would destroy the input before it is read.
 */
static int wr_check_not_input(const struct savefile_write_opts *o, const char *path)
{
	struct stat st;
	int ret = path ? stat(path, &st) : fstat(STDOUT_FILENO, &st);

	if (ret || !o->has_input)
		return 0;
	return (uint64_t)st.st_dev == o->input_dev && (uint64_t)st.st_ino == o->input_ino ?
	       -EEXIST : 0;
}

/* Creates the file at PATH (not the input) and empties it: the descriptor or -errno. */
static int wr_create(const struct savefile_write_opts *o, const char *path)
{
	int err = wr_check_not_input(o, path), fd;

	if (err)
		return err;
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	return fd < 0 ? -errno : fd;
}

static int wr_open_file(struct savefile_writer *w)
{
	struct stat st;
	int err;

	if (w->to_stdout) {
		err = wr_check_not_input(&w->o, NULL);
		if (err)
			goto out;
		w->fd = STDOUT_FILENO;
	} else {
		err = savefile_write_filename(w->path, sizeof(w->path), w->pattern, &w->o,
					      w->interval_ns, w->count);
		if (err)
			goto out;
		if (w->first_fd >= 0) {
			w->fd = w->first_fd;
			w->first_fd = -1;
		} else {
			w->fd = wr_create(&w->o, w->path);
			if (w->fd < 0) {
				err = w->fd;
				goto out;
			}
		}
	}
	/* Standard output may be a file too: only a regular file can be cut back. */
	w->regular = fstat(w->fd, &st) == 0 && S_ISREG(st.st_mode);
	w->n_files++;
	w->file_bytes = 0;
	w->file_synced = 0;
	w->file_whole = 0;
	w->file_pkts = 0;
	err = w->fmt->header(w);
out:
	if (err)
		w->err = err;
	return err;
}

/* Ends the current file: ISBs, the rest of the buffer, close(2), whose error counts too. */
static int wr_close_file(struct savefile_writer *w)
{
	int err = w->err;

	if (!err && w->fmt->trailer)
		err = w->fmt->trailer(w);
	if (!err)
		err = wr_drain(w);
	if (w->fd >= 0 && !w->to_stdout && close(w->fd) && !err)
		err = -errno;
	w->fd = -1;
	if (err)
		w->err = err;
	return err;
}

static int wr_rotate(struct savefile_writer *w)
{
	int err = wr_close_file(w);

	return err ? err : wr_open_file(w);
}

static void wr_free(struct savefile_writer *w)
{
	if (w->ifs)
		for (unsigned i = 0; i < w->o.n_ifs; i++)
			free(w->ifs[i].name);
	free(w->ifs);
	free(w->pattern);
	free(w->buf);
	if (w->first_fd >= 0)
		close(w->first_fd);
	free(w);
}

static int wr_check_opts(const char *path, const struct savefile_write_opts *o)
{
	bool rotates = o->rotate_bytes || o->rotate_secs;
	const struct wr_fmt *f;

	if (!o->ifs || !o->n_ifs || o->snaplen > SAVEFILE_MAX_CAPLEN ||
	    (unsigned)o->format >= sizeof(wr_formats) / sizeof(wr_formats[0]))
		return -EINVAL;
	if ((rotates && strcmp(path, "-") == 0) || (o->max_files && !rotates))
		return -EINVAL;
	f = &wr_formats[o->format];
	for (unsigned i = 0; i < o->n_ifs; i++) {
		if (f->one_linktype && o->ifs[i].linktype != o->ifs[0].linktype)
			return -EINVAL;
		if (o->ifs[i].linktype > f->max_linktype)
			return -EINVAL;
	}
	return 0;
}

int savefile_write_create(const char *path, struct savefile_write_opts *o)
{
	char name[PATH_MAX];
	int err;

	if (strcmp(path, "-") == 0)
		return -EINVAL;
	if (!o->start_ns)
		o->start_ns = wr_now_ns();
	err = savefile_write_filename(name, sizeof(name), path, o, o->start_ns, 0);
	return err ? err : wr_create(o, name);
}

int savefile_write_open(struct savefile_writer **wp, const char *path,
			const struct savefile_write_opts *o)
{
	return savefile_write_open_fd(wp, -1, path, o);
}

int savefile_write_open_fd(struct savefile_writer **wp, int fd, const char *path,
			   const struct savefile_write_opts *o)
{
	struct savefile_writer *w = NULL;
	int err;

	*wp = NULL;
	err = wr_check_opts(path, o);
	if (!err && fd >= 0 && strcmp(path, "-") == 0)
		err = -EINVAL;
	if (err)
		goto out;
	err = -ENOMEM;
	w = calloc(1, sizeof(*w));
	if (!w)
		goto out;
	w->first_fd = fd;
	fd = -1;
	w->o = *o;
	w->o.ifs = NULL;
	w->fmt = &wr_formats[o->format];
	w->fd = -1;
	w->ifs = calloc(o->n_ifs, sizeof(*w->ifs));
	w->pattern = strdup(path);
	w->buf = malloc(WRITE_BUF);
	if (!w->ifs || !w->pattern || !w->buf)
		goto out;
	for (unsigned i = 0; i < o->n_ifs; i++) {
		w->ifs[i].linktype = o->ifs[i].linktype;
		if (o->ifs[i].name) {
			w->ifs[i].name = strdup(o->ifs[i].name);
			if (!w->ifs[i].name)
				goto out;
		}
	}
	if (!w->o.snaplen)
		w->o.snaplen = SAVEFILE_MAX_SNAPLEN;
	w->to_stdout = strcmp(path, "-") == 0;
	snprintf(w->path, sizeof(w->path), "%s", path);
	w->interval_ns = o->start_ns ? o->start_ns : wr_now_ns();
	err = wr_open_file(w);
	if (err)
		goto out;
	*wp = w;
out:
	if (err && w)
		wr_free(w);
	if (fd >= 0)
		close(fd);
	return err;
}

/* -G, then -C: whether this packet starts a new file, and which. */
static int wr_maybe_rotate(struct savefile_writer *w, const struct savefile_pkt *pkt, size_t rec)
{
	uint64_t span = (uint64_t)w->o.rotate_secs * NSEC;

	if (span && pkt->ts_ns >= w->interval_ns && pkt->ts_ns - w->interval_ns >= span) {
		if (!w->o.rotate_bytes && w->o.max_files && w->n_files >= w->o.max_files) {
			w->done = true;
			return SAVEFILE_DONE;
		}
		/* Intervals stay on the grid of the first: quiet ones get no file. */
		w->interval_ns += (pkt->ts_ns - w->interval_ns) / span * span;
		w->count = 0;
		return wr_rotate(w);
	}
	if (w->o.rotate_bytes && w->file_pkts && w->file_bytes + rec > w->o.rotate_bytes) {
		w->count++;
		if (w->o.max_files && w->count >= w->o.max_files)
			w->count = 0;
		return wr_rotate(w);
	}
	return 0;
}

int savefile_write_packet(struct savefile_writer *w, const struct savefile_pkt *pkt)
{
	uint32_t caplen = pkt->caplen < w->o.snaplen ? pkt->caplen : w->o.snaplen;
	struct wr_blk h, t;	/* not zeroed: clearing 2 x 640 bytes per packet cost more than the rest */
	size_t rec;
	int err;

	h.n = 0;
	t.n = 0;
	if (w->err)
		return w->err;
	if (w->done)
		return SAVEFILE_DONE;
	if (pkt->ifindex >= w->o.n_ifs)
		return -EINVAL;
	/* Not sticky: the records before this one are good and still go to the file. */
	if (pkt->ts_ns > w->fmt->max_ts_ns)
		return -ERANGE;
	rec = w->fmt->record(w, pkt, caplen, &h, &t);
	err = wr_maybe_rotate(w, pkt, rec);
	if (err)
		return err;
	err = wr_put(w, h.b, h.n);
	if (!err)
		err = wr_put_data(w, pkt->data, caplen);
	if (!err)
		err = wr_put(w, t.b, t.n);
	if (err)
		return err;
	w->file_pkts++;
	return wr_end_unit(w, pkt->ifindex);
}

void savefile_write_set_stats(struct savefile_writer *w, unsigned ifindex,
			      const struct savefile_stats *st)
{
	if (ifindex < w->o.n_ifs)
		w->ifs[ifindex].stats = *st;
}

int savefile_write_flush(struct savefile_writer *w)
{
	if (w->err)
		return w->err;
	return wr_drain(w);
}

int savefile_write_close(struct savefile_writer *w)
{
	int err;

	if (!w)
		return 0;
	err = wr_close_file(w);
	wr_free(w);
	return err;
}

uint64_t savefile_write_stored(const struct savefile_writer *w, unsigned ifindex)
{
	return ifindex < w->o.n_ifs ? w->ifs[ifindex].stored : 0;
}

int savefile_write_fd(const struct savefile_writer *w)
{
	return w->fd;
}

const char *savefile_write_path(const struct savefile_writer *w)
{
	return w->path;
}

const char *savefile_write_strerror(int err)
{
	if (err == -EEXIST)
		return "is the input file; refusing to overwrite it";
	if (err == -ERANGE)
		return "a timestamp past 2106: pcap cannot hold it (write --pcapng)";
	return strerror(err < 0 ? -err : err);
}
