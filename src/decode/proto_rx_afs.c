/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_rx_afs.c: the AFS services over Rx as tcpdump's print-rx.c decodes
 * their calls and replies: the file server (fs), callbacks (cb) and the
 * authentication server (kauth); the databases (pt, vldb, Ubik) in
 * proto_rx_db.c, the volume (vol) and basic overseer (bos) servers in
 * proto_rx_vol.c.
 */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "decode/proto_rx.h"

#define AFSOPAQUEMAX 1024
#define AFSNAMEMAX   256
#define KANAMEMAX    64
#define USERNAMEMAX  1024

static const struct msg_tok fs_req[] = {
	{ 130, "fetch-data" },	 { 131, "fetch-acl" },	   { 132, "fetch-status" },
	{ 133, "store-data" },	 { 134, "store-acl" },	   { 135, "store-status" },
	{ 136, "remove-file" },	 { 137, "create-file" },   { 138, "rename" },
	{ 139, "symlink" },	 { 140, "link" },	   { 141, "makedir" },
	{ 142, "rmdir" },	 { 143, "oldsetlock" },	   { 144, "oldextlock" },
	{ 145, "oldrellock" },	 { 146, "get-stats" },	   { 147, "give-cbs" },
	{ 148, "get-vlinfo" },	 { 149, "get-vlstats" },   { 150, "set-vlstats" },
	{ 151, "get-rootvl" },	 { 152, "check-token" },   { 153, "get-time" },
	{ 154, "nget-vlinfo" },	 { 155, "bulk-stat" },	   { 156, "setlock" },
	{ 157, "extlock" },	 { 158, "rellock" },	   { 159, "xstat-ver" },
	{ 160, "get-xstat" },	 { 161, "dfs-lookup" },	   { 162, "dfs-flushcps" },
	{ 163, "dfs-symlink" },	 { 220, "residency" },	   { 65536, "inline-bulk-status" },
	{ 65537, "fetch-data-64" }, { 65538, "store-data-64" }, { 65539, "give-up-all-cbs" },
	{ 65540, "get-caps" },	 { 65541, "cb-rx-conn-addr" }, { 0, NULL },
};

static const struct msg_tok cb_req[] = {
	{ 204, "callback" },	{ 205, "initcb" },	  { 206, "probe" },
	{ 207, "getlock" },	{ 208, "getce" },	  { 209, "xstatver" },
	{ 210, "getxstat" },	{ 211, "initcb2" },	  { 212, "whoareyou" },
	{ 213, "initcb3" },	{ 214, "probeuuid" },	  { 215, "getsrvprefs" },
	{ 216, "getcellservdb" }, { 217, "getlocalcell" }, { 218, "getcacheconf" },
	{ 65536, "getce64" },	{ 65537, "getcellbynum" }, { 65538, "tellmeaboutyourself" },
	{ 0, NULL },
};

static const struct msg_tok pt_req[] = {
	{ 500, "new-user" },	 { 501, "where-is-it" },     { 502, "dump-entry" },
	{ 503, "add-to-group" }, { 504, "name-to-id" },	     { 505, "id-to-name" },
	{ 506, "delete" },	 { 507, "remove-from-group" }, { 508, "get-cps" },
	{ 509, "new-entry" },	 { 510, "list-max" },	     { 511, "set-max" },
	{ 512, "list-entry" },	 { 513, "change-entry" },    { 514, "list-elements" },
	{ 515, "same-mbr-of" },	 { 516, "set-fld-sentry" },  { 517, "list-owned" },
	{ 518, "get-cps2" },	 { 519, "get-host-cps" },    { 520, "update-entry" },
	{ 521, "list-entries" }, { 530, "list-super-groups" }, { 0, NULL },
};

