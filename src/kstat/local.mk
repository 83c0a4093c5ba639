# src/kstat/local.mk: /proc and rtnetlink collectors: softirqs, softnet, links, rings, queues, host,
# snmp counters, qdiscs, conntrack, sysctls, RPS and interrupts.
libsockeye_a_SOURCES += \
	src/kstat/kstat.c src/kstat/kstat.h \
	src/kstat/softirqs.c src/kstat/softirqs.h \
	src/kstat/softnet.c src/kstat/softnet.h \
	src/kstat/links.c src/kstat/links.h \
	src/kstat/host.c src/kstat/host.h \
	src/kstat/cpustat.c src/kstat/cpustat.h \
	src/kstat/rings.c src/kstat/rings.h \
	src/kstat/queues.c src/kstat/queues.h \
	src/kstat/qstats.c src/kstat/qstats.h \
	src/kstat/snmp.c src/kstat/snmp.h \
	src/kstat/qdisc.c src/kstat/qdisc.h \
	src/kstat/conntrack.c src/kstat/conntrack.h \
	src/kstat/sysctl.c src/kstat/sysctl.h \
	src/kstat/rps.c src/kstat/rps.h \
	src/kstat/sockstat.c src/kstat/sockstat.h
MODULE_TESTS += \
	tests/unit/kstat/test_softirqs \
	tests/unit/kstat/test_softnet \
	tests/unit/kstat/test_links \
	tests/unit/kstat/test_kstat \
	tests/unit/kstat/test_host \
	tests/unit/kstat/test_cpustat \
	tests/unit/kstat/test_rings \
	tests/unit/kstat/test_queues \
	tests/unit/kstat/test_qstats \
	tests/unit/kstat/test_snmp \
	tests/unit/kstat/test_qdisc \
	tests/unit/kstat/test_conntrack \
	tests/unit/kstat/test_rps \
	tests/unit/kstat/test_sockstat
FUZZ_HARNESSES += tests/fuzz/fuzz_softirqs tests/fuzz/fuzz_softnet tests/fuzz/fuzz_links \
	tests/fuzz/fuzz_top_sources tests/fuzz/fuzz_why_sources
tests_fuzz_fuzz_softirqs_LDFLAGS = $(FUZZ_LINK_FLAGS)
tests_fuzz_fuzz_softnet_LDFLAGS = $(FUZZ_LINK_FLAGS)
tests_fuzz_fuzz_links_LDFLAGS = $(FUZZ_LINK_FLAGS)
tests_fuzz_fuzz_top_sources_LDFLAGS = $(FUZZ_LINK_FLAGS)
tests_fuzz_fuzz_why_sources_LDFLAGS = $(FUZZ_LINK_FLAGS)
