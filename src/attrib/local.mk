# src/attrib/local.mk: process, cgroup and container attribution of packets.
libsockeye_a_SOURCES += \
	src/attrib/attrib.c src/attrib/attrib.h \
	src/attrib/attrib_table.c src/attrib/attrib_table.h \
	src/attrib/attrib_tuple.c src/attrib/attrib_tuple.h \
	src/attrib/attrib_cgroup.c src/attrib/attrib_cgroup.h \
	src/attrib/attrib_filter.c src/attrib/attrib_filter.h
EXTRA_DIST += src/attrib/README.md
MODULE_TESTS += \
	tests/unit/attrib/test_attrib_table \
	tests/unit/attrib/test_attrib_tuple \
	tests/unit/attrib/test_attrib_cgroup
