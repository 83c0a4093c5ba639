/* SPDX-License-Identifier: GPL-2.0-or-later */
/* pbuf.h: append text, numbers and addresses to a fixed buffer, locale-free. */
#ifndef SOCKEYE_PBUF_H
#define SOCKEYE_PBUF_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/*
 * Writes stop at the buffer's end but n keeps counting, so the caller learns
 * the length the whole text needs (as with snprintf) without a second pass.
 * These replace printf on the per-packet path: no locale, no format parsing.
 */
struct host_names;

struct pbuf {
	char *p;   /* next write position */
	char *end; /* the byte kept for the terminating NUL */
	size_t n;  /* length of the whole text, written or not */
	/*
	 * Host names for pbuf_ip4/pbuf_ip6: a text line without -n sets it, so
	 * that every address a printer writes (ARP's, an ICMP quote's, a DNS
	 * answer's...) is named as tcpdump names them; NULL prints numbers.
	 */
	struct host_names *hosts;
};

static inline void pbuf_init(struct pbuf *b, char *buf, size_t len)
{
	b->p = buf;
	b->end = len ? buf + len - 1 : buf;
	b->n = 0;
	b->hosts = NULL;
}

static inline void pbuf_putc(struct pbuf *b, char ch)
{
	if (b->p < b->end)
		*b->p++ = ch;
	b->n++;
}

static inline void pbuf_put(struct pbuf *b, const char *s, size_t len)
{
	size_t room = (size_t)(b->end - b->p);
	size_t k = len < room ? len : room;

	memcpy(b->p, s, k);
	b->p += k;
	b->n += len;
}

static inline void pbuf_puts(struct pbuf *b, const char *s)
{
	pbuf_put(b, s, strlen(s));
}

/* NUL-terminate (when the buffer has a byte at all); returns the full length. */
static inline size_t pbuf_finish(struct pbuf *b, size_t len)
{
	if (len)
		*b->p = '\0';
	return b->n;
}

void pbuf_u32(struct pbuf *b, uint32_t v);
/* Lower-case hex, zero-padded to at least width digits. */
void pbuf_hex(struct pbuf *b, uint32_t v, unsigned width);
/* n bytes as two lower-case hex digits each, no separator. */
void pbuf_hex_bytes(struct pbuf *b, const uint8_t *p, size_t n);
/* The big-endian 64-bit number at p as "%" PRIx64 prints it. */
void pbuf_hex64(struct pbuf *b, const uint8_t *p);
/* v in decimal, as "%" PRIu64 prints it (DCCP's 48-bit and MPTCP's 64-bit numbers). */
void pbuf_u64(struct pbuf *b, uint64_t v);
/* The address's host name when b->hosts knows it already, else dotted quad. */
void pbuf_ip4(struct pbuf *b, const uint8_t a[4]);
/* The host name when b->hosts knows it, else RFC 5952 text as inet_ntop writes it. */
void pbuf_ip6(struct pbuf *b, const uint8_t a[16]);
/*
 * A MAC address as "xx:xx:xx:xx:xx:xx"; when b->hosts is set (no -n), as
 * tcpdump: its /etc/ethers name or "Broadcast", else the address and
 * " (oui VENDOR)".
 */
void pbuf_mac(struct pbuf *b, const uint8_t a[6]);
/* len bytes as colon-separated hex pairs (link-layer addresses of any size). */
void pbuf_hwaddr(struct pbuf *b, const uint8_t *a, size_t len);

#endif /* SOCKEYE_PBUF_H */
