/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sockdiag.c: sock_diag requests through libmnl and a bounds-checked parser of their replies. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include <libmnl/libmnl.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/packet_diag.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>

#include "diag/diag_requests.h"
#include "diag/packet_diag.h"
#include "diag/sockdiag.h"
#include "util/nldump.h"

#ifndef MNL_SOCKET_DUMP_SIZE
#define MNL_SOCKET_DUMP_SIZE 32768
#endif
#ifndef IPPROTO_MPTCP
#define IPPROTO_MPTCP 262
#endif

/*
 * The old TCP request (TCPDIAG_GETSOCK, struct inet_diag_req) is the only
 * one the kernel serves with no family: one walk of the connection hash for
 * IPv4 and IPv6 together (SOCK_DIAG_BY_FAMILY wants AF_INET or AF_INET6).
 */
#ifndef TCPDIAG_GETSOCK
#define TCPDIAG_GETSOCK 18
#endif

static const char *const table_names[SOCKTAB_COUNT] = {
	[SOCKTAB_TCP] = "tcp",
	[SOCKTAB_UDP] = "udp",
	[SOCKTAB_RAW] = "raw",
	[SOCKTAB_MPTCP] = "mptcp",
	[SOCKTAB_SCTP] = "sctp",
	[SOCKTAB_UNIX_STREAM] = "u_str",
	[SOCKTAB_UNIX_DGRAM] = "u_dgr",
	[SOCKTAB_UNIX_SEQPACKET] = "u_seq",
	[SOCKTAB_PACKET_RAW] = "p_raw",
	[SOCKTAB_PACKET_DGRAM] = "p_dgr",
};

static const char *const state_names[SOCK_ST_COUNT] = {
	[SOCK_ST_UNKNOWN] = "UNKNOWN",
	[SOCK_ST_ESTABLISHED] = "ESTAB",
	[SOCK_ST_SYN_SENT] = "SYN-SENT",
	[SOCK_ST_SYN_RECV] = "SYN-RECV",
	[SOCK_ST_FIN_WAIT1] = "FIN-WAIT-1",
	[SOCK_ST_FIN_WAIT2] = "FIN-WAIT-2",
	[SOCK_ST_TIME_WAIT] = "TIME-WAIT",
	[SOCK_ST_CLOSE] = "UNCONN",
	[SOCK_ST_CLOSE_WAIT] = "CLOSE-WAIT",
	[SOCK_ST_LAST_ACK] = "LAST-ACK",
	[SOCK_ST_LISTEN] = "LISTEN",
	[SOCK_ST_CLOSING] = "CLOSING",
	[SOCK_ST_NEW_SYN_RECV] = "SYN-RECV",
};

const char *sockdiag_table_name(enum sock_table t)
{
	return (unsigned)t < SOCKTAB_COUNT ? table_names[t] : "?";
}

const char *sockdiag_state_name(unsigned state)
{
	return state < SOCK_ST_COUNT ? state_names[state] : "UNKNOWN";
}

/* The attribute payload as a validated pointer: NULL unless it holds at least min bytes. */
static const void *attr_data(const struct nlattr *a, size_t min, size_t *len)
{
	size_t n = mnl_attr_get_payload_len(a);

	if (n < min)
		return NULL;
	if (len)
		*len = n;
	return mnl_attr_get_payload(a);
}

static int get_u8(const struct nlattr *a, uint8_t *v)
{
	return nldump_attr_copy(a, v, 1);
}

static int get_u32(const struct nlattr *a, uint32_t *v)
{
	return nldump_attr_copy(a, v, 4);
}

/* A string attribute must hold its NUL; the kernel always sends one. */
static int get_str(const struct nlattr *a, const char **s)
{
	size_t n;
	const char *p = attr_data(a, 1, &n);

	if (!p || !memchr(p, '\0', n))
		return -EBADMSG;
	*s = p;
	return 0;
}

