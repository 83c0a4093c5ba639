/* SPDX-License-Identifier: GPL-2.0-or-later */
/* savefile.h: capture files: pcap (micro and nano) and pcapng, read and written in big batches. */
#ifndef SOCKEYE_SAVEFILE_H
#define SOCKEYE_SAVEFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum savefile_format {
	SAVEFILE_PCAP,		/* classic pcap, microsecond timestamps */
	SAVEFILE_PCAP_NANO,	/* classic pcap, nanosecond timestamps */
	SAVEFILE_PCAPNG,
};

/* pcapng's epb_flags inbound/outbound bits; UNKNOWN for pcap and when a block has none. */
enum savefile_dir {
	SAVEFILE_DIR_UNKNOWN,
	SAVEFILE_DIR_IN,
	SAVEFILE_DIR_OUT,
};

/* libpcap's MAXIMUM_SNAPLEN: a pcap record may exceed a smaller header snaplen up to this. */
#define SAVEFILE_MAX_SNAPLEN 262144u
/* Larger record or block lengths are corrupt: nothing is allocated from a length beyond this. */
#define SAVEFILE_MAX_BLOCK (16u << 20)
/* The largest snaplen the writer takes: its records stay within SAVEFILE_MAX_BLOCK. */
#define SAVEFILE_MAX_CAPLEN (SAVEFILE_MAX_BLOCK - 64)
/* Size of the errbuf the open functions fill. */
#define SAVEFILE_ERRLEN 192

/* opt_comment options a written pcapng packet carries at most, and their longest (bytes). */
#define SAVEFILE_MAX_COMMENTS 2
#define SAVEFILE_MAX_COMMENT_LEN 344u

/* One record, as the reader returns it and the writer takes it. */
struct savefile_pkt {
	uint64_t ts_ns;		/* since the epoch, if_tsoffset applied */
	/*
	 * Reader, pcap only: a record's fraction of a second out of range (a
	 * microsecond field of 1e6 and more), in ns as added into ts_ns; 0 when
	 * in range.  tcpdump prints such a field as it is, after the seconds.
	 */
	uint64_t ts_odd_ns;
	uint32_t caplen;	/* bytes at data */
	uint32_t wirelen;	/* length on the wire */
	uint32_t ifindex;	/* reader: savefile_read_if()'s index; writer: into ifs[] */
	uint32_t linktype;	/* LINKTYPE_* of that interface (the writer ignores it) */
	enum savefile_dir dir;
	const uint8_t *data;
	/*
	 * Writer, pcapng only: an opt_comment each (cut to SAVEFILE_MAX_COMMENT_LEN);
	 * NULL: none.  The reader leaves them NULL.  comment_lens: each one's
	 * length where the caller knows it (a comment made once, written with
	 * every packet), 0 for the writer to measure.
	 */
	const char *comments[SAVEFILE_MAX_COMMENTS];
	uint16_t comment_lens[SAVEFILE_MAX_COMMENTS];
	/*
	 * Writer, pcapng only: options already encoded (savefile_pcapng_comments),
	 * written after epb_flags as they are, in place of comments: a caller that
	 * writes the same comments with many packets encodes them once.  0: none.
	 */
	const uint8_t *options;
	uint16_t options_len;
};

/* Bytes of the options savefile_pcapng_comments makes at most (every comment at its longest). */
#define SAVEFILE_MAX_OPTIONS (SAVEFILE_MAX_COMMENTS * (4 + SAVEFILE_MAX_COMMENT_LEN))

/*
 * Encodes up to SAVEFILE_MAX_COMMENTS comments (n of them; a NULL or empty
 * one is left out, each cut to SAVEFILE_MAX_COMMENT_LEN) as pcapng
 * opt_comment options in the writer's byte order into buf, of at least
 * SAVEFILE_MAX_OPTIONS bytes: what savefile_pkt.options takes.  Returns the
 * bytes written.
 */
uint16_t savefile_pcapng_comments(uint8_t *buf, const char *const *comments, const uint16_t *lens,
				  unsigned n);

/* Which counters of struct savefile_stats are set (pcapng ISB options). */
enum {
	SAVEFILE_STAT_START = 1u << 0,		/* isb_starttime */
	SAVEFILE_STAT_END = 1u << 1,		/* isb_endtime */
	SAVEFILE_STAT_RECV = 1u << 2,		/* isb_ifrecv: packets the interface got */
	SAVEFILE_STAT_DROP = 1u << 3,		/* isb_ifdrop: dropped for lack of resources */
	SAVEFILE_STAT_FILTER_ACCEPT = 1u << 4,	/* isb_filteraccept */
	SAVEFILE_STAT_OS_DROP = 1u << 5,	/* isb_osdrop: dropped by the OS (ring full) */
	SAVEFILE_STAT_USR_DELIV = 1u << 6,	/* isb_usrdeliv */
};

