/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_socks.c: column schema of the packet sockets panel, filled from packet_diag. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <linux/packet_diag.h>

#include "cmd/top/view_packet_socks.h"
#include "decode/names.h"

#define R FMT_RIGHT
#define L FMT_LEFT
#define D FMT_GROUP_DETAIL
/* The owner for people; JSON has it as "processes": [{pid, comm, fd}]. */
#define T FMT_GROUP_TEXT

enum {
	PS_PID, PS_COMM, PS_IFACE, PS_IFINDEX, PS_TYPE, PS_PROTO, PS_VERSION,
	PS_RX_RING, PS_RX_BLOCK_SIZE, PS_RX_BLOCK_NR, PS_RX_FRAME_SIZE, PS_RX_FRAME_NR,
	PS_RX_TMO, PS_TX_RING, PS_FANOUT, PS_FANOUT_ID, PS_FANOUT_MODE, PS_RMEM, PS_RCVBUF,
	PS_DROPS, PS_DROPS_RATE, PS_FILTER, PS_UID, PS_INODE, PS_RUNNING,
};
static const struct fmt_col packet_socks_cols[] = {
	[PS_PID] = { "pid", "PID", FMT_U64, R, T, 0 },
	[PS_COMM] = { "comm", "COMM", FMT_STR, L, T, 0 },
	[PS_IFACE] = { "iface", "IFACE", FMT_STR, L, 0, 0 },
	[PS_IFINDEX] = { "ifindex", "IDX", FMT_U64, R, D, 0 },
	[PS_TYPE] = { "type", "TYPE", FMT_STR, L, 0, 0 },
	[PS_PROTO] = { "proto", "PROTO", FMT_STR, L, 0, 0 },
	[PS_VERSION] = { "tpacket_version", "TPV", FMT_U64, R, 0, 0 },
	[PS_RX_RING] = { "rx_ring_bytes", "RX_RING", FMT_BYTES, R, 0, 0 },
	[PS_RX_BLOCK_SIZE] = { "rx_block_size", "RX_BLOCK", FMT_U64, R, D, 0 },
	[PS_RX_BLOCK_NR] = { "rx_block_nr", "RX_BLOCKS", FMT_U64, R, D, 0 },
	[PS_RX_FRAME_SIZE] = { "rx_frame_size", "RX_FRAME", FMT_U64, R, D, 0 },
	[PS_RX_FRAME_NR] = { "rx_frame_nr", "RX_FRAMES", FMT_U64, R, D, 0 },
	[PS_RX_TMO] = { "rx_retire_tmo_ms", "RX_TMO_MS", FMT_U64, R, D, 0 },
	[PS_TX_RING] = { "tx_ring_bytes", "TX_RING", FMT_BYTES, R, 0, 0 },
	[PS_FANOUT] = { "fanout", "FANOUT", FMT_STR, L, FMT_GROUP_TEXT, 0 },
	[PS_FANOUT_ID] = { "fanout_id", "FANOUT_ID", FMT_U64, R, D, 0 },
	[PS_FANOUT_MODE] = { "fanout_mode", "FANOUT_MODE", FMT_STR, L, D, 0 },
	[PS_RMEM] = { "rmem_alloc", "RMEM", FMT_BYTES, R, 0, 0 },
	[PS_RCVBUF] = { "rcvbuf", "RCVBUF", FMT_BYTES, R, D, 0 },
	[PS_DROPS] = { "sk_drops", "SK_DROPS", FMT_U64, R, 0, 0 },
	[PS_DROPS_RATE] = { "sk_drops_per_s", "SK_DROPS/s", FMT_RATE, R, 0, 0 },
	[PS_FILTER] = { "filter_insns", "FILTER", FMT_U64, R, 0, 0 },
	[PS_UID] = { "uid", "UID", FMT_U64, R, D, 0 },
	[PS_INODE] = { "inode", "INODE", FMT_U64, R, D, 0 },
	[PS_RUNNING] = { "running", "RUNNING", FMT_BOOL, L, D, 0 },
};
/*
 * The title says what the kernel does not tell: a ring's own drops
 * (tp_drops) reach only its owner, through PACKET_STATISTICS.
 */
const struct fmt_view view_packet_socks = {
	.name = "packet_sockets",
	.title = "packet sockets (SK_DROPS: socket queue; a ring's drops only its owner sees)",
	.cols = packet_socks_cols,
	.ncols = sizeof(packet_socks_cols) / sizeof(packet_socks_cols[0]),
};

static const char *fanout_mode_name(uint16_t mode, char *buf, size_t len)
{
	static const char *const names[] = {
		[PACKET_FANOUT_HASH] = "hash", [PACKET_FANOUT_LB] = "lb",
		[PACKET_FANOUT_CPU] = "cpu", [PACKET_FANOUT_ROLLOVER] = "rollover",
		[PACKET_FANOUT_RND] = "random", [PACKET_FANOUT_QM] = "qm",
		[PACKET_FANOUT_CBPF] = "cbpf", [PACKET_FANOUT_EBPF] = "ebpf",
	};

	if (mode < sizeof(names) / sizeof(names[0]))
		return names[mode];
	snprintf(buf, len, "%u", mode);
	return buf;
}