static int inet_attr(const struct nlattr *a, struct sock_rec *r)
{
	switch (mnl_attr_get_type(a)) {
	case INET_DIAG_INFO:
		r->info = attr_data(a, 0, &r->info_len);
		break;
	case INET_DIAG_CONG:
		return get_str(a, &r->cong);
	case INET_DIAG_VEGASINFO:
	case INET_DIAG_DCTCPINFO:
	case INET_DIAG_BBRINFO:
		r->cc_info = attr_data(a, 0, &r->cc_info_len);
		r->cc_info_type = mnl_attr_get_type(a);
		break;
	case INET_DIAG_SKMEMINFO:
		r->skmem = attr_data(a, 0, &r->skmem_len);
		break;
	case INET_DIAG_TOS:
	case INET_DIAG_TCLASS:
		r->has_tos = true;
		return get_u8(a, &r->tos);
	case INET_DIAG_SHUTDOWN:
		r->has_shutdown = true;
		return get_u8(a, &r->shutdown);
	case INET_DIAG_MARK:
		r->has_mark = true;
		return get_u32(a, &r->mark);
	case INET_DIAG_CGROUP_ID:
		if (nldump_attr_copy(a, &r->cgroup_id, 8))
			return -EBADMSG;
		r->has_cgroup = true;
		break;
	}
	return 0;
}

static int unix_attr(const struct nlattr *a, struct sock_rec *r)
{
	struct unix_diag_rqlen rq;
	uint32_t v;
	int err;

	switch (mnl_attr_get_type(a)) {
	case UNIX_DIAG_NAME:
		r->path = attr_data(a, 0, &r->path_len);
		break;
	case UNIX_DIAG_PEER:
		err = get_u32(a, &v);
		r->peer_inode = v;
		r->has_peer = true;
		return err;
	case UNIX_DIAG_RQLEN:
		if (nldump_attr_copy(a, &rq, sizeof(rq)))
			return -EBADMSG;
		r->rqueue = rq.udiag_rqueue;
		r->wqueue = rq.udiag_wqueue;
		break;
	case UNIX_DIAG_MEMINFO:
		r->skmem = attr_data(a, 0, &r->skmem_len);
		break;
	case UNIX_DIAG_SHUTDOWN:
		r->has_shutdown = true;
		return get_u8(a, &r->shutdown);
	case UNIX_DIAG_UID:
		r->has_uid = true;
		return get_u32(a, &r->uid);
	}
	return 0;
}

/* packet_diag.c parses the message; this maps it to the columns ss shows. */
static int packet_msg(const struct nlmsghdr *nlh, struct sock_rec *r, struct packet_sock *pk)
{
	int err = packet_diag_parse_msg(nlh, pk);

	if (err)
		return err;
	if (pk->type == SOCK_RAW)
		r->table = SOCKTAB_PACKET_RAW;
	else if (pk->type == SOCK_DGRAM)
		r->table = SOCKTAB_PACKET_DGRAM;
	else
		return -EBADMSG;
	r->family = AF_PACKET;
	r->state = SOCK_ST_CLOSE;
	r->packet_proto = pk->proto;
	r->inode = pk->ino;
	r->cookie = pk->cookie;
	r->ifindex = pk->ifindex;
	r->uid = pk->uid;
	r->has_uid = pk->has_uid;
	if (pk->has_meminfo) {
		r->skmem = pk->skmem;
		r->skmem_len = pk->skmem_len;
		/* A packet socket's Recv-Q is its rmem_alloc, the first u32 of skmeminfo. */
		if (pk->skmem_len >= 4)
			r->rqueue = pk->rmem_alloc;
	}
	return 0;
}

/* The fixed header of each family's reply; the table it belongs to. */
static int parse_header(const struct sockdiag_req *req, const void *p, size_t n,
			struct sock_rec *r, size_t *hdr_len)
{
	uint32_t cookie[2];

