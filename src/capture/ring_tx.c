/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ring_tx.c: PACKET_TX_RING: frames filled in place, handed over in batches, kicked with send(). */
#include "config.h"

#include <errno.h>
#include <linux/if_packet.h>
#include <linux/virtio_net.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "capture/ring.h"
#include "capture/ring_tx.h"

#define RING_TX_DEFAULT_BYTES (4u << 20)
#define RING_TX_BLOCK_MAX (64u << 10)
#define CACHE_LINE 64u
#define STATUS_BUSY (TP_STATUS_SEND_REQUEST | TP_STATUS_SENDING | TP_STATUS_WRONG_FORMAT)
/*
 * With PACKET_VNET_HDR the kernel copies hdr_len bytes of each frame into the
 * skb's linear part instead of only the 14-byte link header.  The receiver then
 * finds the IP and transport headers linear (no pull), and a small packet needs
 * no page reference at all: on a veth pair that sends 64-byte frames about 1.4x
 * faster.  Bigger packets keep their payload as a page fragment (zero copy).
 */
#define RING_TX_LINEAR_MAX 128
#define VNET_LEN ((unsigned)sizeof(struct virtio_net_hdr))
#define ETH_HLEN 14
#define VLAN_HLEN 4

struct ring_tx {
	int fd;
	int version;		/* 2 or 3 */
	int ifindex;
	uint8_t *map;
	size_t map_len;
	unsigned block_size;
	unsigned frame_size;
	unsigned frames_per_block;
	unsigned frame_nr;
	unsigned mtu;
	bool vnet;		/* frames start with a virtio_net_hdr */
	/* Where tp_status, tp_len and the data are in a frame of this version. */
	unsigned status_off, len_off, data_off;
	unsigned head;		/* the next frame to fill */
	unsigned tail;		/* the oldest queued frame the kernel has not given back */
	unsigned pending;	/* frames from tail to head */
	struct ring_tx_stats st;
};

static uint8_t *frame_at(const struct ring_tx *r, unsigned i)
{
	return r->map + (size_t)(i / r->frames_per_block) * r->block_size +
	       (size_t)(i % r->frames_per_block) * r->frame_size;
}

static unsigned next_index(const struct ring_tx *r, unsigned i)
{
	return i + 1 == r->frame_nr ? 0 : i + 1;
}

static uint32_t frame_status(const struct ring_tx *r, const uint8_t *f)
{
	/* Acquire: once the kernel says available, it is done reading the frame. */
	return __atomic_load_n((const uint32_t *)(f + r->status_off), __ATOMIC_ACQUIRE);
}

static void frame_set_status(const struct ring_tx *r, uint8_t *f, uint32_t status)
{
	/* Release: the packet and its length are written before the kernel may take it. */
	__atomic_store_n((uint32_t *)(f + r->status_off), status, __ATOMIC_RELEASE);
}

/* tp_len: what the kernel sends, the virtio header included. */
static uint32_t frame_len(const struct ring_tx *r, const uint8_t *f)
{
	uint32_t len;

	memcpy(&len, f + r->len_off, sizeof(len));
	return len;
}

static void frame_set_len(const struct ring_tx *r, uint8_t *f, uint32_t len)
{
	memcpy(f + r->len_off, &len, sizeof(len));
}

static uint32_t packet_len(const struct ring_tx *r, const uint8_t *f)
{
	uint32_t len = frame_len(r, f);

	return r->vnet && len ? len - VNET_LEN : len;
}

static unsigned device_mtu(int ifindex)
{
	struct ifreq ifr;

	return ring_dev_ioctl(ifindex, SIOCGIFMTU, &ifr) ? 0 : (unsigned)ifr.ifr_mtu;
}

/*
 * Frames hold a header, then the packet at a fixed offset (no PACKET_TX_HAS_OFF).
 * They are as small as the largest packet allows, so small packets pack many to a
 * page, in whole cache lines: a frame never shares a line with its neighbour's
 * status word (about 3% more 64-byte frames per second on a veth than 16-byte
 * alignment).  Blocks are whole pages, up to 64 KiB, so the kernel finds them easily.
 */
