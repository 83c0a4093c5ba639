/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_why_funnel.c: unit tests for why's funnel (causes counted once, shares, order) and advice. */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include <linux/pkt_sched.h>

#include "bpf/drop_reasons.h"
#include "cmd/why/advice.h"
#include "cmd/why/funnel.h"

#ifdef HAVE_BPF
#include "bpf/drops_sample.h"
#endif

/* Two samples of one device (eth0, ifindex 2), two CPUs, one qdisc, one UDP socket. */
struct pair {
	struct why_sample a, b;
	struct link_stat la, lb;
	struct softnet_cpu sa[2], sb[2];
	struct softirqs_cpu ia[2], ib[2];
	struct qdisc_stat qa, qb;
	struct why_sock ka, kb;
};

static void setup_pair(struct pair *p)
{
	memset(p, 0, sizeof(*p));
	p->a.mono_ns = 1000000000ull;
	p->b.mono_ns = 3000000000ull;	/* 2 s */
	for (int i = 0; i < 2; i++) {
		struct why_sample *s = i ? &p->b : &p->a;
		struct link_stat *l = i ? &p->lb : &p->la;

		l->ifindex = 2;
		strcpy(l->name, "eth0");
		l->has_stats = true;
		s->ks.links.links = l;
		s->ks.links.nlinks = 1;
		s->ks.softnet.cpus = i ? p->sb : p->sa;
		s->ks.softnet.ncpus = 2;
		s->ks.softirqs.cpus = i ? p->ib : p->ia;
		s->ks.softirqs.ncpus = 2;
		s->ks.parts = KSTAT_CORE | KSTAT_PACKET;
		s->qdisc.qs = i ? &p->qb : &p->qa;
		s->qdisc.n = 1;
		s->socks = i ? &p->kb : &p->ka;
		s->nsocks = 1;
		s->snmp_has = (1u << WS_N) - 1;
		s->ct_err = -ENOENT;
		s->drops_err = -EOPNOTSUPP;
	}
	for (unsigned c = 0; c < 2; c++) {
		p->sa[c].cpu = p->sb[c].cpu = c;
		p->ia[c].cpu = p->ib[c].cpu = c;
	}
	p->qa = (struct qdisc_stat){ .ifindex = 2, .handle = 0x10000, .parent = TC_H_ROOT,
				     .kind = "pfifo", .has_stats = true, .limit = 100,
				     .has_limit = true };
	p->qb = p->qa;
	p->ka = (struct why_sock){ .inode = 42, .table = SOCKTAB_UDP, .family = 2,
				   .sport = 5353, .rcvbuf = 4608, .drops = 10 };
	p->kb = p->ka;
}

static const struct why_cause *find_cause(const struct why_funnel *f, const char *name)
{
	for (size_t i = 0; i < f->ncauses; i++)
		if (!strcmp(f->causes[i].name, name))
			return &f->causes[i];
	return NULL;
}

/* Each layer's counter becomes its cause; the ring gives back the backlog drops it also counts. */
static void test_layers(void **state)
{
	struct why_scope scope = { .iface = NULL };
	struct why_funnel f;
	struct pair p;
	const struct why_cause *c;

	setup_pair(&p);
	p.lb.rx_packets = 1000;
	p.lb.rx_missed = 3;
	p.lb.rx_dropped = 50;		/* 40 of them the backlog's */
	p.sb[1].dropped = 40;
	p.sb[1].processed = 900;
	p.sb[1].time_squeeze = 7;
	p.ib[1].net_rx = 100;
	p.qb.drops = 20;
	p.qb.packets = 500;
	p.b.snmp[WS_UDP_RCVBUF] = 25;
	p.b.snmp[WS_UDP_INERR] = 27;	/* 2 of them checksums */
	p.kb.drops = 35;		/* the socket's 25 of them */
	assert_int_equal(why_funnel_build(&f, &p.a, &p.b, &scope, NULL, "no BPF here"), 0);
	assert_true(f.secs > 1.99 && f.secs < 2.01);
	assert_int_equal(f.ncauses, 6);
	assert_string_equal(f.causes[0].name, "softnet_backlog");
	assert_int_equal(f.causes[0].drops, 40);
	assert_string_equal(f.causes[0].where, "cpu1");
	assert_string_equal(f.causes[1].name, "socket_buffer");
	assert_int_equal(f.causes[1].drops, 25);
	assert_string_equal(f.causes[2].name, "qdisc");
	assert_int_equal(f.causes[2].drops, 20);
	assert_string_equal(f.causes[2].where, "eth0");
	c = find_cause(&f, "ring_dropped");
	assert_non_null(c);
	assert_int_equal(c->drops, 10);
	c = find_cause(&f, "nic_missed");
	assert_non_null(c);
	assert_int_equal(c->drops, 3);
	c = find_cause(&f, "udp_errors");
	assert_non_null(c);
	assert_int_equal(c->drops, 2);
	assert_int_equal(f.total, 100);
	assert_true(f.layers[WL_SOFTNET].share_pct > 39.9 && f.layers[WL_SOFTNET].share_pct < 40.1);
	assert_int_equal(f.layers[WL_NIC].packets, 1000);
	assert_int_equal(f.layers[WL_SOFTNET].packets, 900);
	assert_int_equal(f.layers[WL_QDISC].packets, 500);
	/* Absent layers say why instead of counting zero. */
	assert_false(f.layers[WL_CONNTRACK].present);
	assert_non_null(strstr(f.layers[WL_CONNTRACK].absent_why, "nf_conntrack"));
	assert_false(f.layers[WL_KERNEL].present);
	assert_string_equal(f.layers[WL_KERNEL].absent_why, "no BPF here");
	/* The socket that lost, with its drops over the interval. */
	assert_int_equal(f.nsocks, 1);
	assert_int_equal(f.socks[0].drops, 25);
	assert_true(f.cpus[1].net_rx_pct > 99.9);
	why_funnel_free(&f);
}

