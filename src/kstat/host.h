/* SPDX-License-Identifier: GPL-2.0-or-later */
/* host.h: the host line of top: name, uptime and load averages, from uname and /proc. */
#ifndef SOCKEYE_HOST_H
#define SOCKEYE_HOST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A nodename is at most 64 bytes (utsname's __NEW_UTS_LEN). */
#define HOST_NAME_LEN 65

struct host_info {
	char name[HOST_NAME_LEN];
	uint64_t uptime_ms;		/* since boot, from /proc/uptime */
	uint32_t load_centi[3];		/* 1, 5 and 15 minute load averages x 100 */
	uint32_t runnable, threads;	/* "3/125" of /proc/loadavg */
	bool has_name, has_uptime, has_load;
};

/*
 * Each parses one raw source into h and sets its has_ flag; 0 or -EBADMSG
 * (anything but the kernel's exact format).  The text needs no NUL.
 *   uptime:  "3218.20 3359.02\n"             (/proc/uptime)
 *   loadavg: "2.82 1.63 1.57 3/125 11212\n"  (/proc/loadavg)
 *   name:    "host\n"                        (the nodename as host_name_text writes it)
 */
int host_parse_uptime(const char *text, size_t len, struct host_info *h);
int host_parse_loadavg(const char *text, size_t len, struct host_info *h);
int host_parse_name(const char *text, size_t len, struct host_info *h);

/* The nodename of the UTS namespace as a line for host_parse_name.  0 or -errno. */
int host_name_text(char buf[HOST_NAME_LEN + 1]);

#endif
