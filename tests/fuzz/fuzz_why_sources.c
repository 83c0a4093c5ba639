/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fuzz_why_sources.c: libFuzzer harness for why's raw sources: nf_conntrack stats, qdisc replies,
 * /proc/interrupts, snmp and snmp6 lookups. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "guarded.h"
#include "kstat/conntrack.h"
#include "kstat/qdisc.h"
#include "kstat/rps.h"
#include "kstat/snmp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The first byte picks the parser; the rest is its input. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "eth0", "virtio0", NULL };
	struct conntrack_stat ct;
	struct qdisc_snap qs;
	struct irq_use u;
	const char *in;
	char *text;
	uint64_t v;

	if (!size)
		return 0;
	in = guarded_copy(data + 1, size - 1);
	if (!in)
		return 0;
	size--;
	switch (data[0] % 4) {
	case 0:
		conntrack_parse(in, size, &ct);
		break;
	case 1:
		qdisc_parse(in, size, &qs);
		for (unsigned i = 0; i < qs.n; i++)
			if (qs.qs[i].kind[sizeof(qs.qs[i].kind) - 1])
				__builtin_trap();
		qdisc_free(&qs);
		break;
	case 2:
		irq_use_parse(in, size, names, &u);
		irq_use_free(&u);
		break;
	case 3:
		/* The lookups read NUL-terminated text, as kstat_read_file leaves it. */
		text = malloc(size + 1);
		if (!text)
			return 0;
		memcpy(text, in, size);
		text[size] = '\0';
		snmp_pair_value(text, "Udp", "RcvbufErrors", &v);
		snmp_pair_value(text, "TcpExt", "ListenOverflows", &v);
		snmp_line_value(text, "Udp6NoPorts", &v);
		free(text);
		break;
	}
	return 0;
}
