/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sockdiag.h: socket dumps over NETLINK_SOCK_DIAG (inet, unix, packet) as a stream of sock_rec. */
#ifndef SOCKEYE_SOCKDIAG_H
#define SOCKEYE_SOCKDIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The socket tables, ss's netids. */
enum sock_table {
	SOCKTAB_TCP,
	SOCKTAB_UDP,
	SOCKTAB_RAW,
	SOCKTAB_MPTCP,
	SOCKTAB_SCTP,
	SOCKTAB_UNIX_STREAM,
	SOCKTAB_UNIX_DGRAM,
	SOCKTAB_UNIX_SEQPACKET,
	SOCKTAB_PACKET_RAW,
	SOCKTAB_PACKET_DGRAM,
	SOCKTAB_COUNT,
};

/* TCP_* states as sock_diag numbers them (unix and udp use ESTABLISHED, CLOSE, LISTEN). */
enum sock_state {
	SOCK_ST_UNKNOWN,
	SOCK_ST_ESTABLISHED,
	SOCK_ST_SYN_SENT,
	SOCK_ST_SYN_RECV,
	SOCK_ST_FIN_WAIT1,
	SOCK_ST_FIN_WAIT2,
	SOCK_ST_TIME_WAIT,
	SOCK_ST_CLOSE,
	SOCK_ST_CLOSE_WAIT,
	SOCK_ST_LAST_ACK,
	SOCK_ST_LISTEN,
	SOCK_ST_CLOSING,
	SOCK_ST_NEW_SYN_RECV,	/* the kernel's request socket; shown as SYN-RECV */
	SOCK_ST_COUNT,
};
#define SOCK_STATES_ALL ((1u << SOCK_ST_COUNT) - 1)

/* What a dump asks the kernel for beyond the basic columns. */
enum {
	SOCKDIAG_WANT_INFO = 1u << 0,	/* tcp_info (mptcp_info), congestion control and its info */
	SOCKDIAG_WANT_MEM = 1u << 1,	/* skmeminfo */
	SOCKDIAG_WANT_EXT = 1u << 2,	/* tos/tclass and shutdown (inet), uid (unix) */
};

/* One dump: a family and (inet) a protocol. */
struct sockdiag_req {
	/* AF_INET, AF_INET6, AF_UNIX, AF_PACKET; AF_UNSPEC: TCP of both families in one walk */
	uint8_t family;
	uint16_t protocol;	/* inet: IPPROTO_TCP, _UDP, _RAW, _SCTP or _MPTCP; else 0 */
	uint32_t states;	/* bit per enum sock_state; packet sockets have none */
	unsigned want;		/* SOCKDIAG_WANT_* */
	const void *bytecode;	/* inet: the kernel-side filter (INET_DIAG_REQ_BYTECODE), or NULL */
	size_t bytecode_len;
};

/*
 * One socket.  Pointers point into the message it came from and live only
 * during the callback; every one was checked to lie inside that message.
 */
struct sock_rec {
	enum sock_table table;
	uint8_t family;			/* AF_INET, AF_INET6, AF_UNIX, AF_PACKET */
	uint8_t state;			/* enum sock_state */
	uint32_t rqueue, wqueue;	/* Recv-Q, Send-Q; listeners: accept queue and backlog */
	uint8_t src[16], dst[16];	/* inet: network order, IPv4 in the first 4 bytes */
	uint16_t sport, dport;		/* inet: host order (raw: the protocol) */
	uint32_t ifindex;		/* inet: bound device or scope; packet: bound interface */
	uint64_t inode;
	uint64_t cookie;
	uint32_t uid;
	bool has_uid;
	/* inet */
	uint8_t timer;			/* 0 none, 1 retransmit, 2 keepalive, 3 time-wait, 4 probe */
	uint8_t retrans;
	uint32_t expires_ms;
	bool has_mark, has_tos, has_shutdown, has_cgroup;
	uint32_t mark;
	uint8_t tos;			/* tos (IPv4) or traffic class (IPv6) */
	uint8_t shutdown;		/* bit 0: no more receives, bit 1: no more sends */
	uint64_t cgroup_id;
	const char *cong;		/* congestion control name, NUL-terminated, or NULL */
	const void *info;		/* INET_DIAG_INFO payload (tcp_info for tcp) */
	size_t info_len;
	uint16_t cc_info_type;		/* INET_DIAG_VEGASINFO, _DCTCPINFO, _BBRINFO or 0 */
	const void *cc_info;
	size_t cc_info_len;
	/* all families with SOCKDIAG_WANT_MEM */
	const void *skmem;		/* SK_MEMINFO_* u32 array, possibly short (old kernels) */
	size_t skmem_len;
	/* unix */
	const char *path;		/* sun_path bytes (abstract names start with NUL), or NULL */
	size_t path_len;
	uint64_t peer_inode;
	bool has_peer;
	/* packet */
	uint16_t packet_proto;		/* ethertype the socket is bound to, host order */
};

