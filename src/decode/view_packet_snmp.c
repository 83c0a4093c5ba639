/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * view_packet_snmp.c: typed JSON fields of SNMP: version, community or v3's
 * header and user, the PDU's fields and its variable bindings.  The walk
 * reads the elements as the printer does (proto_snmp_ber.c) and stops where
 * the message stops making sense, saying so in "malformed".
 */
#include "config.h"

#include "decode/pbuf.h"
#include "decode/proto_msg.h"
#include "decode/proto_snmp_ber.h"
#include "decode/view_packet_snmp.h"

#define SNMP_MAX_VARBINDS 64 /* listed at most */
#define SNMP_MAX_HEX	  128 /* bytes of a value shown as hex at most */

static const char *const version_names[] = { "SNMPv1", "SNMPv2c", "SNMPv2u", "SNMPv3" };

struct snmp_view {
	struct fmt_details *fd;
	const struct msg *g;
};

/* The element of type want at *off, which then moves past it. */
static bool next(const struct snmp_view *s, uint32_t *off, uint32_t *len, struct snmp_ber *e,
		 uint8_t want)
{
	if (!snmp_ber_read(s->g, *off, *len, e) || e->type != want)
		return false;
	*off += e->count;
	*len -= e->count;
	return true;
}

static void put_hex(const struct snmp_view *s, const char *key, const struct snmp_ber *e)
{
	char hex[2 * SNMP_MAX_HEX + 1];
	uint32_t n = e->asnlen < SNMP_MAX_HEX ? e->asnlen : SNMP_MAX_HEX;
	struct pbuf b;

	pbuf_init(&b, hex, sizeof(hex));
	msg_hex(&b, s->g->p + e->off, n);
	fmt_details_str_len(s->fd, key, hex, 2 * n);
}

/* An OCTET STRING: its text when every byte is printable ASCII, else its bytes in hex. */
static void put_string(const struct snmp_view *s, const char *key, const char *hex_key,
		       const struct snmp_ber *e)
{
	for (uint32_t i = 0; i < e->asnlen; i++) {
		uint8_t c = msg_u8(s->g, e->off + i);

		if (c < 0x20 || c > 0x7e) {
			put_hex(s, hex_key, e);
			return;
		}
	}
	fmt_details_str_len(s->fd, key, s->g->p + e->off, e->asnlen);
}

/* An OID or an address as text, without tcpdump's leading dot. */
static void put_printed(const struct snmp_view *s, const char *key, const struct snmp_ber *e)
{
	char buf[512];
	struct pbuf b;
	size_t n;

	pbuf_init(&b, buf, sizeof(buf));
	snmp_ber_print(&b, s->g, e);
	n = pbuf_finish(&b, sizeof(buf));
	if (n >= sizeof(buf))
		n = sizeof(buf) - 1;
	fmt_details_str_len(s->fd, key, buf + (buf[0] == '.'), n - (buf[0] == '.'));
}

static void put_value(const struct snmp_view *s, const struct snmp_ber *e)
{
	fmt_details_str(s->fd, "type", snmp_ber_type_name(e));
	switch (e->type) {
	case SNMP_BE_INT:
		fmt_details_s64(s->fd, "value", e->integer);
		break;
	case SNMP_BE_UNS:
		fmt_details_u64(s->fd, "value", e->uns);
		break;
	case SNMP_BE_UNS64:
		fmt_details_u64(s->fd, "value", e->uns64);
		break;
	case SNMP_BE_STR:
		put_string(s, "value", "value_hex", e);
		break;
	case SNMP_BE_INETADDR:
		/* an address of another length than 4 bytes is shown as its bytes */
		if (e->asnlen == 4)
			put_printed(s, "value", e);
		else
			put_hex(s, "value_hex", e);
		break;
	case SNMP_BE_OID:
		put_printed(s, "value", e);
		break;
	case SNMP_BE_OCTET:
	case SNMP_BE_SEQ:
	case SNMP_BE_PDU:
		put_hex(s, "value_hex", e);
		break;
	default:
		fmt_details_null(s->fd, "value");
		break;
	}
}

