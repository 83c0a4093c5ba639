/* SPDX-License-Identifier: GPL-2.0-or-later */
/* advice.c: what usually fixes each cause, with the setting's value read from the system. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/why/advice.h"
#include "kstat/kstat.h"
#include "kstat/rps.h"

static const struct {
	const char *name;
	enum sysctl_scope scope;
} settings[WSET_N] = {
	[WSET_NETDEV_MAX_BACKLOG] = { "net.core.netdev_max_backlog", SYSCTL_HOST },
	[WSET_NETDEV_BUDGET] = { "net.core.netdev_budget", SYSCTL_HOST },
	[WSET_NETDEV_BUDGET_USECS] = { "net.core.netdev_budget_usecs", SYSCTL_HOST },
	[WSET_RPS_SOCK_FLOW_ENTRIES] = { "net.core.rps_sock_flow_entries", SYSCTL_HOST },
	[WSET_RMEM_MAX] = { "net.core.rmem_max", SYSCTL_NETNS },
	[WSET_RMEM_DEFAULT] = { "net.core.rmem_default", SYSCTL_NETNS },
	[WSET_SOMAXCONN] = { "net.core.somaxconn", SYSCTL_NETNS },
	[WSET_CONNTRACK_MAX] = { "net.netfilter.nf_conntrack_max", SYSCTL_NETNS },
};

const char *why_setting_name(enum why_setting s)
{
	return settings[s].name;
}

enum sysctl_scope why_setting_scope(enum why_setting s)
{
	return settings[s].scope;
}

void why_settings_read(struct why_settings *s, enum sysctl_scope scope)
{
	for (int i = 0; i < WSET_N; i++)
		if (settings[i].scope == scope) {
			s->err[i] = sysctl_read_u64(settings[i].name, &s->v[i]);
			s->host_only[i] = scope == SYSCTL_NETNS && !s->err[i] && s->netns &&
					  !sysctl_is_writable(settings[i].name);
		}
}

static const char *scope_name(enum sysctl_scope s)
{
	return s == SYSCTL_HOST ? "host" : "netns";
}

static struct why_advice *add(struct why_verdict *v, const char *scope)
{
	struct why_advice *a;

	if (v->nadv == WHY_ADVICE_MAX)
		return NULL;
	a = &v->adv[v->nadv++];
	memset(a, 0, sizeof(*a));
	a->scope = scope;
	return a;
}

/* A sysctl to raise: now, and the command to double it (at least to floor). */
static void add_sysctl(struct why_verdict *v, const struct why_context *ctx, enum why_setting s,
		       uint64_t floor)
{
	const struct why_settings *set = ctx->settings;
	bool in_netns = settings[s].scope == SYSCTL_NETNS && !set->host_only[s] && set->netns;
	struct why_advice *a = add(v, set->host_only[s] ? "host" : scope_name(settings[s].scope));
	uint64_t now = set->v[s], want;
	char prefix[128] = "";

	if (!a)
		return;
	snprintf(a->setting, sizeof(a->setting), "%s", settings[s].name);
	if (ctx->settings->err[s]) {
		snprintf(a->value, sizeof(a->value), "unknown (%s)",
			 strerror(-ctx->settings->err[s]));
		snprintf(a->command, sizeof(a->command), "sysctl %s", settings[s].name);
		return;
	}
	want = now * 2 > floor ? now * 2 : floor;
	snprintf(a->value, sizeof(a->value), "%" PRIu64 "%s", now,
		 set->host_only[s] ? " (the host's: read-only in the namespace)" : "");
	/* A namespace's own setting is set inside it. */
	if (in_netns)
		snprintf(prefix, sizeof(prefix), "ip netns exec %s ", set->netns);
	snprintf(a->command, sizeof(a->command), "%ssysctl -w %s=%" PRIu64, prefix,
		 settings[s].name, want);
}

static const struct why_dev *find_dev(const struct why_funnel *f, const char *name)
{
	for (size_t i = 0; i < f->ndevs; i++)
		if (!strcmp(f->devs[i].name, name))
			return &f->devs[i];
	return NULL;
}

