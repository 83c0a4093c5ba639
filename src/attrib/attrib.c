/* SPDX-License-Identifier: GPL-2.0-or-later */
/* attrib.c: the attribution engine: the table, its start from a scan, BPF events, packet lookups. */
#include "config.h"

#include <errno.h>
#include <netinet/in.h>
#include <pcap/dlt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include "attrib/attrib.h"
#include "attrib/attrib_cgroup.h"
#include "diag/sockscan.h"
#include "util/netns_list.h"
#ifdef HAVE_BPF
#include "bpf/sockowner.h"
#endif

/* The kernel's ring buffer for owner events: one event per new socket user, 12k of them. */
#define EVENT_RING_BYTES (1u << 20)
/* A pcapng comment's room: a long cgroup path is cut (savefile.h's limit). */
#define ATTRIB_COMMENT_MAX 240

struct attrib {
	struct attrib_table *t;
	struct attrib_cgroup *cg;	/* NULL: no cgroup2 mount */
	char cg_mount[256];
	uint32_t here;			/* the capture's namespace */
	const char *proc_root, *netns_dir;
	struct attrib_filter *filter;
#ifdef HAVE_BPF
	struct sockowner *so;
	/* The event ring's positions (NULL: unknown, consume to know), read by events_waiting. */
	const uint64_t *ring_consumer, *ring_producer;
#endif
	struct netns_list nslist;	/* during the scan: names -> inodes */
	/*
	 * Local ports that an unconnected or listening socket has, per protocol
	 * (TCP, UDP): a packet whose ports none has skips those lookups, so a miss
	 * (forwarded traffic) costs two finds, not eight.
	 */
	uint8_t bound[2][65536 / 8];
	/* Every local port a known socket has, per protocol: a packet with neither is no one's. */
	uint8_t ports[2][65536 / 8];
	uint64_t scanned, packets, attributed, events;
	/*
	 * The last lookup's answer: a flow's packets come in runs, which then cost a
	 * compare.  Any change to the table (gen) makes it stale.
	 */
	uint64_t gen;
	struct {
		uint64_t gen;
		uint32_t here;
		struct attrib_tuple t;
		unsigned n;
		struct attrib_proc *out[ATTRIB_MAX_OWNERS];
		/* The frame key of last's tuple (frame_key), when fast says it has one. */
		bool fast;
		uint64_t k0, k1;
	} last;
	/* During the scan: the capture namespace's sockets, recorded last (see attrib_scan). */
	struct scanned_sock *own;
	size_t n_own, own_cap;
};

struct scanned_sock {
	struct attrib_key k;
	struct attrib_proc p;
};

static uint32_t own_netns(void)
{
	struct stat st;

	return stat("/proc/self/ns/net", &st) ? 0 : (uint32_t)st.st_ino;
}

int attrib_new(struct attrib **out, const struct attrib_opts *o)
{
	struct attrib *a = calloc(1, sizeof(*a));

	if (!a)
		return -ENOMEM;
	a->t = attrib_table_new(o->capacity ? o->capacity : ATTRIB_DEFAULT_CAPACITY);
	if (!a->t) {
		free(a);
		return -ENOMEM;
	}
	a->proc_root = o->proc_root ? o->proc_root : "/proc";
	a->netns_dir = o->netns_dir ? o->netns_dir : "/run/netns";
	a->here = own_netns();
	a->gen = 1;
	/* No cgroup2 mount (a v1-only host): owners go without a cgroup path. */
	if (!attrib_cgroup_find_v2(o->mountinfo ? o->mountinfo : "/proc/self/mountinfo",
				   a->cg_mount, sizeof(a->cg_mount)))
		a->cg = attrib_cgroup_new(a->cg_mount);
	*out = a;
	return 0;
}

void attrib_free(struct attrib *a)
{
	if (!a)
		return;
#ifdef HAVE_BPF
	sockowner_close(a->so);
#endif
	attrib_cgroup_free(a->cg);
	attrib_table_free(a->t);
	free(a);
}

