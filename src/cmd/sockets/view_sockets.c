/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_sockets.c: the sockets columns, declared once, filled from a sock_rec. */
#include "config.h"

#include <arpa/inet.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/if_ether.h>
#include <linux/sock_diag.h>

#include "decode/names.h"
#include "diag/tcpinfo.h"
#include "cmd/sockets/view_sockets.h"

#define R FMT_RIGHT
#define L FMT_LEFT
#define D FMT_GROUP_DETAIL
/* Each group is one token so the docs test can read this table. */
#define NETID (SOCK_GRP_NETID | D)
#define NETNS SOCK_GRP_NETNS
#define PROC SOCK_GRP_PROC
/* The owners as text ("comm",pid=N,fd=N); JSON has them as an array, "processes". */
#define PROC_TEXT (SOCK_GRP_PROC | FMT_GROUP_TEXT)
/* The first owner's container id, else its cgroup; JSON has both in each "processes" entry. */
#define CGROUP_TEXT (SOCK_GRP_CGROUP | FMT_GROUP_TEXT)
#define EXT (SOCK_GRP_EXT | D)
#define TIMER SOCK_GRP_TIMER
#define MEM SOCK_GRP_MEM
#define INFO SOCK_GRP_INFO
#define INFOX SOCK_GRP_INFO_X

enum {
	C_NETNS, C_NETID, C_STATE, C_RECVQ, C_SENDQ, C_LOCAL, C_PEER,
	C_LADDR, C_LPORT, C_PADDR, C_PPORT,
	C_PROCESS, C_OWNER_CGROUP,
	C_DEV, C_UID, C_INODE, C_PEER_INODE, C_COOKIE, C_CGROUP, C_MARK, C_TOS, C_SHUTDOWN,
	C_TIMER, C_TIMER_EXP, C_TIMER_RETR,
	C_RMEM, C_RCVBUF, C_WMEM, C_SNDBUF, C_FWD, C_WQUEUED, C_OPTMEM, C_BACKLOG, C_DROPS,
	C_CONG, C_RTT, C_RTTVAR, C_RTO, C_ATO, C_MSS, C_RCV_MSS, C_ADVMSS, C_PMTU, C_CWND,
	C_SSTHRESH, C_SND_WS, C_RCV_WS, C_RETRANS, C_TOTAL_RETRANS, C_LOST, C_SACKED,
	C_UNACKED, C_REORDERING, C_BYTES_ACKED, C_BYTES_RECEIVED, C_BYTES_SENT, C_BYTES_RETRANS,
	C_SEGS_OUT, C_SEGS_IN, C_DATA_SEGS_OUT, C_DATA_SEGS_IN, C_DELIVERY_RATE, C_PACING_RATE,
	C_MAX_PACING_RATE, C_MIN_RTT, C_BUSY, C_RWND_LIMITED, C_SNDBUF_LIMITED, C_NOTSENT,
	C_LAST_SEND, C_LAST_RECV, C_LAST_ACK, C_RCV_RTT, C_RCV_SPACE, C_RCV_SSTHRESH,
	C_DELIVERED, C_DELIVERED_CE, C_DSACK_DUPS, C_REORD_SEEN, C_RCV_OOOPACK, C_SND_WND,
	C_APP_LIMITED,
	C_BBR_BW, C_BBR_MIN_RTT, C_BBR_PACING_GAIN, C_BBR_CWND_GAIN,
	C_DCTCP_CE_STATE, C_DCTCP_ALPHA, C_DCTCP_AB_ECN, C_DCTCP_AB_TOT,
	C_VEGAS_RTT, C_VEGAS_MIN_RTT, C_VEGAS_RTT_CNT,
	NCOLS
};