/* The device that received most: where steering matters when no device lost. */
static const struct why_dev *busiest_dev(const struct why_funnel *f)
{
	const struct why_dev *best = NULL;

	for (size_t i = 0; i < f->ndevs; i++)
		if (!best || f->devs[i].rx_packets > best->rx_packets)
			best = &f->devs[i];
	return best;
}

static void add_ring(struct why_verdict *v, const struct why_dev *d)
{
	struct why_advice *a = add(v, "device");

	if (!a)
		return;
	snprintf(a->setting, sizeof(a->setting), "rx ring of %s", d->name);
	if (!d->has_ring) {
		snprintf(a->value, sizeof(a->value), "unknown (the driver reports no ring)");
		snprintf(a->command, sizeof(a->command), "ethtool -g %s", d->name);
	} else if (d->ring_rx < d->ring_rx_max) {
		snprintf(a->value, sizeof(a->value), "%" PRIu32 " of at most %" PRIu32, d->ring_rx,
			 d->ring_rx_max);
		snprintf(a->command, sizeof(a->command), "ethtool -G %s rx %" PRIu32, d->name,
			 d->ring_rx_max);
	} else {
		snprintf(a->value, sizeof(a->value), "%" PRIu32 " (its maximum)", d->ring_rx);
		snprintf(a->command, sizeof(a->command), "ethtool -L %s combined N  # more queues",
			 d->name);
	}
}

/* The CPU that took most of NET_RX, when one took nearly all of it and others exist. */
static const struct why_cpu *hot_cpu(const struct why_funnel *f)
{
	const struct why_cpu *best = NULL;

	for (size_t i = 0; i < f->ncpus; i++)
		if (!best || f->cpus[i].net_rx > best->net_rx)
			best = &f->cpus[i];
	return f->ncpus > 1 && best && best->net_rx && best->net_rx_pct >= 90.0 ? best : NULL;
}

/* RPS and the IRQ affinity of d, when one CPU takes all NET_RX. */
static void add_steering(struct why_verdict *v, const struct why_funnel *f,
			 const struct why_context *ctx, const struct why_dev *d)
{
	const struct why_cpu *hot = hot_cpu(f);
	struct why_advice *a;
	struct rps_info r;
	char *text = NULL;
	size_t len;

	if (!hot || !d)
		return;
	a = add(v, "device");
	if (!a)
		return;
	snprintf(a->setting, sizeof(a->setting), "rps_cpus of %s (cpu%u takes %.0f%% of NET_RX)",
		 d->name, hot->cpu, hot->net_rx_pct);
	if (!ctx->sysfs || rps_read(ctx->sysfs, d->name, &r)) {
		snprintf(a->value, sizeof(a->value), "unknown (no sysfs of this namespace)");
	} else {
		snprintf(a->value, sizeof(a->value), "%s on %u of %u queues",
			 r.rps_queues ? r.rps_cpus : "0", r.rps_queues, r.rx_queues);
	}
	snprintf(a->command, sizeof(a->command),
		 "echo %llx > /sys/class/net/%s/queues/rx-0/rps_cpus",
		 f->ncpus >= 64 ? ~0ull : (1ull << f->ncpus) - 1, d->name);
	/* The interrupts: where the device's lines land now. */
	char ipath[256];

	snprintf(ipath, sizeof(ipath), "%s/interrupts", ctx->proc);
	if (kstat_read_file(ipath, &text, &len))
		return;
	const char *names[] = { d->name, NULL };
	struct irq_use u;

	if (!irq_use_parse(text, len, names, &u) && u.nirqs) {
		char path[256], *aff = NULL;
		size_t alen;

		a = add(v, "host");
		if (a) {
			snprintf(path, sizeof(path), "%s/irq/%u/smp_affinity_list", ctx->proc,
				 u.first_irq);
			snprintf(a->setting, sizeof(a->setting), "affinity of IRQ %u (%s, %u lines)",
				 u.first_irq, d->name, u.nirqs);
			if (!kstat_read_file(path, &aff, &alen))
				snprintf(a->value, sizeof(a->value), "%.*s", (int)strcspn(aff, "\n"),
					 aff);
			else
				snprintf(a->value, sizeof(a->value), "unknown");
			snprintf(a->command, sizeof(a->command),
				 "echo 0-%zu > /proc/irq/%u/smp_affinity_list", f->ncpus - 1,
				 u.first_irq);
			free(aff);
		}
	}
	irq_use_free(&u);
	free(text);
}

