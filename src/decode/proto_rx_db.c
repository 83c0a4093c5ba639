/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_rx_db.c: the AFS database servers over Rx as tcpdump's print-rx.c
 * decodes their calls and replies: protection (pt), volume location (vldb),
 * and Ubik's votes and disk operations on any of them; the file server,
 * callbacks and authentication in proto_rx_afs.c.
 */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "decode/proto_rx.h"

static const struct msg_tok ubik_req[] = {
	{ 10000, "vote-beacon" },      { 10001, "vote-debug-old" },   { 10002, "vote-sdebug-old" },
	{ 10003, "vote-getsyncsite" }, { 10004, "vote-debug" },	      { 10005, "vote-sdebug" },
	{ 10006, "vote-xdebug" },      { 10007, "vote-xsdebug" },     { 20000, "disk-begin" },
	{ 20001, "disk-commit" },      { 20002, "disk-lock" },	      { 20003, "disk-write" },
	{ 20004, "disk-getversion" },  { 20005, "disk-getfile" },     { 20006, "disk-sendfile" },
	{ 20007, "disk-abort" },       { 20008, "disk-releaselocks" }, { 20009, "disk-truncate" },
	{ 20010, "disk-probe" },       { 20011, "disk-writev" },      { 20012, "disk-interfaceaddr" },
	{ 20013, "disk-setversion" },  { 0, NULL },
};

#define PRNAMEMAX 64
#define VLNAMEMAX 65

static const char *const voltype[] = { "read-write", "read-only", "backup" };

bool rx_ubik_call(struct rx_rd *r, uint32_t op)
{
	pbuf_puts(r->b, " ubik call ");
	rx_ubik_op_put(r->b, op);
	r->off += 4;
	switch (op) {
	case 10000:
		msg_printf(r->b, " syncsite %s", rx_u32(r) ? "yes" : "no");
		pbuf_puts(r->b, " votestart");
		rx_date(r);
		pbuf_puts(r->b, " dbversion");
		if (!rx_ubik_version(r))
			return false;
		pbuf_puts(r->b, " tid");
		return rx_ubik_version(r);
	case 10003:
		pbuf_puts(r->b, " site");
		rx_uint(r);
		break;
	case 20000: case 20001: case 20007: case 20008: case 20010:
		pbuf_puts(r->b, " tid");
		return rx_ubik_version(r);
	case 20002:
		pbuf_puts(r->b, " tid");
		if (!rx_ubik_version(r))
			return false;
		pbuf_puts(r->b, " file");
		rx_int(r);
		pbuf_puts(r->b, " pos");
		rx_int(r);
		pbuf_puts(r->b, " length");
		rx_int(r);
		rx_u32(r); /* the lock type: read, not printed */
		break;
	case 20003:
		pbuf_puts(r->b, " tid");
		if (!rx_ubik_version(r))
			return false;
		pbuf_puts(r->b, " file");
		rx_int(r);
		pbuf_puts(r->b, " pos");
		rx_int(r);
		break;
	case 20005:
		pbuf_puts(r->b, " file");
		rx_int(r);
		break;
	case 20006:
		pbuf_puts(r->b, " file");
		rx_int(r);
		pbuf_puts(r->b, " length");
		rx_int(r);
		pbuf_puts(r->b, " dbversion");
		return rx_ubik_version(r);
	case 20009:
		pbuf_puts(r->b, " tid");
		if (!rx_ubik_version(r))
			return false;
		pbuf_puts(r->b, " file");
		rx_int(r);
		pbuf_puts(r->b, " length");
		rx_int(r);
		break;
	case 20012:
		pbuf_puts(r->b, " tid");
		if (!rx_ubik_version(r))
			return false;
		pbuf_puts(r->b, " oldversion");
		if (!rx_ubik_version(r))
			return false;
		pbuf_puts(r->b, " newversion");
		return rx_ubik_version(r);
	default:
		break;
	}
	return true;
}

