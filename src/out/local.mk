# src/out/local.mk: the formatter: one schema per view, rendered as text, JSON or ncurses.
libsockeye_a_SOURCES += \
	src/out/fmt.c src/out/fmt.h src/out/fmt_impl.h \
	src/out/fmt_table.c src/out/fmt_table.h \
	src/out/fmt_sort.c \
	src/out/view_fold.c src/out/view_fold.h \
	src/out/fmt_cell.c \
	src/out/fmt_text.c \
	src/out/fmt_json.c \
	src/out/json_writer.c src/out/json_writer.h \
	src/out/fmt_tui.c \
	src/out/tui.c src/out/tui.h \
	src/out/tui_layout.c src/out/tui_layout.h src/out/tui_layout_impl.h \
	src/out/tui_act.c
MODULE_TESTS += \
	tests/unit/out/test_fmt_table \
	tests/unit/out/test_fmt_sort \
	tests/unit/out/test_json_writer \
	tests/unit/out/test_fmt_text \
	tests/unit/out/test_fmt_json \
	tests/unit/out/test_tui_layout
EXTRA_DIST += tests/unit/golden tests/unit/golden.h tests/unit/fmt_sample.h
FUZZ_HARNESSES += tests/fuzz/fuzz_json_string
tests_fuzz_fuzz_json_string_LDFLAGS = $(FUZZ_LINK_FLAGS)