static void emit_rings(struct fmt *f, const struct packet_sock *ps)
{
	if (ps->has_rx_ring) {
		const struct packet_ring_cfg *r = &ps->rx_ring;

		fmt_u64(f, PS_RX_RING, packet_diag_ring_bytes(r));
		fmt_u64(f, PS_RX_BLOCK_SIZE, r->block_size);
		fmt_u64(f, PS_RX_BLOCK_NR, r->block_nr);
		fmt_u64(f, PS_RX_FRAME_SIZE, r->frame_size);
		fmt_u64(f, PS_RX_FRAME_NR, r->frame_nr);
		if (ps->version == TPACKET_V3)
			fmt_u64(f, PS_RX_TMO, r->retire_tmo_ms);
	}
	if (ps->has_tx_ring)
		fmt_u64(f, PS_TX_RING, packet_diag_ring_bytes(&ps->tx_ring));
	/* The version is the socket's; it matters once a ring is mapped. */
	if (ps->has_info && (ps->has_rx_ring || ps->has_tx_ring))
		fmt_u64(f, PS_VERSION, ps->version + 1);
}

static void emit_sock(struct fmt *f, const struct packet_sock *ps, const struct packet_sock *pp,
		      const struct kstat_sample *cur, double secs)
{
	char buf[48], buf2[16];

	if (ps->pid > 0) {
		fmt_u64(f, PS_PID, (uint64_t)ps->pid);
		fmt_str(f, PS_COMM, ps->comm);
	}
	if (ps->has_info) {
		const struct link_stat *l = links_find(&cur->links, (int)ps->ifindex);

		fmt_u64(f, PS_IFINDEX, ps->ifindex);
		/* Bound to no interface: it sees every one, like tcpdump -i any. */
		if (!ps->ifindex)
			fmt_str(f, PS_IFACE, "any");
		else if (l)
			fmt_str(f, PS_IFACE, l->name);
		fmt_bool(f, PS_RUNNING, ps->flags & PDI_RUNNING);
	}
	fmt_str(f, PS_TYPE, ps->type == SOCK_DGRAM ? "dgram" : ps->type == SOCK_RAW ? "raw" :
			    "other");
	fmt_str(f, PS_PROTO, names_proto(ps->proto, 0, buf, sizeof(buf)));
	emit_rings(f, ps);
	if (ps->has_fanout) {
		const char *mode = fanout_mode_name(ps->fanout_mode, buf2, sizeof(buf2));

		snprintf(buf, sizeof(buf), "%s/%u", mode, ps->fanout_id);
		fmt_str(f, PS_FANOUT, buf);
		fmt_u64(f, PS_FANOUT_ID, ps->fanout_id);
		fmt_str(f, PS_FANOUT_MODE, mode);
	}
	if (ps->has_meminfo) {
		fmt_u64(f, PS_RMEM, ps->rmem_alloc);
		fmt_u64(f, PS_RCVBUF, ps->rcvbuf);
		fmt_u64(f, PS_DROPS, ps->drops);
		if (pp && pp->has_meminfo && secs > 0 && ps->drops >= pp->drops)
			fmt_double(f, PS_DROPS_RATE, (double)(ps->drops - pp->drops) / secs);
		if (pp && pp->has_meminfo && ps->drops != pp->drops) {
			fmt_mark(f, PS_DROPS);
			fmt_mark(f, PS_DROPS_RATE);
		}
	}
	if (ps->filter_known)
		fmt_u64(f, PS_FILTER, ps->filter_insns);
	if (ps->has_uid)
		fmt_u64(f, PS_UID, ps->uid);
	fmt_u64(f, PS_INODE, ps->ino);
}

/*
 * "processes": the owner, in the shape the sockets view has; a recording keeps
 * one owner a socket and not its fd, so fd is null.  [] when none was found.
 */
static void owners_details(struct fmt_details *d, const void *arg)
{
	const struct packet_sock *ps = arg;

	fmt_details_array_begin(d, "processes");
	if (ps->pid > 0) {
		fmt_details_object_begin(d, NULL);
		fmt_details_u64(d, "pid", (uint64_t)ps->pid);
		fmt_details_str(d, "comm", ps->comm);
		fmt_details_null(d, "fd");
		fmt_details_object_end(d);
	}
	fmt_details_array_end(d);
}

void view_packet_socks_emit(struct fmt *f, const struct kstat_sample *prev,
			    const struct kstat_sample *cur, unsigned groups)
{
	bool rates = prev && (prev->parts & KSTAT_PACKET) && cur->mono_ns > prev->mono_ns;
	double secs = rates ? (double)(cur->mono_ns - prev->mono_ns) / 1e9 : 0;

	fmt_table_begin(f, &view_packet_socks, groups);
	for (unsigned i = 0; (cur->parts & KSTAT_PACKET) && i < cur->packet.n; i++) {
		const struct packet_sock *ps = &cur->packet.socks[i];
		/* The same socket, not a new one on a reused inode number. */
		const struct packet_sock *pp;

		pp = rates ? packet_diag_find(&prev->packet, ps->ino) : NULL;
		if (pp && pp->cookie != ps->cookie)
			pp = NULL;
		fmt_row_begin(f);
		emit_sock(f, ps, pp, cur, secs);
		fmt_row_end_details(f, owners_details, ps);
	}
	fmt_table_end(f);
}
