# src/cmd/top/local.mk: sockeye top: the receive path live, its panels and the host header.
# The napi, drops and sockets panels are those commands' (src/cmd/NAME/panel.c).
libsockeye_a_SOURCES += \
	src/cmd/top/opts.c src/cmd/top/opts.h \
	src/cmd/top/run.c src/cmd/top/run.h \
	src/cmd/top/panels.c src/cmd/top/panels.h \
	src/cmd/top/softirq.c src/cmd/top/softirq.h \
	src/cmd/top/softirq_share.c src/cmd/top/softirq_share.h \
	src/cmd/top/view_kstat.c src/cmd/top/view_kstat.h \
	src/cmd/top/view_top.c src/cmd/top/view_top.h \
	src/cmd/top/view_packet_socks.c src/cmd/top/view_packet_socks.h
sockeye_SOURCES += src/cmd/top/top.c
dist_man8_MANS += man/sockeye-top.8
MODULE_TESTS += tests/unit/cmd/top/test_view_top tests/unit/cmd/top/test_top_opts
