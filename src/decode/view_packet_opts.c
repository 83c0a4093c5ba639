/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_opts.c: JSON for IP and TCP options and the -v checksum verdicts of a packet. */
#include "config.h"

#include <arpa/inet.h>

#include "decode/view_packet_opts.h"

static const char *const csum_names[PKT_CSUM_COUNT] = {
	[PKT_CSUM_UNCHECKED] = "unchecked",
	[PKT_CSUM_OK] = "ok",
	[PKT_CSUM_BAD] = "bad",
	[PKT_CSUM_OFFLOAD] = "offload",
	[PKT_CSUM_KERNEL] = "kernel",
	[PKT_CSUM_ABSENT] = "absent",
};

void view_packet_csum(struct fmt_details *d, const struct pkt_level *l, uint16_t csum)
{
	fmt_details_u64(d, "csum", csum);
	if (l->csum == PKT_CSUM_UNCHECKED || l->csum >= PKT_CSUM_COUNT)
		return;
	fmt_details_str(d, "csum_status", csum_names[l->csum]);
	if (l->csum == PKT_CSUM_OK || l->csum == PKT_CSUM_BAD)
		fmt_details_bool(d, "csum_ok", l->csum == PKT_CSUM_OK);
	if (l->csum == PKT_CSUM_BAD)
		fmt_details_u64(d, "csum_expected", l->csum_good);
}

/* Bytes as lowercase hex, at most 40 of them (a TCP option's data). */
static void put_hex(struct fmt_details *d, const char *key, const uint8_t *p, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	char buf[80];

	if (n > sizeof(buf) / 2)
		n = sizeof(buf) / 2;
	for (size_t i = 0; i < n; i++) {
		buf[2 * i] = hex[p[i] >> 4];
		buf[2 * i + 1] = hex[p[i] & 15];
	}
	fmt_details_str_len(d, key, buf, 2 * n);
}

static uint64_t get_be(const uint8_t *p, size_t n)
{
	uint64_t v = 0;

	for (size_t i = 0; i < n; i++)
		v = v << 8 | p[i];
	return v;
}

static bool is_tfo_len(size_t n)
{
	return n == 0 || (n % 2 == 0 && n >= 4 && n <= 16);
}

static void put_mptcp(struct fmt_details *d, const uint8_t *p, size_t n)
{
	static const char *const subtypes[] = {
		"capable", "join", "dss",	 "add_addr", "remove_addr",
		"prio",	   "fail", "fast_close", "tcprst",
	};
	unsigned sub;

	if (!n)
		return;
	sub = p[0] >> 4;
	fmt_details_object_begin(d, "mptcp");
	if (sub < sizeof(subtypes) / sizeof(subtypes[0]))
		fmt_details_str(d, "subtype", subtypes[sub]);
	fmt_details_u64(d, "subtype_id", sub);
	if (sub == 0 && n >= 2) {
		fmt_details_u64(d, "version", p[0] & 0xf);
		fmt_details_bool(d, "csum", p[1] & 0x80);
		if (n >= 10)
			fmt_details_u64(d, "sender_key", get_be(p + 2, 8));
		if (n >= 18)
			fmt_details_u64(d, "receiver_key", get_be(p + 10, 8));
	}
	fmt_details_object_end(d);
}

/*
 * Whether an option has typed fields: those pkt_tcp has (mss, wscale, sackOK,
 * sack, TS), and here md5, tcp-ao, mptcp and tfo when their lengths fit.
 */
static bool tcp_opt_typed(unsigned kind, const uint8_t *p, size_t n)
{
	switch (kind) {
	case 0:
	case 1:
	case 2:
	case 3:
	case 4:
	case 5:
	case 8:
		return true;
	case 19:
		return n == 16;
	case 29:
		return n >= 2;
	case 30:
		return n >= 1;
	case 34:
		return is_tfo_len(n);
	case 254: /* RFC 6994 experiment: TFO before it had kind 34 */
		return n >= 2 && get_be(p, 2) == 0xf989 && is_tfo_len(n - 2);
	default:
		return false;
	}
}

