# schema/local.mk: the JSON Schema (draft 2020-12) of every record type the commands write,
# installed in $(datadir)/sockeye/schema and built into the binary for `sockeye help --schema`.
schemadir = $(pkgdatadir)/schema
dist_schema_DATA = \
	schema/drop.schema.json \
	schema/drop_stats.schema.json \
	schema/drops.schema.json \
	schema/help.schema.json \
	schema/inject_stats.schema.json \
	schema/napi.schema.json \
	schema/packet.schema.json \
	schema/sniff_stats.schema.json \
	schema/sockets.schema.json \
	schema/top.schema.json \
	schema/trace_packet.schema.json \
	schema/trace_stats.schema.json \
	schema/trace_summary.schema.json \
	schema/why.schema.json
EXTRA_DIST += schema/embed.sh
libsockeye_a_SOURCES += src/cli/schema_texts.h
nodist_libsockeye_a_SOURCES += schema/schema_texts.c
BUILT_SOURCES += schema/schema_texts.c
CLEANFILES += schema/schema_texts.c
schema/schema_texts.c: $(dist_schema_DATA) $(top_srcdir)/schema/embed.sh
	$(AM_V_GEN)$(MKDIR_P) schema && \
	$(SHELL) $(top_srcdir)/schema/embed.sh $(top_srcdir) $(dist_schema_DATA) >$@.tmp && \
	mv $@.tmp $@
