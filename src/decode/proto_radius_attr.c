/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_radius_attr.c: RADIUS attributes as tcpdump names and prints them: the
 * table of every attribute tcpdump knows, each value by its kind (strings,
 * numbers, addresses, prefixes, times, vendor attributes), EAP inside
 * EAP-Message.
 */
#include "config.h"

#include <string.h>
#include <time.h>

#include "decode/proto_msg.h"
#include "decode/proto_ntp.h"
#include "decode/proto_radius.h"

/* How an attribute's value prints (tcpdump's print_attr_* functions). */
enum radius_kind {
	RK_NONE, /* nothing: passwords, unassigned */
	RK_STR,
	RK_NUM,
	RK_ADDR,
	RK_ADDR6,
	RK_PREFIX6,
	RK_TIME,
	RK_STRANGE,
	RK_VENDOR,
	RK_VECTOR64,
	RK_HOMELINK,
	RK_OPNAME,
	RK_LOCINFO,
	RK_LOCDATA,
	RK_BLPR,
};

/* Standard values of the numeric attributes that have them; first is 0 or 1. */
struct radius_values {
	const char *const *v;
	uint8_t n;
	uint8_t first;
};

#define RV(a, f) { a, sizeof(a) / sizeof(a[0]) - (f), f }

static const char *const serv_type[] = { NULL, "Login", "Framed", "Callback Login",
	"Callback Framed", "Outbound", "Administrative", "NAS Prompt", "Authenticate Only",
	"Callback NAS Prompt", "Call Check", "Callback Administrative" };
static const char *const frm_proto[] = { NULL, "PPP", "SLIP", "ARAP", "Gandalf proprietary",
	"Xylogics IPX/SLIP", "X.75 Synchronous" };
static const char *const frm_routing[] = { "None", "Send", "Listen", "Send&Listen" };
static const char *const frm_comp[] = { "None", "VJ TCP/IP", "IPX", "Stac-LZS" };
static const char *const login_serv[] = { "Telnet", "Rlogin", "TCP Clear",
	"PortMaster(proprietary)", "LAT", "X.25-PAD", "X.25-T3POS", "Unassigned",
	"TCP Clear Quiet" };
static const char *const term_action[] = { "Default", "RADIUS-Request" };
static const char *const ingress_filters[] = { NULL, "Enabled", "Disabled" };
static const char *const nas_port_type[] = { "Async", "Sync", "ISDN Sync", "ISDN Async V.120",
	"ISDN Async V.110", "Virtual", "PIAFS", "HDLC Clear Channel", "X.25", "X.75",
	"G.3 Fax", "SDSL", "ADSL-CAP", "ADSL-DMT", "ISDN-DSL", "Ethernet", "xDSL", "Cable",
	"Wireless - Other", "Wireless - IEEE 802.11" };
static const char *const acct_status[] = { NULL, "Start", "Stop", "Interim-Update",
	"Unassigned", "Unassigned", "Unassigned", "Accounting-On", "Accounting-Off",
	"Tunnel-Start", "Tunnel-Stop", "Tunnel-Reject", "Tunnel-Link-Start",
	"Tunnel-Link-Stop", "Tunnel-Link-Reject", "Failed" };
static const char *const acct_auth[] = { NULL, "RADIUS", "Local", "Remote", "Diameter" };
static const char *const acct_term[] = { NULL, "User Request", "Lost Carrier",
	"Lost Service", "Idle Timeout", "Session Timeout", "Admin Reset", "Admin Reboot",
	"Port Error", "NAS Error", "NAS Request", "NAS Reboot", "Port Unneeded",
	"Port Preempted", "Port Suspended", "Service Unavailable", "Callback", "User Error",
	"Host Request", "Supplicant Restart", "Reauthentication Failure",
	"Port Reinitialized", "Port Administratively Disabled", "Lost Power" };
static const char *const tunnel_type[] = { NULL, "PPTP", "L2F", "L2TP", "ATMP", "VTP", "AH",
	"IP-IP", "MIN-IP-IP", "ESP", "GRE", "DVS", "IP-in-IP Tunneling", "VLAN" };
