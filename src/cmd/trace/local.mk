# src/cmd/trace/local.mk: sockeye trace: packets followed hop by hop through the kernel's tracepoints.
libsockeye_a_SOURCES += \
	src/cmd/trace/opts.c src/cmd/trace/opts.h \
	src/cmd/trace/run.c src/cmd/trace/run.h \
	src/cmd/trace/packets.c src/cmd/trace/packets.h \
	src/cmd/trace/summary.c src/cmd/trace/summary.h \
	src/cmd/trace/view_trace.c src/cmd/trace/view_trace.h \
	src/cmd/trace/write.c src/cmd/trace/write.h
sockeye_SOURCES += src/cmd/trace/trace.c
dist_man8_MANS += man/sockeye-trace.8
EXTRA_DIST += src/cmd/trace/README.md
MODULE_TESTS += tests/unit/cmd/trace/test_packets
