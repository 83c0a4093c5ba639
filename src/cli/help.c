/* SPDX-License-Identifier: GPL-2.0-or-later */
/* help.c: `sockeye help [COMMAND]`: the command table as text or JSON, or one usage. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/schema_texts.h"
#include "cli/stdout_check.h"
#include "util/log.h"

/* The --help text after "usage: sockeye ", next to the option table it describes. */
const char cmd_help_usage[] =
	"help [COMMAND]\n"
	"       sockeye help --schema [TYPE]\n"
	"\n"
	"  --schema [TYPE]      the JSON Schema of record TYPE; without TYPE, the types";

enum { COL_NAME, COL_SUMMARY };
static const struct fmt_col help_cols[] = {
	[COL_NAME] = { "name", "COMMAND", FMT_STR, FMT_LEFT, 0, 0 },
	[COL_SUMMARY] = { "summary", "DESCRIPTION", FMT_STR, FMT_LEFT, 0, 0 },
};
static const struct fmt_view help_view = {
	.name = "commands",
	.title = "commands",
	.cols = help_cols,
	.ncols = 2,
};

static const char global_usage[] =
	"usage: sockeye [global options] COMMAND [args]\n"
	"\n"
	"global options (-j -p -N -n -v and their long forms work after the command too,\n"
	"but for the letters the command uses itself: see sockeye(8)):\n"
	"  -j, --json           JSON output (NDJSON for streaming commands)\n"
	"  -p, --pretty         indented JSON (implies -j)\n"
	"  -N, --netns NAME     enter network namespace NAME before any socket opens\n"
	"  -n, --numeric        raw numbers: no K/M/G, no unit suffixes\n"
	"  -v, --verbose        more detail on stderr (repeat for more)\n"
	"  -V, --version        print the version\n"
	"  -h, --help           this help\n"
	"\n"
	"commands (a unique prefix selects one; sockeye COMMAND --help for its options):\n";

static int print_table(const struct cmd *table, unsigned n)
{
	struct fmt_opts opts = { .pretty = cmd_globals.pretty, .no_header = true };
	struct fmt *f = cmd_fmt_new(stdout, &opts);
	int err;

	if (!f) {
		log_error("out of memory");
		return EXIT_RUNTIME;
	}
	if (!cmd_globals.json)
		fputs(global_usage, stdout);
	fmt_doc_begin(f, "help");
	fmt_doc_str(f, "version", PACKAGE_VERSION);
	fmt_table_begin(f, &help_view, 0);
	for (unsigned i = 0; i < n; i++) {
		fmt_row_begin(f);
		fmt_str(f, COL_NAME, table[i].name);
		fmt_str(f, COL_SUMMARY, table[i].summary);
		fmt_row_end(f);
	}
	fmt_table_end(f);
	fmt_doc_end(f);
	err = fmt_flush(f);
	fmt_free(f);
	if (err)
		stdout_check_note(err);	/* main says why */
	return err ? EXIT_RUNTIME : 0;
}

/* A write to stdout failed just now: main's check says why. */
static int stdout_failed(void)
{
	int err = errno ? errno : EIO;

	stdout_check_note(-err);
	/* A reader that went away (`| head`) is no error, as in stdout_check_close. */
	return err == EPIPE ? 0 : EXIT_RUNTIME;
}

/* The schema of one record type (the text of schema/TYPE.schema.json), or the types. */
static int print_schema(int argc, char **argv)
{
	if (argc > 3)
		return cmd_usage_error("%s: unexpected argument", argv[3]);
	for (size_t i = 0; i < schema_ntexts; i++) {
		if (argc < 3)
			printf("%s\n", schema_texts[i].type);
		else if (!strcmp(argv[2], schema_texts[i].type))
			return fputs(schema_texts[i].text, stdout) < 0 ? stdout_failed() : 0;
	}
	if (argc < 3)
		return fflush(stdout) ? stdout_failed() : 0;
	return cmd_usage_error("--schema: %s: unknown record type (sockeye help --schema lists them)",
			       argv[2]);
}

int help_run(const struct cmd *table, unsigned n, int argc, char **argv)
{
	const struct cmd *cmd;
	bool ambiguous;

	if (argc < 2)
		return print_table(table, n);
	if (!strcmp(argv[1], "--schema"))
		return print_schema(argc, argv);
	/* `help --help` and `help -h`: the same as `help help`, like every command's --help. */
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))
		argv[1] = "help";
	if (argc > 2)
		return cmd_usage_error("%s: unexpected argument", argv[2]);
	cmd = cmd_find(table, n, argv[1], &ambiguous);
	if (!cmd)
		return cmd_usage_error("%s: %s command", argv[1], ambiguous ? "ambiguous" : "unknown");
	cmd_print_usage(cmd->usage);
	return 0;
}
