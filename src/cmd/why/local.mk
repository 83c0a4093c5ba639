# src/cmd/why/local.mk: sockeye why: the loss funnel layer by layer, its verdict and the knob to turn.
libsockeye_a_SOURCES += \
	src/cmd/why/opts.c src/cmd/why/opts.h \
	src/cmd/why/sample.c src/cmd/why/sample.h \
	src/cmd/why/funnel.c src/cmd/why/funnel_queues.c src/cmd/why/funnel.h \
	src/cmd/why/advice.c src/cmd/why/advice.h \
	src/cmd/why/view_why.c src/cmd/why/view_why.h \
	src/cmd/why/run.c src/cmd/why/run.h \
	src/cmd/why/panel.c src/cmd/why/panel.h
sockeye_SOURCES += src/cmd/why/why.c
dist_man8_MANS += man/sockeye-why.8
NETNS_TESTS += \
	tests/netns/why_socket_buffer.sh \
	tests/netns/why_listen.sh \
	tests/netns/why_no_socket.sh \
	tests/netns/why_netfilter.sh \
	tests/netns/why_qdisc.sh \
	tests/netns/why_packet_socket.sh \
	tests/netns/why_softnet.sh \
	tests/netns/why_xdp.sh \
	tests/netns/why_tcp_pid.sh \
	tests/netns/why_watch.sh
EXTRA_DIST += tests/netns/why_lib.sh tests/netns/why_tcp_conn.py bench/why.sh
MODULE_TESTS += tests/unit/cmd/why/test_why_funnel tests/unit/cmd/why/test_why_opts \
	tests/unit/cmd/why/test_why_view
