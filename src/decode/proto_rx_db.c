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

static const struct rx_op ubik_calls[] = {
	{ 10000, { { " votestart", 'D' }, { " dbversion", 'E' }, { " tid", 'E' } } },
	{ 10003, { { " site", 'U' } } },
	{ 20000, { { " tid", 'E' } } },
	{ 20001, { { " tid", 'E' } } },
	{ 20002, { { " tid", 'E' }, { " file", 'I' }, { " pos", 'I' }, { " length", 'I' },
		   { "", 'X' } } }, /* the lock type: read, not printed */
	{ 20003, { { " tid", 'E' }, { " file", 'I' }, { " pos", 'I' } } },
	{ 20005, { { " file", 'I' } } },
	{ 20006, { { " file", 'I' }, { " length", 'I' }, { " dbversion", 'E' } } },
	{ 20007, { { " tid", 'E' } } },
	{ 20008, { { " tid", 'E' } } },
	{ 20009, { { " tid", 'E' }, { " file", 'I' }, { " length", 'I' } } },
	{ 20010, { { " tid", 'E' } } },
	{ 20012, { { " tid", 'E' }, { " oldversion", 'E' }, { " newversion", 'E' } } },
	{ 0, { { NULL, 0 } } },
};

bool rx_ubik_call(struct rx_rd *r, uint32_t op)
{
	pbuf_puts(r->b, " ubik call ");
	rx_ubik_op_put(r->b, op);
	r->off += 4;
	if (op == 10000)
		msg_printf(r->b, " syncsite %s", rx_u32(r) ? "yes" : "no");
	return rx_args(r, ubik_calls, op, 0);
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

static const struct rx_op pt_calls[] = {
	{ 500, { { "", 'S' }, { " id", 'I' }, { " oldid", 'I' } } },
	{ 501, { { " id", 'I' } } },
	{ 502, { { " pos", 'I' } } },
	{ 503, { { " uid", 'I' }, { " gid", 'I' } } },
	{ 504, { { "", 'N' } } },
	{ 505, { { " ids:", 'L' } } },
	{ 506, { { " id", 'I' } } },
	{ 507, { { " uid", 'I' }, { " gid", 'I' } } },
	{ 508, { { " id", 'I' } } },
	{ 509, { { "", 'S' }, { " flag", 'I' }, { " oid", 'I' } } },
	{ 511, { { " id", 'I' }, { " gflag", 'I' } } },
	{ 512, { { " id", 'I' } } },
	{ 513, { { " id", 'I' }, { "", 'S' }, { " oldid", 'I' }, { " newid", 'I' } } },
	{ 514, { { " id", 'I' } } },
	{ 515, { { " uid", 'I' }, { " gid", 'I' } } },
	{ 517, { { " id", 'I' } } },
	{ 518, { { " id", 'I' } } },
	{ 519, { { " id", 'I' } } },
	{ 520, { { " id", 'I' }, { "", 'S' } } },
	{ 530, { { " id", 'I' } } },
	{ 0, { { NULL, 0 } } },
};

static const struct rx_op pt_replies[] = {
	{ 504, { { " ids:", 'L' } } },
	{ 505, { { "", 'N' } } },
	{ 508, { { "", 'L' } } },
	{ 510, { { " maxuid", 'I' }, { " maxgid", 'I' } } },
	{ 514, { { "", 'L' } } },
	{ 517, { { "", 'L' } } },
	{ 518, { { "", 'L' } } },
	{ 519, { { "", 'L' } } },
	{ 0, { { NULL, 0 } } },
};

bool rx_pt_call(struct rx_rd *r, uint32_t op)
{
	return rx_args(r, pt_calls, op, PRNAMEMAX);
}

bool rx_pt_reply(struct rx_rd *r, uint8_t type, uint32_t op)
{
	if (type != RX_PACKET_TYPE_DATA) {
		pbuf_puts(r->b, " errcode");
		rx_int(r);
		return true;
	}
	return rx_args(r, pt_replies, op, PRNAMEMAX);
}

static const struct rx_op vldb_calls[] = {
	{ 501, { { "", 'W' } } },
	{ 502, { { " volid", 'I' }, { "", 'Y' } } },
	{ 503, { { " volid", 'I' }, { "", 'Y' } } },
	{ 504, { { "", 'S' } } },
	{ 505, { { " bump", 'I' } } },
	{ 506, { { " volid", 'I' }, { "", 'Y' }, { "", 'W' } } },
	{ 507, { { " volid", 'I' }, { "", 'Y' } } },
	{ 508, { { " volid", 'I' }, { "", 'Y' } } },
	{ 509, { { " volid", 'I' }, { "", 'Y' } } },
	{ 510, { { " index", 'I' } } },
	{ 517, { { "", 'W' } } },
	{ 518, { { " volid", 'I' }, { "", 'Y' } } },
	{ 519, { { "", 'S' } } },
	{ 520, { { " volid", 'I' }, { "", 'Y' }, { "", 'W' } } },
	{ 521, { { " index", 'I' } } },
	{ 524, { { "", 'S' } } },
	{ 527, { { "", 'S' } } },
	{ 0, { { NULL, 0 } } },
};

bool rx_vldb_call(struct rx_rd *r, uint32_t op)
{
	return rx_args(r, vldb_calls, op, VLNAMEMAX);
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
