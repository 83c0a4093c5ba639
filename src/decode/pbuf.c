/* SPDX-License-Identifier: GPL-2.0-or-later */
/* pbuf.c: number and address formatting for pbuf, without printf. */
#include "config.h"

#include <stdbool.h>

#include "decode/names_ether.h"
#include "decode/names_host.h"
#include "decode/pbuf.h"

static const char pbuf_digits[] = "0123456789abcdef";

/* Two digits per division: numbers are most of a summary line. */
static const char pbuf_pairs[] =
	"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	"8081828384858687888990919293949596979899";

void pbuf_u32(struct pbuf *b, uint32_t v)
{
	char tmp[10];
	size_t i = sizeof(tmp);

	if (v < 10) {
		pbuf_putc(b, (char)('0' + v));
		return;
	}
	while (v >= 100) {
		i -= 2;
		memcpy(tmp + i, pbuf_pairs + 2 * (v % 100), 2);
		v /= 100;
	}
	if (v >= 10) {
		i -= 2;
		memcpy(tmp + i, pbuf_pairs + 2 * v, 2);
	} else {
		tmp[--i] = (char)('0' + v);
	}
	pbuf_put(b, tmp + i, sizeof(tmp) - i);
}

void pbuf_hex(struct pbuf *b, uint32_t v, unsigned width)
{
	char tmp[8];
	size_t i = sizeof(tmp);

	do {
		tmp[--i] = pbuf_digits[v & 0xf];
		v >>= 4;
	} while (v);
	while (i > 0 && sizeof(tmp) - i < width)
		tmp[--i] = '0';
	pbuf_put(b, tmp + i, sizeof(tmp) - i);
}

void pbuf_hex_bytes(struct pbuf *b, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		pbuf_hex(b, p[i], 2);
}

void pbuf_hex64(struct pbuf *b, const uint8_t *p)
{
	uint32_t hi = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
	uint32_t lo = (uint32_t)p[4] << 24 | (uint32_t)p[5] << 16 | (uint32_t)p[6] << 8 | p[7];

	if (hi) {
		pbuf_hex(b, hi, 1);
		pbuf_hex(b, lo, 8);
	} else {
		pbuf_hex(b, lo, 1);
	}
}

static void pbuf_ip4_numeric(struct pbuf *b, const uint8_t a[4])
{
	for (int i = 0; i < 4; i++) {
		if (i)
			pbuf_putc(b, '.');
		pbuf_u32(b, a[i]);
	}
}

/* A name from the cache only: the lookup itself runs on the resolver's thread, never here. */
static bool pbuf_host(struct pbuf *b, unsigned family, const uint8_t *a)
{
	const char *name = b->hosts ? host_names_get(b->hosts, family, a) : NULL;

	if (name)
		pbuf_puts(b, name);
	return name;
}

void pbuf_ip4(struct pbuf *b, const uint8_t a[4])
{
	if (!pbuf_host(b, 4, a))
		pbuf_ip4_numeric(b, a);
}

void pbuf_ip6(struct pbuf *b, const uint8_t a[16])
{
	uint16_t w[8];
	int best = -1, best_len = 0;

	if (pbuf_host(b, 6, a))
		return;
	for (int i = 0; i < 8; i++)
		w[i] = (uint16_t)(a[2 * i] << 8 | a[2 * i + 1]);
	/* The first longest run of two or more zero groups becomes "::". */
	for (int i = 0; i < 8;) {
		int j = i;

		while (j < 8 && w[j] == 0)
			j++;
		if (j - i > best_len && j - i >= 2) {
			best = i;
			best_len = j - i;
		}
		i = j > i ? j : i + 1;
	}
	for (int i = 0; i < 8; i++) {
		if (best >= 0 && i >= best && i < best + best_len) {
			if (i == best)
				pbuf_putc(b, ':');
			continue;
		}
		if (i)
			pbuf_putc(b, ':');
		/* ::a.b.c.d and ::ffff:a.b.c.d keep their IPv4 form */
		if (i == 6 && best == 0 && (best_len == 6 || (best_len == 5 && w[5] == 0xffff))) {
			pbuf_ip4_numeric(b, a + 12);
			return;
		}
		pbuf_hex(b, w[i], 1);
	}
	if (best >= 0 && best + best_len == 8)
		pbuf_putc(b, ':');
}

void pbuf_hwaddr(struct pbuf *b, const uint8_t *a, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (i)
			pbuf_putc(b, ':');
		pbuf_putc(b, pbuf_digits[a[i] >> 4]);
		pbuf_putc(b, pbuf_digits[a[i] & 0xf]);
	}
}

void pbuf_mac(struct pbuf *b, const uint8_t a[6])
{
	const char *name = b->hosts ? names_ether(a) : NULL;

	if (name) {
		pbuf_puts(b, name);
		return;
	}
	pbuf_hwaddr(b, a, 6);
	/* tcpdump without -n names the address's vendor, as far as it knows it */
	if (b->hosts) {
		name = names_oui((uint32_t)a[0] << 16 | (uint32_t)a[1] << 8 | a[2]);
		pbuf_puts(b, " (oui ");
		pbuf_puts(b, name ? name : "Unknown");
		pbuf_putc(b, ')');
	}
}

void pbuf_u64(struct pbuf *b, uint64_t v)
{
	char tmp[20];
	size_t i = sizeof(tmp);

	if (v <= UINT32_MAX) {
		pbuf_u32(b, (uint32_t)v);
		return;
	}
	while (v) {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	}
	pbuf_put(b, tmp + i, sizeof(tmp) - i);
}
