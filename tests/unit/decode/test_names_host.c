/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_names_host.c: the host name cache answers at once, whatever the resolver behind it does. */
#include "config.h"

#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "decode/names_host.h"
#include "decode/names_service.h"
#include "decode/pbuf.h"

/*
 * A resolver as slow as the test wants: every lookup blocks until the test
 * opens the gate, and counts itself.  Its answers: "host-A.B.C.D" for
 * 192.0.2.x, none for anything else.
 */
struct slow {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	bool open;
	unsigned calls;
};

static int slow_resolve(unsigned family, const uint8_t *a, char *name, size_t len, void *arg)
{
	struct slow *s = arg;

	pthread_mutex_lock(&s->lock);
	s->calls++;
	pthread_cond_broadcast(&s->cond);
	while (!s->open)
		pthread_cond_wait(&s->cond, &s->lock);
	pthread_mutex_unlock(&s->lock);
	if (family != 4 || a[0] != 192 || a[1] != 0 || a[2] != 2)
		return -1;
	snprintf(name, len, "host-%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
	return 0;
}

static uint64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

/* Polls (the print path's way) until addr has a name, for at most 5 s. */
static const char *wait_name(struct host_names *h, unsigned family, const uint8_t *addr)
{
	uint64_t end = now_ms() + 5000;
	const char *name;

	while (!(name = host_names_get(h, family, addr)) && now_ms() < end)
		nanosleep(&(struct timespec){ .tv_nsec = 1000000 }, NULL);
	return name;
}

static void wait_calls(struct slow *s, unsigned n)
{
	pthread_mutex_lock(&s->lock);
	while (s->calls < n)
		pthread_cond_wait(&s->cond, &s->lock);
	pthread_mutex_unlock(&s->lock);
}

static void test_print_path_never_waits(void **state)
{
	struct slow s = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, false, 0 };
	const uint8_t a[4] = { 192, 0, 2, 7 }, b[4] = { 198, 51, 100, 1 };
	struct host_names *h = host_names_new(slow_resolve, &s);
	uint64_t t0;

	(void)state;
	assert_non_null(h);
	/* The resolver is stuck in its first lookup: a million asks all answer "not yet" at once. */
	assert_null(host_names_get(h, 4, a));
	wait_calls(&s, 1);
	t0 = now_ms();
	for (unsigned i = 0; i < 1000000; i++) {
		assert_null(host_names_get(h, 4, a));
		assert_null(host_names_get(h, 4, b));
	}
	assert_true(now_ms() - t0 < 2000);

	/* Once it answers, the name is cached: each address was asked of it once. */
	pthread_mutex_lock(&s.lock);
	s.open = true;
	pthread_cond_broadcast(&s.cond);
	pthread_mutex_unlock(&s.lock);
	assert_string_equal(wait_name(h, 4, a), "host-192.0.2.7");
	for (unsigned i = 0; i < 100; i++)
		assert_string_equal(host_names_get(h, 4, a), "host-192.0.2.7");
	wait_calls(&s, 2);
	nanosleep(&(struct timespec){ .tv_nsec = 50000000 }, NULL);
	assert_null(host_names_get(h, 4, b));	/* no name: stays a number, not asked again */
	pthread_mutex_lock(&s.lock);
	assert_int_equal(s.calls, 2);
	pthread_mutex_unlock(&s.lock);
	host_names_free(h);
}

static void test_free_does_not_wait(void **state)
{
	static struct slow s = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, false, 0 };
	const uint8_t a6[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 };
	struct host_names *h = host_names_new(slow_resolve, &s);
	uint64_t t0;

	(void)state;
	assert_non_null(h);
	assert_null(host_names_get(h, 6, a6));
	wait_calls(&s, 1);
	/* Stopping while a lookup hangs returns at once; the thread frees the cache after. */
	t0 = now_ms();
	host_names_free(h);
	assert_true(now_ms() - t0 < 1000);
	pthread_mutex_lock(&s.lock);
	s.open = true;
	pthread_cond_broadcast(&s.cond);
	pthread_mutex_unlock(&s.lock);
	nanosleep(&(struct timespec){ .tv_nsec = 50000000 }, NULL);
}

/* Reading a file: the first packet already has the name, as with tcpdump. */
static void test_file_waits_for_names(void **state)
{
	static struct slow s = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, true, 0 };
	const uint8_t a[4] = { 192, 0, 2, 9 }, b[4] = { 198, 51, 100, 1 };
	struct host_names *h = host_names_new(slow_resolve, &s);
	char buf[64];
	struct pbuf p;

	(void)state;
	assert_non_null(h);
	host_names_wait(h, 5000);
	assert_string_equal(host_names_get(h, 4, a), "host-192.0.2.9");
	assert_null(host_names_get(h, 4, b));	/* answered: it has no name */
	/* Every address a printer writes is named through the line's pbuf. */
	pbuf_init(&p, buf, sizeof(buf));
	p.hosts = h;
	pbuf_ip4(&p, a);
	pbuf_puts(&p, " ");
	pbuf_ip4(&p, b);
	pbuf_finish(&p, sizeof(buf));
	assert_string_equal(buf, "host-192.0.2.9 198.51.100.1");
	host_names_free(h);
}

/* A resolver that misses the bound once makes names stop waiting: one stall, not one per host. */
static void test_file_wait_is_bounded(void **state)
{
	static struct slow s = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, false, 0 };
	const uint8_t a[4] = { 192, 0, 2, 1 }, b[4] = { 192, 0, 2, 2 };
	struct host_names *h = host_names_new(slow_resolve, &s);
	uint64_t t0;

	(void)state;
	assert_non_null(h);
	host_names_wait(h, 50);
	t0 = now_ms();
	assert_null(host_names_get(h, 4, a));
	assert_true(now_ms() - t0 >= 50);
	t0 = now_ms();
	assert_null(host_names_get(h, 4, b));
	assert_null(host_names_get(h, 4, a));
	assert_true(now_ms() - t0 < 40);
	pthread_mutex_lock(&s.lock);
	s.open = true;
	pthread_cond_broadcast(&s.cond);
	pthread_mutex_unlock(&s.lock);
	assert_string_equal(wait_name(h, 4, b), "host-192.0.2.2");
	host_names_free(h);
}

static void test_services(void **state)
{
	(void)state;
	assert_null(names_service(6, 80));	/* not loaded: numbers */
	assert_true(names_service_load());
	assert_true(names_service_load());
	/* Debian's netbase; a system without /etc/services has no names at all, as tcpdump. */
	if (!names_service(17, 53))
		skip();
	assert_string_equal(names_service(17, 53), "domain");
	assert_string_equal(names_service(6, 80), "http");
	/* A table per transport: bootps is a UDP service only. */
	assert_string_equal(names_service(17, 67), "bootps");
	assert_null(names_service(6, 67));
	assert_null(names_service(132, 80));
	assert_null(names_service(6, 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_print_path_never_waits),
		cmocka_unit_test(test_free_does_not_wait),
		cmocka_unit_test(test_file_waits_for_names),
		cmocka_unit_test(test_file_wait_is_bounded),
		cmocka_unit_test(test_services),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
