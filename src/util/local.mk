# src/util/local.mk: small helpers every layer uses: log, strict parsing, text scanning, netns, clocks, checksums.
libsockeye_a_SOURCES += \
	src/util/log.c src/util/log.h \
	src/util/parse.c src/util/parse.h \
	src/util/netns.c src/util/netns.h \
	src/util/netns_list.c src/util/netns_list.h \
	src/util/clock.c src/util/clock.h \
	src/util/interval.c src/util/interval.h \
	src/util/utf8.c src/util/utf8.h \
	src/util/scan.c src/util/scan.h \
	src/util/csum.c src/util/csum.h \
	src/util/nldump.c src/util/nldump.h \
	src/util/genl.c src/util/genl.h \
	src/util/kallsyms_pick.c src/util/kallsyms_pick.h
MODULE_TESTS += \
	tests/unit/util/test_parse \
	tests/unit/util/test_interval \
	tests/unit/util/test_utf8 \
	tests/unit/util/test_netns_list \
	tests/unit/util/test_kallsyms_pick \
	tests/unit/util/test_csum \
	tests/unit/util/test_scan
EXTRA_DIST += tests/unit/inject_vectors.h
EXTRA_DIST += tests/unit/inject_vectors.h
