/* SPDX-License-Identifier: GPL-2.0-or-later */
/* main.c: global options, then hand the rest of the command line to one command. */
#include "config.h"

#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/stdout_check.h"
#include "util/log.h"

static const struct option global_longopts[] = {
	{ "json", no_argument, NULL, 'j' },
	{ "pretty", no_argument, NULL, 'p' },
	{ "netns", required_argument, NULL, 'N' },
	{ "numeric", no_argument, NULL, 'n' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "version", no_argument, NULL, 'V' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/* The global options, then the command: an exit status. */
static int run(int argc, char **argv)
{
	const struct cmd *cmd;
	bool ambiguous;
	int c;

	opterr = 0;
	/* '+': stop at the command name; its options belong to it. */
	while ((c = getopt_long(argc, argv, "+:" CMD_GLOBAL_SHORTOPTS "Vh", global_longopts,
				NULL)) != -1) {
		switch (c) {
		case 'V':
			printf("sockeye %s\n", PACKAGE_VERSION);
			return 0;
		case 'h':
			return cmd_help(1, (char *[]){ "help", NULL });
		case ':':
			return cmd_usage_error("%s: needs a value", argv[optind - 1]);
		default:
			/* -j -p -N -n -v: applied as a command applies them after its name. */
			if (cmd_common_option(c, optarg))
				break;
			return cmd_usage_error("%s: unknown option", argv[optind - 1]);
		}
	}
	if (optind >= argc) {
		cmd_help(1, (char *[]){ "help", NULL });
		return EXIT_USAGE;
	}
	cmd = cmd_find(cmd_table, cmd_count, argv[optind], &ambiguous);
	if (!cmd) {
		if (ambiguous)
			return cmd_usage_error("%s: ambiguous command (see sockeye help)",
					       argv[optind]);
		return cmd_usage_error("%s: unknown command (see sockeye help)", argv[optind]);
	}
	log_set_command(cmd->name);
	argc -= optind;
	argv += optind;
	optind = 0;	/* 0: glibc re-initializes getopt for the command's own options */
	return cmd->fn(argc, argv);
}

int main(int argc, char **argv)
{
	/*
	 * A reader that leaves (| head) is an EPIPE the output paths and the
	 * stdout check take quietly, in every command alike; SIGPIPE's default
	 * would kill whichever command had not ignored it yet (status 141).
	 */
	signal(SIGPIPE, SIG_IGN);
	/* Every way out checks stdout once: a full disk must not pass for success. */
	return stdout_check_close(run(argc, argv));
}
