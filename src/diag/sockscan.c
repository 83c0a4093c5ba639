/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sockscan.c: turns a selection into sock_diag dumps per namespace and hands out what passes it. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "diag/procnet.h"
#include "diag/sockdiag_file.h"
#include "diag/sockscan.h"
#include "diag/ssfilter_bc.h"
#include "util/netns_list.h"

#ifndef IPPROTO_MPTCP
#define IPPROTO_MPTCP 262
#endif

#define UNIX_TABLES \
	(1u << SOCKTAB_UNIX_STREAM | 1u << SOCKTAB_UNIX_DGRAM | 1u << SOCKTAB_UNIX_SEQPACKET)
#define PACKET_TABLES (1u << SOCKTAB_PACKET_RAW | 1u << SOCKTAB_PACKET_DGRAM)

/* The inet tables and their protocols. */
static const struct {
	enum sock_table table;
	uint16_t protocol;
} inet_tables[] = {
	{ SOCKTAB_TCP, IPPROTO_TCP },	{ SOCKTAB_UDP, IPPROTO_UDP },
	{ SOCKTAB_RAW, IPPROTO_RAW },	{ SOCKTAB_MPTCP, IPPROTO_MPTCP },
	{ SOCKTAB_SCTP, IPPROTO_SCTP },
};

void sockscan_init(struct sockscan *s)
{
	memset(s, 0, sizeof(*s));
	s->tables = (1u << SOCKTAB_COUNT) - 1;
	s->ipv4 = s->ipv6 = true;
	s->states = SOCK_STATES_ALL;
	s->proc_root = "/proc";
	s->netns_dir = "/run/netns";
}

void sockscan_fini(struct sockscan *s)
{
	procs_free(s->owners);
	free(s->links);
	s->owners = NULL;
	s->links = NULL;
	s->nlinks = s->links_cap = 0;
}

/* ---- interface names, per namespace ---------------------------------------------- */

static int link_add(struct sockscan *s, uint32_t ifindex, const char *name)
{
	if (s->nlinks == s->links_cap) {
		size_t ncap = s->links_cap ? s->links_cap * 2 : 16;
		struct sockscan_link *l = reallocarray(s->links, ncap, sizeof(*l));

		if (!l)
			return -ENOMEM;
		s->links = l;
		s->links_cap = ncap;
	}
	s->links[s->nlinks].ifindex = ifindex;
	snprintf(s->links[s->nlinks].name, sizeof(s->links[0].name), "%s", name);
	s->nlinks++;
	return 0;
}

static const char *link_name(uint32_t ifindex, void *arg)
{
	const struct sockscan *s = arg;

	for (size_t i = 0; i < s->nlinks; i++)
		if (s->links[i].ifindex == ifindex)
			return s->links[i].name;
	return NULL;
}

static unsigned link_index(const char *name, void *arg)
{
	const struct sockscan *s = arg;

	for (size_t i = 0; i < s->nlinks; i++)
		if (!strcmp(s->links[i].name, name))
			return s->links[i].ifindex;
	return 0;
}

/* The current namespace's interfaces, written to the recordings too. */
static int links_load(struct sockscan *s)
{
	struct if_nameindex *ifs = if_nameindex(), *i;
	int err = 0;

	s->nlinks = 0;
	if (!ifs)
		return -errno;
	for (i = ifs; !err && i->if_index; i++) {
		err = link_add(s, i->if_index, i->if_name);
		if (!err && s->record)
			err = sockdiag_file_write_link(s->record, i->if_index, i->if_name);
		if (!err && s->buf)
			err = sockdiag_file_write_link(s->buf, i->if_index, i->if_name);
	}
	if_freenameindex(ifs);
	return err;
}

/* The kernel's default ephemeral range, for replays. */
static void env_default(struct sockscan *s)
{
	s->env.port_lo = 32768;
	s->env.port_hi = 60999;
}