/*
 * The drivers' per-queue drops: overruns a driver counts only per queue are the
 * ring's; XDP_DROP verdicts are a cause of their own, not the ring's.
 */
static void test_queues(void **state)
{
	struct why_scope scope = { .iface = NULL };
	struct queue_stat qa[3] = {
		{ .ifindex = 2, .queue = 0, .has = 1u << QUEUE_DROPS | 1u << QUEUE_PACKETS },
		{ .ifindex = 2, .queue = 1, .has = 1u << QUEUE_DROPS },
		{ .ifindex = 2, .queue = 0, .tx = true, .has = 1u << QUEUE_DROPS },
	};
	struct queue_stat qb[3];
	struct why_funnel f;
	struct pair p;
	const struct why_cause *c;

	memcpy(qb, qa, sizeof(qb));
	qb[0].v[QUEUE_DROPS] = 12;		/* overruns, on queue 0 only */
	qb[0].v[QUEUE_PACKETS] = 400;
	qb[1].v[QUEUE_DROPS] = 30;		/* an XDP program's */
	qb[1].xdp_drops = 30;
	qb[2].v[QUEUE_DROPS] = 99;		/* a TX queue: not the receive path's */
	setup_pair(&p);
	p.a.ks.queues = (struct queues_snap){ qa, 3 };
	p.b.ks.queues = (struct queues_snap){ qb, 3 };
	p.a.ks.parts |= KSTAT_QUEUES;
	p.b.ks.parts |= KSTAT_QUEUES;
	p.lb.rx_dropped = 5;			/* the driver counts some of them there too */
	assert_int_equal(why_funnel_build(&f, &p.a, &p.b, &scope, NULL, "no BPF here"), 0);
	assert_string_equal(f.causes[0].name, "xdp_drop");
	assert_int_equal(f.causes[0].drops, 30);
	assert_string_equal(f.causes[0].where, "eth0");
	assert_non_null(strstr(f.causes[0].evidence, "rx queue 1"));
	c = find_cause(&f, "ring_dropped");
	assert_non_null(c);
	assert_int_equal(c->drops, 12);		/* the larger of 5 and 12, not their sum */
	assert_non_null(strstr(c->evidence, "most on rx queue 0, 12"));
	assert_int_equal(f.total, 42);
	assert_int_equal(f.layers[WL_RING].drops, 42);
	assert_int_equal(f.nqueues, 2);
	assert_int_equal(f.queues[0].queue, 1);
	assert_int_equal(f.queues[0].xdp_drops, 30);
	assert_int_equal(f.queues[1].queue, 0);
	assert_int_equal(f.queues[1].drops, 12);
	assert_true(f.queues[1].has_packets);
	assert_int_equal(f.queues[1].packets, 400);
	assert_int_equal(f.devs[0].rx_queue_drops, 12);
	assert_int_equal(f.devs[0].xdp_drops, 30);
	why_funnel_free(&f);

	/* Without the queues part the device layers stand as before. */
	setup_pair(&p);
	p.lb.rx_dropped = 5;
	assert_int_equal(why_funnel_build(&f, &p.a, &p.b, &scope, NULL, "no BPF here"), 0);
	assert_int_equal(f.nqueues, 0);
	assert_null(find_cause(&f, "xdp_drop"));
	c = find_cause(&f, "ring_dropped");
	assert_non_null(c);
	assert_int_equal(c->drops, 5);
	why_funnel_free(&f);
}

