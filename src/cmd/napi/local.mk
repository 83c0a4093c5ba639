# src/cmd/napi/local.mk: sockeye napi: how NAPI polls, from BPF; and top's NAPI panel.
libsockeye_a_SOURCES += \
	src/cmd/napi/opts.c src/cmd/napi/opts.h \
	src/cmd/napi/run.c src/cmd/napi/run.h \
	src/cmd/napi/panel.c src/cmd/napi/panel.h \
	src/cmd/napi/view_napi.c src/cmd/napi/view_napi.h
sockeye_SOURCES += src/cmd/napi/napi.c
dist_man8_MANS += man/sockeye-napi.8
MODULE_TESTS += tests/unit/cmd/napi/test_view_napi tests/unit/cmd/napi/test_napi_opts