static const struct msg_tok vldb_req[] = {
	{ 501, "create-entry" },     { 502, "delete-entry" },	     { 503, "get-entry-by-id" },
	{ 504, "get-entry-by-name" }, { 505, "get-new-volume-id" },   { 506, "replace-entry" },
	{ 507, "update-entry" },     { 508, "setlock" },	     { 509, "releaselock" },
	{ 510, "list-entry" },	     { 511, "list-attrib" },	     { 512, "linked-list" },
	{ 513, "get-stats" },	     { 514, "probe" },		     { 515, "get-addrs" },
	{ 516, "change-addr" },	     { 517, "create-entry-n" },	     { 518, "get-entry-by-id-n" },
	{ 519, "get-entry-by-name-n" }, { 520, "replace-entry-n" },  { 521, "list-entry-n" },
	{ 522, "list-attrib-n" },    { 523, "linked-list-n" },	     { 524, "update-entry-by-name" },
	{ 525, "create-entry-u" },   { 526, "get-entry-by-id-u" },   { 527, "get-entry-by-name-u" },
	{ 528, "replace-entry-u" },  { 529, "list-entry-u" },	     { 530, "list-attrib-u" },
	{ 531, "linked-list-u" },    { 532, "regaddr" },	     { 533, "get-addrs-u" },
	{ 534, "list-attrib-n2" },   { 0, NULL },
};

static const struct msg_tok kauth_req[] = {
	{ 1, "auth-old" },	 { 21, "authenticate" }, { 22, "authenticate-v2" },
	{ 2, "change-pw" },	 { 3, "get-ticket-old" }, { 23, "get-ticket" },
	{ 4, "set-pw" },	 { 5, "set-fields" },	  { 6, "create-user" },
	{ 7, "delete-user" },	 { 8, "get-entry" },	  { 9, "list-entry" },
	{ 10, "get-stats" },	 { 11, "debug" },	  { 12, "get-pw" },
	{ 13, "get-random-key" }, { 14, "unlock" },	  { 15, "lock-status" },
	{ 0, NULL },
};

static const struct msg_tok vol_req[] = {
	{ 100, "create-volume" },    { 101, "delete-volume" },	 { 102, "restore" },
	{ 103, "forward" },	     { 104, "end-trans" },	 { 105, "clone" },
	{ 106, "set-flags" },	     { 107, "get-flags" },	 { 108, "trans-create" },
	{ 109, "dump" },	     { 110, "get-nth-volume" },	 { 111, "set-forwarding" },
	{ 112, "get-name" },	     { 113, "get-status" },	 { 114, "sig-restore" },
	{ 115, "list-partitions" },  { 116, "list-volumes" },	 { 117, "set-id-types" },
	{ 118, "monitor" },	     { 119, "partition-info" },	 { 120, "reclone" },
	{ 121, "list-one-volume" },  { 122, "nuke" },		 { 123, "set-date" },
	{ 124, "x-list-volumes" },   { 125, "x-list-one-volume" }, { 126, "set-info" },
	{ 127, "x-list-partitions" }, { 128, "forward-multiple" }, { 65536, "convert-ro" },
	{ 65537, "get-size" },	     { 65538, "dump-v2" },	 { 0, NULL },
};

static const struct msg_tok bos_req[] = {
	{ 80, "create-bnode" },	      { 81, "delete-bnode" },	   { 82, "set-status" },
	{ 83, "get-status" },	      { 84, "enumerate-instance" }, { 85, "get-instance-info" },
	{ 86, "get-instance-parm" },  { 87, "add-superuser" },	   { 88, "delete-superuser" },
	{ 89, "list-superusers" },    { 90, "list-keys" },	   { 91, "add-key" },
	{ 92, "delete-key" },	      { 93, "set-cell-name" },	   { 94, "get-cell-name" },
	{ 95, "get-cell-host" },      { 96, "add-cell-host" },	   { 97, "delete-cell-host" },
	{ 98, "set-t-status" },	      { 99, "shutdown-all" },	   { 100, "restart-all" },
	{ 101, "startup-all" },	      { 102, "set-noauth-flag" },  { 103, "re-bozo" },
	{ 104, "restart" },	      { 105, "start-bozo-install" }, { 106, "uninstall" },
	{ 107, "get-dates" },	      { 108, "exec" },		   { 109, "prune" },
	{ 110, "set-restart-time" },  { 111, "get-restart-time" }, { 112, "start-bozo-log" },
	{ 113, "wait-all" },	      { 114, "get-instance-strings" }, { 115, "get-restricted" },
	{ 116, "set-restricted" },    { 0, NULL },
};