	switch (req->family) {
	case AF_UNSPEC:
	case AF_INET:
	case AF_INET6: {
		struct inet_diag_msg m;

		if (n < sizeof(m))
			return -EBADMSG;
		memcpy(&m, p, sizeof(m));
		if (m.idiag_family != AF_INET && m.idiag_family != AF_INET6)
			return -EBADMSG;
		switch (req->protocol) {
		case IPPROTO_TCP:
			r->table = SOCKTAB_TCP;
			break;
		case IPPROTO_UDP:
			r->table = SOCKTAB_UDP;
			break;
		case IPPROTO_RAW:
			r->table = SOCKTAB_RAW;
			break;
		case IPPROTO_SCTP:
			r->table = SOCKTAB_SCTP;
			break;
		case IPPROTO_MPTCP:
			r->table = SOCKTAB_MPTCP;
			break;
		default:
			return -EINVAL;
		}
		r->family = m.idiag_family;
		r->state = m.idiag_state;
		r->timer = m.idiag_timer;
		r->retrans = m.idiag_retrans;
		r->sport = ntohs(m.id.idiag_sport);
		r->dport = ntohs(m.id.idiag_dport);
		memcpy(r->src, m.id.idiag_src, 16);
		memcpy(r->dst, m.id.idiag_dst, 16);
		r->ifindex = m.id.idiag_if;
		memcpy(cookie, m.id.idiag_cookie, sizeof(cookie));
		r->expires_ms = m.idiag_expires;
		r->rqueue = m.idiag_rqueue;
		r->wqueue = m.idiag_wqueue;
		r->uid = m.idiag_uid;
		r->has_uid = true;
		r->inode = m.idiag_inode;
		*hdr_len = sizeof(m);
		break;
	}
	case AF_UNIX: {
		struct unix_diag_msg m;

		if (n < sizeof(m))
			return -EBADMSG;
		memcpy(&m, p, sizeof(m));
		if (m.udiag_family != AF_UNIX)
			return -EBADMSG;
		switch (m.udiag_type) {
		case SOCK_STREAM:
			r->table = SOCKTAB_UNIX_STREAM;
			break;
		case SOCK_DGRAM:
			r->table = SOCKTAB_UNIX_DGRAM;
			break;
		case SOCK_SEQPACKET:
			r->table = SOCKTAB_UNIX_SEQPACKET;
			break;
		default:
			return -EBADMSG;
		}
		r->family = AF_UNIX;
		r->state = m.udiag_state;
		r->inode = m.udiag_ino;
		memcpy(cookie, m.udiag_cookie, sizeof(cookie));
		*hdr_len = sizeof(m);
		break;
	}
	default:
		return -EINVAL;
	}
	r->cookie = (uint64_t)cookie[1] << 32 | cookie[0];
	return 0;
}

/*
 * One SOCK_DIAG_BY_FAMILY message of msg_len bytes.  Attributes are walked by
 * hand: mnl_attr_parse stops silently at an attribute running past the end.
 * A packet socket's fields live in pk, which r points into.
 */
static int parse_msg(const struct sockdiag_req *req, const struct nlmsghdr *nlh, size_t msg_len,
		     struct sock_rec *r, struct packet_sock *pk)
{
	size_t hdr, off;
	int err;

	memset(r, 0, sizeof(*r));
	if (req->family == AF_PACKET)
		return packet_msg(nlh, r, pk);
	err = parse_header(req, (const char *)nlh + MNL_NLMSG_HDRLEN, msg_len - MNL_NLMSG_HDRLEN,
			   r, &hdr);
	if (err)
		return err;
	off = MNL_NLMSG_HDRLEN + MNL_ALIGN(hdr);
	while (off < msg_len) {
		const struct nlattr *a = (const void *)((const char *)nlh + off);

		if (!mnl_attr_ok(a, (int)(msg_len - off)))
			return -EBADMSG;
		if (req->family == AF_UNIX)
			err = unix_attr(a, r);
		else
			err = inet_attr(a, r);
		if (err)
			return err;
		off += MNL_ALIGN(a->nla_len);
	}
	return 0;
}

/* NLMSG_ERROR: 0 is an ack (none comes for a dump), else the kernel's errno. */
static int parse_error(const struct nlmsghdr *nlh, size_t msg_len)
{
	struct nlmsgerr e;

	if (msg_len < MNL_NLMSG_HDRLEN + sizeof(e))
		return -EBADMSG;
	memcpy(&e, (const char *)nlh + MNL_NLMSG_HDRLEN, sizeof(e));
	return e.error > 0 ? -e.error : e.error;
}

/* A dump that fails half way ends with NLMSG_DONE carrying the negative errno. */
static int parse_done(const struct nlmsghdr *nlh, size_t msg_len)
{
	int v;

	if (msg_len >= MNL_NLMSG_HDRLEN + sizeof(v)) {
		memcpy(&v, (const char *)nlh + MNL_NLMSG_HDRLEN, sizeof(v));
		if (v < 0)
			return v;
	}
	return 1;
}