static const struct why_sock_row *first_sock(const struct why_funnel *f, bool listener)
{
	for (size_t i = 0; i < f->nsocks; i++)
		if (listener ? f->socks[i].s.state == SOCK_ST_LISTEN :
			       f->socks[i].s.table == SOCKTAB_UDP)
			return &f->socks[i];
	return NULL;
}

static void advise_socket_buffer(struct why_verdict *v, const struct why_funnel *f,
				 const struct why_context *ctx)
{
	const struct why_sock_row *s = first_sock(f, false);
	uint64_t floor = 8u << 20;
	struct why_advice *a;

	snprintf(v->summary, sizeof(v->summary),
		 "datagrams arrive faster than the application reads them: its socket's "
		 "receive buffer overflows; a bigger SO_RCVBUF (capped by rmem_max) absorbs bursts");
	if (s) {
		a = add(v, "socket");
		if (a) {
			snprintf(a->setting, sizeof(a->setting), "SO_RCVBUF of udp port %u",
				 s->s.sport);
			snprintf(a->value, sizeof(a->value), "%" PRIu32 " bytes (%" PRIu32 " held)",
				 s->s.rcvbuf, s->s.rmem);
			snprintf(a->command, sizeof(a->command),
				 "setsockopt(fd, SOL_SOCKET, SO_RCVBUF, %" PRIu32 ") in the application",
				 s->s.rcvbuf * 4 > floor ? s->s.rcvbuf * 4 : (uint32_t)floor);
		}
	}
	add_sysctl(v, ctx, WSET_RMEM_MAX, floor);
	add_sysctl(v, ctx, WSET_RMEM_DEFAULT, 1u << 20);
}

static void advise_listen(struct why_verdict *v, const struct why_funnel *f,
			  const struct why_context *ctx)
{
	const struct why_sock_row *s = first_sock(f, true);
	struct why_advice *a;

	snprintf(v->summary, sizeof(v->summary),
		 "connections arrive faster than the application accepts them: the listener's "
		 "accept queue overflows; a longer listen backlog (capped by somaxconn) helps");
	if (s) {
		a = add(v, "process");
		if (a) {
			snprintf(a->setting, sizeof(a->setting), "listen backlog of tcp port %u",
				 s->s.sport);
			snprintf(a->value, sizeof(a->value), "%" PRIu32 " (%" PRIu32 " waiting)",
				 s->s.wqueue, s->s.rqueue);
			snprintf(a->command, sizeof(a->command),
				 "listen(fd, 4096) in the application (its backlog option)");
		}
	}
	add_sysctl(v, ctx, WSET_SOMAXCONN, 4096);
}

static void advise_qdisc(struct why_verdict *v, const struct why_funnel *f)
{
	const struct why_dev *d = v->cause->where[0] ? find_dev(f, v->cause->where) : NULL;
	struct why_advice *a;

	snprintf(v->summary, sizeof(v->summary),
		 "packets leave faster than the device sends them: its qdisc's queue is full; a "
		 "longer queue (or a faster link, or pacing the sender) helps");
	if (!d || !(a = add(v, "device")))
		return;
	snprintf(a->setting, sizeof(a->setting), "%s limit on %s", d->qdisc_kind, d->name);
	if (d->has_qdisc_limit) {
		snprintf(a->value, sizeof(a->value), "%" PRIu32 "%s", d->qdisc_limit,
			 strcmp(d->qdisc_kind, "pfifo") ? " bytes" : " packets");
		snprintf(a->command, sizeof(a->command), "tc qdisc change dev %s root %s limit %" PRIu32
			 "%s", d->name, d->qdisc_kind, d->qdisc_limit * 4 > 1000 ?
			 d->qdisc_limit * 4 : 1000,
			 strcmp(d->qdisc_kind, "tbf") ? "" : " rate RATE burst BURST");
	} else {
		snprintf(a->value, sizeof(a->value), "see tc -s qdisc show dev %s", d->name);
		snprintf(a->command, sizeof(a->command), "ip link set dev %s txqueuelen 10000",
			 d->name);
	}
}