/* The VarBindList; false when it stopped at a malformed binding. */
static bool put_varbinds(const struct snmp_view *s, uint32_t off, uint32_t len)
{
	struct snmp_ber e, name, value;
	bool ok = true;
	unsigned n = 0;

	if (!next(s, &off, &len, &e, SNMP_BE_SEQ))
		return false;
	off = e.off;
	len = e.asnlen;
	fmt_details_array_begin(s->fd, "varbinds");
	while (len > 0 && n++ < SNMP_MAX_VARBINDS) {
		uint32_t vb_off, vb_len;

		if (!next(s, &off, &len, &e, SNMP_BE_SEQ)) {
			ok = false;
			break;
		}
		vb_off = e.off;
		vb_len = e.asnlen;
		if (!next(s, &vb_off, &vb_len, &name, SNMP_BE_OID) ||
		    !snmp_ber_read(s->g, vb_off, vb_len, &value)) {
			ok = false;
			break;
		}
		fmt_details_object_begin(s->fd, NULL);
		put_printed(s, "oid", &name);
		put_value(s, &value);
		fmt_details_object_end(s->fd);
	}
	fmt_details_array_end(s->fd);
	return ok;
}

/* A PDU and its fields; false when the walk stopped early. */
static bool put_pdu(const struct snmp_view *s, uint32_t off, uint32_t len)
{
	struct snmp_ber pdu, e;
	const char *name;

	if (!next(s, &off, &len, &pdu, SNMP_BE_PDU))
		return false;
	fmt_details_u64(s->fd, "pdu_type", pdu.id);
	fmt_details_str(s->fd, "pdu", snmp_pdu_name(pdu.id));
	off = pdu.off;
	len = pdu.asnlen;
	if (pdu.id == SNMP_TRAP) {
		if (!next(s, &off, &len, &e, SNMP_BE_OID))
			return false;
		put_printed(s, "enterprise", &e);
		if (!next(s, &off, &len, &e, SNMP_BE_INETADDR))
			return false;
		put_printed(s, "agent_addr", &e);
		if (!next(s, &off, &len, &e, SNMP_BE_INT))
			return false;
		fmt_details_s64(s->fd, "generic_trap", e.integer);
		name = snmp_generic_trap_name(e.integer);
		if (name)
			fmt_details_str(s->fd, "generic_trap_name", name);
		if (!next(s, &off, &len, &e, SNMP_BE_INT))
			return false;
		fmt_details_s64(s->fd, "specific_trap", e.integer);
		if (!next(s, &off, &len, &e, SNMP_BE_UNS))
			return false;
		fmt_details_u64(s->fd, "time_stamp", e.uns);
		return put_varbinds(s, off, len);
	}
	if (!next(s, &off, &len, &e, SNMP_BE_INT))
		return false;
	fmt_details_s64(s->fd, "request_id", e.integer);
	if (!next(s, &off, &len, &e, SNMP_BE_INT))
		return false;
	/* GetBulk puts its repetition counts where the others put the error */
	if (pdu.id == SNMP_GETBULKREQ) {
		fmt_details_s64(s->fd, "non_repeaters", e.integer);
	} else {
		fmt_details_s64(s->fd, "error_status", e.integer);
		name = snmp_error_name(e.integer);
		if (name)
			fmt_details_str(s->fd, "error_status_name", name);
	}
	if (!next(s, &off, &len, &e, SNMP_BE_INT))
		return false;
	fmt_details_s64(s->fd, pdu.id == SNMP_GETBULKREQ ? "max_repetitions" : "error_index",
			e.integer);
	return put_varbinds(s, off, len);
}