bool rx_ubik_reply(struct rx_rd *r, uint8_t type, uint32_t op)
{
	pbuf_puts(r->b, " ubik reply ");
	rx_ubik_op_put(r->b, op);
	if (type == RX_PACKET_TYPE_DATA) {
		if (op == 10000) {
			pbuf_puts(r->b, " vote no");
		} else if (op == 20004) {
			pbuf_puts(r->b, " dbversion");
			return rx_ubik_version(r);
		}
	} else if (op == 10000) {
		pbuf_puts(r->b, " vote yes until");
		rx_date(r);
	} else {
		pbuf_puts(r->b, " errcode");
		rx_int(r);
	}
	return true;
}

bool rx_pt_call(struct rx_rd *r, uint32_t op)
{
	uint32_t j;

	switch (op) {
	case 500:
		if (!rx_str(r, PRNAMEMAX))
			return false;
		pbuf_puts(r->b, " id");
		rx_int(r);
		pbuf_puts(r->b, " oldid");
		rx_int(r);
		break;
	case 501: case 506: case 508: case 512: case 514: case 517: case 518: case 519: case 530:
		pbuf_puts(r->b, " id");
		rx_int(r);
		break;
	case 502:
		pbuf_puts(r->b, " pos");
		rx_int(r);
		break;
	case 503:
	case 507:
	case 515:
		pbuf_puts(r->b, " uid");
		rx_int(r);
		pbuf_puts(r->b, " gid");
		rx_int(r);
		break;
	case 504:
		j = rx_u32(r);
		for (uint32_t i = 0; i < j; i++)
			if (!rx_vec(r, PRNAMEMAX))
				return false;
		if (!j)
			pbuf_puts(r->b, " <none!>");
		break;
	case 505:
		pbuf_puts(r->b, " ids:");
		j = rx_u32(r);
		for (uint32_t i = 0; i < j; i++)
			rx_int(r);
		if (!j)
			pbuf_puts(r->b, " <none!>");
		break;
	case 509:
		if (!rx_str(r, PRNAMEMAX))
			return false;
		pbuf_puts(r->b, " flag");
		rx_int(r);
		pbuf_puts(r->b, " oid");
		rx_int(r);
		break;
	case 511:
		pbuf_puts(r->b, " id");
		rx_int(r);
		pbuf_puts(r->b, " gflag");
		rx_int(r);
		break;
	case 513:
		pbuf_puts(r->b, " id");
		rx_int(r);
		if (!rx_str(r, PRNAMEMAX))
			return false;
		pbuf_puts(r->b, " oldid");
		rx_int(r);
		pbuf_puts(r->b, " newid");
		rx_int(r);
		break;
	case 520:
		pbuf_puts(r->b, " id");
		rx_int(r);
		return rx_str(r, PRNAMEMAX);
	default:
		break;
	}
	return true;
}

bool rx_pt_reply(struct rx_rd *r, uint8_t type, uint32_t op)
{
	uint32_t j;

	if (type != RX_PACKET_TYPE_DATA) {
		pbuf_puts(r->b, " errcode");
		rx_int(r);
		return true;
	}
	switch (op) {
	case 504:
		pbuf_puts(r->b, " ids:");
		j = rx_u32(r);
		for (uint32_t i = 0; i < j; i++)
			rx_int(r);
		if (!j)
			pbuf_puts(r->b, " <none!>");
		break;
	case 505:
		j = rx_u32(r);
		for (uint32_t i = 0; i < j; i++)
			if (!rx_vec(r, PRNAMEMAX))
				return false;
		if (!j)
			pbuf_puts(r->b, " <none!>");
		break;
	case 508: case 514: case 517: case 518: case 519:
		j = rx_u32(r);
		for (uint32_t i = 0; i < j; i++)
			rx_int(r);
		if (!j)
			pbuf_puts(r->b, " <none!>");
		break;
	case 510:
		pbuf_puts(r->b, " maxuid");
		rx_int(r);
		pbuf_puts(r->b, " maxgid");
		rx_int(r);
		break;
	default:
		break;
	}
	return true;
}

