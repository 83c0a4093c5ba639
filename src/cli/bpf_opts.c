/* SPDX-License-Identifier: GPL-2.0-or-later */
/* bpf_opts.c: the options, scope and output of drops and napi, written once for both. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "bpf/drops.h"
#include "bpf/napi.h"
#include "cli/bpf_opts.h"
#include "cli/signals.h"
#include "cli/stdout_check.h"
#include "out/fmt.h"
#include "util/log.h"


#ifdef HAVE_BPF

void cmd_bpf_opts_init(struct cmd_bpf_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->iv.every_ns = 1000000000ull;
	o->iv.stop = &signals_stop;
	o->attach = LOADER_ATTACH_AUTO;
}

int cmd_bpf_option(struct cmd_bpf_opts *o, const char *name, const char *usage, int c,
		   const char *arg, char **argv)
{
	char why[128], shortopts[CMD_SHORTOPTS_LEN];

	switch (c) {
	case 'i':
	case 'c':
	case CMD_BPF_OPT_DURATION:
		if (interval_parse(&o->iv, c == CMD_BPF_OPT_DURATION ? 'd' : (char)c, arg, why,
				   sizeof(why)))
			return cmd_usage_error("%s", why);
		return 0;
	case CMD_BPF_OPT_IFACE:
		o->iface = arg;
		return 0;
	case CMD_BPF_OPT_ATTACH:
		if (loader_attach_parse(arg, &o->attach))
			return cmd_usage_error("--attach %s: not tp_btf, raw_tp, kprobe or auto", arg);
		return 0;
	case 'e':
		o->groups |= FMT_GROUP_DETAIL;
		return 0;
	case CMD_BPF_OPT_NO_HEADER:
		o->no_header = true;
		return 0;
	case 'h':
	case CMD_OPT_HELP:
		cmd_print_usage(usage);
		return -1;
	}
	if (cmd_common_option(c, arg))
		return 0;
	cmd_shortopts(shortopts, sizeof(shortopts), CMD_BPF_SHORTOPTS);
	return cmd_option_error(name, shortopts, c, argv);
}

int cmd_bpf_scope(const struct cmd_bpf_opts *o, uint32_t *netns_ino, uint32_t *ifindex)
{
	char why[256];

	if (!loader_scope(cmd_globals.netns, o->iface, netns_ino, ifindex, why, sizeof(why)))
		return 0;
	log_error("%s", why);
	return EXIT_RUNTIME;
}

/* -N's namespace (every one without it): loader_scope's netns_ino for a borrowed collector. */
static int panel_scope(uint32_t *netns_ino, char *why, size_t len)
{
	uint32_t ifindex;

	loader_init();
	return loader_scope(cmd_globals.netns, NULL, netns_ino, &ifindex, why, len);
}

int cmd_bpf_open_drops(struct drops **out, char *why, size_t len)
{
	/* 16384 keys: the panel's and the exporter's rows, well over the kernel's reasons x sites */
	struct drops_opts o = { .attach = LOADER_ATTACH_AUTO, .max_keys = 16384 };
	struct loader_error e = { .n = 0 };
	int err = panel_scope(&o.cfg.netns_ino, why, len);

	if (!err) {
		err = drops_open(&o, out, &e);
		if (err)
			loader_why(&e, err, why, len);
	}
	return err;
}

int cmd_bpf_open_napi(struct napi **out, bool softirq, char *why, size_t len)
{
	struct napi_opts o = { .attach = LOADER_ATTACH_AUTO, .no_softirq = !softirq };
	struct loader_error e = { .n = 0 };
	int err = panel_scope(&o.cfg.netns_ino, why, len);

	if (!err) {
		err = napi_open(&o, out, &e);
		if (err)
			loader_why(&e, err, why, len);
	}
	return err;
}

struct fmt *cmd_bpf_fmt_new(const struct cmd_bpf_opts *o)
{
	struct fmt_opts fo = {
		.numeric = cmd_globals.numeric,
		.pretty = cmd_globals.pretty,
		.no_header = o->no_header,
	};
	struct fmt *f = cmd_fmt_new(stdout, &fo);

	if (!f)
		log_error("out of memory");
	return f;
}

int cmd_bpf_flush(struct fmt *f)
{
	int err = fmt_flush(f);

	if (!err)
		return 0;
	stdout_check_note(err);	/* main reports it, once (EPIPE: not at all) */
	return EXIT_RUNTIME;
}

#else /* !HAVE_BPF */

int cmd_bpf_unavailable(const char *usage, int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			cmd_print_usage(usage);
			return 0;
		}
	}
	log_error("this build has no BPF support (%s)", NO_BPF_WHY);
	return EXIT_RUNTIME;
}

#endif /* HAVE_BPF */
