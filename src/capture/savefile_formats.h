/* SPDX-License-Identifier: GPL-2.0-or-later */
/* savefile_formats.h: the table of capture-file formats the reader knows, and what one provides. */
#ifndef SOCKEYE_SAVEFILE_FORMATS_H
#define SOCKEYE_SAVEFILE_FORMATS_H

#include <stddef.h>
#include <stdint.h>

#include "capture/savefile.h"
#include "capture/savefile_in.h"

/* Bytes of the file the probes look at: both formats tell themselves apart by a magic. */
#define SAVEFILE_PROBE_LEN 4

/*
 * One format's reader.  It keeps its state in a zeroed block of state_size bytes that
 * the generic reader allocates; everything shared (the bytes, the error, the interfaces)
 * is in struct savefile_in.  Formats never call each other: the generic reader probes,
 * then calls only the chosen one's functions.
 */
struct savefile_fmt {
	const char *name;
	size_t state_size;
	/* HEAD: the first SAVEFILE_PROBE_LEN bytes.  The savefile_format they start, or -1. */
	int (*probe)(const uint8_t *head);
	/*
	 * Reads the file header at in->pos (the probed bytes are still there) and whatever
	 * must be known before the first packet.  0, or -errno with the error set in IN.
	 */
	int (*open)(struct savefile_in *in, void *state);
	/* savefile_read_next() without the sticky-error check. */
	int (*next)(struct savefile_in *in, void *state, struct savefile_pkt *pkt);
	/* Frees what open took beyond the state block; NULL when nothing. */
	void (*close)(void *state);
};

/* The formats, one definition in each savefile_X.c; a new one also gets a table line. */
extern const struct savefile_fmt savefile_pcap;
extern const struct savefile_fmt savefile_pcapng;

/*
 * The format whose probe takes HEAD (SAVEFILE_PROBE_LEN bytes), with *FORMAT set to what
 * it said.  NULL when none does, with "not a pcap or pcapng file (magic 0x...)" in
 * errbuf[SAVEFILE_ERRLEN].
 */
const struct savefile_fmt *savefile_formats_probe(const uint8_t *head, enum savefile_format *format,
						  char *errbuf);

#endif