static int size_ring(struct ring_tx *r, const struct ring_tx_opts *o)
{
	size_t total = o->ring_bytes ? o->ring_bytes : RING_TX_DEFAULT_BYTES;
	unsigned page = (unsigned)sysconf(_SC_PAGESIZE);
	unsigned lead = r->data_off + (r->vnet ? VNET_LEN : 0), blocks;

	if (o->max_len > (1u << 20))
		return -EINVAL;
	r->frame_size = lead + (o->max_len ? o->max_len : 1514);
	r->frame_size = (r->frame_size + CACHE_LINE - 1) & ~(CACHE_LINE - 1);
	r->block_size = page;
	while (r->block_size < r->frame_size)
		r->block_size <<= 1;
	while (r->block_size < RING_TX_BLOCK_MAX && r->block_size * 2 <= total)
		r->block_size <<= 1;
	r->frames_per_block = r->block_size / r->frame_size;
	blocks = (unsigned)(total / r->block_size);
	if (blocks < 1)
		blocks = 1;
	if (blocks > UINT32_MAX / r->frames_per_block)
		return -EINVAL;
	r->frame_nr = r->frames_per_block * blocks;
	if (r->frame_nr < 2)	/* one frame cannot be filled while the other is sent */
		return -EINVAL;
	r->map_len = (size_t)r->block_size * blocks;
	return 0;
}

static int setup_ring(struct ring_tx *r, const struct ring_tx_opts *o)
{
	struct tpacket_req3 req = { 0 };	/* V2 reads its leading tpacket_req part */
	socklen_t req_len = r->version == 3 ? sizeof(req) : sizeof(struct tpacket_req);
	int tpv = r->version == 3 ? TPACKET_V3 : TPACKET_V2, one = 1, err;

	if (setsockopt(r->fd, SOL_PACKET, PACKET_VERSION, &tpv, sizeof(tpv)) < 0)
		return -errno;
	/* An old kernel without it in tpacket_snd just sends frames as they are. */
	r->vnet = setsockopt(r->fd, SOL_PACKET, PACKET_VNET_HDR, &one, sizeof(one)) == 0;
	if (r->version == 3) {
		r->status_off = offsetof(struct tpacket3_hdr, tp_status);
		r->len_off = offsetof(struct tpacket3_hdr, tp_len);
		r->data_off = TPACKET3_HDRLEN - sizeof(struct sockaddr_ll);
	} else {
		r->status_off = offsetof(struct tpacket2_hdr, tp_status);
		r->len_off = offsetof(struct tpacket2_hdr, tp_len);
		r->data_off = TPACKET2_HDRLEN - sizeof(struct sockaddr_ll);
	}
	err = size_ring(r, o);
	if (err)
		return err;
	req.tp_block_size = r->block_size;
	req.tp_block_nr = (unsigned)(r->map_len / r->block_size);
	req.tp_frame_size = r->frame_size;
	req.tp_frame_nr = r->frame_nr;
	if (setsockopt(r->fd, SOL_PACKET, PACKET_TX_RING, &req, req_len) < 0)
		return -errno;
	r->map = ring_map(r->fd, r->map_len);
	return r->map ? 0 : -errno;
}

/*
 * Every frame in flight holds an skb charged to the socket's send buffer; the
 * default buffer (about 200 KiB) would stop a big ring a few hundred frames in.
 * Root may go past wmem_max; others get what SO_SNDBUF allows.
 */
static void size_sndbuf(struct ring_tx *r)
{
	size_t want = (size_t)r->frame_nr * (r->frame_size + 1024);
	int v = want > (256u << 20) ? (256 << 20) : (int)want;

	if (setsockopt(r->fd, SOL_SOCKET, SO_SNDBUFFORCE, &v, sizeof(v)) < 0)
		setsockopt(r->fd, SOL_SOCKET, SO_SNDBUF, &v, sizeof(v));
}