/* autobound in user space: a port from this namespace's ephemeral range. */
static void env_load(struct sockscan *s)
{
	unsigned lo, hi;
	FILE *f = fopen("/proc/sys/net/ipv4/ip_local_port_range", "re");

	env_default(s);
	if (!f)
		return;
	if (fscanf(f, "%u %u", &lo, &hi) == 2 && lo <= hi && hi <= 65535) {
		s->env.port_lo = (uint16_t)lo;
		s->env.port_hi = (uint16_t)hi;
	}
	fclose(f);
}

/* ---- the per-socket path ------------------------------------------------------------ */

static bool selected(const struct sockscan *s, const struct sock_rec *r)
{
	unsigned st = r->state == SOCK_ST_NEW_SYN_RECV ? SOCK_ST_SYN_RECV : r->state;

	if ((unsigned)r->table >= SOCKTAB_COUNT || !(s->tables & (1u << r->table)))
		return false;
	if ((r->family == AF_INET && !s->ipv4) || (r->family == AF_INET6 && !s->ipv6))
		return false;
	if (st >= SOCK_ST_COUNT || !(s->states & (1u << st)))
		return false;
	if (s->dump_filtered && s->trust_filtered && !s->recheck)
		return true;
	return !s->filter || ssfilter_match(s->filter->expr, r, &s->env);
}

static int on_sock(const struct sock_rec *r, void *arg)
{
	struct sockscan *s = arg;
	struct sockscan_where w = {
		.netns = s->in_netns ? s->netns_name : NULL,
		.ifname = link_name,
		.ifname_arg = s,
	};

	if (!selected(s, r))
		return 0;
	/* The live pass of -p only learns which inodes to look for. */
	if (s->buf)
		return procs_want(s->owners, r->inode);
	if (s->procs)
		w.procs = s->owners;
	return s->cb(r, &w, s->cb_arg);
}

static int on_raw(const struct sockdiag_req *req, const void *buf, size_t len, void *arg)
{
	struct sockscan *s = arg;
	unsigned flags = s->dump_filtered ? SOCKDIAG_FILE_FILTERED : 0;
	int err = 0;

	if (s->record)
		err = sockdiag_file_write_dump(s->record, req, flags, buf, len);
	if (!err && s->buf)
		err = sockdiag_file_write_dump(s->buf, req, flags, buf, len);
	return err;
}

/* ---- live dumps ---------------------------------------------------------------------- */

/* The table a request dumps (for unix and packet: the first of theirs that is selected). */
static enum sock_table table_of(const struct sockscan *s, const struct sockdiag_req *req)
{
	if (req->family == AF_UNIX)
		return s->tables & (1u << SOCKTAB_UNIX_STREAM) ? SOCKTAB_UNIX_STREAM :
		       s->tables & (1u << SOCKTAB_UNIX_DGRAM)	 ? SOCKTAB_UNIX_DGRAM :
								   SOCKTAB_UNIX_SEQPACKET;
	if (req->family == AF_PACKET)
		return s->tables & (1u << SOCKTAB_PACKET_RAW) ? SOCKTAB_PACKET_RAW :
								SOCKTAB_PACKET_DGRAM;
	for (size_t i = 0; i < sizeof(inet_tables) / sizeof(inet_tables[0]); i++)
		if (inet_tables[i].protocol == req->protocol)
			return inet_tables[i].table;
	return SOCKTAB_COUNT;
}

/* Marks the tables a dump of req covered. */
static void mark_seen(struct sockscan *s, const struct sockdiag_req *req)
{
	enum sock_table t = table_of(s, req);

	if (req->family == AF_UNIX)
		s->seen |= s->tables & UNIX_TABLES;
	else if (req->family == AF_PACKET)
		s->seen |= s->tables & PACKET_TABLES;
	else if (t < SOCKTAB_COUNT)
		s->seen |= s->tables & (1u << t);
}

/* The kernel has no diag handler for the family or protocol. */
static bool is_unsupported(int err)
{
	return err == -ENOENT || err == -EPROTONOSUPPORT || err == -EOPNOTSUPP;
}

/* A table the kernel lacks is an error only when it was asked for by name. */
static int unsupported(struct sockscan *s, enum sock_table table)
{
	if (table >= SOCKTAB_COUNT || !(s->required & (1u << table)))
		return 0;
	snprintf(s->what, sizeof(s->what), "%s", sockdiag_table_name(table));
	return -ENOENT;
}

