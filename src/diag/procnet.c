/* SPDX-License-Identifier: GPL-2.0-or-later */
/* procnet.c: parses /proc/net/raw{,6} lines into inet_diag_msg replies. */
#include "config.h"

#include <errno.h>
#include <arpa/inet.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <libmnl/libmnl.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>

#include "diag/procnet.h"

#define MSG_LEN (MNL_NLMSG_HDRLEN + MNL_ALIGN(sizeof(struct inet_diag_msg)))

/*
 * "HEX:PORT": the address words as the kernel printed them (%08X of each
 * big-endian word read as a host integer), so copying the parsed integers
 * back gives the address bytes in network order.
 */
static int parse_endpoint(const char *s, int af, uint32_t addr[4], uint16_t *port)
{
	size_t words = af == AF_INET ? 1 : 4;
	unsigned p;

	if (strlen(s) < 8 * words + 2)
		return -EBADMSG;
	for (size_t i = 0; i < words; i++) {
		char hex[9], *end;

		memcpy(hex, s + 8 * i, 8);
		hex[8] = '\0';
		addr[i] = (uint32_t)strtoul(hex, &end, 16);
		if (*end)
			return -EBADMSG;
	}
	if (s[8 * words] != ':' || sscanf(s + 8 * words + 1, "%4x", &p) != 1)
		return -EBADMSG;
	*port = (uint16_t)p;
	return 0;
}

static int parse_line(const char *line, int af, struct inet_diag_msg *m)
{
	char local[64], remote[64];
	unsigned st, tx, rx, uid;
	unsigned long inode;
	uint32_t a[4] = { 0 };
	uint16_t port;
	int err;

	if (sscanf(line, " %*u: %63s %63s %x %x:%x %*x:%*x %*x %u %*d %lu", local, remote, &st,
		   &tx, &rx, &uid, &inode) != 7)
		return -EBADMSG;
	memset(m, 0, sizeof(*m));
	m->idiag_family = (uint8_t)af;
	m->idiag_state = (uint8_t)st;
	err = parse_endpoint(local, af, a, &port);
	if (err)
		return err;
	memcpy(m->id.idiag_src, a, af == AF_INET ? 4 : 16);
	m->id.idiag_sport = htons(port);
	err = parse_endpoint(remote, af, a, &port);
	if (err)
		return err;
	memcpy(m->id.idiag_dst, a, af == AF_INET ? 4 : 16);
	m->id.idiag_dport = htons(port);
	m->idiag_wqueue = tx;
	m->idiag_rqueue = rx;
	m->idiag_uid = uid;
	m->idiag_inode = (uint32_t)inode;
	return 0;
}

static int grow(char **buf, size_t *cap, size_t need)
{
	size_t ncap = *cap ? *cap : 4096;
	char *p;

	while (ncap < need)
		ncap *= 2;
	if (ncap == *cap)
		return 0;
	p = realloc(*buf, ncap);
	if (!p)
		return -ENOMEM;
	*buf = p;
	*cap = ncap;
	return 0;
}

int procnet_raw_datagram(FILE *f, int af, void **out, size_t *outlen)
{
	char line[512], *buf = NULL;
	size_t len = 0, cap = 0;
	struct inet_diag_msg m;
	struct nlmsghdr *nlh;
	int err = 0;

	*out = NULL;
	*outlen = 0;
	/* The first line is the header. */
	if (!fgets(line, sizeof(line), f))
		return -EBADMSG;
	while (!err && fgets(line, sizeof(line), f)) {
		err = parse_line(line, af, &m);
		if (!err)
			err = grow(&buf, &cap, len + MSG_LEN + MNL_NLMSG_HDRLEN + 4);
		if (err)
			break;
		memset(buf + len, 0, MSG_LEN);
		nlh = (struct nlmsghdr *)(buf + len);
		nlh->nlmsg_len = MSG_LEN;
		nlh->nlmsg_type = SOCK_DIAG_BY_FAMILY;
		nlh->nlmsg_flags = NLM_F_MULTI;
		memcpy(buf + len + MNL_NLMSG_HDRLEN, &m, sizeof(m));
		len += MSG_LEN;
	}
	if (!err)
		err = grow(&buf, &cap, len + MNL_NLMSG_HDRLEN + 4);
	if (err) {
		free(buf);
		return err;
	}
	nlh = (struct nlmsghdr *)(buf + len);
	memset(nlh, 0, MNL_NLMSG_HDRLEN + 4);
	nlh->nlmsg_len = MNL_NLMSG_HDRLEN + 4;
	nlh->nlmsg_type = NLMSG_DONE;
	nlh->nlmsg_flags = NLM_F_MULTI;
	*out = buf;
	*outlen = len + MNL_NLMSG_HDRLEN + 4;
	return 0;
}
