/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ring_rx.c: TPACKET_V3 receive ring: filter before bind, blocks walked in place, stats after. */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <linux/membarrier.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <pcap/dlt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "capture/ring.h"
#include "capture/ring_rx.h"
#include "decode/pkt_meta.h"

/*
 * Headroom the kernel leaves in front of each packet (PACKET_RESERVE): room to
 * put back a VLAN tag the NIC stripped (4 bytes), or to write the 20-byte SLL2
 * header of a cooked packet, without copying the packet anywhere else.
 */
#define SLL2_HDR_LEN 20
#define VLAN_TAG_LEN 4
#define RING_RESERVE SLL2_HDR_LEN

struct ring_rx {
	int fd;
	uint8_t *map;
	size_t map_len;
	unsigned block_size;
	unsigned block_nr;
	unsigned cur;		/* the block to look at next */
	bool cooked;		/* SOCK_DGRAM: build an SLL2 header per packet */
};

/* The device's ARPHRD_* type decides between a raw link header and cooked capture. */
static int device_hatype(int ifindex)
{
	struct ifreq ifr;
	int err = ring_dev_ioctl(ifindex, SIOCGIFHWADDR, &ifr);

	return err ? err : ifr.ifr_hwaddr.sa_family;
}

/* Round the ring to a whole number of blocks of a power-of-two size the kernel accepts. */
static void size_ring(struct ring_rx *r, const struct ring_rx_opts *o)
{
	size_t total = o->ring_bytes ? o->ring_bytes : 32u << 20;
	unsigned bs = 1u << 20;	/* 1 MiB blocks: fewer wakeups; the timeout retires idle ones */
	long page = sysconf(_SC_PAGESIZE);

	/* A block must hold at least one maximal packet plus headers. */
	while (bs < o->snaplen + 512u)
		bs <<= 1;
	while (total / bs < 4 && bs > (unsigned)page * 2 && bs / 2 >= o->snaplen + 512u)
		bs >>= 1;
	r->block_size = bs;
	r->block_nr = total / bs < 2 ? 2 : (unsigned)(total / bs);
}

/*
 * Tests the kernel runs before the program, as libpcap adds them: the
 * loopback hands each packet to packet sockets twice, once leaving
 * (PACKET_OUTGOING) and once arriving, so on a loopback device (-i lo, and
 * -i any, which sees lo too) the leaving copy is refused.  -Q out keeps only
 * PACKET_OUTGOING.  Packet type and device type are ancillary loads.  The
 * program's jumps are relative: it needs no change behind them.
 */
static const struct sock_filter no_lo_outgoing[] = {
	BPF_STMT(BPF_LD | BPF_W | BPF_ABS, SKF_AD_OFF + SKF_AD_HATYPE),
	BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, ARPHRD_LOOPBACK, 0, 3),
	BPF_STMT(BPF_LD | BPF_W | BPF_ABS, SKF_AD_OFF + SKF_AD_PKTTYPE),
	BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, PACKET_OUTGOING, 0, 1),
	BPF_STMT(BPF_RET | BPF_K, 0),
};
static const struct sock_filter only_outgoing[] = {
	BPF_STMT(BPF_LD | BPF_W | BPF_ABS, SKF_AD_OFF + SKF_AD_PKTTYPE),
	BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, PACKET_OUTGOING, 1, 0),
	BPF_STMT(BPF_RET | BPF_K, 0),
};

#define NO_LO_OUTGOING_LEN (sizeof(no_lo_outgoing) / sizeof(no_lo_outgoing[0]))
#define ONLY_OUTGOING_LEN (sizeof(only_outgoing) / sizeof(only_outgoing[0]))

/* f (NULL: take everything, snaplen bytes) behind the tests asked for; NULL when out of memory. */
static struct sock_filter *prepend_tests(const struct sock_fprog *f, unsigned snaplen, bool no_lo,
					 bool out_only, unsigned short *len)
{
	unsigned short n = f ? f->len : 1, head = 0;
	struct sock_filter *prog;

	prog = calloc(NO_LO_OUTGOING_LEN + ONLY_OUTGOING_LEN + n, sizeof(*prog));
	if (!prog)
		return NULL;
	if (no_lo) {
		memcpy(prog, no_lo_outgoing, sizeof(no_lo_outgoing));
		head += NO_LO_OUTGOING_LEN;
	}
	if (out_only) {
		memcpy(prog + head, only_outgoing, sizeof(only_outgoing));
		head += ONLY_OUTGOING_LEN;
	}
	if (f)
		memcpy(prog + head, f->filter, n * sizeof(*prog));
	else
		prog[head] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, snaplen);
	*len = head + n;
	return prog;
}