/* SNMPv3: msgGlobalData, the USM parameters, and the ScopedPDU when it is not encrypted. */
static bool put_v3(const struct snmp_view *s, uint32_t off, uint32_t len)
{
	struct snmp_ber hdr, e;
	uint32_t hoff, hlen, uoff, ulen;
	int32_t model;

	if (!next(s, &off, &len, &hdr, SNMP_BE_SEQ))
		return false;
	hoff = hdr.off;
	hlen = hdr.asnlen;
	if (!next(s, &hoff, &hlen, &e, SNMP_BE_INT))
		return false;
	fmt_details_s64(s->fd, "msg_id", e.integer);
	if (!next(s, &hoff, &hlen, &e, SNMP_BE_INT))
		return false;
	fmt_details_s64(s->fd, "max_size", e.integer);
	if (!next(s, &hoff, &hlen, &e, SNMP_BE_STR) || e.asnlen != 1)
		return false;
	fmt_details_u64(s->fd, "flags", msg_u8(s->g, e.off));
	if (!next(s, &hoff, &hlen, &e, SNMP_BE_INT))
		return false;
	model = e.integer;
	fmt_details_s64(s->fd, "security_model", model);
	if (!next(s, &off, &len, &e, SNMP_BE_STR))
		return false;
	if (model == 3) {
		/* the USM parameters, a SEQUENCE inside msgSecurityParameters' string */
		struct snmp_ber usm;

		uoff = e.off;
		ulen = e.asnlen;
		if (!next(s, &uoff, &ulen, &usm, SNMP_BE_SEQ))
			return false;
		uoff = usm.off;
		ulen = usm.asnlen;
		if (!next(s, &uoff, &ulen, &e, SNMP_BE_STR))
			return false;
		put_hex(s, "engine_id", &e);
		if (!next(s, &uoff, &ulen, &e, SNMP_BE_INT))
			return false;
		fmt_details_s64(s->fd, "engine_boots", e.integer);
		if (!next(s, &uoff, &ulen, &e, SNMP_BE_INT))
			return false;
		fmt_details_s64(s->fd, "engine_time", e.integer);
		if (!next(s, &uoff, &ulen, &e, SNMP_BE_STR))
			return false;
		put_string(s, "user", "user_hex", &e);
	}
	/* an encrypted ScopedPDU is an OCTET STRING: nothing more to read */
	if (!snmp_ber_read(s->g, off, len, &e))
		return false;
	if (e.type != SNMP_BE_SEQ) {
		fmt_details_bool(s->fd, "encrypted", true);
		return true;
	}
	off = e.off;
	len = e.asnlen;
	if (!next(s, &off, &len, &e, SNMP_BE_STR))
		return false;
	put_hex(s, "context_engine_id", &e);
	if (!next(s, &off, &len, &e, SNMP_BE_STR))
		return false;
	put_string(s, "context_name", "context_name_hex", &e);
	return put_pdu(s, off, len);
}

static void put_snmp(const struct snmp_view *s)
{
	struct snmp_ber e;
	uint32_t off = 0, len = s->g->len;
	bool ok = false;

	fmt_details_object_begin(s->fd, "snmp");
	fmt_details_u64(s->fd, "len", len);
	if (!next(s, &off, &len, &e, SNMP_BE_SEQ))
		goto out;
	off = e.off;
	len = e.asnlen;
	if (!next(s, &off, &len, &e, SNMP_BE_INT))
		goto out;
	fmt_details_s64(s->fd, "version", e.integer);
	if (e.integer < 0 || e.integer > 3 || e.integer == 2)
		goto out;
	fmt_details_str(s->fd, "version_name", version_names[e.integer]);
	if (e.integer == 3) {
		ok = put_v3(s, off, len);
		goto out;
	}
	if (!next(s, &off, &len, &e, SNMP_BE_STR))
		goto out;
	put_string(s, "community", "community_hex", &e);
	ok = put_pdu(s, off, len);
out:
	fmt_details_bool(s->fd, "malformed", !ok);
	fmt_details_object_end(s->fd);
}

bool view_packet_snmp(struct fmt_details *fd, const struct pkt_meta *m, const struct pkt_layer *ly,
		      const uint8_t *data)
{
	struct msg g;
	struct snmp_view s = { fd, &g };

	if (ly->proto != PKT_PROTO_SNMP)
		return false;
	(void)msg_at(&g, m, data, ly);
	put_snmp(&s);
	return true;
}
