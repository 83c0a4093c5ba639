/* SPDX-License-Identifier: GPL-2.0-or-later */
/* bpf_opts.h: what the BPF counting commands (drops, napi) share: options, scope, output. */
#ifndef SOCKEYE_CMD_BPF_OPTS_H
#define SOCKEYE_CMD_BPF_OPTS_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include "bpf/loader.h"
#include "cli/cmd.h"
#include "util/interval.h"

/* Their shared long-only options; a command numbers its own from CMD_BPF_OPT_FIRST_PRIVATE. */
enum {
	CMD_BPF_OPT_DURATION = CMD_OPT_FIRST_PRIVATE,
	CMD_BPF_OPT_IFACE,
	CMD_BPF_OPT_ATTACH,
	CMD_BPF_OPT_NO_HEADER,
	CMD_BPF_OPT_FIRST_PRIVATE,
};

/* Their own letters; the getopt string is cmd_shortopts() of them. */
#define CMD_BPF_SHORTOPTS "i:c:eh"
#define CMD_BPF_LONGOPTS                                                   \
	{ "interval", required_argument, NULL, 'i' },                      \
	{ "count", required_argument, NULL, 'c' },                         \
	{ "duration", required_argument, NULL, CMD_BPF_OPT_DURATION },     \
	{ "iface", required_argument, NULL, CMD_BPF_OPT_IFACE },           \
	{ "attach", required_argument, NULL, CMD_BPF_OPT_ATTACH },         \
	{ "extended", no_argument, NULL, 'e' },                            \
	{ "no-header", no_argument, NULL, CMD_BPF_OPT_NO_HEADER },         \
	CMD_COMMON_LONGOPTS

struct cmd_bpf_opts {
	struct interval iv;		/* -i, -c, --duration; stop is signals_stop */
	enum loader_attach attach;	/* --attach */
	const char *iface;		/* --iface, or NULL */
	unsigned groups;		/* -e: FMT_GROUP_DETAIL */
	bool no_header;
};

/* The defaults: one second, no end, auto attach. */
void cmd_bpf_opts_init(struct cmd_bpf_opts *o);

/*
 * Applies c, an option the command does not handle itself: one of the above,
 * a common one, -h (prints usage, the command's help text), or else a
 * missing value or an unknown option (cmd_option_error, named after the
 * command).  0 applied, -1 help printed (exit 0), EXIT_USAGE said.
 */
int cmd_bpf_option(struct cmd_bpf_opts *o, const char *name, const char *usage, int c,
		   const char *arg, char **argv);

/* Scopes a collector to -N's namespace and --iface (loader_scope).  0 or EXIT_RUNTIME, said. */
int cmd_bpf_scope(const struct cmd_bpf_opts *o, uint32_t *netns_ino, uint32_t *ifindex);

/*
 * The drops or napi programs loaded and attached for a collector another
 * command borrows (top's panels, the exporter's collectors): -N's namespace
 * (every one without -N), every interface, the attach method the kernel
 * offers.  0, or -errno with why filled for the note.
 */
struct drops;
struct napi;
int cmd_bpf_open_drops(struct drops **out, char *why, size_t len);
/* softirq: with the NET_RX softirq time programs (top has its own, the exporter not). */
int cmd_bpf_open_napi(struct napi **out, bool softirq, char *why, size_t len);

struct fmt;
/* The output on stdout as -j, -p, -n and --no-header want it; NULL said (out of memory). */
struct fmt *cmd_bpf_fmt_new(const struct cmd_bpf_opts *o);
/* Flushes f: 0, or EXIT_RUNTIME (said, but for a closed pipe, which ends quietly). */
int cmd_bpf_flush(struct fmt *f);

/* The command in a build without BPF: --help prints usage, the rest says why it cannot run. */
int cmd_bpf_unavailable(const char *usage, int argc, char **argv);

#endif