static const struct fmt_col sockets_cols[NCOLS] = {
	[C_NETNS] = { "netns", "Netns", FMT_STR, L, NETNS, 0 },
	[C_NETID] = { "netid", "Netid", FMT_STR, L, NETID, 0 },
	[C_STATE] = { "state", "State", FMT_STR, L, 0, 0 },
	[C_RECVQ] = { "recv_q", "Recv-Q", FMT_U64, R, 0, 0 },
	[C_SENDQ] = { "send_q", "Send-Q", FMT_U64, R, 0, 0 },
	[C_LOCAL] = { "local", "Local Address:Port", FMT_IPPORT, L, 0, 0 },
	[C_PEER] = { "peer", "Peer Address:Port", FMT_IPPORT, L, 0, 0 },
	[C_LADDR] = { "local_addr", "LADDR", FMT_STR, L, D, 0 },
	[C_LPORT] = { "local_port", "LPORT", FMT_U64, R, D, 0 },
	[C_PADDR] = { "peer_addr", "PADDR", FMT_STR, L, D, 0 },
	[C_PPORT] = { "peer_port", "PPORT", FMT_U64, R, D, 0 },
	[C_PROCESS] = { "process", "Process", FMT_STR, L, PROC_TEXT, 0 },
	[C_OWNER_CGROUP] = { "cgroup", "Cgroup", FMT_STR, L, CGROUP_TEXT, 0 },
	[C_DEV] = { "iface", "Dev", FMT_STR, L, EXT, 0 },
	[C_UID] = { "uid", "UID", FMT_U64, R, EXT, 0 },
	[C_INODE] = { "inode", "Inode", FMT_U64, R, EXT, 0 },
	[C_PEER_INODE] = { "peer_inode", "PeerInode", FMT_U64, R, EXT, 0 },
	[C_COOKIE] = { "cookie", "Cookie", FMT_U64, R, EXT, 0 },
	[C_CGROUP] = { "cgroup_id", "Cgroup", FMT_U64, R, EXT, 0 },
	[C_MARK] = { "fwmark", "Mark", FMT_U64, R, EXT, 0 },
	[C_TOS] = { "tos", "TOS", FMT_U64, R, EXT, 0 },
	[C_SHUTDOWN] = { "shutdown", "Shut", FMT_STR, L, EXT, 0 },
	[C_TIMER] = { "timer", "Timer", FMT_STR, L, TIMER, 0 },
	[C_TIMER_EXP] = { "timer_expires_us", "Expires", FMT_USEC, R, TIMER, 0 },
	[C_TIMER_RETR] = { "timer_retrans", "Retr", FMT_U64, R, TIMER, 0 },
	[C_RMEM] = { "rmem_alloc_bytes", "RMem", FMT_BYTES, R, MEM, 0 },
	[C_RCVBUF] = { "rcvbuf_bytes", "RcvBuf", FMT_BYTES, R, MEM, 0 },
	[C_WMEM] = { "wmem_alloc_bytes", "WMem", FMT_BYTES, R, MEM, 0 },
	[C_SNDBUF] = { "sndbuf_bytes", "SndBuf", FMT_BYTES, R, MEM, 0 },
	[C_FWD] = { "fwd_alloc_bytes", "FwdAlloc", FMT_BYTES, R, MEM, 0 },
	[C_WQUEUED] = { "wmem_queued_bytes", "WQueued", FMT_BYTES, R, MEM, 0 },
	[C_OPTMEM] = { "optmem_bytes", "OptMem", FMT_BYTES, R, MEM, 0 },
	[C_BACKLOG] = { "backlog_bytes", "Backlog", FMT_BYTES, R, MEM, 0 },
	[C_DROPS] = { "drops", "Drops", FMT_U64, R, MEM, 0 },
	[C_CONG] = { "cong", "Cong", FMT_STR, L, INFO, 0 },
	[C_RTT] = { "rtt_us", "RTT", FMT_USEC, R, INFO, 0 },
	[C_RTTVAR] = { "rttvar_us", "RTTVar", FMT_USEC, R, INFO, 0 },
	[C_RTO] = { "rto_us", "RTO", FMT_USEC, R, INFO, 0 },
	[C_ATO] = { "ato_us", "ATO", FMT_USEC, R, INFOX, 0 },
	[C_MSS] = { "mss", "MSS", FMT_U64, R, INFO, 0 },
	[C_RCV_MSS] = { "rcv_mss", "RcvMSS", FMT_U64, R, INFOX, 0 },
	[C_ADVMSS] = { "advmss", "AdvMSS", FMT_U64, R, INFOX, 0 },
	[C_PMTU] = { "pmtu", "PMTU", FMT_U64, R, INFO, 0 },
	[C_CWND] = { "cwnd", "Cwnd", FMT_U64, R, INFO, 0 },
	[C_SSTHRESH] = { "ssthresh", "SSThresh", FMT_U64, R, INFO, 0 },
	[C_SND_WS] = { "snd_wscale", "SndWS", FMT_U64, R, INFOX, 0 },
	[C_RCV_WS] = { "rcv_wscale", "RcvWS", FMT_U64, R, INFOX, 0 },
	[C_RETRANS] = { "retrans", "Retrans", FMT_U64, R, INFO, 0 },
	[C_TOTAL_RETRANS] = { "total_retrans", "TotRetr", FMT_U64, R, INFO, 0 },
	[C_LOST] = { "lost", "Lost", FMT_U64, R, INFO, 0 },
	[C_SACKED] = { "sacked", "Sacked", FMT_U64, R, INFOX, 0 },
	[C_UNACKED] = { "unacked", "Unacked", FMT_U64, R, INFOX, 0 },
	[C_REORDERING] = { "reordering", "Reord", FMT_U64, R, INFOX, 0 },
	[C_BYTES_ACKED] = { "bytes_acked", "Acked", FMT_BYTES, R, INFO, 0 },
	[C_BYTES_RECEIVED] = { "bytes_received", "Received", FMT_BYTES, R, INFO, 0 },
	[C_BYTES_SENT] = { "bytes_sent", "Sent", FMT_BYTES, R, INFO, 0 },
	[C_BYTES_RETRANS] = { "bytes_retrans", "RetrBytes", FMT_BYTES, R, INFO, 0 },
	[C_SEGS_OUT] = { "segs_out", "SegsOut", FMT_U64, R, INFO, 0 },
	[C_SEGS_IN] = { "segs_in", "SegsIn", FMT_U64, R, INFO, 0 },
	[C_DATA_SEGS_OUT] = { "data_segs_out", "DataOut", FMT_U64, R, INFOX, 0 },
	[C_DATA_SEGS_IN] = { "data_segs_in", "DataIn", FMT_U64, R, INFOX, 0 },
	[C_DELIVERY_RATE] = { "delivery_rate_bps", "Delivery", FMT_RATE, R, INFO, 0 },
	[C_PACING_RATE] = { "pacing_rate_bps", "Pacing", FMT_RATE, R, INFO, 0 },
	[C_MAX_PACING_RATE] = { "max_pacing_rate_bps", "MaxPacing", FMT_RATE, R, INFOX, 0 },
	[C_MIN_RTT] = { "min_rtt_us", "MinRTT", FMT_USEC, R, INFO, 0 },
	[C_BUSY] = { "busy_us", "Busy", FMT_USEC, R, INFO, 0 },
	[C_RWND_LIMITED] = { "rwnd_limited_us", "RwndLim", FMT_USEC, R, INFO, 0 },
	[C_SNDBUF_LIMITED] = { "sndbuf_limited_us", "SndbufLim", FMT_USEC, R, INFO, 0 },
	[C_NOTSENT] = { "notsent_bytes", "NotSent", FMT_BYTES, R, INFO, 0 },
	[C_LAST_SEND] = { "last_send_us", "LastSend", FMT_USEC, R, INFOX, 0 },
	[C_LAST_RECV] = { "last_recv_us", "LastRecv", FMT_USEC, R, INFOX, 0 },
	[C_LAST_ACK] = { "last_ack_us", "LastAck", FMT_USEC, R, INFOX, 0 },
	[C_RCV_RTT] = { "rcv_rtt_us", "RcvRTT", FMT_USEC, R, INFOX, 0 },
	[C_RCV_SPACE] = { "rcv_space_bytes", "RcvSpace", FMT_BYTES, R, INFOX, 0 },
	[C_RCV_SSTHRESH] = { "rcv_ssthresh", "RcvSSThr", FMT_U64, R, INFOX, 0 },
	[C_DELIVERED] = { "delivered", "Delivered", FMT_U64, R, INFOX, 0 },
	[C_DELIVERED_CE] = { "delivered_ce", "DeliveredCE", FMT_U64, R, INFOX, 0 },
	[C_DSACK_DUPS] = { "dsack_dups", "DSACKDups", FMT_U64, R, INFOX, 0 },
	[C_REORD_SEEN] = { "reord_seen", "ReordSeen", FMT_U64, R, INFOX, 0 },
	[C_RCV_OOOPACK] = { "rcv_ooopack", "RcvOOO", FMT_U64, R, INFOX, 0 },
	[C_SND_WND] = { "snd_wnd_bytes", "SndWnd", FMT_BYTES, R, INFOX, 0 },
	[C_APP_LIMITED] = { "app_limited", "AppLim", FMT_BOOL, L, INFOX, 0 },
	[C_BBR_BW] = { "bbr_bw_bps", "BBRBw", FMT_RATE, R, INFOX, 0 },
	[C_BBR_MIN_RTT] = { "bbr_min_rtt_us", "BBRMinRTT", FMT_USEC, R, INFOX, 0 },
	[C_BBR_PACING_GAIN] = { "bbr_pacing_gain", "BBRPacingGain", FMT_DOUBLE, R, INFOX, 0 },
	[C_BBR_CWND_GAIN] = { "bbr_cwnd_gain", "BBRCwndGain", FMT_DOUBLE, R, INFOX, 0 },
	[C_DCTCP_CE_STATE] = { "dctcp_ce_state", "DCTCPCE", FMT_U64, R, INFOX, 0 },
	[C_DCTCP_ALPHA] = { "dctcp_alpha", "DCTCPAlpha", FMT_U64, R, INFOX, 0 },
	[C_DCTCP_AB_ECN] = { "dctcp_ab_ecn_bytes", "DCTCPEcn", FMT_BYTES, R, INFOX, 0 },
	[C_DCTCP_AB_TOT] = { "dctcp_ab_tot_bytes", "DCTCPTot", FMT_BYTES, R, INFOX, 0 },
	[C_VEGAS_RTT] = { "vegas_rtt_us", "VegasRTT", FMT_USEC, R, INFOX, 0 },
	[C_VEGAS_MIN_RTT] = { "vegas_min_rtt_us", "VegasMinRTT", FMT_USEC, R, INFOX, 0 },
	[C_VEGAS_RTT_CNT] = { "vegas_rtt_cnt", "VegasCnt", FMT_U64, R, INFOX, 0 },
};

