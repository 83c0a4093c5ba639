# src/cmd/top/local.mk: sockeye top: the receive path live, its panels and the host header.
libsockeye_a_SOURCES += \
	src/cmd/top/top.h \
	src/cmd/top/ext.c \
	src/cmd/top/softirq.c \
	src/cmd/top/view_kstat.c src/cmd/top/view_kstat.h \
	src/cmd/top/view_top.c src/cmd/top/view_top.h \
	src/cmd/top/view_packet_socks.c src/cmd/top/view_packet_socks.h
sockeye_SOURCES += src/cmd/top/top.c
dist_man8_MANS += man/sockeye-top.8
MODULE_TESTS += tests/unit/cmd/top/test_view_top