static const char *const tunnel_medium[] = { NULL, "IPv4", "IPv6", "NSAP", "HDLC",
	"BBN 1822", "802", "E.163", "E.164", "F.69", "X.121", "IPX", "Appletalk",
	"Decnet IV", "Banyan Vines", "E.164 with NSAP subaddress" };
static const char *const arap_zone[] = { NULL, "Only access to dfl zone",
	"Use zone filter inc.", "Not used", "Use zone filter exc." };
static const char *const prompt[] = { "No Echo", "Echo" };

struct radius_attr {
	const char *name;
	uint8_t kind; /* enum radius_kind */
	struct radius_values vals;
};

#define A(n, k)	       { n, k, { NULL, 0, 0 } }
#define AV(n, t, f)    { n, RK_NUM, RV(t, f) }

/* By type, 0 to 129 (IANA's radius-types-2, as far as tcpdump 4.99 names them). */
static const struct radius_attr radius_attrs[] = {
	A(NULL, RK_NONE),
	A("User-Name", RK_STR),
	A("User-Password", RK_NONE),
	A("CHAP-Password", RK_NONE),
	A("NAS-IP-Address", RK_ADDR),
	A("NAS-Port", RK_NUM),
	AV("Service-Type", serv_type, 1),
	AV("Framed-Protocol", frm_proto, 1),
	A("Framed-IP-Address", RK_ADDR),
	A("Framed-IP-Netmask", RK_ADDR),
	AV("Framed-Routing", frm_routing, 0),
	A("Filter-Id", RK_STR),
	A("Framed-MTU", RK_NUM),
	AV("Framed-Compression", frm_comp, 0),
	A("Login-IP-Host", RK_ADDR),
	AV("Login-Service", login_serv, 0),
	A("Login-TCP-Port", RK_NUM),
	A("Unassigned", RK_NONE),
	A("Reply-Message", RK_STR),
	A("Callback-Number", RK_STR),
	A("Callback-Id", RK_STR),
	A("Unassigned", RK_NONE),
	A("Framed-Route", RK_STR),
	A("Framed-IPX-Network", RK_NUM),
	A("State", RK_STR),
	A("Class", RK_STR),
	A("Vendor-Specific", RK_VENDOR),
	A("Session-Timeout", RK_NUM),
	A("Idle-Timeout", RK_NUM),
	AV("Termination-Action", term_action, 0),
	A("Called-Station-Id", RK_STR),
	A("Calling-Station-Id", RK_STR),
	A("NAS-Identifier", RK_STR),
	A("Proxy-State", RK_STR),
	A("Login-LAT-Service", RK_STR),
	A("Login-LAT-Node", RK_STR),
	A("Login-LAT-Group", RK_STR),
	A("Framed-AppleTalk-Link", RK_NUM),
	A("Framed-AppleTalk-Network", RK_NUM),
	A("Framed-AppleTalk-Zone", RK_STR),
	AV("Acct-Status-Type", acct_status, 1),
	A("Acct-Delay-Time", RK_NUM),
	A("Acct-Input-Octets", RK_NUM),
	A("Acct-Output-Octets", RK_NUM),
	A("Acct-Session-Id", RK_STR),
	AV("Acct-Authentic", acct_auth, 1),
	A("Acct-Session-Time", RK_NUM),
	A("Acct-Input-Packets", RK_NUM),
	A("Acct-Output-Packets", RK_NUM),
	AV("Acct-Terminate-Cause", acct_term, 1),
	A("Acct-Multi-Session-Id", RK_STR),
	A("Acct-Link-Count", RK_NUM),
	A("Acct-Input-Gigawords", RK_NUM),
	A("Acct-Output-Gigawords", RK_NUM),
	A("Unassigned", RK_NONE),
	A("Event-Timestamp", RK_TIME),
	A("Egress-VLANID", RK_NUM),
	AV("Ingress-Filters", ingress_filters, 1),
	A("Egress-VLAN-Name", RK_STR),
	A("User-Priority-Table", RK_NONE),
	A("CHAP-Challenge", RK_STR),
	AV("NAS-Port-Type", nas_port_type, 0),
	A("Port-Limit", RK_NUM),
	A("Login-LAT-Port", RK_STR),
	AV("Tunnel-Type", tunnel_type, 1),
	AV("Tunnel-Medium-Type", tunnel_medium, 1),
	A("Tunnel-Client-Endpoint", RK_STR),
	A("Tunnel-Server-Endpoint", RK_STR),
	A("Acct-Tunnel-Connection", RK_STR),
	A("Tunnel-Password", RK_STR),
	A("ARAP-Password", RK_STRANGE),
	A("ARAP-Features", RK_STRANGE),
	AV("ARAP-Zone-Access", arap_zone, 1),
	A("ARAP-Security", RK_STR),
	A("ARAP-Security-Data", RK_STR),
	A("Password-Retry", RK_NUM),
	AV("Prompt", prompt, 0),
	A("Connect-Info", RK_STR),
	A("Configuration-Token", RK_STR),
	A("EAP-Message", RK_STR),
	A("Message-Authenticator", RK_STR),
	A("Tunnel-Private-Group-ID", RK_STR),
	A("Tunnel-Assignment-ID", RK_STR),
	A("Tunnel-Preference", RK_NUM),
	A("ARAP-Challenge-Response", RK_STRANGE),
	A("Acct-Interim-Interval", RK_NUM),
	A("Acct-Tunnel-Packets-Lost", RK_NUM),
	A("NAS-Port-Id", RK_STR),
	A("Framed-Pool", RK_STR),
	A("CUI", RK_STR),
	A("Tunnel-Client-Auth-ID", RK_STR),
	A("Tunnel-Server-Auth-ID", RK_STR),
	A("NAS-Filter-Rule", RK_STR),
	A("Unassigned", RK_NONE),
	A("Originating-Line-Info", RK_NONE),
	A("NAS-IPv6-Address", RK_ADDR6),
	A("Framed-Interface-ID", RK_NONE),
	A("Framed-IPv6-Prefix", RK_PREFIX6),
	A("Login-IPv6-Host", RK_ADDR6),
	A("Framed-IPv6-Route", RK_STR),
	A("Framed-IPv6-Pool", RK_STR),
	A("Error-Cause", RK_STRANGE),
	A("EAP-Key-Name", RK_NONE),
	A("Digest-Response", RK_STR),
	A("Digest-Realm", RK_STR),
	A("Digest-Nonce", RK_STR),
	A("Digest-Response-Auth", RK_STR),
	A("Digest-Nextnonce", RK_STR),
	A("Digest-Method", RK_STR),
	A("Digest-URI", RK_STR),
	A("Digest-Qop", RK_STR),
	A("Digest-Algorithm", RK_STR),
	A("Digest-Entity-Body-Hash", RK_STR),
	A("Digest-CNonce", RK_STR),
	A("Digest-Nonce-Count", RK_STR),
	A("Digest-Username", RK_STR),
	A("Digest-Opaque", RK_STR),
	A("Digest-Auth-Param", RK_STR),
	A("Digest-AKA-Auts", RK_STR),
	A("Digest-Domain", RK_STR),
	A("Digest-Stale", RK_STR),
	A("Digest-HA1", RK_STR),
	A("SIP-AOR", RK_STR),
	A("Delegated-IPv6-Prefix", RK_PREFIX6),
	A("MIP6-Feature-Vector", RK_VECTOR64),
	A("MIP6-Home-Link-Prefix", RK_HOMELINK),
	A("Operator-Name", RK_OPNAME),
	A("Location-Information", RK_LOCINFO),
	A("Location-Data", RK_LOCDATA),
	A("Basic-Location-Policy-Rules", RK_BLPR),
};

