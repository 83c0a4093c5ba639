/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_rpc.h: Sun RPC (RFC 5531) and NFS v2/v3 (RFC 1094, RFC 1813): what the
 * dissector, the printers, the xid map and the JSON view share.
 */
#ifndef SOCKEYE_PROTO_RPC_H
#define SOCKEYE_PROTO_RPC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode/pbuf.h"
#include "decode/pkt.h"
#include "decode/proto_msg.h"

#define RPC_NFS_PORT 2049
#define RPC_CALL     0
#define RPC_REPLY    1

/* NFS's procedures, v3's numbers (RFC 1813); v2's are mapped onto them (nfs_proc_generic). */
enum {
	NFSPROC_NULL = 0,
	NFSPROC_GETATTR,
	NFSPROC_SETATTR,
	NFSPROC_LOOKUP,
	NFSPROC_ACCESS,
	NFSPROC_READLINK,
	NFSPROC_READ,
	NFSPROC_WRITE,
	NFSPROC_CREATE,
	NFSPROC_MKDIR,
	NFSPROC_SYMLINK,
	NFSPROC_MKNOD,
	NFSPROC_REMOVE,
	NFSPROC_RMDIR,
	NFSPROC_RENAME,
	NFSPROC_LINK,
	NFSPROC_READDIR,
	NFSPROC_READDIRPLUS,
	NFSPROC_FSSTAT,
	NFSPROC_FSINFO,
	NFSPROC_PATHCONF,
	NFSPROC_COMMIT,
	NFSPROC_NOOP = 25,
};

/*
 * tcpdump's test on a UDP payload or TCP segment at c: a call to port 2049,
 * or a reply from it (TCP: after the record mark).  The xid and direction
 * must be captured.
 */
bool proto_rpc_nfs_match(const struct pkt_cursor *c, uint16_t sport, uint16_t dport, bool tcp);

/* An RPC program's name in /etc/rpc ("portmapper", "nfs" ...), or NULL. */
const char *proto_sunrpc_prog_name(uint32_t prog);

/* v2's procedure numbers as v3's (tcpdump's nfsv3_procid); v3's as they are. */
uint32_t nfs_proc_generic(bool v3, uint32_t proc);
/* "getattr", ... or NULL for a number NFS does not name. */
const char *nfs_proc_name(uint32_t proc);

/*
 * A walk over an RPC message as tcpdump's NFS printer makes it.  Offsets are
 * from the message's first byte (the xid); 0 is never a valid position after
 * a field, so functions returning an offset return 0 for a failure.  Two
 * kinds of failure, as tcpdump: a read past the capture (cut: its longjmp,
 * always " [|nfs]"), and a check that fails on its own (tcpdump's
 * ND_TCHECK or a length test: " [|nfs]" unless an error status was
 * printed, nfserr).
 */
struct nfs_walk {
	struct msg g;	 /* from the xid to the end of the capture */
	struct pbuf *b;
	uint32_t length; /* tcpdump's length: the datagram's, or the TCP record's */
	unsigned v;	 /* the -v count */
	bool quiet;
	bool cut;
	bool nfserr;
};

/* A 32-bit (64-bit) word at off, or 0 with w->cut set when not captured: tcpdump's GET. */
uint32_t nw_u32(struct nfs_walk *w, size_t off);
uint64_t nw_u64(struct nfs_walk *w, size_t off);
/* Whether n bytes at off were captured (tcpdump's TTEST: nothing set). */
bool nw_has(const struct nfs_walk *w, size_t off, size_t n);

/* A file handle at off (v3: its length first): printed; the offset after it, or 0. */
size_t nfs_parse_fh(struct nfs_walk *w, size_t off, bool v3);
/* A file name (length and padded bytes): printed quoted; the offset after it, or 0. */
size_t nfs_parse_fn(struct nfs_walk *w, size_t off);
/* " fh MAJOR,MINOR/INO" of a handle of words 32-bit words, all captured (tcpdump's nfs_printfh). */
void nfs_print_fh(struct pbuf *b, const uint8_t *fh, uint32_t words);

/* " <unstable>": a v3 WRITE's stable_how, "<#N>" (signed) for one RFC 1813 does not name. */
void nfs_put_write_mode(struct pbuf *b, uint32_t mode);

/* The call's text after "NFS request xid N " (the length first). */
void nfs_print_call(struct nfs_walk *w);
/* The reply's text after "NFS reply xid N "; the call it answers when matched. */
void nfs_print_reply(struct nfs_walk *w, bool matched, uint32_t proc, uint32_t vers);

/* Attributes (proto_nfs_attr.c): each returns the offset after, or 0. */
size_t nfs_parse_fattr(struct nfs_walk *w, size_t off, unsigned verbose, bool v3);
size_t nfs_parse_post_op_attr(struct nfs_walk *w, size_t off, unsigned verbose);
size_t nfs_parse_wcc_data(struct nfs_walk *w, size_t off, unsigned verbose);
/* A v3 sattr3: what is set, read first and printed later (tcpdump's parse_sattr3, print_sattr3). */
struct nfs_sattr3 {
	uint32_t modeset, mode, uidset, uid, gidset, gid, sizeset;
	uint32_t atimetype, atime_sec, atime_nsec, mtimetype, mtime_sec, mtime_nsec;
};
size_t nfs_parse_sattr3(struct nfs_walk *w, size_t off, struct nfs_sattr3 *sa);
void nfs_print_sattr3(struct nfs_walk *w, const struct nfs_sattr3 *sa);
/* "REG", "DIR" ... of an ftype, or NULL. */
const char *nfs_type_name(uint32_t type);

#endif /* SOCKEYE_PROTO_RPC_H */