int ring_tx_open(struct ring_tx **out, const struct ring_tx_opts *o)
{
	struct ring_tx *r = calloc(1, sizeof(*r));
	/* Protocol 0: a TX-only socket takes no copy of the traffic it sends. */
	struct sockaddr_ll sll = { .sll_family = AF_PACKET, .sll_ifindex = o->ifindex };
	int one = 1, err;

	*out = NULL;
	if (!r)
		return -ENOMEM;
	r->fd = -1;
	r->ifindex = o->ifindex;
	r->version = o->version ? o->version : RING_TX_DEFAULT_VERSION;
	if (r->version != 2 && r->version != 3) {
		err = -EINVAL;
		goto fail;
	}
	r->fd = ring_socket(SOCK_RAW);
	if (r->fd < 0) {
		err = r->fd;
		goto fail;
	}
	/*
	 * No PACKET_LOSS: with it the kernel drops a frame it cannot send without a
	 * trace; without it the frame stays TP_STATUS_WRONG_FORMAT, send() fails,
	 * and ring_tx_kick counts the frame and takes it out of the ring.
	 */
	if (o->qdisc_bypass &&
	    setsockopt(r->fd, SOL_PACKET, PACKET_QDISC_BYPASS, &one, sizeof(one)) < 0) {
		err = -errno;
		goto fail;
	}
	err = setup_ring(r, o);
	if (err)
		goto fail;
	size_sndbuf(r);
	if (bind(r->fd, (struct sockaddr *)&sll, sizeof(sll)) < 0) {
		err = -errno;
		goto fail;
	}
	r->mtu = device_mtu(o->ifindex);
	*out = r;
	return 0;
fail:
	ring_tx_close(r);
	return err;
}

void ring_tx_close(struct ring_tx *r)
{
	if (!r)
		return;
	ring_unmap_close(r->fd, r->map, r->map_len);
	free(r);
}

int ring_tx_version(const struct ring_tx *r)
{
	return r->version;
}

unsigned ring_tx_frame_nr(const struct ring_tx *r)
{
	return r->frame_nr;
}

/* Takes back, in order, the frames the kernel is done with. */
static void reclaim(struct ring_tx *r)
{
	while (r->pending) {
		const uint8_t *f = frame_at(r, r->tail);

		if (frame_status(r, f) & STATUS_BUSY)
			break;
		r->st.sent++;
		r->st.bytes += packet_len(r, f);
		r->tail = next_index(r, r->tail);
		r->pending--;
	}
}

unsigned ring_tx_pending(struct ring_tx *r)
{
	reclaim(r);
	return r->pending;
}

uint8_t *ring_tx_frame(struct ring_tx *r, uint32_t *prev_len)
{
	uint8_t *f;

	if (r->pending == r->frame_nr)
		reclaim(r);
	if (r->pending == r->frame_nr)
		return NULL;
	f = frame_at(r, r->head);
	*prev_len = packet_len(r, f);
	return f + r->data_off + (r->vnet ? VNET_LEN : 0);
}

void ring_tx_commit(struct ring_tx *r, uint32_t len)
{
	uint8_t *f = frame_at(r, r->head);

	if (r->vnet) {
		/* Little endian (virtio 1.0): no GSO, no checksum offload, hdr_len bytes linear. */
		struct virtio_net_hdr vh = {
			.hdr_len = htole16(len < RING_TX_LINEAR_MAX ? len : RING_TX_LINEAR_MAX),
		};

		memcpy(f + r->data_off, &vh, sizeof(vh));
		len += VNET_LEN;
	}
	frame_set_len(r, f, len);
	frame_set_status(r, f, TP_STATUS_SEND_REQUEST);
	r->head = next_index(r, r->head);
	r->pending++;
	r->st.queued++;
}

/*
 * Takes queued frame BAD out of the ring.  The kernel's head does not move past
 * a frame it refused (TP_STATUS_WRONG_FORMAT), nor past one the device keeps
 * refusing, so close the gap by moving every later queued frame back one slot
 * (the kernel touches none of them outside send(), and this thread is the only
 * sender); the next kick sends the rest in order.  Rare, so the copying does
 * not matter.
 */
static void drop_frame(struct ring_tx *r, unsigned bad)
{
	unsigned i = bad, next = next_index(r, bad);

	for (; next != r->head; i = next, next = next_index(r, next)) {
		uint8_t *dst = frame_at(r, i), *src = frame_at(r, next);
		uint32_t len = frame_len(r, src);

		memcpy(dst + r->data_off, src + r->data_off, len);
		frame_set_len(r, dst, len);
		frame_set_status(r, dst, TP_STATUS_SEND_REQUEST);
	}
	/* The last queued slot is free again; its stale bytes stay, as in any free frame. */
	frame_set_status(r, frame_at(r, i), TP_STATUS_AVAILABLE);
	r->head = i;
	r->pending--;
	r->st.wrong_format++;
}

