# src/cmd/exporter/local.mk: sockeye exporter: the receive path's counters for Prometheus.
libsockeye_a_SOURCES += \
	src/cmd/exporter/opts.c src/cmd/exporter/opts.h \
	src/cmd/exporter/run.c src/cmd/exporter/run.h \
	src/cmd/exporter/http.c src/cmd/exporter/http.h \
	src/cmd/exporter/deadline.c src/cmd/exporter/deadline.h \
	src/cmd/exporter/webconfig.c src/cmd/exporter/webconfig.h \
	src/cmd/exporter/tls_suites.c src/cmd/exporter/tls_suites.h \
	src/cmd/exporter/tls_sans.c src/cmd/exporter/tls_sans.h \
	src/cmd/exporter/prom.c src/cmd/exporter/prom.h \
	src/cmd/exporter/scrape.c src/cmd/exporter/scrape.h \
	src/cmd/exporter/scrape_slot.c src/cmd/exporter/scrape_netns.c \
	src/cmd/exporter/collector.c src/cmd/exporter/collector.h \
	src/cmd/exporter/collect_ctx.c src/cmd/exporter/collect_ctx.h \
	src/cmd/exporter/collect_softnet.c \
	src/cmd/exporter/collect_netdev.c \
	src/cmd/exporter/collect_snmp.c \
	src/cmd/exporter/collect_sockets.c \
	src/cmd/exporter/collect_packet.c \
	src/cmd/exporter/collect_drops.c \
	src/cmd/exporter/collect_napi.c
sockeye_SOURCES += src/cmd/exporter/exporter.c
dist_man8_MANS += man/sockeye-exporter.8
MODULE_TESTS += tests/unit/cmd/exporter/test_prom tests/unit/cmd/exporter/test_tls_suites \
	tests/unit/cmd/exporter/test_scrape
# The web config's parser under libFuzzer (its file reads stood in for).
FUZZ_HARNESSES += tests/fuzz/fuzz_webconfig
tests_fuzz_fuzz_webconfig_LDFLAGS = $(FUZZ_LINK_FLAGS)
