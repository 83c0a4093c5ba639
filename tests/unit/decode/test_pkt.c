/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_pkt.c: the bounds-checked packet cursor. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "decode/pkt.h"

static const uint8_t bytes[] = {
	0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,
	0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10,
};

/* An exact-size heap copy: the sanitizer builds catch a read one past its end. */
static uint8_t *copy_of(size_t n)
{
	uint8_t *p = malloc(n ? n : 1);

	assert_non_null(p);
	memcpy(p, bytes, n);
	return p;
}

static void test_reads(void **state)
{
	uint8_t *p = copy_of(sizeof(bytes));
	struct pkt_cursor c;
	uint8_t u8;
	uint16_t u16;
	uint32_t u32;
	uint64_t u64;

	pkt_init(&c, p, sizeof(bytes), sizeof(bytes));
	assert_true(pkt_get_u8(&c, &u8));
	assert_int_equal(u8, 0x01);
	assert_true(pkt_get_be16(&c, &u16));
	assert_int_equal(u16, 0x0203);
	assert_true(pkt_get_be32(&c, &u32));
	assert_int_equal(u32, 0x04050607);
	assert_true(pkt_get_be64(&c, &u64));
	assert_int_equal(u64, 0x08090a0b0c0d0e0full);
	assert_int_equal(pkt_left(&c), 1);
	/* a read that does not fit fails and leaves the cursor where it was */
	u16 = 0xdead;
	assert_false(pkt_get_be16(&c, &u16));
	assert_int_equal(u16, 0xdead);
	assert_false(pkt_get_be32(&c, &u32));
	assert_false(pkt_get_be64(&c, &u64));
	assert_int_equal(pkt_left(&c), 1);
	assert_true(pkt_get_u8(&c, &u8));
	assert_int_equal(u8, 0x10);
	assert_false(pkt_get_u8(&c, &u8));
	assert_int_equal(pkt_left(&c), 0);
	free(p);
}

/* Every read size at every distance from the end: success exactly when it fits. */
static void test_read_boundaries(void **state)
{
	for (size_t len = 0; len <= sizeof(bytes); len++) {
		uint8_t *p = copy_of(len);

		for (size_t n = 0; n <= len + 2; n++) {
			struct pkt_cursor c;
			uint8_t out[32];

			pkt_init(&c, p, len, len);
			assert_int_equal(pkt_peek(&c, n) != NULL, n <= len);
			assert_int_equal(pkt_copy(&c, out, n), n <= len);
			assert_int_equal(pkt_left(&c), n <= len ? len - n : len);
			pkt_init(&c, p, len, len);
			assert_int_equal(pkt_skip(&c, n), n <= len);
		}
		free(p);
	}
}

static void test_pull_peek(void **state)
{
	uint8_t *p = copy_of(4);
	struct pkt_cursor c;

	pkt_init(&c, p, 4, 4);
	assert_ptr_equal(pkt_peek(&c, 4), p);
	assert_ptr_equal(pkt_pull(&c, 3), p);
	assert_ptr_equal(pkt_peek(&c, 1), p + 3);
	assert_null(pkt_peek(&c, 2));
	assert_null(pkt_pull(&c, 2));
	assert_ptr_equal(pkt_pull(&c, 0), p + 3);
	/* a huge length cannot wrap around the check */
	assert_null(pkt_pull(&c, SIZE_MAX));
	assert_false(pkt_skip(&c, SIZE_MAX - 1));
	free(p);
}

static void test_wire_and_clamp(void **state)
{
	uint8_t *p = copy_of(8);
	struct pkt_cursor c;

	/* 8 bytes captured of a 20-byte packet */
	pkt_init(&c, p, 8, 20);
	assert_int_equal(pkt_left(&c), 8);
	assert_int_equal(pkt_wire_left(&c), 20);
	assert_true(pkt_skip(&c, 2));

	/* past the packet: refused, nothing changes */
	assert_false(pkt_clamp(&c, 19));
	assert_int_equal(pkt_wire_left(&c), 18);

	/* inside the snapped part: the capture end stays, fewer bytes are missing */
	assert_true(pkt_clamp(&c, 10));
	assert_int_equal(pkt_left(&c), 6);
	assert_int_equal(pkt_wire_left(&c), 10);

	/* inside the captured part: the window shrinks, nothing is missing */
	assert_true(pkt_clamp(&c, 4));
	assert_int_equal(pkt_left(&c), 4);
	assert_int_equal(pkt_wire_left(&c), 4);
	assert_false(pkt_skip(&c, 5));
	assert_true(pkt_clamp(&c, 0));
	assert_int_equal(pkt_wire_left(&c), 0);
	free(p);
}

static void test_sub(void **state)
{
	uint8_t *p = copy_of(8);
	struct pkt_cursor c, s;
	uint8_t u8;

	pkt_init(&c, p, 8, 12);
	assert_true(pkt_sub(&c, 3, &s));
	assert_int_equal(pkt_left(&s), 3);
	assert_int_equal(pkt_wire_left(&s), 3);
	assert_int_equal(pkt_left(&c), 5);
	assert_true(pkt_get_u8(&c, &u8));
	assert_int_equal(u8, 0x04);

	/* a window reaching past the capture: the parent moves past it on the wire */
	assert_true(pkt_sub(&c, 6, &s));
	assert_int_equal(pkt_left(&s), 4);
	assert_int_equal(pkt_wire_left(&s), 6);
	assert_int_equal(pkt_left(&c), 0);
	assert_int_equal(pkt_wire_left(&c), 2);

	assert_false(pkt_sub(&c, 3, &s));
	assert_int_equal(pkt_wire_left(&c), 2);
	free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reads),	  cmocka_unit_test(test_read_boundaries),
		cmocka_unit_test(test_pull_peek), cmocka_unit_test(test_wire_and_clamp),
		cmocka_unit_test(test_sub),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