int sockdiag_parse(const struct sockdiag_req *req, const void *buf, size_t len, uint32_t seq,
		   uint32_t portid, sockdiag_sock_cb cb, void *arg)
{
	const char *p = buf;
	size_t off = 0;
	struct packet_sock pk;
	struct sock_rec r;
	int err;

	if ((uintptr_t)buf % NLMSG_ALIGNTO)
		return -EINVAL;
	if (len > INT_MAX)
		return -EBADMSG;
	while (off < len) {
		const struct nlmsghdr *nlh = (const void *)(p + off);
		size_t rem = len - off;

		/* mnl_nlmsg_ok casts nlmsg_len to int: a length of 2^31 or more would pass. */
		if (!mnl_nlmsg_ok(nlh, (int)rem) || nlh->nlmsg_len > rem)
			return -EBADMSG;
		if ((seq && nlh->nlmsg_seq != seq) || (portid && nlh->nlmsg_pid != portid))
			return -EPROTO;
		switch (nlh->nlmsg_type) {
		case NLMSG_DONE:
			return parse_done(nlh, nlh->nlmsg_len);
		case NLMSG_ERROR:
			err = parse_error(nlh, nlh->nlmsg_len);
			return err ? err : 1;
		case TCPDIAG_GETSOCK:
			/* The replies to the familyless TCP request carry its type. */
			if (req->family != AF_UNSPEC)
				return -EBADMSG;
			/* fall through */
		case SOCK_DIAG_BY_FAMILY:
			err = parse_msg(req, nlh, nlh->nlmsg_len, &r, &pk);
			if (err)
				return err;
			err = cb ? cb(&r, arg) : 0;
			if (err)
				return err;
			break;
		case NLMSG_NOOP:
			break;
		default:
			return -EBADMSG;
		}
		/* The last message may lack its padding: then this steps past len and ends. */
		off += MNL_ALIGN(nlh->nlmsg_len);
	}
	return 0;
}

/* The inet request's extension bits for what the view needs. */
static uint8_t inet_ext(unsigned want)
{
	uint8_t ext = 0;

	if (want & SOCKDIAG_WANT_INFO)
		ext |= 1u << (INET_DIAG_INFO - 1) | 1u << (INET_DIAG_VEGASINFO - 1) |
		       1u << (INET_DIAG_CONG - 1);
	if (want & SOCKDIAG_WANT_MEM)
		ext |= 1u << (INET_DIAG_SKMEMINFO - 1);
	if (want & SOCKDIAG_WANT_EXT)
		ext |= 1u << (INET_DIAG_TOS - 1) | 1u << (INET_DIAG_TCLASS - 1) |
		       1u << (INET_DIAG_SHUTDOWN - 1);
	return ext;
}

/* The inet states asked for: SYN-RECV takes the kernel's request sockets along. */
static uint32_t inet_states(uint32_t states)
{
	return states & (1u << SOCK_ST_SYN_RECV) ? states | 1u << SOCK_ST_NEW_SYN_RECV : states;
}

/* The kernel-side filter after an inet request's header; false when it does not fit. */
static bool put_bytecode(struct nlmsghdr *nlh, const struct sockdiag_req *req, size_t size)
{
	if (!req->bytecode)
		return true;
	if (req->bytecode_len > size - nlh->nlmsg_len - MNL_ATTR_HDRLEN - 4 ||
	    req->bytecode_len > UINT16_MAX - MNL_ATTR_HDRLEN)
		return false;
	mnl_attr_put(nlh, INET_DIAG_REQ_BYTECODE, req->bytecode_len, req->bytecode);
	return true;
}

