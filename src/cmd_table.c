/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cmd_table.c: the commands this build has; help, man pages and completions follow it. */
#include "config.h"

#include "cmd.h"

const struct cmd cmd_table[] = {
	{ "help", cmd_help, "show the commands, or one command's options",
	  "help [COMMAND]" },
	{ "top", cmd_top, "live view of softirqs, softnet and interface counters",
	  "top [-b] [-n COUNT] [-d SECONDS] [--no-header] [--record DIR] [--replay DIR]\n"
	  "\n"
	  "  -b, --batch          print snapshots as text or JSON instead of the live view\n"
	  "  -n, --iterations N   stop after N snapshots (batch default 1)\n"
	  "  -d, --delay SECONDS  time between snapshots (default 1)\n"
	  "      --no-header      text without column headers\n"
	  "      --record DIR     also save each raw sample under DIR (for replay tests)\n"
	  "      --replay DIR     read samples saved by --record instead of the kernel\n" },
};
const unsigned cmd_count = sizeof(cmd_table) / sizeof(cmd_table[0]);

