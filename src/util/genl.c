/* SPDX-License-Identifier: GPL-2.0-or-later */
/* genl.c: generic netlink requests and family lookup (ethtool rings, netdev queue stats). */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "util/genl.h"
#include "util/nldump.h"

struct nlmsghdr *genl_request(void *req, size_t size, uint16_t type, uint16_t flags, uint8_t cmd,
			      uint8_t version)
{
	struct nlmsghdr *nlh = nldump_request(req, size, type, flags);
	struct genlmsghdr *g;

	g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));
	g->cmd = cmd;
	g->version = version;
	return nlh;
}

static int family_id_attr(const struct nlattr *a, void *arg)
{
	if (mnl_attr_get_type(a) != CTRL_ATTR_FAMILY_ID)
		return 0;
	if (mnl_attr_validate(a, MNL_TYPE_U16) < 0)
		return -EBADMSG;
	*(uint16_t *)arg = mnl_attr_get_u16(a);
	return 0;
}

int genl_family_id(const char *name, uint16_t *id)
{
	uint32_t req[GENL_REQ_WORDS];
	struct nlmsghdr *nlh = genl_request(req, sizeof(req), GENL_ID_CTRL, 0, CTRL_CMD_GETFAMILY, 1);
	const struct nlmsghdr *reply;
	size_t len, off = 0;
	void *buf;
	int err;

	if (strlen(name) >= 32)
		return -EINVAL;
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, name);
	err = nldump(NETLINK_GENERIC, nlh, GENL_ID_CTRL, &buf, &len);
	if (err)
		return err;
	*id = 0;
	err = nldump_next(buf, len, &off, &reply);
	if (err == 1 && reply->nlmsg_len >= MNL_NLMSG_HDRLEN + GENL_HDRLEN)
		err = nldump_attrs((const char *)reply + MNL_NLMSG_HDRLEN + GENL_HDRLEN,
				   reply->nlmsg_len - MNL_NLMSG_HDRLEN - GENL_HDRLEN,
				   family_id_attr, id);
	else if (err >= 0)
		err = -EBADMSG;
	if (!err && !*id)
		err = -ENOENT;
	free(buf);
	return err;
}
