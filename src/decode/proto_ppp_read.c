/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_ppp_read.c: what every PPP printer uses: the protocol numbers' names
 * (tcpdump's ppptype2str), which protocols are a layer of their own or a
 * control protocol, and the reads that stop on the capture's end as
 * tcpdump's longjmp does.
 */
#include "config.h"

#include "decode/proto_ppp_cp.h"

/* ppptype2str */
static const struct msg_tok ppp_protos[] = {
	{ 0x0021, "IP" },	   { 0x0023, "OSI" },	    { 0x0025, "NS" },
	{ 0x0027, "DECNET" },	   { 0x0029, "APPLE" },	    { 0x002b, "IPX" },
	{ 0x002d, "VJC IP" },	   { 0x002f, "VJNC IP" },   { 0x0031, "BRPDU" },
	{ 0x0033, "STII" },	   { 0x0035, "VINES" },	    { 0x0281, "MPLS" },
	{ 0x0283, "MPLS" },	   { 0x00fd, "Compressed" }, { 0x003d, "MLPPP" },
	{ 0x0057, "IP6" },	   { 0x0201, "HELLO" },	    { 0x0231, "LUXCOM" },
	{ 0x0233, "SNS" },	   { 0x8021, "IPCP" },	    { 0x8023, "OSICP" },
	{ 0x8025, "NSCP" },	   { 0x8027, "DECNETCP" },  { 0x8029, "APPLECP" },
	{ 0x802b, "IPXCP" },	   { 0x8033, "STIICP" },    { 0x8035, "VINESCP" },
	{ 0x8057, "IP6CP" },	   { 0x8281, "MPLSCP" },    { 0xc021, "LCP" },
	{ 0xc023, "PAP" },	   { 0xc025, "LQM" },	    { 0xc223, "CHAP" },
	{ 0xc227, "EAP" },	   { 0xc027, "SPAP" },	    { 0xc123, "Old-SPAP" },
	{ 0xc02b, "BACP" },	   { 0xc02d, "BAP" },	    { 0xc03d, "MLPPP-CP" },
	{ 0x80fd, "CCP" },	   { 0, NULL },
};

const char *ppp_proto_name(uint16_t proto)
{
	return msg_tok_find(ppp_protos, proto);
}

uint8_t ppp_u8(struct ppp_pr *p, size_t off)
{
	return ppp_need(p, off, 1) ? msg_u8(&p->g, off) : 0;
}

uint16_t ppp_u16(struct ppp_pr *p, size_t off)
{
	return ppp_need(p, off, 2) ? msg_u16(&p->g, off) : 0;
}

uint32_t ppp_u32(struct ppp_pr *p, size_t off)
{
	return ppp_need(p, off, 4) ? msg_u32(&p->g, off) : 0;
}

void ppp_unknown_data(struct ppp_pr *p, size_t off, size_t n, const char *ident)
{
	if (p->cut || off > p->g.cap)
		return;
	if (n > p->g.cap - off)
		n = p->g.cap - off;
	msg_hex_at(p->b, &p->g, off, n, ident);
}

bool ppp_is_cp(uint16_t proto)
{
	switch (proto) {
	case PPP_PROTO_LCP:
	case PPP_PROTO_IPCP:
	case PPP_PROTO_OSICP:
	case PPP_PROTO_MPLSCP:
	case PPP_PROTO_IPV6CP:
	case PPP_PROTO_CCP:
	case PPP_PROTO_BACP:
		return true;
	}
	return false;
}

int ppp_next_layer(uint16_t proto)
{
	switch (proto) {
	case PPP_PROTO_IP:
	case PPP_PROTO_VJNC: /* VJ uncompressed: an IP header whose protocol is a slot number */
	case 0x0800:	     /* an ethertype where the PPP protocol goes, as tcpdump accepts */
		return PKT_PROTO_IPV4;
	case PPP_PROTO_IPV6:
	case 0x86dd:
		return PKT_PROTO_IPV6;
	case PPP_PROTO_MPLS_UC:
	case PPP_PROTO_MPLS_MC:
		return PKT_PROTO_MPLS;
	case PPP_PROTO_OSI: /* the OSI printers start at the NLPID */
		return PKT_PROTO_ISOCLNS;
	}
	return PKT_PROTO_NONE;
}

