# src/cmd/drops/local.mk: sockeye drops: why packets die, from BPF on kfree_skb.
libsockeye_a_SOURCES += \
	src/cmd/drops/panel.c src/cmd/drops/panel.h \
	src/cmd/drops/view_drops.c src/cmd/drops/view_drops.h
sockeye_SOURCES += src/cmd/drops/drops.c
dist_man8_MANS += man/sockeye-drops.8
MODULE_TESTS += tests/unit/cmd/drops/test_view_drops
