/* SPDX-License-Identifier: GPL-2.0-or-later */
/* queues.c: drivers' ethtool statistics (SIOCETHTOOL GSTATS) and their per-queue counters. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#include <linux/ethtool.h>
#include <linux/sockios.h>

#include "kstat/qstats.h"
#include "kstat/queues.h"
#include "util/scan.h"

/* ---- reading: SIOCETHTOOL ------------------------------------------------------ */

/*
 * The kernel sizes its GSTRINGS and GSTATS answers by asking the driver
 * again, not by what we asked for: a queue count raised between our calls
 * (ethtool -L) would write past a buffer sized from the first answer.  So
 * each buffer ends right at an inaccessible page, and an answer longer than
 * expected fails with EFAULT instead of overwriting memory.
 */
struct guarded {
	void *map;
	size_t map_len;
};

static void *guarded_alloc(struct guarded *g, size_t n)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t rw = (n + page - 1) / page * page;

	g->map_len = rw + page;
	g->map = mmap(NULL, g->map_len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (g->map == MAP_FAILED) {
		g->map = NULL;
		return NULL;
	}
	if (mprotect((char *)g->map + rw, page, PROT_NONE)) {
		munmap(g->map, g->map_len);
		g->map = NULL;
		return NULL;
	}
	return (char *)g->map + rw - n;
}

static void guarded_free(struct guarded *g)
{
	if (g->map)
		munmap(g->map, g->map_len);
	g->map = NULL;
}

static int ethtool_ioctl(int fd, const char *ifname, void *data)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", ifname);
	ifr.ifr_data = data;
	return ioctl(fd, SIOCETHTOOL, &ifr) ? -errno : 0;
}

/* Drivers bound this far below: a count past it is garbage, not statistics. */
#define STATS_MAX (1u << 20)

static int stats_count(int fd, const char *ifname, uint32_t *n)
{
	/* The header and room for the one count asked for, aligned for both. */
	uint64_t buf[(sizeof(struct ethtool_sset_info) + sizeof(uint32_t) + 7) / 8] = { 0 };
	struct ethtool_sset_info *info = (struct ethtool_sset_info *)buf;
	int err;

	info->cmd = ETHTOOL_GSSET_INFO;
	info->sset_mask = 1ull << ETH_SS_STATS;
	err = ethtool_ioctl(fd, ifname, info);
	if (err)
		return err;
	*n = info->sset_mask & (1ull << ETH_SS_STATS) ? info->data[0] : 0;
	return *n > STATS_MAX ? -E2BIG : 0;
}

/* A text buffer that grows. */
struct tbuf {
	char *p;
	size_t len, cap;
	int err;
};

