/* SPDX-License-Identifier: GPL-2.0-or-later */
/* run.c: the exporter's run: namespace, listening socket, collectors, server; then wait for a stop. */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#ifdef HAVE_BPF
#include "bpf/loader.h"
#endif
#include "cli/cmd.h"
#include "cli/signals.h"
#include "cmd/exporter/http.h"
#include "cmd/exporter/run.h"
#include "cmd/exporter/scrape.h"
#include "cmd/exporter/webconfig.h"
#include "util/clock.h"
#include "util/log.h"
#include "util/netns.h"

/*
 * Until the first stop signal (the eventfd stays readable once it came),
 * cutting the connections past the request-head time limit twice a second.
 */
static void wait_stop(struct http *h)
{
	struct pollfd pfd = { .fd = signals_stop_fd(), .events = POLLIN };

	while (!signals_stop) {
		if (poll(&pfd, 1, 500) < 0 && errno != EINTR)
			break;
		http_tick(h, clock_ns(CLOCK_MONOTONIC));
	}
}

/*
 * --all-netns enters every namespace at each scrape: said at start when it
 * cannot (entering even its own namespace takes CAP_SYS_ADMIN), not as a
 * collector down at every scrape.
 */
static int can_enter_netns(void)
{
	int err = netns_enter("/proc/thread-self/ns/net");

	if (!err)
		return 0;
	if (err == -EPERM)
		log_error("--all-netns: entering network namespaces needs CAP_SYS_ADMIN");
	else
		log_error("--all-netns: cannot enter a network namespace: %s", strerror(-err));
	return EXIT_RUNTIME;
}

int exporter_run(struct exporter_opts *o)
{
	struct collect_ctx ctx = {
		.dev_include = o->dev_include ? &o->include_re : NULL,
		.dev_exclude = o->dev_exclude ? &o->exclude_re : NULL,
	};
	struct scrape s;
	struct http *h = NULL;
	struct web_config wc = { 0 };
	char why[512];
	int ret, fd, err;

	/* Read before the namespace is entered: its files are named from where we start. */
	if (o->web_config) {
		err = web_config_load(o->web_config, &wc, why, sizeof(why));
		if (err) {
			log_error("%s: %s", o->web_config, why);
			return EXIT_RUNTIME;
		}
	}
	ret = cmd_enter_netns();
	if (!ret && o->all_netns)
		ret = can_enter_netns();
	if (ret) {
		web_config_free(&wc);
		return ret;
	}
	/* Listening first: a busy port is said at once, before BPF takes its second to load. */
	fd = http_listen(o->listen, why, sizeof(why));
	if (fd < 0) {
		log_error("%s", why);
		web_config_free(&wc);
		return EXIT_RUNTIME;
	}
#ifdef HAVE_BPF
	loader_init();
#endif
	signals_catch_stop();
	if (scrape_open(&s, o->collectors, &ctx, o->cache_ns, o->all_netns)) {
		close(fd);
		log_error("out of memory");
		web_config_free(&wc);
		return EXIT_RUNTIME;
	}
	err = http_start(&h, fd, &o->limits, &s, &wc, why, sizeof(why));
	if (err) {
		log_error("%s: %s", o->listen, why);
		scrape_close(&s);
		web_config_free(&wc);
		return EXIT_RUNTIME;
	}
	log_debug(1, "listening on %s", o->listen);
	wait_stop(h);
	http_stop(h);
	scrape_close(&s);
	web_config_free(&wc);
	return 0;
}