struct savefile_stats {
	unsigned present;	/* SAVEFILE_STAT_* bits; 0: no statistics */
	uint64_t ts_ns;		/* when they were taken (the ISB timestamp) */
	uint64_t start_ns, end_ns;
	uint64_t recv, drop, filter_accept, os_drop, usr_deliv;
};

/* An interface of a file being read: pcap has one, pcapng one per IDB over all sections. */
struct savefile_if {
	uint32_t linktype;
	uint32_t snaplen;	/* 0: no limit (pcapng) */
	char name[64];		/* if_name, cut to fit, bytes as in the file; "" when absent */
	unsigned section;	/* pcapng section (SHB) it was described in, from 0 */
	uint8_t tsresol;	/* if_tsresol as in the file: 6 (us), 9 (ns), 0x80 | n for 2^-n */
	int64_t tsoffset;	/* if_tsoffset, seconds */
	struct savefile_stats stats;	/* from the interface's last ISB */
};

/* ---- reading ------------------------------------------------------------------------- */

struct savefile_reader;

/*
 * Opens PATH ("-": stdin, read as a stream) and reads the file header, and for pcapng
 * every block up to the first packet so the interfaces are known.  0, or -errno with a
 * one-line reason in errbuf[SAVEFILE_ERRLEN] ("not a pcap or pcapng file (magic
 * 0x12345678)", or strerror's text for a system error).
 */
int savefile_read_open(struct savefile_reader **rp, const char *path, char *errbuf);
/* The same on an open descriptor, read from where it stands; the reader does not close it. */
int savefile_read_open_fd(struct savefile_reader **rp, int fd, char *errbuf);
/* The same on LEN bytes in memory, used in place: they must outlive the reader. */
int savefile_read_open_mem(struct savefile_reader **rp, const void *buf, size_t len,
			   char *errbuf);
void savefile_read_close(struct savefile_reader *r);
/*
 * Readers opened from now on give up a wait for input (a pipe or FIFO whose
 * writer is slow) as soon as FD becomes readable, with -ECANCELED from the
 * open or savefile_read_next(): a command passes the descriptor its stop
 * signals make readable.  -1: wait as long as it takes.
 */
void savefile_read_set_stop_fd(int fd);

/*
 * The next packet: 1 with *pkt filled (pkt->data stays valid until the next call), 0 at
 * the end of the file, or -errno: -EINVAL for a corrupt or truncated file (every record
 * before the bad one was returned), another -errno for a failed read.  The error sticks,
 * and savefile_read_error() says what and where: "truncated record at offset 1234 (10
 * of 74 bytes)", "block length 7 not a multiple of 4 at offset 96".
 */
int savefile_read_next(struct savefile_reader *r, struct savefile_pkt *pkt);
const char *savefile_read_error(const struct savefile_reader *r);

enum savefile_format savefile_read_format(const struct savefile_reader *r);
unsigned savefile_read_if_count(const struct savefile_reader *r);
/*
 * Interface I (< savefile_read_if_count, else NULL), valid until the next
 * savefile_read_next(): pcapng files add interfaces as they are read.
 */
const struct savefile_if *savefile_read_if(const struct savefile_reader *r, unsigned i);
/*
 * The st_dev and st_ino of the file R reads (stdin's, for "-"), for a writer that must
 * not overwrite it.  false when R reads memory or anything but a regular file.
 */
bool savefile_read_id(const struct savefile_reader *r, uint64_t *dev, uint64_t *ino);

/* ---- writing ------------------------------------------------------------------------- */

struct savefile_writer;

struct savefile_wif {
	const char *name;	/* if_name for pcapng, NULL for none */
	uint32_t linktype;
};

