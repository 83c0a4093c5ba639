# src/cmd/help/local.mk: sockeye help: the commands, or one command's options.
sockeye_SOURCES += src/cmd/help/help.c
dist_man8_MANS += man/sockeye.8 man/sockeye-help.8
