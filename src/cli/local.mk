# src/cli/local.mk: what every command shares: global options, the command table, help,
# the formatter chosen from the globals, the BPF commands' options, the contract of top's panels.
libsockeye_a_SOURCES += \
	src/cli/cmd.c src/cli/cmd.h \
	src/cli/help.c \
	src/cli/signals.c src/cli/signals.h \
	src/cli/stdout_check.c src/cli/stdout_check.h \
	src/cli/bpf_opts.c src/cli/bpf_opts.h \
	src/cli/panel.h
# The table names every command's entry point, so it is part of the binary.
sockeye_SOURCES += src/cli/cmd_table.c
dist_man8_MANS += man/sockeye.8 man/sockeye-help.8
MODULE_TESTS += tests/unit/cli/test_cmd
EXTRA_DIST += tests/unit/cmd/opts_test.h