const char *attrib_cgroup_mount(const struct attrib *a)
{
	return a->cg ? a->cg_mount : "";
}

static void name_cgroup(struct attrib *a, struct attrib_proc *p)
{
	p->cgroup = NULL;
	p->container = NULL;
	if (a->cg && p->cgroup_id)
		attrib_cgroup_lookup(a->cg, p->cgroup_id, &p->cgroup, &p->container);
}

/* The key of a socket's tuple; IPv4-mapped IPv6 addresses become IPv4 (the packets are). */
static void make_key(struct attrib_key *k, uint32_t netns, int family, uint8_t proto,
		     const uint8_t *laddr, uint16_t lport, const uint8_t *raddr, uint16_t rport)
{
	static const uint8_t mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

	memset(k, 0, sizeof(*k));
	k->netns = netns;
	k->proto = proto;
	k->lport = lport;
	k->rport = rport;
	if (family == AF_INET) {
		k->family = 4;
		memcpy(k->laddr, laddr, 4);
		memcpy(k->raddr, raddr, 4);
	} else if (!memcmp(laddr, mapped, 12) &&
		   (!memcmp(raddr, mapped, 12) || !memcmp(raddr, k->raddr, 16))) {
		k->family = 4;
		memcpy(k->laddr, laddr + 12, 4);
		memcpy(k->raddr, raddr + 12, 4);
	} else {
		k->family = 6;
		memcpy(k->laddr, laddr, 16);
		memcpy(k->raddr, raddr, 16);
	}
}

/* Records an owner; an entry whose owner is the same keeps its cached verdict and comment. */
static void record(struct attrib *a, const struct attrib_key *k, const struct attrib_proc *p,
		   uint64_t sk)
{
	uint64_t evicted_sk = 0;
	struct attrib_entry *e = attrib_table_put(a->t, k, &evicted_sk);

	a->gen++;
	(void)evicted_sk;
#ifdef HAVE_BPF
	/* Its socket, seen again, must be sent again: the kernel side forgets it too. */
	if (evicted_sk && a->so)
		sockowner_forget(a->so, evicted_sk);
#endif
	e->sk = sk;
	if (!k->rport)
		a->bound[k->proto == IPPROTO_TCP][k->lport / 8] |= (uint8_t)(1u << (k->lport % 8));
	a->ports[k->proto == IPPROTO_TCP][k->lport / 8] |= (uint8_t)(1u << (k->lport % 8));
	if (e->proc.pid == p->pid && e->proc.cgroup_id == p->cgroup_id &&
	    !strncmp(e->proc.comm, p->comm, sizeof(p->comm)))
		return;
	if (e->proc.pid)
		attrib_table_count_replaced(a->t);
	attrib_table_reset_proc(e);
	e->proc = *p;
	e->proc.selected = -1;
	e->proc.comment = NULL;
	name_cgroup(a, &e->proc);
}

#ifdef HAVE_BPF
static void on_event(void *ctx, const struct sockowner_event *ev)
{
	struct attrib *a = ctx;
	struct attrib_proc p = { 0 };
	struct attrib_key k;

	a->events++;
	if (!ev->sport)
		return;		/* not bound yet: no packet can name it */
	p.pid = ev->tgid;
	p.tid = ev->pid;
	p.ppid = ev->ppid;
	memcpy(p.comm, ev->comm, sizeof(p.comm));
	p.comm[sizeof(p.comm) - 1] = '\0';
	p.cgroup_id = ev->cgroup_id;
	p.netns = ev->netns_ino;
	make_key(&k, ev->netns_ino, ev->family, ev->proto, ev->saddr, ev->sport, ev->daddr,
		 ev->dport);
	record(a, &k, &p, ev->sk);
}
#endif

void attrib_poll(struct attrib *a)
{
#ifdef HAVE_BPF
	if (a->so)
		sockowner_consume(a->so, on_event, a);
#else
	(void)a;
#endif
}