struct savefile_write_opts {
	enum savefile_format format;
	uint32_t snaplen;	/* longer packets are cut; 0: SAVEFILE_MAX_SNAPLEN; <= MAX_CAPLEN */
	const struct savefile_wif *ifs;	/* savefile_pkt.ifindex's; pcap: one link type */
	unsigned n_ifs;
	/* Rotation as tcpdump's -C, -G and -W; all 0 for one file. */
	uint64_t rotate_bytes;	/* -C: a packet that would pass it starts a new file */
	uint32_t rotate_secs;	/* -G: a new file when packet time passes the interval; the
				 * path is an strftime pattern of the interval's local start */
	unsigned max_files;	/* -W: with -C a ring of this many files, else stop after them */
	uint64_t start_ns;	/* -G: start of the first interval, 0: now */
	/*
	 * Packet data stays valid until the next savefile_write_flush (a capture
	 * ring's block): the writer keeps pointers to it and writes it with
	 * writev(2) instead of copying it.  The caller flushes before reusing it.
	 */
	bool borrow;
	/*
	 * The file being read (its st_dev and st_ino, savefile_read_id): no file
	 * this writer makes, rotated ones included, may be it (-EEXIST).
	 */
	bool has_input;
	uint64_t input_dev, input_ino;
	/* pcapng's section header: shb_comment, shb_hardware and shb_os; NULL: none. */
	const char *shb_comment;
	const char *shb_hardware;
	const char *shb_os;
};

/* savefile_write_packet's answer when -G with -W has written all its files. */
#define SAVEFILE_DONE 1

/*
 * Creates PATH ("-": stdout; no rotation then) and writes the file header.  0 or -errno
 * (-EINVAL: bad options, e.g. two link types for pcap; -EEXIST: PATH is the input file,
 * left alone).
 */
int savefile_write_open(struct savefile_writer **wp, const char *path,
			const struct savefile_write_opts *o);
/*
 * Creates (empty) the first file savefile_write_open would make of PATH (not "-"), for a
 * caller that must make it before it gives up privileges or knows the interfaces.  Sets
 * o->start_ns when 0, so that -G names it as the writer will.  The descriptor, to hand to
 * savefile_write_open_fd, or -errno (-EEXIST: that file is the input, left alone).
 */
int savefile_write_create(const char *path, struct savefile_write_opts *o);
/*
 * savefile_write_open with the first file FD (from savefile_write_create with the same
 * PATH and O); the writer owns FD from this call on, and closes it on failure too.
 */
int savefile_write_open_fd(struct savefile_writer **wp, int fd, const char *path,
			   const struct savefile_write_opts *o);
/*
 * Buffers one record, cut to the snaplen (with o.borrow, its header and a pointer
 * to its data); a write happens only when the 1 MiB buffer, the 1024 pending
 * pieces or 4096 records fill up, or a file rotates.  0, SAVEFILE_DONE (not written: the -W limit is
 * reached), -EINVAL for a bad ifindex, -ERANGE for a time pcap cannot hold (past
 * 2106: the record is refused, what came before stays), or the -errno of a failed
 * write, which sticks: the file is then cut back to its last whole record (a
 * regular file; a pipe keeps what it took).
 */
int savefile_write_packet(struct savefile_writer *w, const struct savefile_pkt *pkt);
/* Interface counters for the ISB (pcapng) that closes each file; the latest call wins. */
void savefile_write_set_stats(struct savefile_writer *w, unsigned ifindex,
			      const struct savefile_stats *st);
/* Writes what is buffered (and the borrowed data it points to).  0 or -errno. */
int savefile_write_flush(struct savefile_writer *w);
/* Flushes, writes the ISBs and closes the file; always frees W.  0 or the first -errno. */
int savefile_write_close(struct savefile_writer *w);
/*
 * Records of interface IFINDEX that reached the file(s) in full: after a failed
 * write (a full disk) fewer than savefile_write_packet accepted.
 */
uint64_t savefile_write_stored(const struct savefile_writer *w, unsigned ifindex);
/* The descriptor of the file being written now, or -1 (-Z hands it to the user). */
int savefile_write_fd(const struct savefile_writer *w);
/* The file being written now (after a failed rotation: the file that failed). */
const char *savefile_write_path(const struct savefile_writer *w);
/* What an error of the writer means: its own -EEXIST and -ERANGE, else strerror's text. */
const char *savefile_write_strerror(int err);
/*
 * Name of a rotated file, as tcpdump makes it: PATTERN through strftime (local time of
 * INTERVAL_NS) when O has rotate_secs, then COUNT appended when O has rotate_bytes
 * (zero-padded to the digits of max_files - 1; nothing for file 0 without -W).
 * 0 or -ENAMETOOLONG.
 */
int savefile_write_filename(char *buf, size_t len, const char *pattern,
			    const struct savefile_write_opts *o, uint64_t interval_ns,
			    unsigned count);

#endif