const struct fmt_view view_sockets = {
	.name = "sockets",
	.cols = sockets_cols,
	.ncols = NCOLS,
	/* Thousands of sockets: size the text columns on the first rows, then stream. */
	.measure_rows = 1000,
};

const size_t view_sockets_recvq_col = C_RECVQ;

static const char *ifname_of(const struct view_sockets_ctx *c, uint32_t ifindex, char *buf,
			     size_t len)
{
	const char *n = c->ifname ? c->ifname(ifindex, c->ifname_arg) : NULL;

	if (n)
		return n;
	snprintf(buf, len, "%u", ifindex);
	return buf;
}

/* Appends the decimal digits of v at p; the end. */
static char *put_uint(char *p, unsigned v)
{
	char tmp[10];
	size_t n = 0;

	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n)
		*p++ = tmp[--n];
	return p;
}

static char *put_str(char *p, const char *s)
{
	size_t n = strlen(s);

	memcpy(p, s, n);
	return p + n;
}

/*
 * "10.0.0.1:80", "[fe80::1%eth0]:22", "0.0.0.0:*" into out (INET6_ADDRSTRLEN +
 * IF_NAMESIZE + 10 bytes), the address alone into addr.  Built by hand: a
 * snapshot formats two of these per socket, and printf-style costs show there.
 */