int attrib_follow(struct attrib *a, char *why, size_t len)
{
#ifdef HAVE_BPF
	struct loader_error e;
	int err;

	loader_init();
	err = sockowner_open(EVENT_RING_BYTES, &a->so, &e);
	if (err)
		loader_why(&e, err, why, len);
	else
		sockowner_positions(a->so, &a->ring_consumer, &a->ring_producer);
	return err;
#else
	(void)a;
	snprintf(why, len, "built without BPF: only the sockets of the start are known");
	return -EOPNOTSUPP;
#endif
}

int attrib_start(struct attrib **out, struct attrib_filter *f, char *why, size_t len)
{
	struct attrib *a;
	char what[200] = "";
	uint32_t bad;
	int err;

	*out = NULL;
	err = attrib_new(&a, &(struct attrib_opts){ 0 });
	if (err) {
		snprintf(why, len, "process attribution: %s", strerror(-err));
		return err;
	}
	err = attrib_follow(a, what, sizeof(what));
	if (err) {
		snprintf(why, len, "process attribution: %s", what);
		goto fail;
	}
	err = f ? attrib_filter_prepare(f, &bad) : 0;
	if (err == -ESRCH) {
		snprintf(why, len, "--pid %u: no such process", bad);
		goto fail;
	} else if (err) {
		snprintf(why, len, "--pid: %s", strerror(-err));
		goto fail;
	}
	attrib_set_filter(a, f);
	err = attrib_scan(a, what, sizeof(what));
	if (err) {
		snprintf(why, len, "process attribution: socket scan: %s", what);
		goto fail;
	}
	*out = a;
	return 0;
fail:
	attrib_free(a);
	return err;
}

static uint32_t netns_inode(struct attrib *a, const char *name)
{
	if (!name)
		return a->here;
	for (size_t i = 0; i < a->nslist.n; i++)
		if (!strcmp(a->nslist.v[i].name, name))
			return (uint32_t)a->nslist.v[i].inode;
	return 0;
}

static void record_scanned(struct attrib *a, const struct attrib_key *k, const struct attrib_proc *p)
{
	/* What BPF reported since it attached is newer than this snapshot. */
	if (attrib_table_find(a->t, k, false))
		return;
	record(a, k, p, 0);
	a->scanned++;
}

static int on_sock(const struct sock_rec *r, const struct sockscan_where *w, void *arg)
{
	struct attrib *a = arg;
	struct attrib_proc p = { 0 };
	struct proc_owner o;
	struct attrib_key k;
	uint8_t proto = r->table == SOCKTAB_TCP ? IPPROTO_TCP : IPPROTO_UDP;

	if (!w->procs || !r->inode || !procs_owner(w->procs, r->inode, 0, &o))
		return 0;
	p.pid = (uint32_t)o.pid;
	snprintf(p.comm, sizeof(p.comm), "%s", o.comm);
	p.cgroup_id = r->has_cgroup ? r->cgroup_id : 0;
	p.netns = netns_inode(a, w->netns);
	if (!p.netns)
		return 0;
	make_key(&k, p.netns, r->family, proto, r->src, r->sport, r->dst, r->dport);
	if (p.netns == a->here) {
		if (a->n_own == a->own_cap) {
			size_t cap = a->own_cap ? a->own_cap * 2 : 256;
			struct scanned_sock *v = realloc(a->own, cap * sizeof(*v));

			if (!v)
				return -ENOMEM;
			a->own = v;
			a->own_cap = cap;
		}
		a->own[a->n_own++] = (struct scanned_sock){ k, p };
		return 0;
	}
	record_scanned(a, &k, &p);
	return 0;
}