/* Builds the request for req into buf; NULL when its bytecode does not fit. */
static struct nlmsghdr *build_request(const struct sockdiag_req *req, void *buf, size_t size,
				      uint32_t seq)
{
	struct nlmsghdr *nlh = nldump_request(buf, size, SOCK_DIAG_BY_FAMILY, NLM_F_DUMP);

	nlh->nlmsg_seq = seq;
	switch (req->family) {
	case AF_UNSPEC: {
		/* TCP of both families in one walk: the old request, which has no protocol field. */
		struct inet_diag_req *in = mnl_nlmsg_put_extra_header(nlh, sizeof(*in));

		nlh->nlmsg_type = TCPDIAG_GETSOCK;
		in->idiag_family = AF_UNSPEC;
		in->idiag_ext = inet_ext(req->want);
		in->idiag_states = inet_states(req->states);
		if (!put_bytecode(nlh, req, size))
			return NULL;
		break;
	}
	case AF_UNIX: {
		struct unix_diag_req *u = mnl_nlmsg_put_extra_header(nlh, sizeof(*u));

		u->sdiag_family = AF_UNIX;
		u->udiag_states = req->states;
		u->udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER | UDIAG_SHOW_RQLEN;
		if (req->want & SOCKDIAG_WANT_MEM)
			u->udiag_show |= UDIAG_SHOW_MEMINFO;
		if (req->want & SOCKDIAG_WANT_EXT)
			u->udiag_show |= UDIAG_SHOW_UID;
		break;
	}
	case AF_PACKET:
		/* Memory info always: a packet socket's Recv-Q is its rmem_alloc (the uid comes anyway). */
		packet_diag_put_req(nlh, PACKET_SHOW_INFO | PACKET_SHOW_MEMINFO);
		break;
	default: {
		struct inet_diag_req_raw *in = mnl_nlmsg_put_extra_header(nlh, sizeof(*in));

		in->sdiag_family = req->family;
		in->idiag_ext = inet_ext(req->want);
		in->idiag_states = inet_states(req->states);
		/* Protocols past 255 (MPTCP) travel in an attribute. */
		if (req->protocol > UINT8_MAX) {
			in->sdiag_protocol = 0;
			mnl_attr_put_u32(nlh, INET_DIAG_REQ_PROTOCOL, req->protocol);
		} else {
			in->sdiag_protocol = (uint8_t)req->protocol;
		}
		/* raw_diag reads its protocol from the pad byte; IPPROTO_RAW means every one. */
		if (req->protocol == IPPROTO_RAW)
			in->sdiag_raw_protocol = IPPROTO_RAW;
		if (!put_bytecode(nlh, req, size))
			return NULL;
		break;
	}
	}
	return nlh;
}

/* Receives and parses until NLMSG_DONE. */
static int dump_loop(struct mnl_socket *nl, const struct sockdiag_req *req, char *rx,
		     uint32_t seq, uint32_t portid, sockdiag_sock_cb cb, sockdiag_raw_cb raw,
		     void *arg)
{
	int err;

	for (;;) {
		ssize_t n = mnl_socket_recvfrom(nl, rx, SOCKDIAG_RX_SIZE);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		if (raw) {
			err = raw(req, rx, (size_t)n, arg);
			if (err)
				return err;
		}
		err = sockdiag_parse(req, rx, (size_t)n, seq, portid, cb, arg);
		if (err)
			return err == 1 ? 0 : err;
	}
}

int sockdiag_dump_open(const struct sockdiag_req *req, uint32_t seq, struct mnl_socket **out)
{
	char tx[8192];
	struct mnl_socket *nl;
	struct nlmsghdr *nlh;
	int err = 0;

	*out = NULL;
	if (req->family != AF_INET && req->family != AF_INET6 && req->family != AF_UNIX &&
	    req->family != AF_PACKET && !(req->family == AF_UNSPEC && req->protocol == IPPROTO_TCP))
		return -EINVAL;
	nlh = build_request(req, tx, sizeof(tx), seq);
	if (!nlh)
		return -E2BIG;
	nl = mnl_socket_open2(NETLINK_SOCK_DIAG, SOCK_CLOEXEC);
	if (!nl)
		return -errno;
	if (mnl_socket_bind(nl, 0, MNL_SOCKET_AUTOPID) < 0 ||
	    mnl_socket_sendto(nl, nlh, nlh->nlmsg_len) < 0) {
		err = -errno;
		mnl_socket_close(nl);
		return err;
	}
	diag_requests_count();
	*out = nl;
	return 0;
}

int sockdiag_dump(const struct sockdiag_req *req, sockdiag_sock_cb cb, sockdiag_raw_cb raw,
		  void *arg)
{
	uint32_t seq = (uint32_t)time(NULL);
	struct mnl_socket *nl;
	char *rx;
	int err;

	rx = malloc(SOCKDIAG_RX_SIZE);
	if (!rx)
		return -ENOMEM;
	err = sockdiag_dump_open(req, seq, &nl);
	if (!err) {
		err = dump_loop(nl, req, rx, seq, mnl_socket_get_portid(nl), cb, raw, arg);
		mnl_socket_close(nl);
	}
	free(rx);
	return err;
}