static void advise_packet(struct why_verdict *v, const struct why_context *ctx)
{
	const struct packet_sock *best = NULL;
	struct why_advice *a;

	snprintf(v->summary, sizeof(v->summary),
		 "a capture cannot keep up: its packet socket's buffer is full; a bigger buffer "
		 "or ring (or a filter, or fanout over more readers) helps");
	/* The socket that dropped most since it opened: the one to look at. */
	for (unsigned i = 0; ctx->packet && i < ctx->packet->n; i++)
		if (!best || ctx->packet->socks[i].drops > best->drops)
			best = &ctx->packet->socks[i];
	a = add(v, "process");
	if (!a)
		return;
	if (best && best->has_rx_ring) {
		snprintf(a->setting, sizeof(a->setting), "rx ring of packet socket %" PRIu32 "%s%.16s",
			 best->ino, best->pid ? " of " : "", best->pid ? best->comm : "");
		snprintf(a->value, sizeof(a->value), "%" PRIu64 " bytes",
			 packet_diag_ring_bytes(&best->rx_ring));
	} else if (best) {
		snprintf(a->setting, sizeof(a->setting),
			 "receive buffer of packet socket %" PRIu32 "%s%.16s", best->ino,
			 best->pid ? " of " : "", best->pid ? best->comm : "");
		snprintf(a->value, sizeof(a->value), "%" PRIu32 " bytes", best->rcvbuf);
	} else {
		snprintf(a->setting, sizeof(a->setting), "the capture's buffer");
		snprintf(a->value, sizeof(a->value), "unknown (the socket is gone)");
	}
	snprintf(a->command, sizeof(a->command),
		 "sockeye sniff -B 64M ... (tcpdump -B 65536 ...): a bigger ring");
}

