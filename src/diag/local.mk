# src/diag/local.mk: sockets through sock_diag (libmnl), ss filters, tcp_info, owning processes.
libsockeye_a_SOURCES += \
	src/diag/sockdiag.c src/diag/sockdiag_async.c src/diag/sockdiag.h \
	src/diag/diag_requests.c src/diag/diag_requests.h \
	src/diag/sockkeep.c src/diag/sockkeep.h \
	src/diag/sockdiag_file.c src/diag/sockdiag_file.h \
	src/diag/sockscan.c src/diag/sockscan.h \
	src/diag/procnet.c src/diag/procnet.h \
	src/diag/tcpinfo.c src/diag/tcpinfo.h \
	src/diag/procs.c src/diag/procs.h \
	src/diag/ssfilter.c src/diag/ssfilter.h \
	src/diag/ssfilter_bc.c src/diag/ssfilter_bc.h \
	src/diag/packet_diag.c src/diag/packet_diag.h \
	src/diag/packet_owners.c src/diag/packet_owners.h
MODULE_TESTS += \
	tests/unit/diag/test_sockdiag \
	tests/unit/diag/test_sockdiag_file \
	tests/unit/diag/test_sockscan \
	tests/unit/diag/test_sockkeep \
	tests/unit/diag/test_tcpinfo \
	tests/unit/diag/test_procs \
	tests/unit/diag/test_procnet \
	tests/unit/diag/test_ssfilter \
	tests/unit/diag/test_ssfilter_bc \
	tests/unit/diag/test_packet_diag
FUZZ_HARNESSES += tests/fuzz/fuzz_sockdiag tests/fuzz/fuzz_ssfilter
tests_fuzz_fuzz_sockdiag_LDFLAGS = $(FUZZ_LINK_FLAGS)
tests_fuzz_fuzz_ssfilter_LDFLAGS = $(FUZZ_LINK_FLAGS)
EXTRA_DIST += tests/unit/diag/sockdiag_msgs.h