static void inet_endpoint(const struct sock_rec *r, const uint8_t *a, unsigned port,
			  const char *dev, char *out, char *addr)
{
	char *p = out, *e;

	if (r->family == AF_INET) {
		e = addr;
		for (int i = 0; i < 4; i++) {
			e = put_uint(e, a[i]);
			*e++ = i < 3 ? '.' : '\0';
		}
	} else {
		inet_ntop(AF_INET6, a, addr, INET6_ADDRSTRLEN);
		*p++ = '[';
	}
	p = put_str(p, addr);
	if (dev) {
		*p++ = '%';
		p = put_str(p, dev);
	}
	if (r->family == AF_INET6)
		*p++ = ']';
	*p++ = ':';
	if (port)
		p = put_uint(p, port);
	else
		*p++ = '*';
	*p = '\0';
}

static void emit_inet(struct fmt *f, const struct sock_rec *r, const struct view_sockets_ctx *c)
{
	char ep[INET6_ADDRSTRLEN + IF_NAMESIZE + 16], addr[INET6_ADDRSTRLEN], ifbuf[IF_NAMESIZE];
	const char *dev = r->ifindex ? ifname_of(c, r->ifindex, ifbuf, sizeof(ifbuf)) : NULL;

	inet_endpoint(r, r->src, r->sport, dev, ep, addr);
	fmt_str(f, C_LOCAL, ep);
	fmt_str(f, C_LADDR, addr);
	fmt_u64(f, C_LPORT, r->sport);
	inet_endpoint(r, r->dst, r->dport, NULL, ep, addr);
	fmt_str(f, C_PEER, ep);
	fmt_str(f, C_PADDR, addr);
	fmt_u64(f, C_PPORT, r->dport);
	if (dev)
		fmt_str(f, C_DEV, dev);
}

/* A UNIX name: abstract ones start with NUL and are shown @name, as ss does. */
static void emit_unix(struct fmt *f, const struct sock_rec *r)
{
	char path[110], ep[140];
	size_t n = r->path_len < sizeof(path) - 1 ? r->path_len : sizeof(path) - 1;

	if (r->path && n) {
		memcpy(path, r->path, n);
		path[n] = '\0';
		for (size_t i = 0; i < n; i++)
			if (!path[i])
				path[i] = '@';
		/* A pathname's own NUL terminator (when the kernel counted it) is not shown. */
		if (path[0] != '@' && n > 1 && path[n - 1] == '@')
			path[n - 1] = '\0';
		fmt_str(f, C_LADDR, path);
	} else {
		strcpy(path, "*");
	}
	snprintf(ep, sizeof(ep), "%s:%llu", path, (unsigned long long)r->inode);
	fmt_str(f, C_LOCAL, ep);
	fmt_u64(f, C_LPORT, r->inode);
	if (r->has_peer && r->peer_inode) {
		snprintf(ep, sizeof(ep), "*:%llu", (unsigned long long)r->peer_inode);
		fmt_u64(f, C_PPORT, r->peer_inode);
	} else {
		strcpy(ep, "*");
	}
	fmt_str(f, C_PEER, ep);
	if (r->has_peer)
		fmt_u64(f, C_PEER_INODE, r->peer_inode);
}

static void emit_packet(struct fmt *f, const struct sock_rec *r,
			const struct view_sockets_ctx *c)
{
	char pbuf[8], ifbuf[16], ep[48];
	const char *proto = names_proto(r->packet_proto, 0, pbuf, sizeof(pbuf));
	const char *dev = r->ifindex ? ifname_of(c, r->ifindex, ifbuf, sizeof(ifbuf)) : "*";

	snprintf(ep, sizeof(ep), "%s:%s", proto, dev);
	fmt_str(f, C_LOCAL, ep);
	fmt_str(f, C_LADDR, proto);
	fmt_str(f, C_PEER, "*");
	if (r->ifindex)
		fmt_str(f, C_DEV, dev);
}

