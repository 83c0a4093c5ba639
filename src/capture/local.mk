# src/capture/local.mk: packet sources and sinks: AF_PACKET rings, pcap filters, savefiles,
# and one packet's way from a source to files and printers (capture/sniff.c).
libsockeye_a_SOURCES += \
	src/capture/ring.c src/capture/ring.h \
	src/capture/ring_rx.c src/capture/ring_rx.h \
	src/capture/ring_tx.c src/capture/ring_tx.h \
	src/capture/filter.c src/capture/filter.h \
	src/capture/filter_sandbox.c src/capture/filter_sandbox.h \
	src/capture/savefile.h src/capture/savefile_read.c src/capture/savefile_write.c \
	src/capture/savefile_name.c \
	src/capture/savefile_formats.c src/capture/savefile_formats.h \
	src/capture/savefile_in.c src/capture/savefile_in.h \
	src/capture/savefile_pcap.c \
	src/capture/savefile_pcapng.c \
	src/capture/pktnote.c src/capture/pktnote.h \
	src/capture/sniff.c src/capture/sniff.h
MODULE_TESTS += \
	tests/unit/capture/test_filter_sandbox \
	tests/unit/capture/test_savefile_formats \
	tests/unit/capture/test_savefile_read \
	tests/unit/capture/test_savefile_pcapng \
	tests/unit/capture/test_savefile_write
FUZZ_HARNESSES += tests/fuzz/fuzz_savefile
tests_fuzz_fuzz_savefile_LDFLAGS = $(FUZZ_LINK_FLAGS)
EXTRA_DIST += tests/unit/capture/savefile_bytes.h
