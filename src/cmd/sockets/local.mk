# src/cmd/sockets/local.mk: sockeye sockets (ss): sockets through sock_diag, once or live;
# and top's sockets panel.
libsockeye_a_SOURCES += \
	src/cmd/sockets/opts.c src/cmd/sockets/opts.h \
	src/cmd/sockets/run.c src/cmd/sockets/run.h \
	src/cmd/sockets/panel.c src/cmd/sockets/panel.h \
	src/cmd/sockets/panel_drops.c src/cmd/sockets/panel_drops.h \
	src/cmd/sockets/view_sockets.c src/cmd/sockets/view_sockets.h
sockeye_SOURCES += src/cmd/sockets/sockets.c
dist_man8_MANS += man/sockeye-sockets.8
MODULE_TESTS += \
	tests/unit/cmd/sockets/test_view_sockets \
	tests/unit/cmd/sockets/test_sockets_opts \
	tests/unit/cmd/sockets/test_sockets_panel \
	tests/unit/cmd/sockets/test_panel_drops
