/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_opts.h: the JSON of IP and TCP options and of checksum verdicts, for view_packet.c. */
#ifndef SOCKEYE_VIEW_PACKET_OPTS_H
#define SOCKEYE_VIEW_PACKET_OPTS_H

#include <stdint.h>

#include "decode/pkt_meta.h"
#include "out/fmt.h"

/* "csum", and with -v "csum_status", "csum_ok", "csum_expected" of l's transport. */
void view_packet_csum(struct fmt_details *d, const struct pkt_level *l, uint16_t csum);
/* md5_sig, tcp_ao, mptcp, tfo_cookie and other_opts: the kinds without a pkt_tcp field. */
void view_packet_tcp_opts(struct fmt_details *d, const struct pkt_tcp *t);
/* "options": [{"kind", "len", ...}] */
void view_packet_ipv4_opts(struct fmt_details *d, const struct pkt_ipv4 *ip);
/* "options" of hop-by-hop and destination headers, "routing" */
void view_packet_ipv6_opts(struct fmt_details *d, const struct pkt_ipv6 *ip);

#endif
