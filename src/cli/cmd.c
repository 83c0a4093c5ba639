/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cmd.c: the command table, prefix lookup and the option handling commands share. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "util/log.h"
#include "util/netns.h"

struct cmd_globals cmd_globals;

const struct cmd *cmd_find(const struct cmd *table, unsigned n, const char *name,
			    bool *ambiguous)
{
	const struct cmd *found = NULL, *alias = NULL;
	size_t len = strlen(name);

	*ambiguous = false;
	if (!len)
		return NULL;
	for (unsigned i = 0; i < n; i++) {
		if (!strcmp(table[i].name, name))
			return &table[i];
		if (table[i].alias && !strcmp(table[i].alias, name))
			alias = &table[i];
		if (!strncmp(table[i].name, name, len)) {
			if (found)
				*ambiguous = true;
			found = &table[i];
		}
	}
	if (alias) {
		*ambiguous = false;
		return alias;
	}
	return *ambiguous ? NULL : found;
}

const char *cmd_shortopts(char *buf, size_t len, const char *own)
{
	size_t n;

	n = (size_t)snprintf(buf, len, ":%s", own);
	for (const char *g = CMD_GLOBAL_SHORTOPTS; *g && n < len; g++) {
		bool value = g[1] == ':';

		if (!strchr(own, *g))
			n += (size_t)snprintf(buf + n, len - n, "%c%s", *g, value ? ":" : "");
		g += value;
	}
	return buf;
}

bool cmd_common_option(int c, const char *arg)
{
	switch (c) {
	case 'j':
	case CMD_OPT_JSON:
		cmd_globals.json = true;
		return true;
	case 'p':
	case CMD_OPT_PRETTY:
		cmd_globals.json = cmd_globals.pretty = true;
		return true;
	case 'n':
	case CMD_OPT_NUMERIC:
		cmd_globals.numeric = true;
		return true;
	case 'N':
	case CMD_OPT_NETNS:
		cmd_globals.netns = arg;
		return true;
	case 'v':
	case CMD_OPT_VERBOSE:
		cmd_globals.verbose++;
		log_set_verbosity(cmd_globals.verbose);
		return true;
	}
	return false;
}

int cmd_option_error(const char *name, const char *shortopts, int c, char **argv)
{
	const char *word = argv[optind - 1];
	bool letter = optopt > 0 && optopt < 128;

	/*
	 * Whether a short option is at fault, named by optopt: argv may name
	 * another word (a bad letter inside a group, "-bz", leaves optind on
	 * the group).  A missing value's option ends the word behind optind,
	 * a long one if that starts with "--".  An unknown letter is none of
	 * the command's; a long option's code may be one (--extended=x: 'e').
	 */
	if (c == ':')
		letter = letter && strncmp(word, "--", 2);
	else
		letter = letter && !strchr(shortopts, optopt);

	if (c == ':') {
		if (letter)
			return cmd_usage_error("-%c: needs a value", optopt);
		return cmd_usage_error("%s: needs a value", word);
	}
	if (letter)
		return cmd_usage_error("-%c: unknown option (see sockeye %s --help)", optopt, name);
	return cmd_usage_error("%s: unknown option (see sockeye %s --help)", word, name);
}

char *cmd_join_words(int argc, char **argv)
{
	size_t len = 1;
	char *s;

	for (int i = 0; i < argc; i++)
		len += strlen(argv[i]) + 1;
	s = calloc(1, len);
	for (int i = 0; s && i < argc; i++) {
		if (i)
			strcat(s, " ");
		strcat(s, argv[i]);
	}
	return s;
}

void cmd_print_usage(const char *usage)
{
	printf("usage: sockeye [global options] %s\n", usage);
}

int cmd_usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_vmsg(fmt, ap);
	va_end(ap);
	return EXIT_USAGE;
}

int cmd_enter_netns(void)
{
	int err;

	if (!cmd_globals.netns)
		return 0;
	err = netns_enter(cmd_globals.netns);
	if (!err)
		return 0;
	if (err == -ENOENT)
		log_error("%s: no such network namespace", cmd_globals.netns);
	else if (err == -EPERM)
		log_error("%s: entering a network namespace needs CAP_SYS_ADMIN",
			  cmd_globals.netns);
	else
		log_error("%s: cannot enter network namespace: %s", cmd_globals.netns,
			  strerror(-err));
	return EXIT_RUNTIME;
}

struct fmt *cmd_fmt_new(FILE *out, const struct fmt_opts *o)
{
	struct fmt_opts opts = o ? *o : (struct fmt_opts){ .numeric = false };

	opts.numeric |= cmd_globals.numeric;
	opts.pretty |= cmd_globals.pretty;
	return fmt_new(cmd_globals.json ? FMT_JSON : FMT_TEXT, out, &opts);
}
