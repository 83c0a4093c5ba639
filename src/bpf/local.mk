# src/bpf/local.mk: BPF collectors (X.bpf.c + X.h + X.c), the loader, kernel symbols, BTF scan.
# The models, symbols and samples build everywhere (unit tests need no kernel);
# the collectors, their programs and the BTF reader only with BPF.
libsockeye_a_SOURCES += \
	src/bpf/loader.h src/bpf/drops.h src/bpf/napi.h src/bpf/sockowner.h src/bpf/trace.h \
	src/bpf/ksyms.c src/bpf/ksyms.h \
	src/bpf/drop_reasons.c src/bpf/drop_reasons.h \
	src/bpf/drops_sample.c src/bpf/drops_sample.h \
	src/bpf/drops_filter.c src/bpf/drops_filter.h \
	src/bpf/napi_sample.c src/bpf/napi_file.c \
	src/bpf/softirq.h src/bpf/softirq_sample.c \
	src/bpf/cbpf_ebpf.c src/bpf/cbpf_ebpf.h src/bpf/sockiter.h src/bpf/socktrack.h
EXTRA_DIST += src/bpf/drops.bpf.c src/bpf/napi.bpf.c src/bpf/sockowner.bpf.c src/bpf/trace.bpf.c \
	src/bpf/trace_table.bpf.h src/bpf/trace_maps.bpf.h src/bpf/trace_hops.bpf.h src/bpf/trace_slots.bpf.h \
	src/bpf/softirq.bpf.c src/bpf/softirq.bpf.h src/bpf/sockiter.bpf.c src/bpf/skb_view.bpf.h \
	src/bpf/socktrack.bpf.c src/bpf/sockiter.bpf.h
MODULE_TESTS += \
	tests/unit/bpf/test_ksyms \
	tests/unit/bpf/test_drop_reasons \
	tests/unit/bpf/test_drops_filter \
	tests/unit/bpf/test_drops_sample \
	tests/unit/bpf/test_napi_file \
	tests/unit/bpf/test_softirq_sample \
	tests/unit/bpf/test_cbpf_ebpf
# The translated filters run in a small interpreter of the test's own, against bpf_filter().
tests_unit_bpf_test_cbpf_ebpf_SOURCES = tests/unit/bpf/test_cbpf_ebpf.c \
	tests/unit/bpf/ebpf_interp.c tests/unit/bpf/ebpf_interp.h
if HAVE_BPF
MODULE_TESTS += tests/unit/bpf/test_btf_scan
libsockeye_a_SOURCES += src/bpf/loader.c src/bpf/drops.c src/bpf/napi.c \
	src/bpf/drop_reasons_btf.c src/bpf/btf_scan.c src/bpf/btf_scan.h \
	src/bpf/softirq.c src/bpf/sockowner.c src/bpf/trace.c src/bpf/sockiter.c
BPF_SKELS = src/bpf/drops.skel.h src/bpf/napi.skel.h src/bpf/softirq.skel.h \
	src/bpf/sockowner.skel.h src/bpf/trace.skel.h src/bpf/sockiter.skel.h
