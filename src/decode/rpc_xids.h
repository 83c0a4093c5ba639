/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rpc_xids.h: the calls NFS replies answer, matched by xid as tcpdump's xid map, bounded. */
#ifndef SOCKEYE_RPC_XIDS_H
#define SOCKEYE_RPC_XIDS_H

#include <stdbool.h>

#include "decode/pkt_meta.h"

struct rpc_xids;

/* A map of the last RPC_XIDS_SIZE calls (tcpdump keeps 64: older calls give way). */
#define RPC_XIDS_SIZE 64

struct rpc_xids *rpc_xids_new(void);
void rpc_xids_free(struct rpc_xids *t);

/*
 * One packet, in capture order: an NFS call is remembered (client, server,
 * xid, procedure, version); an accepted reply, NFS's or -T rpc's, gets the
 * call it answers in its pkt_rpc (matched, call_proc, call_vers), as
 * tcpdump's printer finds it.  quiet: -q, with which tcpdump decodes no NFS
 * and so remembers no call.
 */
void rpc_xids_track(struct rpc_xids *t, struct pkt_meta *m, bool quiet);

#endif