/* Whether the ring sees loopback traffic: the "any" device, or a loopback device. */
static bool sees_loopback(int ifindex)
{
	return !ifindex || device_hatype(ifindex) == ARPHRD_LOOPBACK;
}

static int attach_filter(int fd, const struct ring_rx_opts *o)
{
	struct sock_fprog prog;
	struct sock_filter *owned = NULL;
	bool no_lo = sees_loopback(o->ifindex), out_only = o->dir == RING_RX_OUT;
	int err = 0;

	if (no_lo || out_only) {
		owned = prepend_tests(o->filter, o->snaplen, no_lo, out_only, &prog.len);
		if (!owned)
			return -ENOMEM;
		prog.filter = owned;
	} else if (o->filter) {
		prog = *o->filter;
	} else {
		return 0;
	}
	if (setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &prog, sizeof(prog)) < 0)
		err = -errno;
	free(owned);
	return err;
}

static int setup_ring(struct ring_rx *r, const struct ring_rx_opts *o)
{
	int version = TPACKET_V3, reserve = RING_RESERVE;
	struct tpacket_req3 req = { 0 };

	if (setsockopt(r->fd, SOL_PACKET, PACKET_VERSION, &version, sizeof(version)) < 0)
		return -errno;
	if (setsockopt(r->fd, SOL_PACKET, PACKET_RESERVE, &reserve, sizeof(reserve)) < 0)
		return -errno;
	size_ring(r, o);
	req.tp_block_size = r->block_size;
	req.tp_block_nr = r->block_nr;
	/* V3 packs packets of any size into blocks; frames only satisfy the kernel's sanity checks. */
	req.tp_frame_size = TPACKET_ALIGNMENT << 7;
	req.tp_frame_nr = (r->block_size / req.tp_frame_size) * r->block_nr;
	req.tp_retire_blk_tov = o->block_timeout_ms ? o->block_timeout_ms : 10;
	req.tp_feature_req_word = 0;
	if (setsockopt(r->fd, SOL_PACKET, PACKET_RX_RING, &req, sizeof(req)) < 0)
		return -errno;
	r->map_len = (size_t)r->block_size * r->block_nr;
	r->map = ring_map(r->fd, r->map_len);
	return r->map ? 0 : -errno;
}

static int bind_and_join(struct ring_rx *r, const struct ring_rx_opts *o)
{
	struct sockaddr_ll sll = {
		.sll_family = AF_PACKET,
		.sll_protocol = htons(ETH_P_ALL),
		.sll_ifindex = o->ifindex,
	};

	if (o->promisc && o->ifindex) {
		struct packet_mreq mr = { .mr_ifindex = o->ifindex, .mr_type = PACKET_MR_PROMISC };

		/* Membership ends with the socket: no promiscuous mode left behind on a crash. */
		if (setsockopt(r->fd, SOL_PACKET, PACKET_ADD_MEMBERSHIP, &mr, sizeof(mr)) < 0)
			return -errno;
	}
	if (bind(r->fd, (struct sockaddr *)&sll, sizeof(sll)) < 0)
		return -errno;
	if (o->fanout_group > 0) {
		int arg = (o->fanout_group & 0xffff) | (o->fanout_mode << 16);

		if (setsockopt(r->fd, SOL_PACKET, PACKET_FANOUT, &arg, sizeof(arg)) < 0)
			return -errno;
	}
	return 0;
}

int ring_rx_linktype_of(int ifindex)
{
	int hatype;

	if (!ifindex)
		return DLT_LINUX_SLL2;
	hatype = device_hatype(ifindex);
	if (hatype < 0)
		return hatype;
	/* Devices without an Ethernet header are captured cooked (SOCK_DGRAM). */
	return hatype == ARPHRD_ETHER || hatype == ARPHRD_LOOPBACK ? DLT_EN10MB : DLT_LINUX_SLL2;
}