static void tbuf_printf(struct tbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void tbuf_printf(struct tbuf *b, const char *fmt, ...)
{
	size_t cap;
	va_list ap;
	char *p;
	int n;

	if (b->err)
		return;
	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(b->p ? b->p + b->len : NULL, b->cap - b->len, fmt, ap);
		va_end(ap);
		if (n < 0) {
			b->err = -EINVAL;
			return;
		}
		if ((size_t)n < b->cap - b->len)
			break;
		cap = b->cap ? b->cap * 2 : 8192;
		while (cap - b->len <= (size_t)n)
			cap *= 2;
		p = realloc(b->p, cap);
		if (!p) {
			b->err = -ENOMEM;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	b->len += (size_t)n;
}

/* One device's statistics as text lines; a device without them adds nothing. */
static int read_one(int fd, const struct link_stat *l, struct tbuf *out)
{
	struct guarded gs = { 0 }, gv = { 0 };
	struct ethtool_gstrings *strs;
	struct ethtool_stats *vals;
	uint32_t n;
	int err;

	err = stats_count(fd, l->name, &n);
	if (err || !n)
		goto out;
	strs = guarded_alloc(&gs, sizeof(*strs) + (size_t)n * ETH_GSTRING_LEN);
	vals = guarded_alloc(&gv, sizeof(*vals) + (size_t)n * sizeof(uint64_t));
	if (!strs || !vals) {
		err = -ENOMEM;
		goto out;
	}
	strs->cmd = ETHTOOL_GSTRINGS;
	strs->string_set = ETH_SS_STATS;
	strs->len = n;
	vals->cmd = ETHTOOL_GSTATS;
	vals->n_stats = n;
	err = ethtool_ioctl(fd, l->name, strs);
	if (!err)
		err = ethtool_ioctl(fd, l->name, vals);
	/* Grown (EFAULT) or shrunk between the calls: this sample goes without them. */
	if (err == -EFAULT || (!err && (strs->len != n || vals->n_stats != n))) {
		err = 0;
		goto out;
	}
	if (err)
		goto out;
	for (uint32_t i = 0; i < n; i++) {
		char name[ETH_GSTRING_LEN + 1];
		const char *s = (const char *)strs->data + (size_t)i * ETH_GSTRING_LEN;
		size_t k;

		/* Not always NUL-terminated; tabs and newlines would break the line format. */
		for (k = 0; k < ETH_GSTRING_LEN && s[k]; k++)
			name[k] = (unsigned char)s[k] < 0x20 || s[k] == 0x7f ? '?' : s[k];
		name[k] = '\0';
		if (!k)
			continue;
		tbuf_printf(out, "%d\t%s\t%s\t%llu\n", l->ifindex, l->name, name,
			    (unsigned long long)vals->data[i]);
	}
	err = out->err;
out:
	guarded_free(&gs);
	guarded_free(&gv);
	/* No statistics (EOPNOTSUPP), or a link gone since the dump (ENODEV). */
	if (err == -EOPNOTSUPP || err == -ENODEV || err == -ENXIO || err == -E2BIG)
		err = 0;
	return err;
}

struct qstats_lines {
	const struct links_snap *links;
	struct tbuf *out;
};

/* A qstats row as the lines an ethtool driver would print ("rx-0.packets"): one text, one parser. */
static int qstats_line(const struct qstat_row *q, void *arg)
{
	struct qstats_lines *ql = arg;
	const struct link_stat *l = links_find(ql->links, q->ifindex);
	const char *dir = q->tx ? "tx" : "rx";

	/* A device born since the link dump has no name to show yet. */
	if (!l || q->queue >= QUEUES_MAX_INDEX)
		return 0;
	if (q->has_packets)
		tbuf_printf(ql->out, "%d\t%s\t%s-%u.packets\t%llu\n", l->ifindex, l->name, dir,
			    q->queue, (unsigned long long)q->packets);
	if (q->has_bytes)
		tbuf_printf(ql->out, "%d\t%s\t%s-%u.bytes\t%llu\n", l->ifindex, l->name, dir,
			    q->queue, (unsigned long long)q->bytes);
	return ql->out->err;
}

/*
 * Drivers that moved their per-queue packet and byte counts from ethtool -S
 * to netdev netlink (virtio_net since 6.11 names only kicks and drops per
 * queue there) still show them.  They come after the ethtool lines, and a
 * repeated packets or bytes counter replaces the earlier one, so a driver
 * that has both shows one value.  The queue statistics are an extra source:
 * a kernel or device without them leaves the ethtool counters as they are.
 */
static int append_qstats(const struct links_snap *links, struct tbuf *out)
{
	struct qstats_lines ql = { links, out };
	void *buf;
	size_t len;

	if (qstats_dump(&buf, &len))
		return 0;
	/* A reply that does not parse loses only the queue counters after it. */
	qstats_walk(buf, len, qstats_line, &ql);
	free(buf);
	return out->err;
}

int queues_read(const struct links_snap *links, char **text, size_t *len)
{
	struct tbuf b = { 0 };
	int fd, err = 0;

	*text = NULL;
	*len = 0;
	fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	for (unsigned i = 0; i < links->nlinks && !err; i++)
		if (!(links->links[i].flags & IFF_LOOPBACK))
			err = read_one(fd, &links->links[i], &b);
	close(fd);
	if (!err)
		err = append_qstats(links, &b);
	if (err) {
		free(b.p);
		return err;
	}
	*text = b.p;
	*len = b.len;
	return 0;
}

/* ---- classifying names --------------------------------------------------------- */

static bool eat(const char **p, const char *word)
{
	size_t n = strlen(word);

	if (strncmp(*p, word, n))
		return false;
	*p += n;
	return true;
}

/* "rx" or "tx". */
static bool eat_dir(const char **p, bool *tx)
{
	if (eat(p, "rx")) {
		*tx = false;
		return true;
	}
	if (eat(p, "tx")) {
		*tx = true;
		return true;
	}
	return false;
}

static bool eat_num(const char **p, unsigned *v)
{
	const char *s = *p;
	unsigned n = 0;

	if (*s < '0' || *s > '9' || (*s == '0' && s[1] >= '0' && s[1] <= '9'))
		return false;
	for (; *s >= '0' && *s <= '9'; s++) {
		n = n * 10 + (unsigned)(*s - '0');
		if (n >= QUEUES_MAX_INDEX)
			return false;
	}
	*p = s;
	*v = n;
	return true;
}

/* The part of name after its queue: "rx_queue_3_" "rx3_" "rx-3." "queue_3_rx_" "rxq3_" "rxq_3_". */
static const char *queue_rest(const char *name, bool *tx, unsigned *q)
{
	const char *p = name;

	if (eat(&p, "queue_"))
		return eat_num(&p, q) && eat(&p, "_") && eat_dir(&p, tx) && eat(&p, "_") ? p : NULL;
	if (!eat_dir(&p, tx))
		return NULL;
	if (eat(&p, "_queue_") || eat(&p, "q_") || eat(&p, "q"))
		return eat_num(&p, q) && eat(&p, "_") ? p : NULL;
	if (eat(&p, "-"))
		return eat_num(&p, q) && eat(&p, ".") ? p : NULL;
	return eat_num(&p, q) && eat(&p, "_") ? p : NULL;
}

bool queues_classify(const char *name, bool *tx, unsigned *queue, enum queue_counter *c)
{
	const char *rest = queue_rest(name, tx, queue);

	if (!rest || !*rest)
		return false;
	/* "tx-0.tx_packets": the direction again before the counter. */
	if (!strncmp(rest, *tx ? "tx_" : "rx_", 3))
		rest += 3;
	if (!strcmp(rest, "packets") || !strcmp(rest, "pkts"))
		*c = QUEUE_PACKETS;
	else if (!strcmp(rest, "bytes"))
		*c = QUEUE_BYTES;
	else if (strstr(rest, "drop"))
		*c = QUEUE_DROPS;
	else if (strstr(rest, "err"))
		*c = QUEUE_ERRORS;
	else
		return false;
	return true;
}

/* ---- parsing the text ---------------------------------------------------------- */

/* The next tab-terminated field of [*p, eol), NUL-terminated in place. */
static char *field(char **p, char *eol)
{
	char *s = *p, *tab = memchr(s, '\t', (size_t)(eol - s));

	if (!tab)
		return NULL;
	*tab = '\0';
	*p = tab + 1;
	return s;
}

/* A whole NUL-terminated field as a decimal number of at most max. */
static int dec_field(const char *s, uint64_t max, uint64_t *out)
{
	return scan_dec(s, s + strlen(s), max, "", out) ? 0 : -EBADMSG;
}

static struct queue_stat *find_or_add(struct queues_snap *s, unsigned *cap, int ifindex,
				      const char *ifname, bool tx, unsigned queue)
{
	struct queue_stat *q;

	/* Lines of one queue come together in practice: look from the end. */
	for (unsigned i = s->n; i-- > 0;) {
		q = &s->qs[i];
		if (q->ifindex == ifindex && q->tx == tx && q->queue == queue)
			return q;
	}
	if (s->n == QUEUES_MAX)
		return NULL;
	if (s->n == *cap) {
		unsigned ncap = *cap ? *cap * 2 : 16;

		q = reallocarray(s->qs, ncap, sizeof(*q));
		if (!q)
			return NULL;
		s->qs = q;
		*cap = ncap;
	}
	q = &s->qs[s->n++];
	memset(q, 0, sizeof(*q));
	q->ifindex = ifindex;
	snprintf(q->ifname, sizeof(q->ifname), "%s", ifname);
	q->tx = tx;
	q->queue = queue;
	return q;
}

static int parse_line(char *p, char *eol, struct queues_snap *s, unsigned *cap)
{
	char *sidx, *ifname, *name, *sval;
	enum queue_counter c;
	uint64_t idx, v;
	struct queue_stat *q;
	unsigned queue;
	bool tx;

	*eol = '\0';
	sidx = field(&p, eol);
	ifname = sidx ? field(&p, eol) : NULL;
	name = ifname ? field(&p, eol) : NULL;
	sval = p;
	if (!name || dec_field(sidx, INT32_MAX, &idx) || !idx || !*ifname ||
	    strlen(ifname) >= IF_NAMESIZE || !*name || dec_field(sval, UINT64_MAX, &v))
		return -EBADMSG;
	if (!queues_classify(name, &tx, &queue, &c))
		return 0;
	q = find_or_add(s, cap, (int)idx, ifname, tx, queue);
	if (!q)
		return s->n == QUEUES_MAX ? 0 : -ENOMEM;
	/* Several drop (or error) counters of one queue add up; a repeated packets one replaces. */
	if ((c == QUEUE_DROPS || c == QUEUE_ERRORS) && (q->has & (1u << c)))
		q->v[c] += v;
	else
		q->v[c] = v;
	if (c == QUEUE_DROPS && strstr(name, "xdp"))
		q->xdp_drops += v;
	q->has |= 1u << c;
	return 0;
}

int queues_parse(const char *text, size_t len, struct queues_snap *s)
{
	char *copy, *p, *end, *eol;
	unsigned cap = 0;
	int err = 0;

	memset(s, 0, sizeof(*s));
	if (!len)
		return 0;
	if (text[len - 1] != '\n' || memchr(text, '\0', len))
		return -EBADMSG;
	copy = malloc(len);
	if (!copy)
		return -ENOMEM;
	memcpy(copy, text, len);
	end = copy + len;
	for (p = copy; p < end && !err; p = eol + 1) {
		eol = memchr(p, '\n', (size_t)(end - p));
		err = parse_line(p, eol, s, &cap);
	}
	free(copy);
	return err;
}

void queues_free(struct queues_snap *s)
{
	free(s->qs);
	s->qs = NULL;
	s->n = 0;
}