/* The first owner's container id (its first 12 digits, as docker ps shows it), else its cgroup. */
static void emit_owner_cgroup(struct fmt *f, const struct sock_rec *r,
			      const struct view_sockets_ctx *c)
{
	const char *path, *container;
	struct proc_owner o;
	char id[16];

	if (!c->cgroup || !fmt_is_shown(f, C_OWNER_CGROUP) || !procs_owner(c->procs, r->inode, 0, &o) ||
	    !c->cgroup(o.pid, c->cgroup_arg, &path, &container))
		return;
	if (container) {
		snprintf(id, sizeof(id), "%.12s", container);
		fmt_str(f, C_OWNER_CGROUP, id);
	} else {
		fmt_str(f, C_OWNER_CGROUP, path);
	}
}

/* ("comm",pid=N,fd=N) for each owner: the text column; JSON has the array (owners_details). */
static void emit_owners(struct fmt *f, const struct sock_rec *r, const struct procs *p)
{
	char buf[1024];
	struct proc_owner o;
	size_t n = 0, i;

	if (!fmt_is_shown(f, C_PROCESS))
		return;
	for (i = 0; procs_owner(p, r->inode, i, &o); i++) {
		int w = snprintf(buf + n, sizeof(buf) - n, "%s(\"%s\",pid=%d,fd=%d)", i ? "," : "",
				 o.comm, o.pid, o.fd);

		if (w < 0 || (size_t)w >= sizeof(buf) - n) {
			/* Past the buffer: the last complete owner ends the list. */
			buf[n] = '\0';
			break;
		}
		n += (size_t)w;
	}
	if (i)
		fmt_str(f, C_PROCESS, buf);
}

struct owners_ctx {
	const struct sock_rec *r;
	const struct view_sockets_ctx *c;
};

/* An owner's "cgroup" and "container_id" (top's): null when unknown or none. */
static void owner_cgroup_details(struct fmt_details *d, const struct view_sockets_ctx *c, int pid)
{
	const char *path = NULL, *container = NULL;

	if (!c->cgroup(pid, c->cgroup_arg, &path, &container))
		path = container = NULL;
	if (path)
		fmt_details_str(d, "cgroup", path);
	else
		fmt_details_null(d, "cgroup");
	if (container)
		fmt_details_str(d, "container_id", container);
	else
		fmt_details_null(d, "container_id");
}

/*
 * "processes": [{pid, comm, fd}] (with cgroup and container_id in top), every
 * owner (a socket is shared after fork); [] for none.
 */
static void owners_details(struct fmt_details *d, const void *arg)
{
	const struct owners_ctx *oc = arg;
	struct proc_owner o;

	fmt_details_array_begin(d, "processes");
	for (size_t i = 0; procs_owner(oc->c->procs, oc->r->inode, i, &o); i++) {
		fmt_details_object_begin(d, NULL);
		fmt_details_u64(d, "pid", (uint64_t)o.pid);
		fmt_details_str(d, "comm", o.comm);
		fmt_details_u64(d, "fd", (uint64_t)o.fd);
		if (oc->c->cgroup)
			owner_cgroup_details(d, oc->c, o.pid);
		fmt_details_object_end(d);
	}
	fmt_details_array_end(d);
}

static const char *const timer_names[] = { NULL, "on", "keepalive", "timewait", "persist" };
static const char *const shutdown_names[] = { "none", "recv", "send", "both" };

static void emit_ext(struct fmt *f, const struct sock_rec *r)
{
	if (r->has_uid)
		fmt_u64(f, C_UID, r->uid);
	fmt_u64(f, C_INODE, r->inode);
	fmt_u64(f, C_COOKIE, r->cookie);
	if (r->has_cgroup)
		fmt_u64(f, C_CGROUP, r->cgroup_id);
	if (r->has_mark)
		fmt_u64(f, C_MARK, r->mark);
	if (r->has_tos)
		fmt_u64(f, C_TOS, r->tos);
	if (r->has_shutdown)
		fmt_str(f, C_SHUTDOWN, shutdown_names[r->shutdown & 3]);
	if (r->family != AF_INET && r->family != AF_INET6)
		return;
	if (r->timer) {
		fmt_str(f, C_TIMER, r->timer < sizeof(timer_names) / sizeof(timer_names[0]) ?
				    timer_names[r->timer] : "unknown");
		fmt_u64(f, C_TIMER_EXP, (uint64_t)r->expires_ms * 1000);
		fmt_u64(f, C_TIMER_RETR, r->retrans);
	}
}