int attrib_scan(struct attrib *a, char *why, size_t len)
{
	struct sockscan s;
	int err;

	err = netns_list_collect(&a->nslist, a->netns_dir, a->proc_root);
	if (err) {
		snprintf(why, len, "%s: %s", a->proc_root, strerror(-err));
		return err;
	}
	sockscan_init(&s);
	s.tables = 1u << SOCKTAB_TCP | 1u << SOCKTAB_UDP;
	s.procs = true;
	s.all_netns = true;
	s.proc_root = a->proc_root;
	s.netns_dir = a->netns_dir;
	/* Events waiting first: they are newer than the scan, which must not overwrite them. */
	attrib_poll(a);
	a->n_own = 0;
	err = sockscan_run(&s, on_sock, a);
	if (err)
		snprintf(why, len, "%s: %s", s.what[0] ? s.what : "sock_diag", strerror(-err));
	/*
	 * The capture's own namespace last: with more sockets on the host than the
	 * table holds, they are the ones kept (the least recently used leave first).
	 */
	for (size_t i = 0; !err && i < a->n_own; i++)
		record_scanned(a, &a->own[i].k, &a->own[i].p);
	free(a->own);
	a->own = NULL;
	a->n_own = a->own_cap = 0;
	sockscan_fini(&s);
	netns_list_free(&a->nslist);
	a->nslist.n = 0;
	return err;
}

/* The socket whose local end is (l, lp) and remote end (r, rp): exact, then a bound or listening one. */
static struct attrib_entry *find_end(struct attrib *a, uint32_t here, const struct attrib_tuple *t,
				     const uint8_t *l, uint16_t lp, const uint8_t *r, uint16_t rp)
{
	static const uint8_t any[16];
	struct attrib_entry *e;
	struct attrib_key k;

	make_key(&k, here, t->family == 4 ? AF_INET : AF_INET6, t->proto, l, lp, r, rp);
	e = attrib_table_find(a->t, &k, true);
	if (e || !(a->bound[t->proto == IPPROTO_TCP][lp / 8] & (1u << (lp % 8))))
		return e;
	/*
	 * Unconnected and listening sockets: only in the capture's own namespace,
	 * where a bound port names the local end; elsewhere every forwarded packet
	 * to that port would take the owner.
	 */
	memset(k.raddr, 0, sizeof(k.raddr));
	k.rport = 0;
	e = attrib_table_find(a->t, &k, false);
	if (e)
		return e;
	memset(k.laddr, 0, sizeof(k.laddr));
	e = attrib_table_find(a->t, &k, false);
	if (e || t->family != 4)
		return e;
	/* IPv4 to a dual-stack socket bound to [::]. */
	make_key(&k, here, AF_INET6, t->proto, any, lp, any, 0);
	return attrib_table_find(a->t, &k, false);
}

static inline bool port_known(const struct attrib *a, bool tcp, uint16_t port)
{
	return a->ports[tcp][port / 8] & (1u << (port % 8));
}

static inline bool has_port(const struct attrib *a, const struct attrib_tuple *t, uint16_t port)
{
	return port_known(a, t->proto == IPPROTO_TCP, port);
}

static unsigned lookup_once(struct attrib *a, uint32_t here, const struct attrib_tuple *t,
			    struct attrib_proc *out[ATTRIB_MAX_OWNERS])
{
	struct attrib_entry *src = NULL, *dst = NULL;
	unsigned n = 0;

	if (has_port(a, t, t->sport))
		src = find_end(a, here, t, t->src, t->sport, t->dst, t->dport);
	if (has_port(a, t, t->dport))
		dst = find_end(a, here, t, t->dst, t->dport, t->src, t->sport);

	/* The capture's namespace first; the sender when both ends are there (or neither). */
	if (dst && src && dst->key.netns == here && src->key.netns != here) {
		struct attrib_entry *x = src;

		src = dst;
		dst = x;
	}
	if (src)
		out[n++] = &src->proc;
	if (dst && dst != src && (!src || dst->proc.pid != src->proc.pid))
		out[n++] = &dst->proc;
	return n;
}