#define RADIUS_N_ATTRS (sizeof(radius_attrs) / sizeof(radius_attrs[0]))

enum {
	RA_SERV_TYPE = 6, RA_FRM_IPADDR = 8, RA_LOG_IPHOST = 14, RA_FRM_IPX = 23,
	RA_SESSION_TIMEOUT = 27, RA_IDLE_TIMEOUT = 28, RA_FRM_ATALK_LINK = 37,
	RA_FRM_ATALK_NETWORK = 38, RA_ACCT_DELAY = 41, RA_ACCT_SESSION_TIME = 46,
	RA_EGRESS_VLAN_ID = 56, RA_EGRESS_VLAN_NAME = 58, RA_TUNNEL_TYPE = 64,
	RA_TUNNEL_MEDIUM = 65, RA_TUNNEL_CLIENT_END = 66, RA_TUNNEL_SERVER_END = 67,
	RA_TUNNEL_PASS = 69, RA_ARAP_PASS = 70, RA_ARAP_FEATURES = 71, RA_EAP_MESSAGE = 79,
	RA_TUNNEL_PRIV_GROUP = 81, RA_TUNNEL_ASSIGN_ID = 82, RA_TUNNEL_PREFERENCE = 83,
	RA_ARAP_CHALLENGE_RESP = 84, RA_ACCT_INT_INTERVAL = 85, RA_TUNNEL_CLIENT_AUTH = 90,
	RA_TUNNEL_SERVER_AUTH = 91, RA_ERROR_CAUSE = 101,
};