static void emit_mem(struct fmt *f, const struct sock_rec *r)
{
	static const size_t cols[SK_MEMINFO_VARS] = {
		[SK_MEMINFO_RMEM_ALLOC] = C_RMEM,	[SK_MEMINFO_RCVBUF] = C_RCVBUF,
		[SK_MEMINFO_WMEM_ALLOC] = C_WMEM,	[SK_MEMINFO_SNDBUF] = C_SNDBUF,
		[SK_MEMINFO_FWD_ALLOC] = C_FWD,		[SK_MEMINFO_WMEM_QUEUED] = C_WQUEUED,
		[SK_MEMINFO_OPTMEM] = C_OPTMEM,		[SK_MEMINFO_BACKLOG] = C_BACKLOG,
		[SK_MEMINFO_DROPS] = C_DROPS,
	};
	size_t n = r->skmem_len / 4;

	/* Old kernels send fewer fields; the missing ones stay unset. */
	for (size_t i = 0; r->skmem && i < n && i < SK_MEMINFO_VARS; i++) {
		uint32_t v;

		memcpy(&v, (const char *)r->skmem + 4 * i, 4);
		fmt_u64(f, cols[i], v);
	}
}

#define HAS(t, field) TCPINFO_HAS(t, field)

static void emit_tcpinfo(struct fmt *f, const struct tcpinfo *t)
{
	const struct tcp_info *ti = &t->ti;

	fmt_u64(f, C_RTT, ti->tcpi_rtt);
	fmt_u64(f, C_RTTVAR, ti->tcpi_rttvar);
	fmt_u64(f, C_RTO, ti->tcpi_rto);
	fmt_u64(f, C_ATO, ti->tcpi_ato);
	fmt_u64(f, C_MSS, ti->tcpi_snd_mss);
	fmt_u64(f, C_RCV_MSS, ti->tcpi_rcv_mss);
	fmt_u64(f, C_ADVMSS, ti->tcpi_advmss);
	fmt_u64(f, C_PMTU, ti->tcpi_pmtu);
	fmt_u64(f, C_CWND, ti->tcpi_snd_cwnd);
	/* Still at its initial "infinity" it means no loss yet, as ss hides it. */
	if (ti->tcpi_snd_ssthresh < 0xffff)
		fmt_u64(f, C_SSTHRESH, ti->tcpi_snd_ssthresh);
	fmt_u64(f, C_SND_WS, ti->tcpi_snd_wscale);
	fmt_u64(f, C_RCV_WS, ti->tcpi_rcv_wscale);
	fmt_u64(f, C_RETRANS, ti->tcpi_retrans);
	fmt_u64(f, C_TOTAL_RETRANS, ti->tcpi_total_retrans);
	fmt_u64(f, C_LOST, ti->tcpi_lost);
	fmt_u64(f, C_SACKED, ti->tcpi_sacked);
	fmt_u64(f, C_UNACKED, ti->tcpi_unacked);
	fmt_u64(f, C_REORDERING, ti->tcpi_reordering);
	fmt_u64(f, C_LAST_SEND, (uint64_t)ti->tcpi_last_data_sent * 1000);
	fmt_u64(f, C_LAST_RECV, (uint64_t)ti->tcpi_last_data_recv * 1000);
	fmt_u64(f, C_LAST_ACK, (uint64_t)ti->tcpi_last_ack_recv * 1000);
	fmt_u64(f, C_RCV_RTT, ti->tcpi_rcv_rtt);
	fmt_u64(f, C_RCV_SPACE, ti->tcpi_rcv_space);
	fmt_u64(f, C_RCV_SSTHRESH, ti->tcpi_rcv_ssthresh);
	fmt_bool(f, C_APP_LIMITED, ti->tcpi_delivery_rate_app_limited);
	/* ~0 is "unlimited": no pacing rate to show. */
	if (HAS(t, tcpi_pacing_rate) && ti->tcpi_pacing_rate != UINT64_MAX)
		fmt_double(f, C_PACING_RATE, (double)ti->tcpi_pacing_rate * 8);
	if (HAS(t, tcpi_max_pacing_rate) && ti->tcpi_max_pacing_rate != UINT64_MAX)
		fmt_double(f, C_MAX_PACING_RATE, (double)ti->tcpi_max_pacing_rate * 8);
	if (HAS(t, tcpi_bytes_received)) {
		fmt_u64(f, C_BYTES_ACKED, ti->tcpi_bytes_acked);
		fmt_u64(f, C_BYTES_RECEIVED, ti->tcpi_bytes_received);
	}
	if (HAS(t, tcpi_segs_in)) {
		fmt_u64(f, C_SEGS_OUT, ti->tcpi_segs_out);
		fmt_u64(f, C_SEGS_IN, ti->tcpi_segs_in);
	}
	if (HAS(t, tcpi_data_segs_out)) {
		fmt_u64(f, C_NOTSENT, ti->tcpi_notsent_bytes);
		/* 0 until the first RTT sample; ~0 also means none. */
		if (ti->tcpi_min_rtt && ti->tcpi_min_rtt != UINT32_MAX)
			fmt_u64(f, C_MIN_RTT, ti->tcpi_min_rtt);
		fmt_u64(f, C_DATA_SEGS_IN, ti->tcpi_data_segs_in);
		fmt_u64(f, C_DATA_SEGS_OUT, ti->tcpi_data_segs_out);
	}
	if (HAS(t, tcpi_delivery_rate))
		fmt_double(f, C_DELIVERY_RATE, (double)ti->tcpi_delivery_rate * 8);
	if (HAS(t, tcpi_sndbuf_limited)) {
		fmt_u64(f, C_BUSY, ti->tcpi_busy_time);
		fmt_u64(f, C_RWND_LIMITED, ti->tcpi_rwnd_limited);
		fmt_u64(f, C_SNDBUF_LIMITED, ti->tcpi_sndbuf_limited);
	}
	if (HAS(t, tcpi_delivered_ce)) {
		fmt_u64(f, C_DELIVERED, ti->tcpi_delivered);
		fmt_u64(f, C_DELIVERED_CE, ti->tcpi_delivered_ce);
	}
	if (HAS(t, tcpi_bytes_retrans)) {
		fmt_u64(f, C_BYTES_SENT, ti->tcpi_bytes_sent);
		fmt_u64(f, C_BYTES_RETRANS, ti->tcpi_bytes_retrans);
	}
	if (HAS(t, tcpi_reord_seen)) {
		fmt_u64(f, C_DSACK_DUPS, ti->tcpi_dsack_dups);
		fmt_u64(f, C_REORD_SEEN, ti->tcpi_reord_seen);
	}
	if (HAS(t, tcpi_rcv_ooopack))
		fmt_u64(f, C_RCV_OOOPACK, ti->tcpi_rcv_ooopack);
	if (HAS(t, tcpi_snd_wnd))
		fmt_u64(f, C_SND_WND, ti->tcpi_snd_wnd);
}