/*
 * Kernels without raw_diag still list raw sockets in /proc/net/raw{,6}: read
 * as a datagram of replies, they are recorded and parsed like a dump.
 */
static int dump_procnet_raw(struct sockscan *s, const struct sockdiag_req *req)
{
	char path[300];
	void *buf;
	size_t len;
	FILE *f;
	int err;

	snprintf(path, sizeof(path), "%s/net/%s", s->proc_root,
		 req->family == AF_INET ? "raw" : "raw6");
	f = fopen(path, "re");
	if (!f)
		return -errno;
	err = procnet_raw_datagram(f, req->family, &buf, &len);
	fclose(f);
	if (err)
		return err;
	s->dump_filtered = false;
	err = on_raw(req, buf, len, s);
	if (!err)
		err = sockdiag_parse(req, buf, len, 0, 0, on_sock, s);
	free(buf);
	return err == 1 ? 0 : err;
}

/*
 * Datagrams a dump may queue ahead of the printing: enough to keep the
 * kernel busy, few enough that memory stays flat (32 KiB each).
 */
#define QUEUE_AHEAD 16

/*
 * The end of one dump begun with sockdiag_dump_start (a NULL a: the start
 * failed with err); a kernel that rejects the bytecode gets the request
 * again without it.
 */
static int dump_finish(struct sockscan *s, struct sockdiag_req *req, struct sockdiag_async *a,
		       int err)
{
	s->dump_filtered = req->bytecode != NULL;
	if (a)
		err = sockdiag_dump_finish(a, on_sock, on_raw, s);
	if (req->bytecode && (err == -EINVAL || err == -EPERM)) {
		req->bytecode = NULL;
		req->bytecode_len = 0;
		s->dump_filtered = false;
		err = sockdiag_dump(req, on_sock, on_raw, s);
	}
	if (is_unsupported(err) && req->protocol == IPPROTO_RAW)
		err = dump_procnet_raw(s, req);
	if (!err)
		mark_seen(s, req);
	return is_unsupported(err) ? unsupported(s, table_of(s, req)) : err;
}

/* One dump: received ahead of the printing when s->parallel. */
static int dump_one(struct sockscan *s, struct sockdiag_req *req)
{
	struct sockdiag_async *a = NULL;
	int err = 0;

	s->dump_filtered = req->bytecode != NULL;	/* read by on_sock as the dump comes */
	if (s->parallel)
		err = sockdiag_dump_start(req, QUEUE_AHEAD, &a);
	else
		err = sockdiag_dump(req, on_sock, on_raw, s);
	return dump_finish(s, req, a, err);
}

/*
 * Both families of one inet table.  The kernel walks its whole established
 * hash for each family, however few sockets the family has, so the IPv6
 * dump runs at the same time as the IPv4 one, queued whole in memory, and
 * is handed out after it: the order stays IPv4 then IPv6.
 */
static int dump_inet_pair(struct sockscan *s, struct sockdiag_req *v4, struct sockdiag_req *v6)
{
	struct sockdiag_async *a6;
	int err6 = sockdiag_dump_start(v6, 0, &a6);
	int err = dump_one(s, v4);

	if (err) {
		sockdiag_dump_cancel(a6);
		return err;
	}
	return dump_finish(s, v6, a6, err6);
}