static const struct msg_tok afs_fs_errors[] = {
	{ 101, "salvage volume" },   { 102, "no such vnode" },	    { 103, "no such volume" },
	{ 104, "volume exist" },     { 105, "no service" },	    { 106, "volume offline" },
	{ 107, "voline online" },    { 108, "diskfull" },	    { 109, "diskquota exceeded" },
	{ 110, "volume busy" },	     { 111, "volume moved" },	    { 112, "AFS IO error" },
	{ 0xffffff9c, "restarting fileserver" }, { 0, NULL },
};

const char *rx_afs_op_name(uint16_t port, uint32_t opcode)
{
	if ((opcode >= 10000 && opcode <= 10007) || (opcode >= 20000 && opcode <= 20013)) {
		if (port == RX_PORT_PROT || port == RX_PORT_VLDB || port == RX_PORT_KAUTH)
			return rx_ubik_op_name(opcode);
	}
	switch (port) {
	case RX_PORT_FS:
		return msg_tok_find(fs_req, opcode);
	case RX_PORT_CB:
		return msg_tok_find(cb_req, opcode);
	case RX_PORT_PROT:
		return msg_tok_find(pt_req, opcode);
	case RX_PORT_VLDB:
		return msg_tok_find(vldb_req, opcode);
	case RX_PORT_KAUTH:
		return msg_tok_find(kauth_req, opcode);
	case RX_PORT_VOL:
		return msg_tok_find(vol_req, opcode);
	case RX_PORT_BOS:
		return msg_tok_find(bos_req, opcode);
	}
	return NULL;
}

static bool is_ubik(uint32_t op)
{
	return (op >= 10000 && op <= 10007) || (op >= 20000 && op <= 20013);
}

/* ---- tcpdump's argument macros: false where they "goto trunc" ------------------------------- */

static bool fid_out(struct rx_rd *r)
{
	uint32_t n1, n2, n3;

	if (!rx_has(r, 12))
		return false;
	n1 = rx_u32(r);
	n2 = rx_u32(r);
	n3 = rx_u32(r);
	msg_printf(r->b, " fid %u/%u/%u", n1, n2, n3);
	return true;
}

static void uint64_out(struct rx_rd *r)
{
	uint64_t hi = rx_u32(r);

	msg_printf(r->b, " %" PRIu64, hi << 32 | rx_u32(r));
}

static bool storeattr_out(struct rx_rd *r)
{
	uint32_t mask, v;

	if (!rx_has(r, 24))
		return false;
	mask = rx_u32(r);
	if (mask)
		pbuf_puts(r->b, " StoreStatus");
	if (mask & 1) {
		pbuf_puts(r->b, " date");
		rx_date(r);
	} else {
		r->off += 4;
	}
	v = rx_u32(r);
	if (mask & 2)
		msg_printf(r->b, " owner %u", v);
	v = rx_u32(r);
	if (mask & 4)
		msg_printf(r->b, " group %u", v);
	v = rx_u32(r);
	if (mask & 8)
		msg_printf(r->b, " mode %o", v & 07777);
	v = rx_u32(r);
	if (mask & 16)
		msg_printf(r->b, " segsize %u", v);
	if (mask & 1024)
		pbuf_puts(r->b, " fsync");
	return true;
}

/* A count of fids, each but the last followed by a comma. */
static bool fid_list(struct rx_rd *r)
{
	uint32_t j = rx_u32(r);

	for (uint32_t i = 0; i < j; i++) {
		if (!fid_out(r))
			return false;
		if (i != j - 1)
			pbuf_putc(r->b, ',');
	}
	if (!j)
		pbuf_puts(r->b, " <none!>");
	return true;
}