int ring_rx_open(struct ring_rx **out, const struct ring_rx_opts *o)
{
	struct ring_rx *r = calloc(1, sizeof(*r));
	int linktype = ring_rx_linktype_of(o->ifindex), err;

	*out = NULL;
	if (!r)
		return -ENOMEM;
	r->fd = -1;
	if (linktype < 0) {
		err = linktype;
		goto fail;
	}
	r->cooked = linktype == DLT_LINUX_SLL2;
	/* Protocol 0: the socket receives nothing until bind, after the filter is in place. */
	r->fd = ring_socket(r->cooked ? SOCK_DGRAM : SOCK_RAW);
	if (r->fd < 0) {
		err = r->fd;
		goto fail;
	}
	err = attach_filter(r->fd, o);
	if (err)
		goto fail;
	if (o->dir == RING_RX_IN) {
		int one = 1;

		if (setsockopt(r->fd, SOL_PACKET, PACKET_IGNORE_OUTGOING, &one, sizeof(one)) < 0) {
			err = -errno;
			goto fail;
		}
	}
	err = setup_ring(r, o);
	if (err)
		goto fail;
	err = bind_and_join(r, o);
	if (err)
		goto fail;
	*out = r;
	return 0;
fail:
	ring_rx_close(r);
	return err;
}

void ring_rx_close(struct ring_rx *r)
{
	if (!r)
		return;
	ring_unmap_close(r->fd, r->map, r->map_len);
	free(r);
}

int ring_rx_fd(const struct ring_rx *r)
{
	return r->fd;
}

unsigned ring_rx_block_size(const struct ring_rx *r)
{
	return r->block_size;
}

bool ring_rx_next_block(struct ring_rx *r, struct ring_block *b)
{
	struct tpacket_block_desc *bd = (void *)(r->map + (size_t)r->cur * r->block_size);

	/* Acquire: the block's contents are visible once its status says user. */
	if (!(__atomic_load_n(&bd->hdr.bh1.block_status, __ATOMIC_ACQUIRE) & TP_STATUS_USER))
		return false;
	b->base = (uint8_t *)bd;
	b->num_pkts = bd->hdr.bh1.num_pkts;
	b->next = 0;
	b->cur = b->base + bd->hdr.bh1.offset_to_first_pkt;
	b->end = b->base + r->block_size;
	b->cooked = r->cooked;
	b->idx = r->cur;
	return true;
}

/* Writes the SLL2 header (protocol, ifindex, hatype, pkttype, address) right before data. */
static void put_sll2(uint8_t *hdr, const struct sockaddr_ll *sll)
{
	uint32_t ifindex = htonl((uint32_t)sll->sll_ifindex);
	uint16_t hatype = htons(sll->sll_hatype);

	memcpy(hdr, &sll->sll_protocol, 2);
	memset(hdr + 2, 0, 2);
	memcpy(hdr + 4, &ifindex, 4);
	memcpy(hdr + 8, &hatype, 2);
	hdr[10] = sll->sll_pkttype;
	hdr[11] = sll->sll_halen > 8 ? 8 : sll->sll_halen;
	memset(hdr + 12, 0, 8);
	memcpy(hdr + 12, sll->sll_addr, hdr[11]);
}

bool ring_block_next(struct ring_block *b, struct ring_pkt *p)
{
	struct tpacket3_hdr *h;
	const struct sockaddr_ll *sll;
	uint8_t *data;

	if (b->next >= b->num_pkts)
		return false;
	h = (void *)b->cur;
	/* The kernel wrote these offsets; still never step outside the block. */
	if ((uint8_t *)h + sizeof(*h) > b->end || h->tp_mac + (size_t)h->tp_snaplen >
	    (size_t)(b->end - (uint8_t *)h) || h->tp_mac < TPACKET_ALIGN(sizeof(*h)) + sizeof(*sll))
		return false;
	sll = (const void *)((uint8_t *)h + TPACKET_ALIGN(sizeof(*h)));
	data = (uint8_t *)h + h->tp_mac;
	p->caplen = h->tp_snaplen;
	p->wirelen = h->tp_len;
	p->ts_ns = (uint64_t)h->tp_sec * 1000000000ull + h->tp_nsec;
	p->ifindex = sll->sll_ifindex;
	p->pkttype = sll->sll_pkttype;
	p->protocol = ntohs(sll->sll_protocol);
	p->csum_hint = h->tp_status & TP_STATUS_CSUMNOTREADY ? PKT_CSUM_HINT_NOT_READY :
		       h->tp_status & TP_STATUS_CSUM_VALID    ? PKT_CSUM_HINT_VALID :
								PKT_CSUM_HINT_NONE;
	if (b->cooked) {
		data -= SLL2_HDR_LEN;
		put_sll2(data, sll);
		p->caplen += SLL2_HDR_LEN;
		p->wirelen += SLL2_HDR_LEN;
	} else if ((h->tp_status & TP_STATUS_VLAN_VALID) && p->caplen >= 12) {
		/* The NIC (or veth) took the tag off: put it back where tcpdump users expect it. */
		uint16_t tpid = (h->tp_status & TP_STATUS_VLAN_TPID_VALID) ? h->hv1.tp_vlan_tpid
									    : ETH_P_8021Q;
		uint16_t tag[2] = { htons(tpid), htons((uint16_t)h->hv1.tp_vlan_tci) };

		memmove(data - VLAN_TAG_LEN, data, 12);
		data -= VLAN_TAG_LEN;
		memcpy(data + 12, tag, VLAN_TAG_LEN);
		p->caplen += VLAN_TAG_LEN;
		p->wirelen += VLAN_TAG_LEN;
	}
	p->data = data;
	b->next++;
	b->cur += h->tp_next_offset;
	return true;
}

