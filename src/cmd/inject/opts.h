/* SPDX-License-Identifier: GPL-2.0-or-later */
/* opts.h: what inject's command line asks for, and the parser that fills it in. */
#ifndef SOCKEYE_INJECT_OPTS_H
#define SOCKEYE_INJECT_OPTS_H

#include <stdbool.h>
#include <stdint.h>

#include "cmd/inject/pace.h"

struct inject_opts {
	const char *ifname;
	const char *rfile;
	char *words;			/* the template, or the filter expression with -r */
	enum pace_mode pace;
	bool pace_set;			/* a rate option was given */
	double rate;			/* see pace_init */
	uint64_t loops;			/* --loop (replay); 0: forever */
	uint64_t count;			/* -c; 0: none */
	bool count_set;
	uint64_t duration_ns;
	int vlan;			/* -1: none */
	bool src_mac_set, dst_mac_set;
	uint8_t src_mac[6], dst_mac[6];
	unsigned cpus;
	uint64_t ring_bytes;
	bool qdisc_bypass;
	int tpacket_version;		/* 0: the default */
	bool dump;
	bool hex;			/* -x with --dump */
	const char *wfile;
	uint64_t stats_ns;
	uint64_t preload_bytes;		/* --preload: hold a file up to this in memory; 0: never */
	bool preload_set;		/* else: 64 MiB when looping, none otherwise */
};

/*
 * Parses inject's options (argv[0] is the command name; getopt's optind as
 * the caller set it) and trailing words into o, which it first sets to the
 * defaults.  0 to go on, -1 when --help or the hidden --list-words (the
 * completions') printed (exit 0), or an exit
 * status (EXIT_USAGE, EXIT_RUNTIME).  inject_opts_free(o) after, whatever it
 * returned.
 */
int inject_opts_parse(struct inject_opts *o, int argc, char **argv);
void inject_opts_free(struct inject_opts *o);

#endif