/* ss's netid of a table: "tcp", "u_str", "p_raw", ... */
const char *sockdiag_table_name(enum sock_table t);
/* ss's state name ("ESTAB", "LISTEN", "UNCONN", ...). */
const char *sockdiag_state_name(unsigned state);

/* Called for each socket; non-zero stops the dump and becomes its result. */
typedef int (*sockdiag_sock_cb)(const struct sock_rec *r, void *arg);
/* Called for each datagram received, before its sockets; for recording. */
typedef int (*sockdiag_raw_cb)(const struct sockdiag_req *req, const void *buf, size_t len,
			       void *arg);

/*
 * Dumps one table in the current network namespace, streaming: each reply
 * datagram is checked (port id, sequence, lengths), parsed and handed out,
 * never accumulated.  0, a callback's non-zero result, or -errno: -ENOENT
 * when the kernel has no diag module for the family or protocol, -EINVAL
 * when it rejects the bytecode, -EPERM when the bytecode needs CAP_NET_ADMIN
 * (a mark condition), -EBADMSG on a malformed reply.
 */
int sockdiag_dump(const struct sockdiag_req *req, sockdiag_sock_cb cb, sockdiag_raw_cb raw,
		  void *arg);

/*
 * The same dump received by a thread of its own, so the kernel fills the
 * next datagrams while the caller parses and prints the last ones, or while
 * it reads another dump.  start sends the request in the current namespace
 * and returns at once; up to max_queued datagrams (0: no limit) wait for
 * finish, which hands them out in order as sockdiag_dump would (raw, then
 * the sockets to cb, on the caller's thread only), waits for the rest and
 * frees the dump; cancel frees it unread.  Results as sockdiag_dump's.
 */
/*
 * A netlink socket in the current namespace with req's dump request sent on it
 * (sockdiag_dump and the threaded dump's receiver read it); 0 or -errno.
 */
struct mnl_socket;
/* The kernel caps a dump datagram at 32 KiB (libmnl's MNL_SOCKET_DUMP_SIZE): a receive buffer. */
#define SOCKDIAG_RX_SIZE 32768
int sockdiag_dump_open(const struct sockdiag_req *req, uint32_t seq, struct mnl_socket **out);
struct sockdiag_async;
int sockdiag_dump_start(const struct sockdiag_req *req, size_t max_queued,
			struct sockdiag_async **out);
int sockdiag_dump_finish(struct sockdiag_async *a, sockdiag_sock_cb cb, sockdiag_raw_cb raw,
			 void *arg);
void sockdiag_dump_cancel(struct sockdiag_async *a);

/*
 * Parses one datagram of a dump for req (every message and attribute length
 * validated); seq and portid 0 skip those checks (replay).  0 more to come,
 * 1 when NLMSG_DONE ended the dump, a callback's non-zero result, or -errno:
 * -EBADMSG malformed, the kernel's error from NLMSG_ERROR or a failed NLMSG_DONE.
 * buf must be 4-byte aligned (-EINVAL otherwise), as a recv buffer is.
 */
int sockdiag_parse(const struct sockdiag_req *req, const void *buf, size_t len, uint32_t seq,
		   uint32_t portid, sockdiag_sock_cb cb, void *arg);

#endif