/* ---- ACLs: "<positive> <negative>\n" then "<user> <bits>\n" each ---------------------------- */

static void acl_bits(struct pbuf *b, int acl)
{
	static const struct {
		int bit;
		char c;
	} order[] = { { 1, 'r' }, { 8, 'l' }, { 4, 'i' }, { 16, 'd' }, { 2, 'w' }, { 32, 'k' }, { 64, 'a' } };

	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++)
		if (acl & order[i].bit)
			pbuf_putc(b, order[i].c);
}

static void acl_print(struct pbuf *b, const char *s, const char *end)
{
	static char user[USERNAMEMAX + 1];
	int pos, neg, acl, n;

	if (sscanf(s, "%d %d\n%n", &pos, &neg, &n) != 2)
		return;
	s += n;
	if (s > end)
		return;
	for (int sign = 0; sign < 2; sign++) {
		for (int i = 0; i < (sign ? neg : pos); i++) {
			if (sscanf(s, "%1024s %d\n%n", user, &acl, &n) != 2)
				return;
			s += n;
			pbuf_puts(b, sign ? " -{" : " +{");
			for (const char *p = user; *p; p++)
				msg_put_char(b, (uint8_t)*p);
			pbuf_putc(b, ' ');
			acl_bits(b, acl);
			pbuf_putc(b, '}');
			if (s > end)
				return;
		}
	}
}

/* An opaque ACL string: its length, then the bytes (at most AFSOPAQUEMAX read). */
static bool acl_out(struct rx_rd *r)
{
	static char a[AFSOPAQUEMAX + 1];
	uint32_t i = rx_u32(r);

	if (!rx_has(r, i))
		return false;
	if (i > AFSOPAQUEMAX)
		i = AFSOPAQUEMAX;
	strncpy(a, (const char *)r->g->p + r->off, i);
	a[i] = '\0';
	acl_print(r->b, a, a + i);
	return true;
}

/* ---- services -------------------------------------------------------------------------------- */

static bool fs_call(struct rx_rd *r, uint32_t op)
{
	switch (op) {
	case 130:
		if (!fid_out(r))
			return false;
		pbuf_puts(r->b, " offset");
		rx_uint(r);
		pbuf_puts(r->b, " length");
		rx_uint(r);
		break;
	case 131: case 132: case 143: case 144: case 145: case 156: case 157: case 158:
		return fid_out(r);
	case 135:
		return fid_out(r) && storeattr_out(r);
	case 133:
		if (!fid_out(r) || !storeattr_out(r))
			return false;
		pbuf_puts(r->b, " offset");
		rx_uint(r);
		pbuf_puts(r->b, " length");
		rx_uint(r);
		pbuf_puts(r->b, " flen");
		rx_uint(r);
		break;
	case 134:
		return fid_out(r) && acl_out(r);
	case 137:
	case 141:
		return fid_out(r) && rx_str(r, AFSNAMEMAX) && storeattr_out(r);
	case 136:
	case 142:
		return fid_out(r) && rx_str(r, AFSNAMEMAX);
	case 138:
		pbuf_puts(r->b, " old");
		if (!fid_out(r) || !rx_str(r, AFSNAMEMAX))
			return false;
		pbuf_puts(r->b, " new");
		return fid_out(r) && rx_str(r, AFSNAMEMAX);
	case 139:
		if (!fid_out(r) || !rx_str(r, AFSNAMEMAX))
			return false;
		pbuf_puts(r->b, " link to");
		return rx_str(r, AFSNAMEMAX);
	case 140:
		if (!fid_out(r) || !rx_str(r, AFSNAMEMAX))
			return false;
		pbuf_puts(r->b, " link to");
		return fid_out(r);
	case 148:
		return rx_str(r, AFSNAMEMAX);
	case 149:
	case 150:
		pbuf_puts(r->b, " volid");
		rx_uint(r);
		break;
	case 154:
		pbuf_puts(r->b, " volname");
		return rx_str(r, AFSNAMEMAX);
	case 155:
	case 65536:
		return fid_list(r);
	case 65537:
		if (!fid_out(r))
			return false;
		pbuf_puts(r->b, " offset");
		uint64_out(r);
		pbuf_puts(r->b, " length");
		uint64_out(r);
		break;
	case 65538:
		if (!fid_out(r) || !storeattr_out(r))
			return false;
		pbuf_puts(r->b, " offset");
		uint64_out(r);
		pbuf_puts(r->b, " length");
		uint64_out(r);
		pbuf_puts(r->b, " flen");
		uint64_out(r);
		break;
	case 65541:
		pbuf_puts(r->b, " addr");
		rx_uint(r);
		break;
	default:
		break;
	}
	return true;
}

