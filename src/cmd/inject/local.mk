# src/cmd/inject/local.mk: sockeye inject: send, replay and generate packets on a TX ring.
libsockeye_a_SOURCES += \
	src/cmd/inject/opts.c src/cmd/inject/opts.h \
	src/cmd/inject/workers.c src/cmd/inject/workers.h \
	src/cmd/inject/template.c src/cmd/inject/template.h \
	src/cmd/inject/gen.c src/cmd/inject/gen.h \
	src/cmd/inject/netinfo.c src/cmd/inject/netinfo.h \
	src/cmd/inject/pace.c src/cmd/inject/pace.h \
	src/cmd/inject/replay.c src/cmd/inject/replay.h \
	src/cmd/inject/view_inject.c src/cmd/inject/view_inject.h
sockeye_SOURCES += src/cmd/inject/inject.c
dist_man8_MANS += man/sockeye-inject.8
MODULE_TESTS += \
	tests/unit/cmd/inject/test_template \
	tests/unit/cmd/inject/test_gen \
	tests/unit/cmd/inject/test_pace
FUZZ_HARNESSES += tests/fuzz/fuzz_template
tests_fuzz_fuzz_template_LDFLAGS = $(FUZZ_LINK_FLAGS)