void ring_rx_release(struct ring_rx *r, struct ring_block *b)
{
	struct tpacket_block_desc *bd = (void *)b->base;

	/*
	 * The kernel zeroes the count when it opens the block again; zero it now so
	 * that ring_rx_pending never counts packets already walked while the kernel
	 * has not reopened it yet (a frozen queue waits for the next packet).
	 */
	__atomic_store_n(&bd->hdr.bh1.num_pkts, 0, __ATOMIC_RELAXED);
	/* Release: everything we read from the block happens before the kernel may reuse it. */
	__atomic_store_n(&bd->hdr.bh1.block_status, TP_STATUS_KERNEL, __ATOMIC_RELEASE);
	r->cur = (b->idx + 1) % r->block_nr;
}

uint32_t ring_rx_pending(const struct ring_rx *r)
{
	struct tpacket_block_desc *bd = (void *)(r->map + (size_t)r->cur * r->block_size);

	/* The kernel counts packets into the open block as it fills it (prb_fill_curr_block). */
	if (__atomic_load_n(&bd->hdr.bh1.block_status, __ATOMIC_ACQUIRE) & TP_STATUS_USER)
		return 0;
	return __atomic_load_n(&bd->hdr.bh1.num_pkts, __ATOMIC_RELAXED);
}

uint64_t ring_rx_left(const struct ring_rx *r)
{
	uint64_t n = 0;

	/*
	 * Blocks handed to us and not yet released hold their count; the block the
	 * kernel is filling holds its own; the others are 0: the kernel zeroes a
	 * block when it opens it, ring_rx_release when it hands it back.
	 */
	for (unsigned i = 0; i < r->block_nr; i++) {
		struct tpacket_block_desc *bd = (void *)(r->map + (size_t)i * r->block_size);

		(void)__atomic_load_n(&bd->hdr.bh1.block_status, __ATOMIC_ACQUIRE);
		n += __atomic_load_n(&bd->hdr.bh1.num_pkts, __ATOMIC_RELAXED);
	}
	return n;
}

int ring_rx_end_intake(struct ring_rx *r)
{
	static const struct sock_filter reject[] = { BPF_STMT(BPF_RET | BPF_K, 0) };
	struct sock_fprog none = { .len = 1, .filter = (struct sock_filter *)reject };

	/*
	 * A filter that refuses everything: the kernel counts no packet its filter
	 * refused, and it works on fanout members and sockets whose device is gone
	 * alike.  (Binding again cannot do it: protocol 0 in bind means "keep the
	 * current one", and a fanout member may not bind at all.)
	 */
	if (setsockopt(r->fd, SOL_SOCKET, SO_ATTACH_FILTER, &none, sizeof(none)) < 0)
		return -errno;
	return 0;
}

void ring_rx_settle(void)
{
	struct timespec ts = { .tv_nsec = 20 * 1000000 };

	/*
	 * A packet already past the old filter on another CPU still goes into the
	 * ring.  Packet delivery runs inside RCU read-side sections, so one grace
	 * period (membarrier's GLOBAL command is synchronize_rcu) waits for all of
	 * them.  Refused (nohz_full, old kernels): a pause that outlasts them.
	 */
	if (syscall(__NR_membarrier, MEMBARRIER_CMD_GLOBAL, 0, 0) < 0)
		nanosleep(&ts, NULL);
}

int ring_rx_error(struct ring_rx *r)
{
	socklen_t len = sizeof(int);
	int err = 0;

	if (getsockopt(r->fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0)
		return -errno;
	return -err;
}

int ring_rx_stats(struct ring_rx *r, struct ring_rx_stats *s)
{
	struct tpacket_stats_v3 st;
	socklen_t len = sizeof(st);

	if (getsockopt(r->fd, SOL_PACKET, PACKET_STATISTICS, &st, &len) < 0)
		return -errno;
	s->packets += st.tp_packets;
	s->drops += st.tp_drops;
	s->freeze_q += st.tp_freeze_q_cnt;
	return 0;
}
