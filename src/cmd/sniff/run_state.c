/* SPDX-License-Identifier: GPL-2.0-or-later */
/* run_state.c: what sniff's loops and workers all do to a run: stop it, read its counters, ... */
#include "config.h"

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "capture/filter_sandbox.h"
#include "cli/cmd.h"
#include "cmd/sniff/run_state.h"
#include "util/log.h"

int sniff_run_init(struct sniff_run *r, struct sniff_opts *o)
{
	r->o = o;
	r->s.ifaces = r->ifaces;
	r->s.limit = o->count;
	r->s.show = o->show;
	r->fail_iface = -1;
	r->wfd = -1;
	r->go_fd = -1;
	/* Writing a file prints nothing unless --print asks, as with tcpdump -w. */
	r->s.show.print = !o->wfile || o->print;
	timefmt_init(&r->s.tf, sniff_opts_time_style(o->t_count), o->nano, o->utc);
	/* Non-blocking: a signal handler's write must never wait. */
	r->stop_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	if (r->stop_fd < 0) {
		log_error("eventfd: %s", strerror(errno));
		return EXIT_RUNTIME;
	}
	return 0;
}

void sniff_run_fini(struct sniff_run *r)
{
	for (unsigned i = 0; i < r->n_rings; i++)
		ring_rx_close(r->slots[i].ring);
	r->n_rings = 0;
	for (unsigned i = 0; i < r->s.n_ifaces; i++)
		if (r->ifaces[i].has_ufilter)
			filter_free(&r->ifaces[i].ufilter);
	if (r->stop_fd >= 0)
		close(r->stop_fd);
	r->stop_fd = -1;
	if (r->wfd >= 0)
		close(r->wfd);
	r->wfd = -1;
}

void sniff_run_request_stop(const struct sniff_run *r)
{
	uint64_t one = 1;

	if (write(r->stop_fd, &one, sizeof(one)) < 0)
		(void)0;	/* EAGAIN: the counter is already non-zero, readable */
}

unsigned sniff_run_linger_ms(const struct sniff_opts *o)
{
	unsigned ms = (o->latency_ms ? o->latency_ms : 10) + 50;

	/* A stop must stay prompt: past 1 s the packets left are counted and reported instead. */
	return ms < 1000 ? ms : 1000;
}

int sniff_run_compile_filter(struct sniff_run *r, struct sniff_iface *ifc, struct filter *flt)
{
	char err[PCAP_ERRBUF_SIZE + 64];
	int ret = filter_sandbox_compile(flt, r->o->expr, ifc->linktype, r->o->snaplen, r->stop_fd,
					 err, sizeof(err));

	switch (ret) {
	case 0:
		return 0;
	case -ECANCELED:
		return SNIFF_RUN_STOPPED;
	case -EINVAL:
		log_error("filter: %s", err);
		return EXIT_USAGE;
	default:
		log_error("%s", err);
		return EXIT_RUNTIME;
	}
}

int sniff_run_drop_privileges(const char *user, const int *fds, unsigned n)
{
	struct passwd *pw = getpwnam(user);

	if (!pw) {
		log_error("-Z %s: no such user", user);
		return EXIT_RUNTIME;
	}
	/* The file root made is the user's, as if the user had made it: tcpdump's owner too. */
	for (unsigned i = 0; i < n; i++) {
		if (fds[i] >= 0 && fchown(fds[i], pw->pw_uid, pw->pw_gid) < 0) {
			log_error("-Z %s: cannot hand the -w file to the user: %s", user,
				  strerror(errno));
			return EXIT_RUNTIME;
		}
	}
	if (initgroups(pw->pw_name, pw->pw_gid) < 0 || setgid(pw->pw_gid) < 0 ||
	    setuid(pw->pw_uid) < 0) {
		log_error("-Z %s: cannot switch to the user: %s", user, strerror(errno));
		return EXIT_RUNTIME;
	}
	return 0;
}

void sniff_run_collect_kstats(struct sniff_run *r)
{
	for (unsigned i = 0; i < r->s.n_ifaces; i++)
		r->ifaces[i].kstats = (struct ring_rx_stats){ 0 };
	for (unsigned i = 0; i < r->n_rings; i++) {
		struct sniff_ring *sr = &r->slots[i];
		struct ring_rx_stats *sum = &r->ifaces[sr->iface].kstats;

		ring_rx_stats(sr->ring, &sr->kstats);
		sum->packets += sr->kstats.packets;
		sum->drops += sr->kstats.drops;
		sum->freeze_q += sr->kstats.freeze_q;
	}
}
