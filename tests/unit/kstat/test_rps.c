/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_rps.c: unit tests for the RPS mask check and the /proc/interrupts reader of a device. */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "kstat/rps.h"
#include "kstat/sysctl.h"

static const char interrupts[] =
	"           CPU0       CPU1       \n"
	" 24:          1          0  IO-APIC   5-edge      ACPI:Ged\n"
	" 29:        100          2 PCI-MSIX-0000:00:01.0   1-edge      virtio0-input.0\n"
	" 30:          7          0 PCI-MSIX-0000:00:01.0   2-edge      virtio0-output.0\n"
	" 31:         50         60 PCI-MSIX-0000:00:02.0   0-edge      eth10-TxRx-0\n"
	" 32:          5          6 PCI-MSIX-0000:00:03.0   0-edge      eth1-TxRx-0\n"
	"NMI:          0          0   Non-maskable interrupts\n"
	"ERR:          0\n";

static void test_irqs(void **state)
{
	static const char *const virtio[] = { "eth0", "virtio0", NULL };
	static const char *const eth1[] = { "eth1", NULL };
	struct irq_use u;

	assert_int_equal(irq_use_parse(interrupts, strlen(interrupts), virtio, &u), 0);
	assert_int_equal(u.ncpus, 2);
	assert_int_equal(u.nirqs, 2);
	assert_int_equal(u.first_irq, 29);
	assert_int_equal(u.per_cpu[0], 107);
	assert_int_equal(u.per_cpu[1], 2);
	irq_use_free(&u);
	/* eth1 is not eth10. */
	assert_int_equal(irq_use_parse(interrupts, strlen(interrupts), eth1, &u), 0);
	assert_int_equal(u.nirqs, 1);
	assert_int_equal(u.first_irq, 32);
	assert_int_equal(u.per_cpu[1], 6);
	irq_use_free(&u);
	assert_int_equal(irq_use_parse("no header\n", 10, eth1, &u), -EBADMSG);
	irq_use_free(&u);
}

/* Text cut anywhere, with no NUL after it (a fuzz finding: strtoul read past the end). */
static void test_irqs_cut(void **state)
{
	static const char *const names[] = { "virtio0", NULL };
	size_t n = strlen(interrupts);
	struct irq_use u;

	for (size_t len = 0; len <= n; len++) {
		char *copy = malloc(len ? len : 1);

		assert_non_null(copy);
		memcpy(copy, interrupts, len);
		irq_use_parse(copy, len, names, &u);
		irq_use_free(&u);
		free(copy);
	}
	/* A header alone: one CPU, no line of the device. */
	assert_int_equal(irq_use_parse("CPU0\n", 5, names, &u), 0);
	assert_int_equal(u.nirqs, 0);
	irq_use_free(&u);
}

static void test_masks(void **state)
{
	char path[64];

	assert_false(rps_mask_is_set("0"));
	assert_false(rps_mask_is_set("00000000,00000000"));
	assert_true(rps_mask_is_set("00000000,00000001"));
	assert_true(rps_mask_is_set("a"));
	assert_true(sysctl_path("/proc/sys", "net.core.netdev_max_backlog", path, sizeof(path)));
	assert_string_equal(path, "/proc/sys/net/core/netdev_max_backlog");
	assert_false(sysctl_path("/proc/sys", "net.core.netdev_max_backlog", path, 10));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_irqs),
		cmocka_unit_test(test_irqs_cut),
		cmocka_unit_test(test_masks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
