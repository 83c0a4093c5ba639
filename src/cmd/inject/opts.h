/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cmd_inject.h: what inject's command line asks for, shared by its two files. */
#ifndef SOCKEYE_CMD_INJECT_H
#define SOCKEYE_CMD_INJECT_H

#include <stdbool.h>
#include <stdint.h>

#include "cmd/inject/pace.h"

struct inject_cmd {
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
};

/*
 * Parses inject's options and trailing words into o.  0 to go on, -1 when
 * --help was printed (exit 0), or an exit status (EXIT_USAGE, EXIT_RUNTIME).
 */
int cmd_inject_parse(struct inject_cmd *o, int argc, char **argv);

#endif