/* Every selected table of the current namespace. */
static int dump_namespace(struct sockscan *s)
{
	struct sockdiag_req req = { .states = s->states, .want = s->want }, req6;
	void *bc = NULL;
	size_t bclen = 0;
	const char *bad;
	int err;

	err = links_load(s);
	if (err)
		return err;
	env_load(s);
	if (s->filter) {
		bad = ssfilter_resolve(s->filter, link_index, s);
		/* One namespace: an unknown device is a mistake; across many, just absent. */
		if (bad && !s->all_netns) {
			snprintf(s->what, sizeof(s->what), "%s", bad);
			return -ENODEV;
		}
		err = ssfilter_bc_compile(s->filter->expr, &bc, &bclen);
		/* A filter too big for bytecode still works in user space. */
		if (err && err != -E2BIG)
			return err;
	}
	for (size_t i = 0; !err && i < sizeof(inet_tables) / sizeof(inet_tables[0]); i++) {
		if (!(s->tables & (1u << inet_tables[i].table)))
			continue;
		req.family = s->ipv4 ? AF_INET : AF_INET6;
		req.protocol = inet_tables[i].protocol;
		req.bytecode = bc;
		req.bytecode_len = bclen;
		req6 = req;
		req6.family = AF_INET6;
		if (s->ipv4 && s->ipv6 && s->one_walk && req.protocol == IPPROTO_TCP) {
			req.family = AF_UNSPEC;
			err = dump_one(s, &req);
		} else if (s->ipv4 && s->ipv6 && s->parallel) {
			err = dump_inet_pair(s, &req, &req6);
		} else if (s->ipv4 && s->ipv6) {
			err = dump_one(s, &req);
			if (!err)
				err = dump_one(s, &req6);
		} else if (s->ipv4 || s->ipv6) {
			err = dump_one(s, &req);
		}
	}
	req.bytecode = NULL;
	req.bytecode_len = 0;
	req.protocol = 0;
	if (!err && (s->tables & UNIX_TABLES)) {
		req.family = AF_UNIX;
		err = dump_one(s, &req);
	}
	/* Packet sockets have no state; ss shows them as UNCONN. */
	if (!err && (s->tables & PACKET_TABLES) && (s->states & (1u << SOCK_ST_CLOSE))) {
		req.family = AF_PACKET;
		err = dump_one(s, &req);
	}
	free(bc);
	return err;
}

static int enter(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC), err = 0;

	if (fd < 0)
		return -errno;
	if (setns(fd, CLONE_NEWNET))
		err = -errno;
	close(fd);
	return err;
}

static int set_netns_name(struct sockscan *s, const char *name)
{
	snprintf(s->netns_name, sizeof(s->netns_name), "%s", name);
	s->in_netns = true;
	if (s->record && sockdiag_file_write_netns(s->record, name))
		return -EIO;
	if (s->buf && sockdiag_file_write_netns(s->buf, name))
		return -EIO;
	return 0;
}

static int live_all(struct sockscan *s)
{
	struct netns_list l;
	int self, err;

	self = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	if (self < 0)
		return -errno;
	err = netns_list_collect(&l, s->netns_dir, s->proc_root);
	for (size_t i = 0; !err && i < l.n; i++) {
		err = enter(l.v[i].path);
		/* A process that exited since the listing took its namespace along. */
		if (err == -ENOENT) {
			err = 0;
			continue;
		}
		if (err) {
			snprintf(s->what, sizeof(s->what), "%s", l.v[i].name);
			break;
		}
		err = set_netns_name(s, l.v[i].name);
		if (!err)
			err = dump_namespace(s);
	}
	if (setns(self, CLONE_NEWNET) && !err)
		err = -errno;
	close(self);
	netns_list_free(&l);
	s->in_netns = false;
	return err;
}

/* ---- replay ------------------------------------------------------------------------ */

static int replay_stream(struct sockscan *s, FILE *f)
{
	struct sockdiag_reader rd;
	struct sockdiag_file_rec rec;
	bool new_ns = true;
	int err;

	s->nlinks = 0;
	env_default(s);
	err = sockdiag_file_open(&rd, f);
	while (!err && (err = sockdiag_file_next(&rd, &rec)) > 0) {
		struct sockdiag_req req = { .family = rec.req.family };

		switch (rec.type) {
		case SOCKDIAG_FILE_NETNS:
			snprintf(s->netns_name, sizeof(s->netns_name), "%s", rec.name);
			s->in_netns = s->all_netns;
			s->nlinks = 0;
			new_ns = true;
			err = 0;
			break;
		case SOCKDIAG_FILE_LINK:
			err = link_add(s, rec.ifindex, rec.name);
			new_ns = true;
			break;
		case SOCKDIAG_FILE_DUMP:
			if (new_ns && s->filter) {
				ssfilter_resolve(s->filter, link_index, s);
				new_ns = false;
			}
			req.protocol = rec.req.protocol;
			s->dump_filtered = rec.flags & SOCKDIAG_FILE_FILTERED;
			err = sockdiag_parse(&req, rec.data, rec.len, 0, 0, on_sock, s);
			/* The end of one dump (NLMSG_DONE) is not the end of the recording. */
			if (err >= 0)
				mark_seen(s, &req);
			if (err == 1)
				err = 0;
			/*
			 * Refusals the live run got past are recorded too: a table this
			 * kernel lacked, a bytecode it rejected (the retry follows).
			 */
			else if (is_unsupported(err))
				err = unsupported(s, table_of(s, &req));
			else if (err == -EINVAL || err == -EPERM)
				err = 0;
			break;
		}
	}
	sockdiag_file_close(&rd);
	s->in_netns = false;
	return err;
}