static void advise(struct why_verdict *v, const struct why_funnel *f,
		   const struct why_context *ctx)
{
	const struct why_cause *c = v->cause;
	const struct why_dev *d = c->where[0] ? find_dev(f, c->where) : NULL;
	struct why_advice *a;

	switch (c->kind) {
	case WC_NIC_MISSED:
	case WC_RING_DROPPED:
		snprintf(v->summary, sizeof(v->summary),
			 "the NIC fills its receive ring before the kernel empties it: a bigger "
			 "ring, more queues or spreading the work over CPUs helps");
		if (d)
			add_ring(v, d);
		add_steering(v, f, ctx, d ? d : busiest_dev(f));
		add_sysctl(v, ctx, WSET_NETDEV_BUDGET, 600);
		break;
	case WC_XDP_DROP:
		snprintf(v->summary, sizeof(v->summary),
			 "an XDP program on %s drops them in the driver (its XDP_DROP verdict), "
			 "before the kernel sees them: a filter's choice, or a bug in the program",
			 c->where[0] ? c->where : "the device");
		if ((a = add(v, "device"))) {
			snprintf(a->setting, sizeof(a->setting), "XDP program of %s", c->where);
			snprintf(a->value, sizeof(a->value), "%" PRIu64 " drops", c->drops);
			snprintf(a->command, sizeof(a->command),
				 "ip -d link show dev %s; bpftool net show dev %s", c->where, c->where);
		}
		break;
	case WC_SOFTNET_BACKLOG:
		snprintf(v->summary, sizeof(v->summary),
			 "a CPU's input backlog overflows: packets come faster than its softirq "
			 "processes them; a longer backlog, a bigger budget or RPS over more CPUs helps");
		add_sysctl(v, ctx, WSET_NETDEV_MAX_BACKLOG, 2000);
		add_sysctl(v, ctx, WSET_NETDEV_BUDGET, 600);
		add_sysctl(v, ctx, WSET_NETDEV_BUDGET_USECS, 8000);
		add_steering(v, f, ctx, busiest_dev(f));
		break;
	case WC_QDISC:
		advise_qdisc(v, f);
		break;
	case WC_CONNTRACK:
		snprintf(v->summary, sizeof(v->summary),
			 "the connection tracking table is full (or races on insert): a bigger "
			 "table, shorter timeouts or not tracking this traffic (notrack) helps");
		add_sysctl(v, ctx, WSET_CONNTRACK_MAX, 262144);
		break;
	case WC_NETFILTER:
		snprintf(v->summary, sizeof(v->summary),
			 "a firewall rule drops them: on purpose, or a rule to fix");
		if ((a = add(v, "netns"))) {
			snprintf(a->setting, sizeof(a->setting), "the ruleset");
			snprintf(a->value, sizeof(a->value), "a rule with a drop verdict");
			snprintf(a->command, sizeof(a->command),
				 "nft -a list ruleset | grep -w drop; iptables-save | grep -w DROP");
		}
		break;
	case WC_NO_SOCKET:
		snprintf(v->summary, sizeof(v->summary),
			 "packets come to a port nothing listens on: the service is down or "
			 "bound elsewhere, or the traffic is not wanted");
		if ((a = add(v, "netns"))) {
			snprintf(a->setting, sizeof(a->setting), "the listening sockets");
			snprintf(a->value, sizeof(a->value), "none on the port packets come to");
			snprintf(a->command, sizeof(a->command), "sockeye sockets -l; sockeye drops "
				 "--events --reason NO_SOCKET  # which ports");
		}
		break;
	case WC_UDP_ERRORS:
		snprintf(v->summary, sizeof(v->summary),
			 "UDP datagrams fail checks (checksums) or memory: look at the sender, the "
			 "path and the NIC's checksum offload");
		if ((a = add(v, "device"))) {
			const struct why_dev *b = busiest_dev(f);

			snprintf(a->setting, sizeof(a->setting), "checksum offload");
			snprintf(a->value, sizeof(a->value), "see ethtool -k");
			snprintf(a->command, sizeof(a->command), "ethtool -k %s | grep checksum",
				 b ? b->name : "DEV");
		}
		break;
	case WC_LISTEN_OVERFLOW:
		advise_listen(v, f, ctx);
		break;
	case WC_TCP_BACKLOG:
	case WC_TCP_RCVQ:
		snprintf(v->summary, sizeof(v->summary),
			 "TCP data arrives faster than the application reads it, and the socket's "
			 "memory runs out: the reader is too slow, or the buffers too small");
		add_sysctl(v, ctx, WSET_RMEM_MAX, 8u << 20);
		break;
	case WC_TCP_CONN:
		snprintf(v->summary, sizeof(v->summary),
			 "TCP connections refuse segments: out of window or of an old sequence (a "
			 "peer, middlebox or attack sending outside the window), a zero window (the "
			 "reader is too slow), or their queues' memory; the reasons tell which");
		if ((a = add(v, "netns"))) {
			snprintf(a->setting, sizeof(a->setting), "the connections' drop reasons");
			snprintf(a->value, sizeof(a->value), "%" PRIu64 " drops", c->drops);
			snprintf(a->command, sizeof(a->command),
				 "sockeye drops --reason TCP_INVALID_SEQUENCE --stack; sockeye sockets "
				 "-tm%s%s", c->where[0] ? "  # " : "", c->where);
		}
		add_sysctl(v, ctx, WSET_RMEM_MAX, 8u << 20);
		break;
	case WC_SOCKET_BUFFER:
		advise_socket_buffer(v, f, ctx);
		break;
	case WC_PACKET_SOCKET:
		advise_packet(v, ctx);
		break;
	case WC_REASON:
	case WC_NKINDS:
		snprintf(v->summary, sizeof(v->summary),
			 "the kernel drops them for reason %s%s%s: its stacks tell where", c->name,
			 c->location[0] ? " in " : "", c->location);
		if ((a = add(v, "netns"))) {
			snprintf(a->setting, sizeof(a->setting), "drop reason %s", c->name);
			snprintf(a->value, sizeof(a->value), "%" PRIu64 " drops", c->drops);
			snprintf(a->command, sizeof(a->command), "sockeye drops --reason %s --stack",
				 c->name);
		}
		break;
	}
}

size_t why_advise(const struct why_funnel *f, const struct why_context *ctx,
		  struct why_verdict *v)
{
	size_t n = 0;

	for (size_t i = 0; i < f->ncauses && n < WHY_VERDICTS_MAX; i++) {
		/* The first always; the others when they weigh something. */
		if (n && f->causes[i].share_pct < 10.0)
			break;
		memset(&v[n], 0, sizeof(v[n]));
		v[n].cause = &f->causes[i];
		advise(&v[n], f, ctx);
		n++;
	}
	return n;
}
