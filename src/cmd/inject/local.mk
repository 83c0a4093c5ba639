# src/cmd/inject/local.mk: sockeye inject: send, replay and generate packets on a TX ring.
# Only the entry point is the binary's: options, run loops and workers are the library's,
# so unit tests and fuzzers link them.
libsockeye_a_SOURCES += \
	src/cmd/inject/opts.c src/cmd/inject/opts.h \
	src/cmd/inject/run.c src/cmd/inject/run.h \
	src/cmd/inject/run_state.c src/cmd/inject/run_state.h \
	src/cmd/inject/run_live.c src/cmd/inject/run_live.h \
	src/cmd/inject/run_offline.c src/cmd/inject/run_offline.h \
	src/cmd/inject/workers.c src/cmd/inject/workers.h \
	src/cmd/inject/template.c src/cmd/inject/template.h \
	src/cmd/inject/words.c src/cmd/inject/words.h \
	src/cmd/inject/gen.c src/cmd/inject/gen.h \
	src/cmd/inject/netinfo.c src/cmd/inject/netinfo.h \
	src/cmd/inject/pace.c src/cmd/inject/pace.h \
	src/cmd/inject/replay.c src/cmd/inject/replay.h \
	src/cmd/inject/replay_arena.c src/cmd/inject/replay_arena.h \
	src/cmd/inject/view_inject.c src/cmd/inject/view_inject.h
sockeye_SOURCES += src/cmd/inject/inject.c
dist_man8_MANS += man/sockeye-inject.8
MODULE_TESTS += \
	tests/unit/cmd/inject/test_template \
	tests/unit/cmd/inject/test_gen \
	tests/unit/cmd/inject/test_pace \
	tests/unit/cmd/inject/test_replay \
	tests/unit/cmd/inject/test_inject_opts \
	tests/unit/cmd/inject/test_words
FUZZ_HARNESSES += tests/fuzz/fuzz_template
tests_fuzz_fuzz_template_LDFLAGS = $(FUZZ_LINK_FLAGS)
