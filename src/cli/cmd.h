/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cmd.h: the command table, global options and the helpers every command shares. */
#ifndef SOCKEYE_CMD_H
#define SOCKEYE_CMD_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

#include "out/fmt.h"

/* Exit status: 0 ok, 1 runtime failure, 2 usage error (77 is the tests' skip). */
enum { EXIT_RUNTIME = 1, EXIT_USAGE = 2 };

struct cmd_globals {
	bool json;
	bool pretty;
	bool numeric;
	int verbose;
	const char *netns;
};

extern struct cmd_globals cmd_globals;

struct cmd {
	const char *name;
	int (*fn)(int argc, char **argv);	/* argv[0] is the command name */
	const char *summary;
	const char *usage;			/* the --help text after "usage: sockeye " */
	const char *alias;			/* another exact name (sockets: "ss"), or NULL */
};

/* The table of built commands, in cmd_table.c (part of the binary, not the library). */
extern const struct cmd cmd_table[];
extern const unsigned cmd_count;

/*
 * The command of table[0..n) that NAME selects: an exact name, else an exact
 * alias, else a unique prefix of a name.  NULL with *ambiguous set when
 * several commands share the prefix.
 */
const struct cmd *cmd_find(const struct cmd *table, unsigned n, const char *name,
			   bool *ambiguous);

/*
 * Long options every command accepts after its name too (--json, --pretty,
 * --numeric, --netns, --verbose): put CMD_COMMON_LONGOPTS in a command's table
 * and pass unknown codes to cmd_common_option().
 */
enum {
	CMD_OPT_JSON = 0x1000,
	CMD_OPT_PRETTY,
	CMD_OPT_NUMERIC,
	CMD_OPT_NETNS,
	CMD_OPT_VERBOSE,
	CMD_OPT_HELP,
	CMD_OPT_FIRST_PRIVATE,	/* commands number their own long-only options from here */
};
#define CMD_COMMON_LONGOPTS                                             \
	{ "json", no_argument, NULL, CMD_OPT_JSON },                    \
	{ "pretty", no_argument, NULL, CMD_OPT_PRETTY },                \
	{ "numeric", no_argument, NULL, CMD_OPT_NUMERIC },              \
	{ "netns", required_argument, NULL, CMD_OPT_NETNS },            \
	{ "verbose", no_argument, NULL, CMD_OPT_VERBOSE },              \
	{ "help", no_argument, NULL, CMD_OPT_HELP }

/*
 * The global short options (-j -p -N -n -v) a command takes after its name
 * too, where it gives the letter no meaning of its own: cmd_shortopts() adds
 * the free ones to its getopt string and cmd_common_option() applies them.
 * -V and -h stay global: every command has its own -h.
 */
#define CMD_GLOBAL_SHORTOPTS "jpN:nv"

/*
 * The getopt string for a command whose own letters are own ("i:c:eh"): ':'
 * first, so a missing value comes back as ':' (see cmd_option_error), own,
 * then each letter of CMD_GLOBAL_SHORTOPTS that own leaves free.  No '+':
 * options may follow operands (the filter), as in tcpdump; "--" ends them.
 * Returns buf; CMD_SHORTOPTS_LEN holds any.
 */
#define CMD_SHORTOPTS_LEN 64
const char *cmd_shortopts(char *buf, size_t len, const char *own);

/* true when c was a common option, a long one or a free global letter (and applied it). */
bool cmd_common_option(int c, const char *arg);

/*
 * The usage error for what getopt_long returned that is not an option of
 * the command: ':', a missing value ("-c: needs a value", "--read: needs a
 * value"), else an unknown option, named as typed (see sockeye CMD --help).
 * shortopts is the command's getopt string.  EXIT_USAGE.
 */
int cmd_option_error(const char *name, const char *shortopts, int c, char **argv);

/*
 * The operands joined with spaces, as tcpdump takes a filter ('dst port 53'
 * quoted as one word or given as three): malloc'ed, NULL when out of memory.
 */
char *cmd_join_words(int argc, char **argv);

/* Prints "usage: sockeye [global options] " and a command's usage text to stdout. */
void cmd_print_usage(const char *usage);

/*
 * `sockeye help [COMMAND]` over table[0..n): the commands as text or JSON, or
 * one command's usage.  An exit status.
 */
int help_run(const struct cmd *table, unsigned n, int argc, char **argv);

/* Usage error: the one-line message, exit status EXIT_USAGE. */
int cmd_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Enters --netns (if given); must run before any socket opens.  0 or EXIT_RUNTIME. */
int cmd_enter_netns(void);

/*
 * A formatter on out in the mode the global options ask for: JSON with -j or
 * -p, else text; -n and -p added to the command's own options o (NULL: none).
 * NULL when out of memory.
 */
struct fmt *cmd_fmt_new(FILE *out, const struct fmt_opts *o);

/* Each command's usage text, defined beside its option table. */
extern const char cmd_help_usage[];
extern const char cmd_top_usage[];
extern const char cmd_drops_usage[];
extern const char cmd_trace_usage[];
extern const char cmd_napi_usage[];
extern const char cmd_sniff_usage[];
extern const char cmd_inject_usage[];
extern const char cmd_sockets_usage[];
extern const char cmd_exporter_usage[];
extern const char cmd_why_usage[];

/* Command entry points, one file each. */
int cmd_help(int argc, char **argv);
int cmd_top(int argc, char **argv);
int cmd_drops(int argc, char **argv);
int cmd_trace(int argc, char **argv);
int cmd_napi(int argc, char **argv);
int cmd_sniff(int argc, char **argv);
int cmd_inject(int argc, char **argv);
int cmd_sockets(int argc, char **argv);
int cmd_exporter(int argc, char **argv);
int cmd_why(int argc, char **argv);

#endif