/* md5_sig, tcp_ao, mptcp, tfo_cookie, then the rest as kind and data in other_opts. */
void view_packet_tcp_opts(struct fmt_details *d, const struct pkt_tcp *t)
{
	bool other = false;

	for (unsigned i = 0; i < t->n_opts && i < PKT_TCP_MAX_OPTS; i++) {
		const struct pkt_tcp_opt *o = &t->opts[i];
		const uint8_t *p = t->opt_data + o->off;
		size_t n = o->len > 2 ? o->len - 2u : 0;

		if (!tcp_opt_typed(o->kind, p, n)) {
			other = true;
			continue;
		}
		switch (o->kind) {
		case 19:
			put_hex(d, "md5_sig", p, n);
			break;
		case 29:
			fmt_details_object_begin(d, "tcp_ao");
			fmt_details_u64(d, "keyid", p[0]);
			fmt_details_u64(d, "rnextkeyid", p[1]);
			put_hex(d, "mac", p + 2, n - 2);
			fmt_details_object_end(d);
			break;
		case 30:
			put_mptcp(d, p, n);
			break;
		case 34:
			put_hex(d, "tfo_cookie", p, n);
			break;
		case 254:
			put_hex(d, "tfo_cookie", p + 2, n - 2);
			break;
		default:
			break;
		}
	}
	if (!other)
		return;
	fmt_details_array_begin(d, "other_opts");
	for (unsigned i = 0; i < t->n_opts && i < PKT_TCP_MAX_OPTS; i++) {
		const struct pkt_tcp_opt *o = &t->opts[i];
		const uint8_t *p = t->opt_data + o->off;
		size_t n = o->len > 2 ? o->len - 2u : 0;

		if (tcp_opt_typed(o->kind, p, n))
			continue;
		fmt_details_object_begin(d, NULL);
		fmt_details_u64(d, "kind", o->kind);
		put_hex(d, "data", p, n);
		fmt_details_object_end(d);
	}
	fmt_details_array_end(d);
}

/* IPv4 options: kind and length each; addresses of the route options, router alert's value. */
void view_packet_ipv4_opts(struct fmt_details *d, const struct pkt_ipv4 *ip)
{
	size_t left = ip->opt_len < sizeof(ip->opts) ? ip->opt_len : sizeof(ip->opts);
	const uint8_t *p = ip->opts;
	size_t len;

	fmt_details_array_begin(d, "options");
	for (; left; p += len, left -= len) {
		fmt_details_object_begin(d, NULL);
		fmt_details_u64(d, "kind", p[0]);
		/* EOL and NOP are one byte; the others carry their length */
		len = p[0] <= 1 ? 1 : left > 1 ? p[1] : 0;
		if ((p[0] > 1 && len < 2) || len > left) {
			fmt_details_bool(d, "invalid", true);
			fmt_details_object_end(d);
			break;
		}
		fmt_details_u64(d, "len", len);
		/* record route, loose and strict source route: pointer, then addresses */
		if ((p[0] == 7 || p[0] == 131 || p[0] == 137) && len >= 3) {
			char buf[INET_ADDRSTRLEN];

			fmt_details_u64(d, "pointer", p[2]);
			fmt_details_array_begin(d, "addrs");
			for (size_t i = 3; i + 4 <= len; i += 4)
				if (inet_ntop(AF_INET, p + i, buf, sizeof(buf)))
					fmt_details_str(d, NULL, buf);
			fmt_details_array_end(d);
		} else if (p[0] == 148 && len == 4) {
			fmt_details_u64(d, "value", get_be(p + 2, 2));
		}
		fmt_details_object_end(d);
		if (p[0] == 0)
			break; /* the rest is padding */
	}
	fmt_details_array_end(d);
}

/* Hop-by-hop and destination options, and the routing header's addresses. */
void view_packet_ipv6_opts(struct fmt_details *d, const struct pkt_ipv6 *ip)
{
	char buf[INET6_ADDRSTRLEN];

	if (ip->n_opt) {
		fmt_details_array_begin(d, "options");
		for (unsigned i = 0; i < ip->n_opt && i < PKT_IP6_MAX_OPTS; i++) {
			const struct pkt_ip6_opt *o = &ip->opt[i];

			fmt_details_object_begin(d, NULL);
			fmt_details_u64(d, "ext", o->ext);
			fmt_details_u64(d, "type", o->type);
			fmt_details_u64(d, "len", o->len);
			if (o->len == 2 || o->len == 4)
				fmt_details_u64(d, "value", o->val);
			fmt_details_object_end(d);
		}
		fmt_details_array_end(d);
		if (ip->opt_more)
			fmt_details_bool(d, "options_cut", true);
	}
	for (unsigned k = 0; k < ip->n_ext && k < PKT_IP6_MAX_EXT; k++) {
		if (ip->ext[k] != 43)
			continue;
		fmt_details_object_begin(d, "routing");
		fmt_details_u64(d, "type", ip->rt_type);
		fmt_details_u64(d, "segleft", ip->rt_segleft);
		fmt_details_u64(d, "n_addrs", ip->rt_n_addr);
		fmt_details_array_begin(d, "addrs");
		for (unsigned i = 0; i < ip->rt_n_addr && i < PKT_IP6_MAX_RT; i++)
			if (inet_ntop(AF_INET6, ip->rt_addr[i], buf, sizeof(buf)))
				fmt_details_str(d, NULL, buf);
		fmt_details_array_end(d);
		if (ip->has_rt_final && inet_ntop(AF_INET6, ip->rt_final, buf, sizeof(buf)))
			fmt_details_str(d, "final_dst", buf);
		fmt_details_object_end(d);
		break;
	}
}