bool rx_vldb_call(struct rx_rd *r, uint32_t op)
{
	uint32_t i;

	switch (op) {
	case 501:
	case 517:
		return rx_vec(r, VLNAMEMAX);
	case 502: case 503: case 507: case 508: case 509: case 518:
		pbuf_puts(r->b, " volid");
		rx_int(r);
		i = rx_u32(r);
		if (i <= 2)
			msg_printf(r->b, " type %s", voltype[i]);
		break;
	case 504: case 519: case 524: case 527:
		return rx_str(r, VLNAMEMAX);
	case 505:
		pbuf_puts(r->b, " bump");
		rx_int(r);
		break;
	case 506:
	case 520:
		pbuf_puts(r->b, " volid");
		rx_int(r);
		i = rx_u32(r);
		if (i <= 2)
			msg_printf(r->b, " type %s", voltype[i]);
		return rx_vec(r, VLNAMEMAX);
	case 510:
	case 521:
		pbuf_puts(r->b, " index");
		rx_int(r);
		break;
	default:
		break;
	}
	return true;
}

/* The partitions of a VLDB entry's first nservers servers, n in all. */
static void vldb_partitions(struct rx_rd *r, uint32_t nservers, unsigned n)
{
	pbuf_puts(r->b, " partitions");
	for (unsigned i = 0; i < n; i++) {
		uint32_t j = rx_u32(r);

		if (i < nservers && j <= 26)
			msg_printf(r->b, " %c", 'a' + (int)j);
		else if (i < nservers)
			msg_printf(r->b, " %u", j);
	}
}

static bool vldb_volumes(struct rx_rd *r)
{
	pbuf_puts(r->b, " rwvol");
	rx_uint(r);
	pbuf_puts(r->b, " rovol");
	rx_uint(r);
	pbuf_puts(r->b, " backup");
	rx_uint(r);
	return true;
}

/* A VLDB entry: name, servers (n slots), partitions, volumes; old has a word after the name. */
static bool vldb_entry(struct rx_rd *r, unsigned n, bool old, bool uuids)
{
	uint32_t nservers;

	if (!rx_vec(r, VLNAMEMAX))
		return false;
	if (old) {
		if (!rx_has(r, 4))
			return false;
		r->off += 4;
	}
	pbuf_puts(r->b, " numservers");
	nservers = rx_u32(r);
	msg_printf(r->b, " %u", nservers);
	pbuf_puts(r->b, " servers");
	for (unsigned i = 0; i < n; i++) {
		if (uuids) {
			if (i < nservers) {
				pbuf_puts(r->b, " afsuuid");
				if (!rx_afsuuid(r))
					return false;
			} else {
				if (!rx_has(r, 44))
					return false;
				r->off += 44;
			}
			continue;
		}
		if (!rx_has(r, 4))
			return false;
		/* intoa(): numbers, names or not */
		if (i < nservers)
			msg_printf(r->b, " %u.%u.%u.%u", r->g->p[r->off], r->g->p[r->off + 1],
				   r->g->p[r->off + 2], r->g->p[r->off + 3]);
		r->off += 4;
	}
	if (uuids) {
		if (!rx_has(r, 4 * 13))
			return false;
		r->off += 4 * 13;
	}
	vldb_partitions(r, nservers, n);
	if (!rx_has(r, (size_t)n * 4))
		return false;
	r->off += (size_t)n * 4;
	return vldb_volumes(r);
}

bool rx_vldb_reply(struct rx_rd *r, uint8_t type, uint32_t op)
{
	if (type != RX_PACKET_TYPE_DATA) {
		pbuf_puts(r->b, " errcode");
		rx_int(r);
		return true;
	}
	switch (op) {
	case 510:
		pbuf_puts(r->b, " count");
		rx_int(r);
		pbuf_puts(r->b, " nextindex");
		rx_int(r);
		/* fall through */
	case 503:
	case 504:
		return vldb_entry(r, 8, true, false);
	case 505:
		pbuf_puts(r->b, " newvol");
		rx_uint(r);
		break;
	case 521:
	case 529:
		pbuf_puts(r->b, " count");
		rx_int(r);
		pbuf_puts(r->b, " nextindex");
		rx_int(r);
		/* fall through */
	case 518:
	case 519:
		return vldb_entry(r, 13, false, false);
	case 526:
	case 527:
		return vldb_entry(r, 13, false, true);
	default:
		break;
	}
	return true;
}

const char *rx_ubik_op_name(uint32_t op)
{
	return msg_tok_find(ubik_req, op);
}

void rx_ubik_op_put(struct pbuf *b, uint32_t op)
{
	msg_tok_put(b, ubik_req, "op#%u", op);
}