static bool fs_reply(struct rx_rd *r, uint8_t type, uint32_t op)
{
	if (type == RX_PACKET_TYPE_DATA) {
		switch (op) {
		case 131:
			return acl_out(r);
		case 137:
		case 141:
			pbuf_puts(r->b, " new");
			return fid_out(r);
		case 151:
			pbuf_puts(r->b, " root volume");
			return rx_str(r, AFSNAMEMAX);
		case 153:
			rx_date(r);
			break;
		default:
			break;
		}
	} else if (type == RX_PACKET_TYPE_ABORT) {
		pbuf_puts(r->b, " error ");
		msg_tok_put(r->b, afs_fs_errors, "#%d", rx_u32(r));
	} else {
		msg_printf(r->b, " strange fs reply of type %u", type);
	}
	return true;
}

static bool cb_call(struct rx_rd *r, uint32_t op)
{
	uint32_t j;

	if (op == 214) {
		pbuf_puts(r->b, " afsuuid");
		return rx_afsuuid(r);
	}
	if (op != 204)
		return true;
	if (!fid_list(r))
		return false;
	j = rx_u32(r);
	if (j)
		pbuf_putc(r->b, ';');
	for (uint32_t i = 0; i < j; i++) {
		pbuf_puts(r->b, " ver");
		rx_int(r);
		pbuf_puts(r->b, " expires");
		rx_date(r);
		rx_u32(r); /* the type: tcpdump reads it and prints nothing */
	}
	return true;
}

static bool kauth_call(struct rx_rd *r, uint32_t op)
{
	uint32_t i;

	switch (op) {
	case 1: case 21: case 22: case 2: case 5: case 6: case 7: case 8: case 14: case 15:
		pbuf_puts(r->b, " principal");
		return rx_str(r, KANAMEMAX) && rx_str(r, KANAMEMAX);
	case 3:
	case 23:
		pbuf_puts(r->b, " kvno");
		rx_int(r);
		pbuf_puts(r->b, " domain");
		if (!rx_str(r, KANAMEMAX))
			return false;
		i = rx_u32(r);
		if (!rx_has(r, i))
			return false;
		r->off += i;
		pbuf_puts(r->b, " principal");
		return rx_str(r, KANAMEMAX) && rx_str(r, KANAMEMAX);
	case 4:
		pbuf_puts(r->b, " principal");
		if (!rx_str(r, KANAMEMAX) || !rx_str(r, KANAMEMAX))
			return false;
		pbuf_puts(r->b, " kvno");
		rx_int(r);
		break;
	case 12:
		pbuf_puts(r->b, " name");
		return rx_str(r, KANAMEMAX);
	default:
		break;
	}
	return true;
}

