/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cmd_table.c: the commands this build has; help, man pages and completions follow it. */
#include "config.h"

#include "cli/cmd.h"

const struct cmd cmd_table[] = {
	{ "help", cmd_help,
	  "show the commands, or one command's options",
	  cmd_help_usage, NULL },
	{ "top", cmd_top,
	  "live view of the receive path, from NIC rings to socket queues",
	  cmd_top_usage, NULL },
	{ "drops", cmd_drops,
	  "why packets are dropped: counts per reason and place, or each drop",
	  cmd_drops_usage, NULL },
	{ "trace", cmd_trace,
	  "follow packets through the kernel hop by hop, with the time each hop took",
	  cmd_trace_usage, NULL },
	{ "napi", cmd_napi,
	  "how NAPI polls: per device queue and CPU, work against budget",
	  cmd_napi_usage, NULL },
	{ "sniff", cmd_sniff,
	  "capture and decode packets like tcpdump, on a zero-copy ring",
	  cmd_sniff_usage, NULL },
	{ "inject", cmd_inject,
	  "replay captures and generate packets through a zero-copy TX ring",
	  cmd_inject_usage, NULL },
	{ "sockets", cmd_sockets,
	  "sockets through sock_diag like ss, with JSON and a live view (alias ss)",
	  cmd_sockets_usage, "ss" },
	{ "why", cmd_why,
	  "where packets are lost, layer by layer, and the setting to change",
	  cmd_why_usage, NULL },
	{ "exporter", cmd_exporter,
	  "serve the receive path's counters to Prometheus (/metrics)",
	  cmd_exporter_usage, NULL },
};
const unsigned cmd_count = sizeof(cmd_table) / sizeof(cmd_table[0]);

/* help's entry point: the one command that needs the table itself (cli/help.c). */
int cmd_help(int argc, char **argv)
{
	return help_run(cmd_table, cmd_count, argc, argv);
}