/* -i: the device layers of that device only; with a filter, the sockets' drops stand in. */
static void test_scope(void **state)
{
	struct why_scope scope = { .iface = "eth1" };
	struct ssfilter any = { 0 };
	struct why_funnel f;
	struct pair p;

	setup_pair(&p);
	p.lb.rx_missed = 9;
	p.b.snmp[WS_UDP_RCVBUF] = 100;
	p.kb.drops = 14;
	assert_int_equal(why_funnel_build(&f, &p.a, &p.b, &scope, NULL, "x"), 0);
	assert_int_equal(f.ndevs, 0);
	assert_null(find_cause(&f, "nic_missed"));
	assert_int_equal(find_cause(&f, "socket_buffer")->drops, 100);
	why_funnel_free(&f);
	scope = (struct why_scope){ .filter = &any };
	assert_int_equal(why_funnel_build(&f, &p.a, &p.b, &scope, NULL, "x"), 0);
	assert_int_equal(f.ndevs, 1);
	assert_int_equal(find_cause(&f, "socket_buffer")->drops, 4);
	assert_int_equal(find_cause(&f, "nic_missed")->drops, 9);
	why_funnel_free(&f);

	/*
	 * Narrowed, a selected TCP connection's drops are the TCP queue cause,
	 * whatever the namespace's TcpExt counters say.
	 */
	p.kb = (struct why_sock){ .inode = 42, .table = SOCKTAB_TCP, .family = 2,
				  .state = SOCK_ST_ESTABLISHED, .sport = 8080, .drops = 17 };
	p.ka = p.kb;
	p.ka.drops = 5;
	p.b.snmp[WS_TCP_RCVQ_DROP] = 1000;
	p.b.snmp[WS_TCP_BACKLOG_DROP] = 300;
	assert_int_equal(why_funnel_build(&f, &p.a, &p.b, &scope, NULL, "x"), 0);
	assert_int_equal(find_cause(&f, "tcp_connection")->drops, 12);
	assert_null(find_cause(&f, "tcp_receive_queue"));
	assert_string_equal(find_cause(&f, "tcp_connection")->where, "tcp port 8080 inode 42");
	assert_null(find_cause(&f, "tcp_backlog"));
	why_funnel_free(&f);
}