static void emit_cc(struct fmt *f, const struct tcpinfo_cc *cc)
{
	switch (cc->type) {
	case INET_DIAG_BBRINFO:
		fmt_double(f, C_BBR_BW, (double)tcpinfo_bbr_bw(&cc->bbr) * 8);
		fmt_u64(f, C_BBR_MIN_RTT, cc->bbr.bbr_min_rtt);
		fmt_double(f, C_BBR_PACING_GAIN, cc->bbr.bbr_pacing_gain / 256.0);
		fmt_double(f, C_BBR_CWND_GAIN, cc->bbr.bbr_cwnd_gain / 256.0);
		break;
	case INET_DIAG_DCTCPINFO:
		if (!cc->dctcp.dctcp_enabled)
			break;
		fmt_u64(f, C_DCTCP_CE_STATE, cc->dctcp.dctcp_ce_state);
		fmt_u64(f, C_DCTCP_ALPHA, cc->dctcp.dctcp_alpha);
		fmt_u64(f, C_DCTCP_AB_ECN, cc->dctcp.dctcp_ab_ecn);
		fmt_u64(f, C_DCTCP_AB_TOT, cc->dctcp.dctcp_ab_tot);
		break;
	case INET_DIAG_VEGASINFO:
		if (!cc->vegas.tcpv_enabled)
			break;
		fmt_u64(f, C_VEGAS_RTT, cc->vegas.tcpv_rtt);
		fmt_u64(f, C_VEGAS_MIN_RTT, cc->vegas.tcpv_minrtt);
		fmt_u64(f, C_VEGAS_RTT_CNT, cc->vegas.tcpv_rttcnt);
		break;
	}
}

void view_sockets_emit(struct fmt *f, const struct sock_rec *r, const struct view_sockets_ctx *c)
{
	struct tcpinfo ti;
	struct tcpinfo_cc cc;

	fmt_row_begin(f);
	if (c->netns)
		fmt_str(f, C_NETNS, c->netns);
	fmt_str(f, C_NETID, sockdiag_table_name(r->table));
	fmt_str(f, C_STATE, sockdiag_state_name(r->state));
	fmt_u64(f, C_RECVQ, r->rqueue);
	fmt_u64(f, C_SENDQ, r->wqueue);
	if (r->family == AF_UNIX)
		emit_unix(f, r);
	else if (r->family == AF_PACKET)
		emit_packet(f, r, c);
	else
		emit_inet(f, r, c);
	if (c->procs) {
		emit_owners(f, r, c->procs);
		emit_owner_cgroup(f, r, c);
	}
	emit_ext(f, r);
	emit_mem(f, r);
	if (r->cong)
		fmt_str(f, C_CONG, r->cong);
	/* INET_DIAG_INFO is a tcp_info only for TCP (MPTCP sends its own struct). */
	if (r->table == SOCKTAB_TCP && r->info && !tcpinfo_parse(r->info, r->info_len, &ti))
		emit_tcpinfo(f, &ti);
	if (r->cc_info && !tcpinfo_cc_parse(r->cc_info_type, r->cc_info, r->cc_info_len, &cc))
		emit_cc(f, &cc);
	if (c->procs) {
		struct owners_ctx oc = { .r = r, .c = c };

		fmt_row_end_details(f, owners_details, &oc);
	} else {
		fmt_row_end(f);
	}
}

