# src/cmd/drops/local.mk: sockeye drops: why packets die, from BPF on kfree_skb; and top's drops panel.
libsockeye_a_SOURCES += \
	src/cmd/drops/opts.c src/cmd/drops/opts.h \
	src/cmd/drops/run.c src/cmd/drops/run.h \
	src/cmd/drops/panel.c src/cmd/drops/panel.h \
	src/cmd/drops/view_drops.c src/cmd/drops/view_drops.h \
	src/cmd/drops/process.c src/cmd/drops/process.h
sockeye_SOURCES += src/cmd/drops/drops.c
dist_man8_MANS += man/sockeye-drops.8
MODULE_TESTS += tests/unit/cmd/drops/test_view_drops tests/unit/cmd/drops/test_drops_opts
