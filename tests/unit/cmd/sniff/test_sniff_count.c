/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_sniff_count.c: unit tests for sniff's -c limit, alone and shared by fanout workers. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "capture/sniff.h"

/* A minimal Ethernet frame: the path under test never decodes it (nothing is printed). */
static const uint8_t frame[60];

static void feed(struct sniff *s)
{
	struct sniff_pkt p = { .data = frame, .caplen = sizeof(frame), .wirelen = sizeof(frame),
			       .iface = 0, .pkttype = -1 };

	sniff_packet(s, &p);
}

static void setup(struct sniff *s, struct sniff_iface *ifc, uint64_t limit, uint64_t *shared)
{
	memset(s, 0, sizeof(*s));
	memset(ifc, 0, sizeof(*ifc));
	ifc->linktype = 1;
	s->ifaces = ifc;
	s->n_ifaces = 1;
	s->limit = limit;
	s->shared_handled = shared;
}

/* One thread: done after exactly the limit; later packets are captured, not handled. */
static void test_limit_alone(void **state)
{
	struct sniff_iface ifc;
	struct sniff s;

	(void)state;
	setup(&s, &ifc, 3, NULL);
	for (int i = 0; i < 2; i++)
		feed(&s);
	assert_false(s.done);
	feed(&s);
	assert_true(s.done);
	feed(&s);
	assert_int_equal(ifc.captured, 4);
	assert_int_equal(ifc.matched, 3);
}

/* Two workers share -c 5: whoever takes the fifth number is done, the other stops at its next. */
static void test_limit_shared(void **state)
{
	struct sniff_iface ia, ib;
	struct sniff a, b;
	uint64_t shared = 0;

	(void)state;
	setup(&a, &ia, 5, &shared);
	setup(&b, &ib, 5, &shared);
	feed(&a);
	feed(&b);
	feed(&b);
	feed(&a);
	assert_false(a.done || b.done);
	feed(&b);		/* the fifth */
	assert_true(b.done);
	assert_false(a.done);
	feed(&a);		/* over the limit: not handled, and a is done too */
	assert_true(a.done);
	assert_int_equal(ia.matched + ib.matched, 5);
	assert_int_equal(ia.matched, 2);
	assert_int_equal(ib.matched, 3);
	assert_int_equal(ia.captured + ib.captured, 6);
}

/* No -c: the shared counter is not touched and nothing ends. */
static void test_no_limit(void **state)
{
	struct sniff_iface ifc;
	struct sniff s;
	uint64_t shared = 0;

	(void)state;
	setup(&s, &ifc, 0, &shared);
	for (int i = 0; i < 100; i++)
		feed(&s);
	assert_false(s.done);
	assert_int_equal(ifc.matched, 100);
	assert_int_equal(shared, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_limit_alone),
		cmocka_unit_test(test_limit_shared),
		cmocka_unit_test(test_no_limit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
