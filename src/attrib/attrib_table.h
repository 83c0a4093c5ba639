/* SPDX-License-Identifier: GPL-2.0-or-later */
/* attrib_table.h: socket tuple -> owner, a fixed-size hash whose least recently used entry leaves first. */
#ifndef SOCKEYE_ATTRIB_TABLE_H
#define SOCKEYE_ATTRIB_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * A socket as a packet shows it, from the socket's side: local, then remote.
 * An unconnected socket (a UDP server, a TCP listener) has remote 0/0, one
 * bound to every address local 0 too.  IPv4 sits in the first 4 bytes, the
 * rest zero (IPv4-mapped IPv6 sockets are stored as IPv4).
 */
struct attrib_key {
	uint32_t netns;		/* the socket's network namespace (inode) */
	uint8_t family;		/* 4 or 6 */
	uint8_t proto;		/* IPPROTO_TCP, IPPROTO_UDP */
	uint16_t lport, rport;	/* host order */
	uint16_t zero;		/* 0: the tuple is 40 bytes, hashed and compared as 5 words */
	uint8_t laddr[16], raddr[16];
};

#define ATTRIB_COMM_LEN 16

/* Who holds a socket. */
struct attrib_proc {
	uint32_t pid;		/* the process (tgid) */
	uint32_t tid;		/* the thread that last used it; 0 unknown (a /proc scan) */
	uint32_t ppid;		/* 0 unknown */
	char comm[ATTRIB_COMM_LEN];
	uint64_t cgroup_id;	/* v2; 0 unknown */
	const char *cgroup;	/* its path under the v2 mount, NULL unknown (interned: lives as long as the engine) */
	const char *container;	/* the container id the path names, or NULL */
	uint32_t netns;
	int8_t selected;	/* the filters' verdict, cached: -1 not asked yet, 0, 1 */
	char *comment;		/* the pcapng comment, made once when first asked, or NULL */
	uint16_t comment_len;	/* its length (a writer need not measure it per packet) */
};

struct attrib_entry {
	struct attrib_key key;
	struct attrib_proc proc;
	uint64_t sk;		/* the kernel's socket address (BPF), 0 from a scan */
	int32_t next;		/* hash chain */
	int32_t older, newer;	/* use order */
};

struct attrib_table_stats {
	size_t capacity;
	size_t entries;
	uint64_t inserted;
	uint64_t replaced;	/* an entry's owner or socket changed */
	uint64_t evicted;	/* the least recently used entry made room for a new one */
};

struct attrib_table;

/* A table of capacity entries (at least 16).  NULL with errno. */
struct attrib_table *attrib_table_new(size_t capacity);
void attrib_table_free(struct attrib_table *t);

/*
 * The entry of key (exactly: namespace too), made when absent: a full table
 * first evicts its least recently used entry, which *evicted_sk (when not NULL)
 * receives (0 none).  The entry becomes the most recently used; a new one has
 * a zeroed proc with selected -1.  Never fails.
 */
struct attrib_entry *attrib_table_put(struct attrib_table *t, const struct attrib_key *key,
				      uint64_t *evicted_sk);
/*
 * The entry of key's tuple: in key->netns, or with any_netns in any namespace
 * (key->netns's first).  A hit becomes the most recently used.  NULL when none.
 */
struct attrib_entry *attrib_table_find(struct attrib_table *t, const struct attrib_key *key,
				       bool any_netns);
/* Forgets an owner's cached comment and verdict (it changed). */
void attrib_table_reset_proc(struct attrib_entry *e);
/* Counts an owner change (the caller rewrote e->proc). */
void attrib_table_count_replaced(struct attrib_table *t);
void attrib_table_stats(const struct attrib_table *t, struct attrib_table_stats *s);
/* Calls fn for each entry, most recently used first. */
void attrib_table_each(struct attrib_table *t, void (*fn)(void *ctx, struct attrib_entry *e),
		       void *ctx);

#endif