#ifdef HAVE_BPF
/* A reason a counter explains joins its cause (the larger counts); others are causes alone. */
static void test_reasons(void **state)
{
	struct drops_entry ea[1], eb[3];
	struct drop_reasons r = { 0 };
	struct why_scope scope = { .iface = NULL };
	struct why_funnel f;
	struct pair p;
	const struct why_cause *c;

	assert_int_equal(drop_reasons_add(&r, 3, "SKB_DROP_REASON_NO_SOCKET"), 0);
	assert_int_equal(drop_reasons_add(&r, 5, "SKB_DROP_REASON_NETFILTER_DROP"), 0);
	assert_int_equal(drop_reasons_add(&r, 9, "SKB_DROP_REASON_OTHERHOST"), 0);
	drop_reasons_sort(&r);
	setup_pair(&p);
	memset(ea, 0, sizeof(ea));
	memset(eb, 0, sizeof(eb));
	ea[0].key.reason = 3;
	ea[0].key.location = 0x1000;
	ea[0].count = 5;
	eb[0] = ea[0];
	eb[0].count = 17;		/* 12 NO_SOCKET in the interval */
	eb[1].key.reason = 5;
	eb[1].key.location = 0x2000;
	eb[1].count = 30;
	eb[2].key.reason = 9;
	eb[2].key.location = 0x3000;
	eb[2].count = 1;
	p.a.drops.entries = ea;
	p.a.drops.n = 1;
	p.b.drops.entries = eb;
	p.b.drops.n = 3;
	drops_sample_sort(&p.a.drops);
	drops_sample_sort(&p.b.drops);
	p.a.drops_err = p.b.drops_err = 0;
	p.b.snmp[WS_UDP_NOPORTS] = 10;	/* 2 NO_SOCKET were TCP */
	assert_int_equal(why_funnel_build(&f, &p.a, &p.b, &scope, &r, NULL), 0);
	assert_true(f.layers[WL_KERNEL].present);
	assert_int_equal(f.ncauses, 3);
	assert_string_equal(f.causes[0].name, "netfilter");
	assert_int_equal(f.causes[0].drops, 30);
	assert_int_equal(f.causes[0].top_location, 0x2000);
	c = find_cause(&f, "no_socket");
	assert_int_equal(c->counter, 10);
	assert_int_equal(c->reasons, 12);
	assert_int_equal(c->drops, 12);
	c = find_cause(&f, "OTHERHOST");
	assert_non_null(c);
	assert_int_equal(c->kind, WC_REASON);
	assert_int_equal(c->layer, WL_KERNEL);
	assert_int_equal(f.total, 43);
	assert_int_equal(f.layers[WL_KERNEL].drops, 31);
	assert_int_equal(f.layers[WL_PROTOCOL].drops, 12);
	why_funnel_free(&f);

	/*
	 * Narrowed: TCP's own reasons join the connection cause, which counts the
	 * selected connection's drops only (the reasons are every socket's).
	 */
	struct ssfilter any = { 0 };

	assert_int_equal(drop_reasons_add(&r, 11, "SKB_DROP_REASON_TCP_OLD_SEQUENCE"), 0);
	assert_int_equal(drop_reasons_add(&r, 12, "SKB_DROP_REASON_PROTO_MEM"), 0);
	drop_reasons_sort(&r);
	eb[1].key.reason = 11;		/* 30 old-sequence segments, every connection's */
	eb[2].key.reason = 12;		/* 1 receive queue's memory */
	drops_sample_sort(&p.b.drops);
	p.kb = (struct why_sock){ .inode = 42, .table = SOCKTAB_TCP, .family = 2,
				  .state = SOCK_ST_ESTABLISHED, .sport = 443, .drops = 8 };
	p.ka = p.kb;
	p.ka.drops = 0;
	scope = (struct why_scope){ .filter = &any };
	assert_int_equal(why_funnel_build(&f, &p.a, &p.b, &scope, &r, NULL), 0);
	c = find_cause(&f, "tcp_connection");
	assert_non_null(c);
	assert_int_equal(c->counter, 8);
	assert_int_equal(c->reasons, 31);
	assert_int_equal(c->drops, 8);
	assert_non_null(strstr(c->evidence, "(every socket's)"));
	assert_null(find_cause(&f, "tcp_receive_queue"));
	assert_null(find_cause(&f, "TCP_OLD_SEQUENCE"));
	why_funnel_free(&f);
	/* Not narrowed: the same reasons are a cause of their own, named after TCP's refusals. */
	scope = (struct why_scope){ .iface = NULL };
	assert_int_equal(why_funnel_build(&f, &p.a, &p.b, &scope, &r, NULL), 0);
	assert_int_equal(find_cause(&f, "tcp_connection")->drops, 30);
	assert_int_equal(find_cause(&f, "tcp_receive_queue")->drops, 1);
	why_funnel_free(&f);
	p.a.drops.entries = p.b.drops.entries = NULL;
	drop_reasons_free(&r);
}
#endif

/* The verdict's advice: values as read, scopes, and commands that double them. */
static void test_advice(void **state)
{
	struct why_settings set = { .netns = "ns1" };
	struct why_context ctx = { .settings = &set, .proc = "/proc" };
	struct why_scope scope = { .iface = NULL };
	struct why_verdict v[WHY_VERDICTS_MAX];
	struct why_funnel f;
	struct pair p;
	size_t n;

	set.v[WSET_RMEM_MAX] = 212992;
	set.host_only[WSET_RMEM_MAX] = true;
	set.v[WSET_RMEM_DEFAULT] = 212992;
	setup_pair(&p);
	p.b.snmp[WS_UDP_RCVBUF] = 90;
	p.kb.drops = 100;
	p.b.snmp[WS_UDP_NOPORTS] = 10;
	assert_int_equal(why_funnel_build(&f, &p.a, &p.b, &scope, NULL, "x"), 0);
	n = why_advise(&f, &ctx, v);
	assert_int_equal(n, 2);		/* no_socket weighs a tenth */
	assert_string_equal(v[0].cause->name, "socket_buffer");
	assert_int_equal(v[0].nadv, 3);
	assert_string_equal(v[0].adv[0].setting, "SO_RCVBUF of udp port 5353");
	assert_string_equal(v[0].adv[0].value, "4608 bytes (0 held)");
	assert_string_equal(v[0].adv[1].setting, "net.core.rmem_max");
	assert_string_equal(v[0].adv[1].scope, "host");
	assert_string_equal(v[0].adv[1].command, "sysctl -w net.core.rmem_max=8388608");
	assert_non_null(strstr(v[0].adv[1].value, "212992"));
	assert_string_equal(v[0].adv[2].scope, "netns");
	assert_string_equal(v[0].adv[2].command,
			    "ip netns exec ns1 sysctl -w net.core.rmem_default=1048576");
	assert_string_equal(v[1].cause->name, "no_socket");
	why_funnel_free(&f);
	/* Nothing lost: no verdict. */
	setup_pair(&p);
	assert_int_equal(why_funnel_build(&f, &p.a, &p.b, &scope, NULL, "x"), 0);
	assert_int_equal(f.ncauses, 0);
	assert_int_equal(why_advise(&f, &ctx, v), 0);
	why_funnel_free(&f);
}