/* ---- one snapshot ------------------------------------------------------------------- */

/*
 * Tables some kernels lack, asked for by name: an empty dump (no state
 * selected) finds out before any socket is handed out, so the error comes
 * alone rather than after half a snapshot.
 */
static int probe_required(struct sockscan *s)
{
	static const enum sock_table optional[] = { SOCKTAB_MPTCP, SOCKTAB_SCTP };
	int err = 0;

	for (size_t i = 0; !err && i < sizeof(optional) / sizeof(optional[0]); i++) {
		struct sockdiag_req req = { .family = s->ipv4 ? AF_INET : AF_INET6 };

		if (!(s->required & (1u << optional[i])))
			continue;
		for (size_t k = 0; k < sizeof(inet_tables) / sizeof(inet_tables[0]); k++)
			if (inet_tables[k].table == optional[i])
				req.protocol = inet_tables[k].protocol;
		err = sockdiag_dump(&req, NULL, NULL, NULL);
		if (is_unsupported(err))
			err = unsupported(s, optional[i]);
	}
	return err;
}

static int live(struct sockscan *s)
{
	int err = probe_required(s);

	if (err)
		return err;
	if (s->all_netns)
		return live_all(s);
	return dump_namespace(s);
}

/* -p: a recorded live pass, the /proc scan, then the recording replayed with owners. */
static int with_owners(struct sockscan *s)
{
	char *mem = NULL;
	size_t memlen = 0;
	FILE *f;
	int err;

	if (!s->owners && !(s->owners = procs_new()))
		return -ENOMEM;
	procs_clear(s->owners);
	s->buf = open_memstream(&mem, &memlen);
	if (!s->buf)
		return -errno;
	err = sockdiag_file_write_header(s->buf);
	if (!err)
		err = live(s);
	if (fclose(s->buf) && !err)
		err = -ENOMEM;
	s->buf = NULL;
	if (!err) {
		err = procs_scan(s->owners, s->proc_root);
		if (err)
			snprintf(s->what, sizeof(s->what), "%s", s->proc_root);
	}
	if (!err) {
		f = fmemopen(mem, memlen, "r");
		if (!f) {
			err = -errno;
		} else {
			err = replay_stream(s, f);
			fclose(f);
		}
	}
	free(mem);
	return err;
}

int sockscan_run(struct sockscan *s, sockscan_cb cb, void *arg)
{
	int err;

	s->cb = cb;
	s->cb_arg = arg;
	s->what[0] = '\0';
	s->seen = 0;
	/*
	 * ss runs its filter on every socket the kernel's bytecode let through.
	 * For most conditions that changes nothing, but the kernel's autobound
	 * (no port lock from bind: accepted sockets have none) is not ss's
	 * (a port in the ephemeral range): a socket must pass both.
	 */
	s->recheck = s->filter && ssfilter_uses_autobound(s->filter->expr);
	/* A recording made with another filter than this run's is filtered again. */
	s->trust_filtered = !s->replay;
	if (s->replay) {
		err = replay_stream(s, s->replay);
		if (err && !s->what[0])
			snprintf(s->what, sizeof(s->what), "--replay");
		return err;
	}
	if (s->record && ftell(s->record) <= 0) {
		err = sockdiag_file_write_header(s->record);
		if (err)
			return err;
	}
	return s->procs ? with_owners(s) : live(s);
}
