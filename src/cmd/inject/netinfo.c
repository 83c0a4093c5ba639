/* SPDX-License-Identifier: GPL-2.0-or-later */
/* netinfo.c: device facts through ioctl and getifaddrs, neighbours through an RTM_GETNEIGH dump. */
#include "config.h"

#include <errno.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <libmnl/libmnl.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>

#include "cmd/inject/netinfo.h"
#include "util/nldump.h"

int netinfo_link(const char *name, struct netinfo_link *l)
{
	struct ifreq ifr = { 0 };
	int fd, err = 0;

	memset(l, 0, sizeof(*l));
	if (strlen(name) >= sizeof(ifr.ifr_name))
		return -ENODEV;
	strcpy(ifr.ifr_name, name);
	fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	if (ioctl(fd, SIOCGIFINDEX, &ifr) < 0) {
		err = errno == ENODEV ? -ENODEV : -errno;
		goto out;
	}
	l->ifindex = ifr.ifr_ifindex;
	if (ioctl(fd, SIOCGIFFLAGS, &ifr) < 0) {
		err = -errno;
		goto out;
	}
	l->flags = (unsigned)(unsigned short)ifr.ifr_flags;
	if (ioctl(fd, SIOCGIFMTU, &ifr) < 0) {
		err = -errno;
		goto out;
	}
	l->mtu = (unsigned)ifr.ifr_mtu;
	if (ioctl(fd, SIOCGIFHWADDR, &ifr) < 0) {
		err = -errno;
		goto out;
	}
	l->hatype = ifr.ifr_hwaddr.sa_family;
	memcpy(l->mac, ifr.ifr_hwaddr.sa_data, 6);
out:
	close(fd);
	return err;
}

int netinfo_addr(const char *name, int family, uint8_t addr[16])
{
	struct ifaddrs *ifa, *i;
	int err = -ENOENT;

	if (getifaddrs(&ifa) < 0)
		return -errno;
	for (i = ifa; i && err; i = i->ifa_next) {
		if (!i->ifa_addr || i->ifa_addr->sa_family != family || strcmp(i->ifa_name, name))
			continue;
		memset(addr, 0, 16);
		if (family == AF_INET)
			memcpy(addr, &((struct sockaddr_in *)i->ifa_addr)->sin_addr, 4);
		else
			memcpy(addr, &((struct sockaddr_in6 *)i->ifa_addr)->sin6_addr, 16);
		err = 0;
	}
	freeifaddrs(ifa);
	return err;
}

struct neigh_query {
	int ifindex;
	int family;
	const uint8_t *addr;
	uint8_t *mac;
	bool found;
	const struct nlattr *dst, *lladdr;
};

static int neigh_attr(const struct nlattr *a, void *data)
{
	struct neigh_query *q = data;

	if (mnl_attr_type_valid(a, NDA_MAX) < 0)
		return MNL_CB_OK;
	if (mnl_attr_get_type(a) == NDA_DST)
		q->dst = a;
	else if (mnl_attr_get_type(a) == NDA_LLADDR)
		q->lladdr = a;
	return MNL_CB_OK;
}

static int neigh_msg(const struct nlmsghdr *nlh, struct neigh_query *q)
{
	const struct ndmsg *nd;
	size_t alen = q->family == AF_INET ? 4 : 16;

	if (nlh->nlmsg_type != RTM_NEWNEIGH || nlh->nlmsg_len < mnl_nlmsg_size(sizeof(*nd)))
		return 0;
	nd = mnl_nlmsg_get_payload(nlh);
	if (nd->ndm_ifindex != q->ifindex || nd->ndm_family != q->family || q->found ||
	    !(nd->ndm_state & (NUD_REACHABLE | NUD_STALE | NUD_DELAY | NUD_PROBE | NUD_PERMANENT)))
		return 0;
	q->dst = q->lladdr = NULL;
	if (mnl_attr_parse(nlh, sizeof(*nd), neigh_attr, q) < 0)
		return -EBADMSG;
	if (q->dst && q->lladdr && mnl_attr_get_payload_len(q->dst) == alen &&
	    mnl_attr_get_payload_len(q->lladdr) == 6 &&
	    !memcmp(mnl_attr_get_payload(q->dst), q->addr, alen)) {
		memcpy(q->mac, mnl_attr_get_payload(q->lladdr), 6);
		q->found = true;
	}
	return 0;
}

int netinfo_neigh(int ifindex, int family, const uint8_t *addr, uint8_t mac[6])
{
	uint32_t req[(MNL_NLMSG_HDRLEN + MNL_ALIGN(sizeof(struct ndmsg))) / 4];
	struct neigh_query q = { .ifindex = ifindex, .family = family, .addr = addr, .mac = mac };
	struct nlmsghdr *nlh = nldump_request(req, sizeof(req), RTM_GETNEIGH, NLM_F_DUMP);
	const struct nlmsghdr *m;
	struct ndmsg *nd;
	size_t len, off = 0;
	void *buf;
	int err;

	nd = mnl_nlmsg_put_extra_header(nlh, sizeof(*nd));
	nd->ndm_family = (uint8_t)family;
	err = nldump(NETLINK_ROUTE, nlh, RTM_NEWNEIGH, &buf, &len);
	if (err)
		return err;
	while (!q.found && (err = nldump_next(buf, len, &off, &m)) == 1)
		err = neigh_msg(m, &q);
	if (err >= 0)
		err = q.found ? 0 : -ENOENT;
	free(buf);
	return err;
}