nodist_libsockeye_a_SOURCES += $(BPF_SKELS)
BUILT_SOURCES += $(BPF_SKELS)
CLEANFILES += src/bpf/vmlinux.h src/bpf/drops.bpf.o src/bpf/napi.bpf.o src/bpf/softirq.bpf.o \
	src/bpf/sockowner.bpf.o src/bpf/trace.bpf.o src/bpf/sockiter.bpf.o $(BPF_SKELS) src/bpf/*.tmp
BPF_CFLAGS_TARGET = -g -O2 -target bpf -D__TARGET_ARCH_x86 -Wall -Wno-unused-function \
	-I$(top_builddir)/src/bpf $(BPF_CFLAGS)

# vmlinux.h: the build machine's kernel types, for CO-RE (relocated at load time).
# bpftool gen object links each program, which also drops the DWARF the skeleton
# would otherwise embed (the BTF stays).
src/bpf/vmlinux.h:
	$(AM_V_GEN)$(MKDIR_P) src/bpf && \
	$(BPFTOOL) btf dump file $(VMLINUX_BTF) format c >$@.tmp && mv $@.tmp $@
src/bpf/drops.bpf.o: $(srcdir)/src/bpf/drops.bpf.c $(srcdir)/src/bpf/drops.h \
		$(srcdir)/src/bpf/skb_view.bpf.h src/bpf/vmlinux.h
	$(AM_V_CC)$(BPF_CLANG) $(BPF_CFLAGS_TARGET) -c $(srcdir)/src/bpf/drops.bpf.c -o $@.tmp && \
	$(BPFTOOL) gen object $@ $@.tmp && rm -f $@.tmp
src/bpf/napi.bpf.o: $(srcdir)/src/bpf/napi.bpf.c $(srcdir)/src/bpf/napi.h \
		$(srcdir)/src/bpf/softirq.bpf.h $(srcdir)/src/bpf/softirq.h src/bpf/vmlinux.h
	$(AM_V_CC)$(BPF_CLANG) $(BPF_CFLAGS_TARGET) -c $(srcdir)/src/bpf/napi.bpf.c -o $@.tmp && \
	$(BPFTOOL) gen object $@ $@.tmp && rm -f $@.tmp
src/bpf/softirq.bpf.o: $(srcdir)/src/bpf/softirq.bpf.c $(srcdir)/src/bpf/softirq.bpf.h \
		$(srcdir)/src/bpf/softirq.h src/bpf/vmlinux.h
	$(AM_V_CC)$(BPF_CLANG) $(BPF_CFLAGS_TARGET) -c $(srcdir)/src/bpf/softirq.bpf.c -o $@.tmp && \
	$(BPFTOOL) gen object $@ $@.tmp && rm -f $@.tmp
src/bpf/sockowner.bpf.o: $(srcdir)/src/bpf/sockowner.bpf.c $(srcdir)/src/bpf/sockowner.h src/bpf/vmlinux.h
	$(AM_V_CC)$(BPF_CLANG) $(BPF_CFLAGS_TARGET) -c $(srcdir)/src/bpf/sockowner.bpf.c -o $@.tmp && \
	$(BPFTOOL) gen object $@ $@.tmp && rm -f $@.tmp
src/bpf/sockowner.skel.h: src/bpf/sockowner.bpf.o
	$(AM_V_GEN)$(BPFTOOL) gen skeleton src/bpf/sockowner.bpf.o name sockowner_bpf >$@.tmp && mv $@.tmp $@
src/bpf/trace.bpf.o: $(srcdir)/src/bpf/trace.bpf.c $(srcdir)/src/bpf/trace.h $(srcdir)/src/bpf/trace_table.bpf.h \
	$(srcdir)/src/bpf/trace_maps.bpf.h $(srcdir)/src/bpf/trace_hops.bpf.h $(srcdir)/src/bpf/trace_slots.bpf.h \
		$(srcdir)/src/bpf/skb_view.bpf.h src/bpf/vmlinux.h
	$(AM_V_CC)$(BPF_CLANG) $(BPF_CFLAGS_TARGET) -mcpu=v3 -c $(srcdir)/src/bpf/trace.bpf.c -o $@.tmp && \
	$(BPFTOOL) gen object $@ $@.tmp && rm -f $@.tmp
src/bpf/trace.skel.h: src/bpf/trace.bpf.o
	$(AM_V_GEN)$(BPFTOOL) gen skeleton src/bpf/trace.bpf.o name trace_bpf >$@.tmp && mv $@.tmp $@
src/bpf/sockiter.bpf.o: $(srcdir)/src/bpf/sockiter.bpf.c $(srcdir)/src/bpf/sockiter.h \
		$(srcdir)/src/bpf/sockiter.bpf.h src/bpf/vmlinux.h
	$(AM_V_CC)$(BPF_CLANG) $(BPF_CFLAGS_TARGET) -c $(srcdir)/src/bpf/sockiter.bpf.c -o $@.tmp && \
	$(BPFTOOL) gen object $@ $@.tmp && rm -f $@.tmp
src/bpf/drops.skel.h: src/bpf/drops.bpf.o
	$(AM_V_GEN)$(BPFTOOL) gen skeleton src/bpf/drops.bpf.o name drops_bpf >$@.tmp && mv $@.tmp $@
src/bpf/napi.skel.h: src/bpf/napi.bpf.o
	$(AM_V_GEN)$(BPFTOOL) gen skeleton src/bpf/napi.bpf.o name napi_bpf >$@.tmp && mv $@.tmp $@
src/bpf/softirq.skel.h: src/bpf/softirq.bpf.o
	$(AM_V_GEN)$(BPFTOOL) gen skeleton src/bpf/softirq.bpf.o name softirq_bpf >$@.tmp && mv $@.tmp $@
src/bpf/sockiter.skel.h: src/bpf/sockiter.bpf.o
	$(AM_V_GEN)$(BPFTOOL) gen skeleton src/bpf/sockiter.bpf.o name sockiter_bpf >$@.tmp && mv $@.tmp $@
# Explicit, so building one object (make src/bpf/drops.o) finds its skeleton too.
src/bpf/drops.$(OBJEXT): src/bpf/drops.skel.h
src/bpf/napi.$(OBJEXT): src/bpf/napi.skel.h
src/bpf/softirq.$(OBJEXT): src/bpf/softirq.skel.h
src/bpf/sockowner.$(OBJEXT): src/bpf/sockowner.skel.h
src/bpf/trace.$(OBJEXT): src/bpf/trace.skel.h
src/bpf/sockiter.$(OBJEXT): src/bpf/sockiter.skel.h
# The exporter's socket marks (socktrack.h): a block of their own.
libsockeye_a_SOURCES += src/bpf/socktrack.c
BPF_SKELS += src/bpf/socktrack.skel.h
CLEANFILES += src/bpf/socktrack.bpf.o
src/bpf/socktrack.bpf.o: $(srcdir)/src/bpf/socktrack.bpf.c $(srcdir)/src/bpf/socktrack.h \
		$(srcdir)/src/bpf/sockiter.h $(srcdir)/src/bpf/sockiter.bpf.h src/bpf/vmlinux.h
	$(AM_V_CC)$(BPF_CLANG) $(BPF_CFLAGS_TARGET) -c $(srcdir)/src/bpf/socktrack.bpf.c -o $@.tmp && \
	$(BPFTOOL) gen object $@ $@.tmp && rm -f $@.tmp
src/bpf/socktrack.skel.h: src/bpf/socktrack.bpf.o
	$(AM_V_GEN)$(BPFTOOL) gen skeleton src/bpf/socktrack.bpf.o name socktrack_bpf >$@.tmp && mv $@.tmp $@
src/bpf/socktrack.$(OBJEXT): src/bpf/socktrack.skel.h
endif
# The kprobe fallback: its programs pass the verifier even where kprobes cannot attach.
check_PROGRAMS += tests/tools/drops_kprobe_load
tests/tools/drops_kprobe_load.$(OBJEXT): src/bpf/drops.skel.h