/* A lookup the last one's answer does not serve: the table, then the waiting events. */
static __attribute__((noinline)) unsigned lookup_slow(struct attrib *a, uint32_t here,
						      const struct attrib_tuple *t,
						      struct attrib_proc *out[ATTRIB_MAX_OWNERS])
{
	uint64_t before = a->events;
	unsigned n = lookup_once(a, here, t, out);

	/* A socket made a moment ago: its event may wait in the ring still. */
	if (!n) {
		attrib_poll(a);
		if (a->events != before)
			n = lookup_once(a, here, t, out);
	}
	a->last.gen = a->gen;
	a->last.here = here;
	a->last.t = *t;
	a->last.n = n;
	memcpy(a->last.out, out, sizeof(a->last.out));
	a->last.fast = false;
	a->packets++;
	if (n)
		a->attributed++;
	return n;
}

/* Whether socket events may wait in the ring: two loads where the positions are mapped. */
static inline bool events_waiting(const struct attrib *a)
{
#ifdef HAVE_BPF
	if (!a->so)
		return false;
	if (!a->ring_producer)
		return true;
	return __atomic_load_n(a->ring_producer, __ATOMIC_ACQUIRE) !=
	       __atomic_load_n(a->ring_consumer, __ATOMIC_RELAXED);
#else
	(void)a;
	return false;
#endif
}

/*
 * The lookup both entry points share, inlined into each: at sniff's rate the
 * call of one from the other was a tenth of attribution's own cost per packet.
 * A flow's packets come in runs: the last answer serves them with a compare,
 * in a body small enough to need no saved registers (the slow path, out of
 * line, cost a frame to every packet when it was inlined here).
 */
static inline unsigned lookup(struct attrib *a, uint32_t here, const struct attrib_tuple *t,
			      struct attrib_proc *out[ATTRIB_MAX_OWNERS])
{
	unsigned n;

	/* The owners may have been replaced in place: gen says they were not. */
	if (a->last.gen != a->gen || a->last.here != here || memcmp(&a->last.t, t, sizeof(*t))) {
		/*
		 * Ports no known socket has, and no event waiting that could add
		 * one: no one's packet (forwarded, a scan), told in a few loads
		 * (lookup_slow's answer without its call, its finds and its look
		 * at the ring: such a miss cost 1.6x a plain capture's user time).
		 * After the last answer's compare, which serves a flow's runs.
		 */
		if (!has_port(a, t, t->sport) && !has_port(a, t, t->dport) && !events_waiting(a)) {
			a->packets++;
			return 0;
		}
		return lookup_slow(a, here, t, out);
	}
	n = a->last.n;
	memcpy(out, a->last.out, sizeof(a->last.out));
	a->packets++;
	if (n)
		a->attributed++;
	return n;
}

/*
 * The frame's flow as two words, read in place: an untagged Ethernet frame
 * of IPv4 without options or fragmentation, TCP or UDP (most of a capture).
 * A flow's next packet then skips the tuple's parse and compare, and a packet
 * of no known port the parse (of what attribution added to a packet, a
 * third in the hit case, half in the miss case).  false: no such frame.
 */
static inline bool frame_key(int linktype, const uint8_t *d, uint32_t caplen, uint64_t *k0,
			     uint64_t *k1)
{
	uint32_t ports;

	if (linktype != DLT_EN10MB || caplen < 38 || d[12] != 0x08 || d[13] != 0x00 ||
	    d[14] != 0x45 || (d[20] & 0x3f) || d[21] || (d[23] != IPPROTO_TCP && d[23] != IPPROTO_UDP))
		return false;
	memcpy(k0, d + 26, 8);		/* the addresses */
	memcpy(&ports, d + 34, 4);
	*k1 = (uint64_t)ports | (uint64_t)d[23] << 32;
	return true;
}

unsigned attrib_lookup_frame(struct attrib *a, int linktype, const uint8_t *data, uint32_t caplen,
			     struct attrib_proc *out[ATTRIB_MAX_OWNERS])
{
	struct attrib_tuple t;
	uint64_t k0, k1;
	bool tcp;
	unsigned n;

