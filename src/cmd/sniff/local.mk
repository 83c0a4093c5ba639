# src/cmd/sniff/local.mk: sockeye sniff: capture and decode like tcpdump.
# Only the entry point is the binary's: options, run loops and workers are the library's,
# so unit tests and fuzzers link them.
libsockeye_a_SOURCES += \
	src/cmd/sniff/opts.c src/cmd/sniff/opts.h \
	src/cmd/sniff/run.c src/cmd/sniff/run.h \
	src/cmd/sniff/run_state.c src/cmd/sniff/run_state.h \
	src/cmd/sniff/run_live.c src/cmd/sniff/run_live.h \
	src/cmd/sniff/run_file.c src/cmd/sniff/run_file.h \
	src/cmd/sniff/output.c src/cmd/sniff/output.h \
	src/cmd/sniff/workers.c src/cmd/sniff/workers.h \
	src/cmd/sniff/rings.c src/cmd/sniff/rings.h \
	src/cmd/sniff/stats.c src/cmd/sniff/stats.h \
	src/cmd/sniff/process.c src/cmd/sniff/process.h
sockeye_SOURCES += src/cmd/sniff/sniff.c
dist_man8_MANS += man/sockeye-sniff.8
MODULE_TESTS += \
	tests/unit/cmd/sniff/test_sniff_count \
	tests/unit/cmd/sniff/test_sniff_opts