/* The first queued frame in one of the states in mask, or -1. */
static long find_frame(const struct ring_tx *r, uint32_t mask)
{
	unsigned i = r->tail;

	for (unsigned n = 0; n < r->pending; n++, i = next_index(r, i))
		if (frame_status(r, frame_at(r, i)) & mask)
			return i;
	return -1;
}

/*
 * With PACKET_VNET_HDR the kernel leaves the MTU check to us: a frame that
 * became too big because the MTU shrank is dropped by the device, and the kernel
 * offers it again and again (ENOBUFS).  Take it out as the kernel would have
 * refused it without the virtio header.  true when a frame went.
 */
static bool drop_oversized(struct ring_tx *r)
{
	long i = find_frame(r, TP_STATUS_SEND_REQUEST);
	const uint8_t *f, *pkt;
	unsigned limit;

	if (!r->vnet || i < 0)
		return false;
	r->mtu = device_mtu(r->ifindex);
	f = frame_at(r, (unsigned)i);
	pkt = f + r->data_off + VNET_LEN;
	limit = r->mtu + ETH_HLEN;
	if (packet_len(r, f) >= ETH_HLEN && pkt[12] == 0x81 && pkt[13] == 0x00)
		limit += VLAN_HLEN;
	if (!r->mtu || packet_len(r, f) <= limit)
		return false;
	drop_frame(r, (unsigned)i);
	return true;
}

/*
 * Never a blocking send(0): it sleeps until every frame in flight is back, and
 * when it was given nothing new to send it waits for them in a loop that does
 * not sleep at all.  Free frames are waited for in ring_tx_wait instead.
 */
int ring_tx_kick(struct ring_tx *r)
{
	long bad;

	for (;;) {
		r->st.kicks++;
		if (send(r->fd, NULL, 0, MSG_DONTWAIT) >= 0)
			break;
		if (errno == EINTR)
			continue;
		if (errno == EAGAIN || errno == ENOBUFS) {
			r->st.backoffs++;
			if (errno == ENOBUFS && drop_oversized(r))
				continue;
			break;
		}
		bad = find_frame(r, TP_STATUS_WRONG_FORMAT);
		if (bad < 0)
			return -errno;
		drop_frame(r, (unsigned)bad);
	}
	reclaim(r);
	return 0;
}

static void nap(long ns)
{
	struct timespec ts = { .tv_sec = 0, .tv_nsec = ns };

	nanosleep(&ts, NULL);
}

static uint64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

/*
 * poll() cannot wait for a free frame: a packet socket reports POLLOUT as long
 * as its send buffer has room, whatever the ring holds.  So look, kick again
 * what the device pushed back, and nap, from 10 us up to 1 ms between looks.
 */
int ring_tx_wait(struct ring_tx *r, int timeout_ms)
{
	uint64_t deadline = now_ms() + (uint64_t)timeout_ms;
	long ns = 10000;
	int err;

	reclaim(r);
	while (r->pending == r->frame_nr) {
		if (now_ms() >= deadline)
			return -ETIMEDOUT;
		nap(ns);
		if (ns < 1000000)
			ns *= 2;
		err = ring_tx_kick(r);
		if (err)
			return err;
	}
	return 0;
}

int ring_tx_drain(struct ring_tx *r, int timeout_ms)
{
	uint64_t deadline = now_ms() + (uint64_t)timeout_ms;
	long ns = 10000;
	int err;

	for (;;) {
		err = ring_tx_kick(r);
		if (err)
			return err;
		if (!r->pending)
			return 0;
		if (now_ms() >= deadline)
			return -ETIMEDOUT;
		nap(ns);
		if (ns < 1000000)
			ns *= 2;
	}
}

void ring_tx_stats(const struct ring_tx *r, struct ring_tx_stats *s)
{
	*s = r->st;
}