static const struct msg_tok rfc4675_tagged[] = {
	{ 0x31, "Tagged" }, { 0x32, "Untagged" }, { 0, NULL },
};

static const struct msg_tok error_causes[] = {
	{ 201, "Residual Session Context Removed" }, { 202, "Invalid EAP Packet (Ignored)" },
	{ 401, "Unsupported Attribute" },	      { 402, "Missing Attribute" },
	{ 403, "NAS Identification Mismatch" },	      { 404, "Invalid Request" },
	{ 405, "Unsupported Service" },		      { 406, "Unsupported Extension" },
	{ 407, "Invalid Attribute Value" },	      { 501, "Administratively Prohibited" },
	{ 502, "Request Not Routable (Proxy)" },      { 503, "Session Context Not Found" },
	{ 504, "Session Context Not Removable" },     { 505, "Other Proxy Processing Error" },
	{ 506, "Resources Unavailable" },	      { 507, "Request Initiated" },
	{ 508, "Multiple Session Selection Unsupported" },
	{ 509, "Location Info Required" },	      { 0, NULL },
};

/* SMI private enterprise numbers tcpdump names for vendor-specific attributes (a few). */
static const struct msg_tok radius_vendors[] = {
	{ 9, "ciscoSystems" },	   { 311, "Microsoft" },     { 2636, "Juniper Networks" },
	{ 4874, "Juniper Networks/Unisphere" }, { 3561, "The Broadband Forum (DSL Forum)" },
	{ 14122, "Aruba, a Hewlett Packard Enterprise company" }, { 0, NULL },
};

static const struct {
	uint64_t v;
	const char *s;
} mip6_features[] = {
	{ 0x0000000000000001ull, "MIP6_INTEGRATED" },
	{ 0x0000000000000002ull, "LOCAL_HOME_AGENT_ASSIGNMENT" },
	{ 0x0000010000000000ull, "PMIP6_SUPPORTED" },
	{ 0x0000020000000000ull, "IP4_HOA_SUPPORTED" },
	{ 0x0000040000000000ull, "LOCAL_MAG_ROUTING_SUPPORTED" },
	{ 0x0000080000000000ull, "ASSIGN_LOCAL_IP" },
	{ 0x0000100000000000ull, "MIP4_SUPPORTED" },
	{ 0x0000200000000000ull, "OPTIMIZED_IDLE_MODE_MOBILITY" },
	{ 0x0000400000000000ull, "GTPv2_SUPPORTED" },
	{ 0x0000800000000000ull, "IP4_TRANSPORT_SUPPORTED" },
	{ 0x0001000000000000ull, "IP4_HOA_ONLY_SUPPORTED" },
	{ 0x0002000000000000ull, "INTER_MAG_ROUTING_SUPPORTED" },
};

static const struct msg_tok operator_names[] = {
	{ 0x30, "TADIG" }, { 0x31, "REALM" }, { 0x32, "E212" }, { 0x33, "ICC" }, { 0, NULL },
};

static const struct msg_tok loc_codes[] = { { 0, "Civic" }, { 1, "Geospatial" }, { 0, NULL } };
static const struct msg_tok loc_entities[] = { { 0, "User" }, { 1, "RADIUS" }, { 0, NULL } };