	if (!frame_key(linktype, data, caplen, &k0, &k1)) {
		if (!attrib_tuple_parse(linktype, data, caplen, &t))
			return 0;
		return lookup(a, a->here, &t, out);
	}
	if (a->last.fast && a->last.k0 == k0 && a->last.k1 == k1 && a->last.gen == a->gen &&
	    a->last.here == a->here) {
		n = a->last.n;
		memcpy(out, a->last.out, sizeof(a->last.out));
		a->packets++;
		if (n)
			a->attributed++;
		return n;
	}
	/* lookup()'s early answer for ports no socket has, the ports read from the frame. */
	tcp = data[23] == IPPROTO_TCP;
	if (!port_known(a, tcp, (uint16_t)(data[34] << 8 | data[35])) &&
	    !port_known(a, tcp, (uint16_t)(data[36] << 8 | data[37])) && !events_waiting(a)) {
		a->packets++;
		return 0;
	}
	/* frame_key's frame always has a tuple: the parse cannot fail. */
	attrib_tuple_parse(linktype, data, caplen, &t);
	n = lookup_slow(a, a->here, &t, out);
	a->last.fast = true;
	a->last.k0 = k0;
	a->last.k1 = k1;
	return n;
}

unsigned attrib_lookup_in(struct attrib *a, uint32_t netns, const struct attrib_tuple *t,
			  struct attrib_proc *out[ATTRIB_MAX_OWNERS])
{
	return lookup(a, netns ? netns : a->here, t, out);
}

void attrib_set_filter(struct attrib *a, struct attrib_filter *f)
{
	size_t ml = strlen(a->cg_mount);

	a->filter = f;
	for (unsigned i = 0; f && a->cg && i < f->n_cgroups; i++)
		if (!strncmp(f->cgroups[i], a->cg_mount, ml) &&
		    (f->cgroups[i][ml] == '/' || !f->cgroups[i][ml]))
			f->cgroups[i] = f->cgroups[i][ml] ? f->cgroups[i] + ml : "/";
}

bool attrib_select(struct attrib *a, struct attrib_proc *const *owners, unsigned n)
{
	bool any = false;

	if (!attrib_filter_active(a->filter))
		return true;
	for (unsigned i = 0; i < n; i++) {
		struct attrib_proc *p = owners[i];

		if (p->selected < 0)
			p->selected = attrib_filter_match(a->filter, p);
		any = any || p->selected;
	}
	return any;
}

const char *attrib_comment(struct attrib_proc *p, uint16_t *len)
{
	char buf[ATTRIB_COMMENT_MAX];
	int n;

	if (p->comment) {
		*len = p->comment_len;
		return p->comment;
	}
	n = snprintf(buf, sizeof(buf), "pid=%u comm=%s cgroup=%s", p->pid, p->comm,
		     p->cgroup ? p->cgroup : "?");
	if (p->container && n > 0 && (size_t)n < sizeof(buf))
		snprintf(buf + n, sizeof(buf) - (size_t)n, " container=%s", p->container);
	p->comment = strdup(buf);
	p->comment_len = p->comment ? (uint16_t)strnlen(p->comment, sizeof(buf)) : 0;
	*len = p->comment_len;
	return p->comment;
}

uint64_t attrib_generation(const struct attrib *a)
{
	return a->gen;
}

void attrib_stats(struct attrib *a, struct attrib_stats *s)
{
	memset(s, 0, sizeof(*s));
	attrib_table_stats(a->t, &s->table);
	s->scanned = a->scanned;
	s->packets = a->packets;
	s->attributed = a->attributed;
	s->events = a->events;
	s->cgroup_unknown = a->cg ? attrib_cgroup_unknown(a->cg) : 0;
#ifdef HAVE_BPF
	if (a->so) {
		uint64_t st[SOCKOWNER_STAT_NR];

		s->following = true;
		if (!sockowner_stats(a->so, st))
			s->events_lost = st[SOCKOWNER_STAT_LOST];
	}
#endif
}