/* A file under a test tree, its directories made on the way. */
static void put_file(const char *root, const char *rel, const char *text)
{
	char path[512];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	for (char *p = path + strlen(root) + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(path, 0755);
			*p = '/';
		}
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

/*
 * Ring drops with one CPU taking all of NET_RX: the advice reads the device's
 * RPS masks (sysfs) and where its interrupt lines land (/proc), from the trees
 * the context names.
 */
static void test_advice_steering(void **state)
{
	char root[] = "/tmp/why-steering-XXXXXX", sys[64], proc[64], cmd[160];
	struct why_settings set = { .netns = NULL };
	struct why_context ctx = { .settings = &set, .sysfs = sys, .proc = proc };
	struct why_scope scope = { .iface = NULL };
	struct why_verdict v[WHY_VERDICTS_MAX];
	struct why_funnel f;
	struct pair p;

	assert_non_null(mkdtemp(root));
	snprintf(sys, sizeof(sys), "%s/sys", root);
	snprintf(proc, sizeof(proc), "%s/proc", root);
	put_file(root, "sys/class/net/eth0/queues/rx-0/rps_cpus", "0\n");
	put_file(root, "sys/class/net/eth0/queues/rx-1/rps_cpus", "00\n");
	put_file(root, "proc/interrupts",
		 "           CPU0       CPU1\n"
		 " 24:       9000          0   PCI-MSI 1-edge      eth0-rx-0\n"
		 " 25:         10          0   PCI-MSI 2-edge      eth0-tx-0\n"
		 " 26:          5          5   PCI-MSI 3-edge      nvme0q1\n");
	put_file(root, "proc/irq/24/smp_affinity_list", "0\n");
	set.v[WSET_NETDEV_BUDGET] = 300;
	setup_pair(&p);
	p.lb.rx_packets = 1000;
	p.lb.rx_dropped = 50;
	p.ib[1].net_rx = 100;		/* CPU 1 takes every NET_RX softirq */
	assert_int_equal(why_funnel_build(&f, &p.a, &p.b, &scope, NULL, "x"), 0);
	assert_int_equal(why_advise(&f, &ctx, v), 1);
	assert_string_equal(v[0].cause->name, "ring_dropped");
	assert_int_equal(v[0].nadv, 4);
	assert_string_equal(v[0].adv[0].setting, "rx ring of eth0");
	assert_string_equal(v[0].adv[1].setting, "rps_cpus of eth0 (cpu1 takes 100% of NET_RX)");
	assert_string_equal(v[0].adv[1].value, "0 on 0 of 2 queues");
	assert_string_equal(v[0].adv[1].command, "echo 3 > /sys/class/net/eth0/queues/rx-0/rps_cpus");
	assert_string_equal(v[0].adv[2].setting, "affinity of IRQ 24 (eth0, 2 lines)");
	assert_string_equal(v[0].adv[2].value, "0");
	assert_string_equal(v[0].adv[2].scope, "host");
	assert_string_equal(v[0].adv[2].command, "echo 0-1 > /proc/irq/24/smp_affinity_list");
	assert_string_equal(v[0].adv[3].setting, "net.core.netdev_budget");
	why_funnel_free(&f);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	assert_int_equal(system(cmd), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layers),
		cmocka_unit_test(test_queues),
		cmocka_unit_test(test_scope),
#ifdef HAVE_BPF
		cmocka_unit_test(test_reasons),
#endif
		cmocka_unit_test(test_advice),
		cmocka_unit_test(test_advice_steering),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
