/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sniff.c: `sockeye sniff`: capture from TPACKET_V3 rings or read files, like tcpdump. */
#include "config.h"

#include "cli/cmd.h"
#include "cmd/sniff/opts.h"
#include "cmd/sniff/run.h"

int cmd_sniff(int argc, char **argv)
{
	struct sniff_opts o;
	int ret = sniff_opts_parse(&o, argc, argv);

	if (!ret)
		ret = sniff_run(&o);
	else if (ret < 0)
		ret = 0;	/* --help */
	sniff_opts_free(&o);
	return ret;
}