void rx_afs_call(struct rx_rd *r, uint16_t dport, uint32_t length)
{
	const char *svc;
	uint32_t op;
	bool ok = true;

	if (length <= RX_HDR_LEN)
		return;
	switch (dport) {
	case RX_PORT_FS: svc = "fs"; break;
	case RX_PORT_CB: svc = "cb"; break;
	case RX_PORT_PROT: svc = "pt"; break;
	case RX_PORT_VLDB: svc = "vldb"; break;
	case RX_PORT_KAUTH: svc = "kauth"; break;
	case RX_PORT_VOL: svc = "vol"; break;
	case RX_PORT_BOS: svc = "bos"; break;
	default: return;
	}
	r->off = RX_HDR_LEN;
	op = rx_u32(r);
	msg_printf(r->b, " %s", svc);
	if ((dport == RX_PORT_PROT || dport == RX_PORT_VLDB || dport == RX_PORT_KAUTH) &&
	    is_ubik(op)) {
		r->off = RX_HDR_LEN;
		if (!rx_ubik_call(r, op))
			pbuf_puts(r->b, " [|ubik]");
		return;
	}
	pbuf_puts(r->b, " call ");
	msg_name_or(r->b, rx_afs_op_name(dport, op), "op#", op);
	switch (dport) {
	case RX_PORT_FS: ok = fs_call(r, op); break;
	case RX_PORT_CB: ok = cb_call(r, op); break;
	case RX_PORT_PROT: ok = rx_pt_call(r, op); break;
	case RX_PORT_VLDB: ok = rx_vldb_call(r, op); break;
	case RX_PORT_KAUTH: ok = kauth_call(r, op); break;
	case RX_PORT_VOL: ok = rx_vol_call(r, op); break;
	case RX_PORT_BOS: ok = rx_bos_call(r, op); break;
	default: break;
	}
	if (!ok)
		msg_printf(r->b, " [|%s]", svc);
}

void rx_afs_reply(struct rx_rd *r, uint16_t sport, uint32_t length, uint32_t op)
{
	uint8_t type = msg_u8(r->g, RX_OFF_TYPE);
	const char *svc;
	bool ok = true;

	switch (sport) {
	case RX_PORT_FS: svc = "fs"; break;
	case RX_PORT_CB: svc = "cb"; break;
	case RX_PORT_PROT: svc = "pt"; break;
	case RX_PORT_VLDB: svc = "vldb"; break;
	case RX_PORT_KAUTH: svc = "kauth"; break;
	case RX_PORT_VOL: svc = "vol"; break;
	case RX_PORT_BOS: svc = "bos"; break;
	default: return;
	}
	/* pt and vldb print their replies from a bare header on; the others need a byte more */
	if (length < RX_HDR_LEN || (length == RX_HDR_LEN && sport != RX_PORT_PROT && sport != RX_PORT_VLDB))
		return;
	r->off = RX_HDR_LEN;
	msg_printf(r->b, " %s", svc);
	if ((sport == RX_PORT_PROT || sport == RX_PORT_VLDB || sport == RX_PORT_KAUTH) && is_ubik(op)) {
		if (!rx_ubik_reply(r, type, op))
			pbuf_puts(r->b, " [|ubik]");
		return;
	}
	pbuf_puts(r->b, " reply ");
	msg_name_or(r->b, rx_afs_op_name(sport, op), "op#", op);
	switch (sport) {
	case RX_PORT_FS: ok = fs_reply(r, type, op); break;
	case RX_PORT_PROT: ok = rx_pt_reply(r, type, op); break;
	case RX_PORT_VLDB: ok = rx_vldb_reply(r, type, op); break;
	case RX_PORT_CB:
		if (type == RX_PACKET_TYPE_DATA) {
			if (op == 213)
				ok = rx_afsuuid(r);
		} else {
			pbuf_puts(r->b, " errcode");
			rx_int(r);
		}
		break;
	case RX_PORT_VOL:
		if (type == RX_PACKET_TYPE_DATA) {
			ok = rx_vol_reply(r, op);
		} else {
			pbuf_puts(r->b, " errcode");
			rx_int(r);
		}
		break;
	default:
		/* kauth and bos: the error code of what is not data */
		if (type != RX_PACKET_TYPE_DATA) {
			pbuf_puts(r->b, " errcode");
			rx_int(r);
		}
		break;
	}
	if (!ok)
		msg_printf(r->b, " [|%s]", svc);
}
