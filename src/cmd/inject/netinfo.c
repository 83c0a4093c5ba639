/* SPDX-License-Identifier: GPL-2.0-or-later */
/* netinfo.c: device facts through ioctl and getifaddrs, neighbours through an RTM_GETNEIGH dump. */
#include "config.h"

#include <errno.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <libmnl/libmnl.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>

#include "cmd/inject/netinfo.h"

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

static int neigh_msg(const struct nlmsghdr *nlh, void *data)
{
	struct neigh_query *q = data;
	const struct ndmsg *nd;
	size_t alen = q->family == AF_INET ? 4 : 16;

	if (nlh->nlmsg_type != RTM_NEWNEIGH || nlh->nlmsg_len < mnl_nlmsg_size(sizeof(*nd)))
		return MNL_CB_OK;
	nd = mnl_nlmsg_get_payload(nlh);
	if (nd->ndm_ifindex != q->ifindex || nd->ndm_family != q->family || q->found ||
	    !(nd->ndm_state & (NUD_REACHABLE | NUD_STALE | NUD_DELAY | NUD_PROBE | NUD_PERMANENT)))
		return MNL_CB_OK;
	q->dst = q->lladdr = NULL;
	if (mnl_attr_parse(nlh, sizeof(*nd), neigh_attr, q) < 0)
		return MNL_CB_ERROR;
	if (q->dst && q->lladdr && mnl_attr_get_payload_len(q->dst) == alen &&
	    mnl_attr_get_payload_len(q->lladdr) == 6 &&
	    !memcmp(mnl_attr_get_payload(q->dst), q->addr, alen)) {
		memcpy(q->mac, mnl_attr_get_payload(q->lladdr), 6);
		q->found = true;
	}
	return MNL_CB_OK;
}

int netinfo_neigh(int ifindex, int family, const uint8_t *addr, uint8_t mac[6])
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct neigh_query q = { .ifindex = ifindex, .family = family, .addr = addr, .mac = mac };
	struct mnl_socket *nl = mnl_socket_open(NETLINK_ROUTE);
	struct nlmsghdr *nlh;
	struct ndmsg *nd;
	unsigned seq = (unsigned)time(NULL), portid;
	ssize_t n;
	int ret, err = 0;

	if (!nl)
		return -errno;
	if (mnl_socket_bind(nl, 0, MNL_SOCKET_AUTOPID) < 0) {
		err = -errno;
		goto out;
	}
	portid = mnl_socket_get_portid(nl);
	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = RTM_GETNEIGH;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	nlh->nlmsg_seq = seq;
	nd = mnl_nlmsg_put_extra_header(nlh, sizeof(*nd));
	nd->ndm_family = (uint8_t)family;
	if (mnl_socket_sendto(nl, nlh, nlh->nlmsg_len) < 0) {
		err = -errno;
		goto out;
	}
	do {
		n = mnl_socket_recvfrom(nl, buf, sizeof(buf));
		if (n < 0) {
			err = -errno;
			goto out;
		}
		ret = mnl_cb_run(buf, (size_t)n, seq, portid, neigh_msg, &q);
	} while (ret > 0);
	if (ret < 0)
		err = errno ? -errno : -EBADMSG;
	else if (!q.found)
		err = -ENOENT;
out:
	mnl_socket_close(nl);
	return err;
}