static const struct msg_tok blpr_flags[] = {
	{ 0x0001, "MBZ-15" }, { 0x0002, "MBZ-14" }, { 0x0004, "MBZ-13" }, { 0x0008, "MBZ-12" },
	{ 0x0010, "MBZ-11" }, { 0x0020, "MBZ-10" }, { 0x0040, "MBZ-9" },  { 0x0080, "MBZ-8" },
	{ 0x0100, "MBZ-7" },  { 0x0200, "MBZ-6" },  { 0x0400, "MBZ-5" },  { 0x0800, "MBZ-4" },
	{ 0x1000, "MBZ-3" },  { 0x2000, "MBZ-2" },  { 0x4000, "MBZ-1" },
	{ 0x8000, "Retransmission Allowed" }, { 0, NULL },
};

/* ---- attribute values ---- */

/* print_attr_string: the tunnel tags first, then the bytes up to a NUL, '.' for unprintables. */
static bool radius_string(struct pbuf *b, const struct msg *g, size_t off, size_t len,
			  uint8_t type)
{
	if (!msg_has(g, off, len))
		return false;
	switch (type) {
	case RA_TUNNEL_PASS:
		if (len < 3)
			return false;
		if (msg_u8(g, off) && msg_u8(g, off) <= 0x1f)
			msg_printf(b, "Tag[%u] ", msg_u8(g, off));
		else
			pbuf_puts(b, "Tag[Unused] ");
		msg_printf(b, "Salt %u ", msg_u16(g, off + 1));
		off += 3;
		len -= 3;
		break;
	case RA_TUNNEL_CLIENT_END:
	case RA_TUNNEL_SERVER_END:
	case RA_TUNNEL_PRIV_GROUP:
	case RA_TUNNEL_ASSIGN_ID:
	case RA_TUNNEL_CLIENT_AUTH:
	case RA_TUNNEL_SERVER_AUTH:
		if (msg_u8(g, off) <= 0x1f) {
			if (msg_u8(g, off))
				msg_printf(b, "Tag[%u] ", msg_u8(g, off));
			else
				pbuf_puts(b, "Tag[Unused] ");
			off++;
			len--;
		}
		break;
	case RA_EGRESS_VLAN_NAME:
		msg_tok_put(b, rfc4675_tagged, "Unknown tag", msg_u8(g, off));
		msg_printf(b, " (0x%02x) ", msg_u8(g, off));
		off++;
		len--;
		break;
	case RA_EAP_MESSAGE:
		return radius_eap(b, g, off);
	}
	for (size_t i = 0; i < len && msg_u8(g, off + i); i++) {
		uint8_t ch = msg_u8(g, off + i);

		pbuf_putc(b, ch >= 0x20 && ch < 0x7f ? (char)ch : '.');
	}
	return true;
}

static void radius_duration(struct pbuf *b, uint32_t t)
{
	if (t < 60)
		msg_printf(b, "%02d secs", (int)t);
	else if (t < 3600)
		msg_printf(b, "%02d:%02d min", (int)(t / 60), (int)(t % 60));
	else
		msg_printf(b, "%02d:%02d:%02d hours", (int)(t / 3600), (int)(t % 3600 / 60),
			   (int)(t % 60));
}

