# src/cmd/sniff/local.mk: sockeye sniff: capture and decode like tcpdump.
libsockeye_a_SOURCES += \
	src/cmd/sniff/run.h \
	src/cmd/sniff/opts.c \
	src/cmd/sniff/workers.c \
	src/cmd/sniff/rings.c src/cmd/sniff/rings.h \
	src/cmd/sniff/stats.c src/cmd/sniff/stats.h
sockeye_SOURCES += src/cmd/sniff/run.c
dist_man8_MANS += man/sockeye-sniff.8
MODULE_TESTS += tests/unit/cmd/sniff/test_sniff_count