/* ---- summary ------------------------------------------------------------------ */

/* The state columns follow enum sock_state from ESTABLISHED to CLOSING. */
enum {
	S_NETID, S_TOTAL, S_IPV4, S_IPV6,
	S_ESTABLISHED, S_SYN_SENT, S_SYN_RECV, S_FIN_WAIT1, S_FIN_WAIT2, S_TIME_WAIT,
	S_CLOSE, S_CLOSE_WAIT, S_LAST_ACK, S_LISTEN, S_CLOSING,
};

static const struct fmt_col summary_cols[] = {
	[S_NETID] = { "netid", "Netid", FMT_STR, L, 0, 0 },
	[S_TOTAL] = { "total", "Total", FMT_U64, R, 0, 0 },
	[S_IPV4] = { "ipv4", "IPv4", FMT_U64, R, 0, 0 },
	[S_IPV6] = { "ipv6", "IPv6", FMT_U64, R, 0, 0 },
	[S_ESTABLISHED] = { "established", "ESTAB", FMT_U64, R, 0, 0 },
	[S_SYN_SENT] = { "syn_sent", "SYN-SENT", FMT_U64, R, 0, 0 },
	[S_SYN_RECV] = { "syn_recv", "SYN-RECV", FMT_U64, R, 0, 0 },
	[S_FIN_WAIT1] = { "fin_wait1", "FIN-WAIT-1", FMT_U64, R, 0, 0 },
	[S_FIN_WAIT2] = { "fin_wait2", "FIN-WAIT-2", FMT_U64, R, 0, 0 },
	[S_TIME_WAIT] = { "time_wait", "TIME-WAIT", FMT_U64, R, 0, 0 },
	[S_CLOSE] = { "unconn", "UNCONN", FMT_U64, R, 0, 0 },
	[S_CLOSE_WAIT] = { "close_wait", "CLOSE-WAIT", FMT_U64, R, 0, 0 },
	[S_LAST_ACK] = { "last_ack", "LAST-ACK", FMT_U64, R, 0, 0 },
	[S_LISTEN] = { "listen", "LISTEN", FMT_U64, R, 0, 0 },
	[S_CLOSING] = { "closing", "CLOSING", FMT_U64, R, 0, 0 },
};

const struct fmt_view view_sockets_summary = {
	.name = "summary",
	.cols = summary_cols,
	.ncols = sizeof(summary_cols) / sizeof(summary_cols[0]),
};

void view_sockets_summary_add(struct sock_summary *s, const struct sock_rec *r)
{
	unsigned fam = r->family == AF_INET ? 1 : r->family == AF_INET6 ? 2 : 0;
	unsigned st = r->state == SOCK_ST_NEW_SYN_RECV ? SOCK_ST_SYN_RECV : r->state;

	if ((unsigned)r->table < SOCKTAB_COUNT && st < SOCK_ST_COUNT)
		s->count[r->table][fam][st]++;
}

/* Sums of one table (t < SOCKTAB_COUNT) or of all tables in mask. */
static void emit_summary_row(struct fmt *f, const struct sock_summary *s, const char *name,
			     unsigned mask)
{
	uint64_t fam[3] = { 0 }, st[SOCK_ST_COUNT] = { 0 };
	bool inet = false;

	for (unsigned t = 0; t < SOCKTAB_COUNT; t++) {
		if (!(mask & (1u << t)))
			continue;
		inet |= t <= SOCKTAB_SCTP;
		for (unsigned a = 0; a < 3; a++)
			for (unsigned k = 0; k < SOCK_ST_COUNT; k++) {
				fam[a] += s->count[t][a][k];
				st[k] += s->count[t][a][k];
			}
	}
	fmt_row_begin(f);
	fmt_str(f, S_NETID, name);
	fmt_u64(f, S_TOTAL, fam[0] + fam[1] + fam[2]);
	if (inet) {
		fmt_u64(f, S_IPV4, fam[1]);
		fmt_u64(f, S_IPV6, fam[2]);
	}
	for (unsigned k = SOCK_ST_ESTABLISHED; k <= SOCK_ST_CLOSING; k++)
		fmt_u64(f, S_ESTABLISHED + k - SOCK_ST_ESTABLISHED, st[k]);
	fmt_row_end(f);
}

void view_sockets_summary_emit(struct fmt *f, const struct sock_summary *s, unsigned tables)
{
	fmt_table_begin(f, &view_sockets_summary, 0);
	for (unsigned t = 0; t < SOCKTAB_COUNT; t++)
		if (tables & (1u << t))
			emit_summary_row(f, s, sockdiag_table_name(t), 1u << t);
	emit_summary_row(f, s, "total", tables);
	fmt_table_end(f);
}