static bool radius_num(struct pbuf *b, const struct msg *g, size_t off, size_t len, uint8_t type)
{
	const struct radius_values *rv = &radius_attrs[type].vals;
	uint32_t v;

	if (len != 4) {
		msg_printf(b, "ERROR: length %zu != 4", len);
		return true;
	}
	if (!msg_has(g, off, 4))
		return false;
	v = msg_u32(g, off);
	if (rv->n) {
		if (type == RA_TUNNEL_TYPE || type == RA_TUNNEL_MEDIUM) {
			if (!msg_u8(g, off))
				pbuf_puts(b, "Tag[Unused] ");
			else
				msg_printf(b, "Tag[%u] ", msg_u8(g, off));
			v = msg_u24(g, off + 1);
		}
		if (v <= (uint32_t)(rv->n - 1 + rv->first) && v >= rv->first)
			pbuf_puts(b, rv->v[v]);
		else
			msg_printf(b, "#%u", v);
		return true;
	}
	switch (type) {
	case RA_FRM_IPX:
		if (v == 0xfffffffe)
			pbuf_puts(b, "NAS Select");
		else
			pbuf_u32(b, v);
		break;
	case RA_SESSION_TIMEOUT:
	case RA_IDLE_TIMEOUT:
	case RA_ACCT_DELAY:
	case RA_ACCT_SESSION_TIME:
	case RA_ACCT_INT_INTERVAL:
		radius_duration(b, v);
		break;
	case RA_FRM_ATALK_LINK:
	case RA_FRM_ATALK_NETWORK:
		if (v)
			pbuf_u32(b, v);
		else
			pbuf_puts(b, type == RA_FRM_ATALK_LINK ? "Unnumbered" : "NAS assigned");
		break;
	case RA_TUNNEL_PREFERENCE:
		if (msg_u8(g, off))
			msg_printf(b, "Tag[%u] ", msg_u8(g, off));
		else
			pbuf_puts(b, "Tag[Unused] ");
		pbuf_u32(b, msg_u24(g, off + 1));
		break;
	case RA_EGRESS_VLAN_ID:
		msg_tok_put(b, rfc4675_tagged, "Unknown tag", msg_u8(g, off));
		msg_printf(b, " (0x%02x) ", msg_u8(g, off));
		pbuf_u32(b, msg_u24(g, off + 1));
		break;
	default:
		pbuf_u32(b, v);
		break;
	}
	return true;
}

static bool radius_addr(struct pbuf *b, const struct msg *g, size_t off, size_t len, uint8_t type)
{
	uint32_t v;

	if (len != 4) {
		msg_printf(b, "ERROR: length %zu != 4", len);
		return true;
	}
	if (!msg_has(g, off, 4))
		return false;
	v = msg_u32(g, off);
	if ((type == RA_FRM_IPADDR || type == RA_LOG_IPHOST) && v == 0xffffffff)
		pbuf_puts(b, "User Selected");
	else if ((type == RA_FRM_IPADDR || type == RA_LOG_IPHOST) && v == 0xfffffffe)
		pbuf_puts(b, "NAS Select");
	else
		pbuf_ip4(b, g->p + off);
	return true;
}

static bool radius_prefix6(struct pbuf *b, const struct msg *g, size_t off, size_t len)
{
	uint8_t a[16] = { 0 }, plen;

	if (len < 2 || len > 18) {
		msg_printf(b, "ERROR: length %zu not in range (2..18)", len);
		return true;
	}
	if (!msg_has(g, off, len))
		return false;
	plen = msg_u8(g, off + 1);
	if (plen > 128) {
		msg_printf(b, "ERROR: netmask %u not in range (0..128)", plen);
		return true;
	}
	memcpy(a, g->p + off + 2, len - 2);
	pbuf_ip6(b, a);
	msg_printf(b, "/%u", plen);
	if (plen > 8 * (len - 2))
		pbuf_puts(b, " (inconsistent prefix length)");
	return true;
}

/* ctime()'s text of a POSIX time, in the local zone as tcpdump prints it. */
static void radius_time(struct pbuf *b, uint32_t secs)
{
	time_t t = (time_t)secs;
	struct tm tm;
	char s[32];

	if (!localtime_r(&t, &tm) || !strftime(s, sizeof(s), "%a %b %e %H:%M:%S %Y", &tm)) {
		pbuf_u32(b, secs);
		return;
	}
	pbuf_puts(b, s);
}

static bool radius_strange(struct pbuf *b, const struct msg *g, size_t off, size_t len,
			   uint8_t type)
{
	switch (type) {
	case RA_ARAP_PASS:
		if (len != 16) {
			msg_printf(b, "ERROR: length %zu != 16", len);
			return true;
		}
		if (!msg_has(g, off, 16))
			return false;
		pbuf_puts(b, "User_challenge (");
		for (size_t i = 0; i < 8; i++)
			msg_printf(b, "%02X", msg_u8(g, off + i));
		pbuf_puts(b, ") User_resp(");
		for (size_t i = 8; i < 16; i++)
			msg_printf(b, "%02X", msg_u8(g, off + i));
		pbuf_putc(b, ')');
		return true;
	case RA_ARAP_FEATURES:
		if (len != 14) {
			msg_printf(b, "ERROR: length %zu != 14", len);
			return true;
		}
		if (!msg_has(g, off, 14))
			return false;
		pbuf_puts(b, msg_u8(g, off) ? "User can change password" :
					      "User cannot change password");
		msg_printf(b, ", Min password length: %u, created at: ", msg_u8(g, off + 1));
		for (size_t i = 2; i < 6; i++)
			msg_printf(b, "%02X", msg_u8(g, off + i));
		pbuf_puts(b, ", expires in: ");
		for (size_t i = 6; i < 10; i++)
			msg_printf(b, "%02X", msg_u8(g, off + i));
		pbuf_puts(b, ", Current Time: ");
		for (size_t i = 10; i < 14; i++)
			msg_printf(b, "%02X", msg_u8(g, off + i));
		return true;
	case RA_ARAP_CHALLENGE_RESP:
		if (len < 8) {
			msg_printf(b, "ERROR: length %zu != 8", len);
			return true;
		}
		if (!msg_has(g, off, 8))
			return false;
		for (size_t i = 0; i < 8; i++)
			msg_printf(b, "%02X", msg_u8(g, off + i));
		return true;
	default: /* Error-Cause */
		if (len != 4) {
			msg_printf(b, "Error: length %zu != 4", len);
			return true;
		}
		if (!msg_has(g, off, 4))
			return false;
		msg_printf(b, "Error cause %u: ", msg_u32(g, off));
		msg_tok_put(b, error_causes, "Error-Cause %u not known", msg_u32(g, off));
		return true;
	}
}

static bool radius_vendor(struct pbuf *b, const struct msg *g, size_t off, size_t len)
{
	uint32_t id;

	if (len < 4 || !msg_has(g, off, 4))
		return false;
	id = msg_u32(g, off);
	pbuf_puts(b, "Vendor: ");
	msg_tok_put(b, radius_vendors, "Unknown", id);
	msg_printf(b, " (%u)", id);
	off += 4;
	len -= 4;
	while (len >= 2) {
		uint8_t vt, vl;

		if (!msg_has(g, off, 2))
			return false;
		vt = msg_u8(g, off);
		vl = msg_u8(g, off + 1);
		if (vl < 2) {
			msg_printf(b, "\n\t    Vendor Attribute: %u, Length: %u (bogus, must be >= 2)",
				   vt, vl);
			return true;
		}
		if (vl > len) {
			msg_printf(b,
				   "\n\t    Vendor Attribute: %u, Length: %u (bogus, goes past end "
				   "of vendor-specific attribute)",
				   vt, vl);
			return true;
		}
		off += 2;
		len -= 2;
		vl -= 2;
		if (!msg_has(g, off, vl))
			return false;
		msg_printf(b, "\n\t    Vendor Attribute: %u, Length: %u, Value: ", vt, vl);
		for (size_t i = 0; i < vl; i++) {
			uint8_t ch = msg_u8(g, off + i);

			pbuf_putc(b, ch >= 0x20 && ch < 0x7f ? (char)ch : '.');
		}
		off += vl;
		len -= vl;
	}
	return true;
}

bool radius_value(struct pbuf *b, const struct msg *g, size_t off, size_t len, uint8_t type)
{
	uint64_t v;
	const char *sep = "";

	switch (radius_attrs[type].kind) {
	case RK_STR:
		return radius_string(b, g, off, len, type);
	case RK_NUM:
		return radius_num(b, g, off, len, type);
	case RK_ADDR:
		return radius_addr(b, g, off, len, type);
	case RK_ADDR6:
		if (len != 16) {
			msg_printf(b, "ERROR: length %zu != 16", len);
			return true;
		}
		if (!msg_has(g, off, 16))
			return false;
		pbuf_ip6(b, g->p + off);
		return true;
	case RK_PREFIX6:
		return radius_prefix6(b, g, off, len);
	case RK_TIME:
		if (len != 4) {
			msg_printf(b, "ERROR: length %zu != 4", len);
			return true;
		}
		if (!msg_has(g, off, 4))
			return false;
		radius_time(b, msg_u32(g, off));
		return true;
	case RK_STRANGE:
		return radius_strange(b, g, off, len, type);
	case RK_VENDOR:
		return radius_vendor(b, g, off, len);
	case RK_VECTOR64:
		if (len != 8) {
			msg_printf(b, "ERROR: length %zu != 8", len);
			return true;
		}
		if (!msg_has(g, off, 8))
			return false;
		v = (uint64_t)msg_u32(g, off) << 32 | msg_u32(g, off + 4);
		pbuf_putc(b, '[');
		for (size_t i = 0; i < sizeof(mip6_features) / sizeof(mip6_features[0]); i++) {
			if (v & mip6_features[i].v) {
				pbuf_puts(b, sep);
				pbuf_puts(b, mip6_features[i].s);
				sep = ", ";
			}
		}
		pbuf_putc(b, ']');
		return true;
	case RK_HOMELINK:
		if (len != 17) {
			msg_printf(b, "ERROR: length %zu != 17", len);
			return true;
		}
		if (!msg_has(g, off, 17))
			return false;
		if (msg_u8(g, off) > 128) {
			msg_printf(b, "ERROR: netmask %u not in range (0..128)", msg_u8(g, off));
			return true;
		}
		pbuf_ip6(b, g->p + off + 1);
		msg_printf(b, "/%u", msg_u8(g, off));
		return true;
	case RK_OPNAME:
		if (!msg_has(g, off, len))
			return false;
		if (len < 2) {
			msg_printf(b, "ERROR: length %zu < 2", len);
			return true;
		}
		pbuf_putc(b, '[');
		msg_tok_put(b, operator_names, "unknown namespace %u", msg_u8(g, off));
		pbuf_puts(b, "] ");
		return msg_printjn(b, g, off + 1, len - 1);
	case RK_LOCINFO:
		if (!msg_has(g, off, len))
			return false;
		if (len < 21) {
			msg_printf(b, "ERROR: length %zu < 21", len);
			return true;
		}
		msg_printf(b, "index %u, code ", msg_u16(g, off));
		msg_tok_put(b, loc_codes, "Unknown (%u)", msg_u8(g, off + 2));
		pbuf_puts(b, ", entity ");
		msg_tok_put(b, loc_entities, "Unknown (%u)", msg_u8(g, off + 3));
		pbuf_puts(b, ", sighting time ");
		proto_ntp_time(b, msg_u32(g, off + 4), msg_u32(g, off + 8));
		pbuf_puts(b, ", time to live ");
		proto_ntp_time(b, msg_u32(g, off + 12), msg_u32(g, off + 16));
		pbuf_puts(b, ", method \"");
		msg_printjn(b, g, off + 20, len - 20);
		pbuf_putc(b, '"');
		return true;
	case RK_LOCDATA:
		if (!msg_has(g, off, len))
			return false;
		if (len < 3) {
			msg_printf(b, "ERROR: length %zu < 3", len);
			return true;
		}
		msg_printf(b, "index %u, location", msg_u16(g, off));
		/* Captured whole (msg_has above): tcpdump shows it with its text column. */
		msg_hex_ascii_lines(b, "\n\t    ", g->p + off + 2, len - 2);
		return true;
	case RK_BLPR:
		if (!msg_has(g, off, len))
			return false;
		if (len < 10) {
			msg_printf(b, "ERROR: length %zu < 10", len);
			return true;
		}
		pbuf_puts(b, "flags [");
		msg_bits_put(b, blpr_flags, "none", msg_u16(g, off), ", ");
		pbuf_puts(b, "], retention expires ");
		proto_ntp_time(b, msg_u32(g, off + 2), msg_u32(g, off + 6));
		if (len > 10) {
			pbuf_puts(b, ", note well \"");
			msg_printjn(b, g, off + 10, len - 10);
			pbuf_putc(b, '"');
		}
		return true;
	default:
		return true;
	}
}

const char *radius_attr_name(uint8_t type)
{
	return type && type < RADIUS_N_ATTRS ? radius_attrs[type].name : "Unknown";
}

bool radius_attr_known(uint8_t type)
{
	return type < RADIUS_N_ATTRS;
}
