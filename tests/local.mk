# tests/local.mk: the tests that are not one module's: golden files, docs, netns, fuzz smoke,
# and the tools they use. Unit tests are listed in their module's local.mk.

# Golden tests: TESTLIST lines "name input expected args", run by run.sh.
TESTS += tests/golden/run.sh
dist_check_SCRIPTS += tests/golden/run.sh
EXTRA_DIST += tests/golden/TESTLIST tests/golden/input tests/golden/expected \
	tests/golden/gen_sniff.py tests/golden/README.sniff tests/golden/record_sockets.sh \
	tests/golden/record_top.sh tests/golden/gen_sniff_dns.py tests/golden/gen_sniff_l2.py \
	tests/golden/record_dns.sh tests/golden/record_lib.sh tests/golden/gen_bighost.py \
	tests/golden/gen_sniff_svc.py tests/golden/seed_fuzz_svc.py tests/golden/record_dhcp.sh \
	tests/golden/gen_sniff_ip.py
# PGM and ZMTP/1.0 (issue 13)
EXTRA_DIST += tests/golden/gen_sniff_pgm.py tests/golden/seed_fuzz_pgm.py tests/golden/seedlib.py
# AoE, Arista timestamps and vsock (issue 13)
EXTRA_DIST += tests/golden/gen_sniff_vendor.py
# MPLS control protocols (issue 13)
EXTRA_DIST += tests/golden/gen_sniff_mpls.py
# kday helper: ARP, Q.933 and FRF.15 fuzz seeds (issue 13)
EXTRA_DIST += tests/golden/seed_fuzz_kday.py

# Docs stay in step with the command table and the schemas; the layers keep DESIGN.md's rules.
DOC_TESTS = tests/docs/sync.sh tests/docs/schema.sh tests/docs/layers.sh tests/docs/completion.sh
TESTS += $(DOC_TESTS)
dist_check_SCRIPTS += $(DOC_TESTS)
EXTRA_DIST += tests/docs/layers

# Root integration tests on the real kernel, each in its own namespaces (77 without root).
NETNS_TESTS += \
	tests/netns/top_counters.sh \
	tests/netns/top_tui.sh \
	tests/netns/top_qstats.sh \
	tests/netns/top_panels.sh \
	tests/netns/top_memory.sh \
	tests/netns/top_softirq.sh \
	tests/netns/top_dumps.sh \
	tests/netns/top_sockiter.sh \
	tests/netns/top_candidates.sh \
	tests/netns/top_owners.sh \
	tests/netns/sockets_watch_memory.sh \
	tests/netns/cli_errors.sh \
	tests/netns/savefile_interop.sh \
	tests/netns/drops_reasons.sh \
	tests/netns/drops_filters.sh \
	tests/netns/drops_kprobe.sh \
	tests/netns/drops_ready.sh \
	tests/netns/drops_process.sh \
	tests/netns/drops_write.sh \
	tests/netns/trace_paths.sh \
	tests/netns/trace_filter.sh \
	tests/netns/trace_sent.sh \
	tests/netns/trace_qdisc.sh \
	tests/netns/trace_bpftrace.sh \
	tests/netns/trace_vxlan.sh \
	tests/netns/trace_attach_stages.sh \
	tests/netns/trace_pid.sh \
	tests/netns/trace_inflight.sh \
	tests/netns/napi_veth.sh \
	tests/netns/sniff_capture.sh \
	tests/netns/sniff_files.sh \
	tests/netns/sniff_live.sh \
	tests/netns/sniff_stop.sh \
	tests/netns/sniff_errors.sh \
	tests/netns/sniff_vanish.sh \
	tests/netns/sniff_fanout.sh \
	tests/netns/sniff_csum.sh \
	tests/netns/sniff_process.sh \
	tests/netns/sniff_exec.sh \
	tests/netns/sockets_queues.sh \
	tests/netns/sockets_filter.sh \
	tests/netns/sockets_procs.sh \
	tests/netns/sockets_netns.sh \
	tests/netns/sockets_errors.sh \
	tests/netns/sockets_watch.sh \
	tests/netns/sockets_parallel.sh \
	tests/netns/sockets_packet.sh \
	tests/netns/inject_generate.sh \
	tests/netns/inject_replay.sh \
	tests/netns/inject_workers.sh \
	tests/netns/inject_errors.sh \
	tests/netns/json_schema.sh \
	tests/netns/exporter_metrics.sh \
	tests/netns/exporter_http.sh \
	tests/netns/exporter_webconfig.sh \
	tests/netns/exporter_netns.sh \
	tests/netns/exporter_mtls.sh \
	tests/netns/exporter_sockets.sh
# Rate accuracy (1% at the veth's top rate) and replay gaps (1 ms) need a quiet
# machine: make check runs tests two at a time, so inject_rate.sh runs by hand, like bench/.
EXTRA_DIST += tests/netns/lib.sh tests/netns/bpf_lib.sh tests/netns/drops_send.py \
	tests/netns/attrib_lib.sh tests/netns/attrib_flows.py tests/netns/attrib_sink.py \
	tests/netns/attrib_check.py \
	tests/netns/trace_reader.py tests/netns/trace_pid_peer.py \
	tests/netns/top_sockiter_socks.py tests/netns/top_owners_sock.py \
	tests/netns/top_candidates_socks.py \
	tests/netns/sniff_lib.sh tests/netns/pktsend.py tests/netns/qstats_probe.py \
	tests/netns/inject_lib.sh tests/netns/inject_mkpcap.py tests/netns/inject_rate.sh \
	tests/netns/exporter_lib.sh tests/netns/exporter_conns.py \
	tests/netns/exporter_sockets_socks.py tests/netns/bpf_stats_hold.py

# Tools the tests run: print and make captures, hold sockets with known queues.
check_PROGRAMS += tests/tools/savefile_dump tests/tools/sockfarm
# Checks JSON records against schema/ and the vocabulary (json_schema.sh runs it).
EXTRA_DIST += tests/tools/json_validate.py

# libFuzzer harnesses (--enable-fuzz, CC=clang) are listed by their module; smoke.sh runs each.
dist_check_SCRIPTS += tests/fuzz/smoke.sh
EXTRA_DIST += tests/fuzz/corpus tests/fuzz/guarded.h

# Benchmarks against the peer tools (run by hand; results in bench/RESULTS.md).
EXTRA_DIST += bench/RESULTS.md bench/attrib.sh bench/drops.sh bench/dropflood.c bench/sniff.sh bench/sniff_gen.py \
	bench/sockets.sh bench/bigsockets.sh bench/top.sh bench/softirq.sh bench/softirq_hold.c bench/inject.sh bench/compare.sh \
	bench/inject_replay.sh bench/lib.sh bench/dns.sh

# A second kernel: Debian 12's 6.1 cloud kernel under QEMU (TCG), the guest tests' results as TAP,
# one test each.  Not in make check (it downloads a kernel and takes minutes): `make check-kernels`,
# and quickstart check runs it once.
KERNEL_TESTS = tests/kernels/debian12.tap
TEST_EXTENSIONS = .sh .tap
TAP_LOG_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) $(top_srcdir)/build-aux/tap-driver.sh
EXTRA_DIST += $(KERNEL_TESTS) tests/kernels/mkinitramfs.sh tests/kernels/init tests/kernels/guest
check-kernels:
	$(MAKE) $(AM_MAKEFLAGS) check TESTS='$(KERNEL_TESTS)'
clean-local: clean-kernels
clean-kernels:
	rm -rf tests/kernels/run
.PHONY: check-kernels clean-kernels

# Every corpus capture at each -v level and as JSON, under the sanitizers when the build has them
# (quickstart's build-asan): no crash, hang or report.  By hand and in bench/, not in make check
# (minutes).  A folder that is absent is skipped: make check-corpus CORPUS=/path/to/tcpdump/tests
CORPUS = $(top_srcdir)/tests/golden/input $(top_srcdir)/../shared/corpus/tcpdump-dev
EXTRA_DIST += tests/corpus_check.sh
check-corpus: sockeye$(EXEEXT)
	$(SHELL) $(top_srcdir)/tests/corpus_check.sh ./sockeye$(EXEEXT) $(CORPUS)
.PHONY: check-corpus
EXTRA_DIST += tests/golden/gen_sniff_udpapps.py
EXTRA_DIST += tests/golden/gen_sniff_forces.py
# GeoNetworking, CALM FAST, LISP, SOME/IP and VQP fuzz seeds (issue 13)
EXTRA_DIST += tests/golden/seed_fuzz_small.py
# the generators of the crafted captures and seeds, shipped with what they made
EXTRA_DIST += \
	tests/golden/gen_sniff_bgp.py \
	tests/golden/gen_sniff_ctl.py \
	tests/golden/gen_sniff_gmpls.py \
	tests/golden/gen_sniff_l2tags.py \
	tests/golden/gen_sniff_link.py \
	tests/golden/gen_sniff_media.py \
	tests/golden/gen_sniff_mesh.py \
	tests/golden/gen_sniff_names.py \
	tests/golden/gen_sniff_null.py \
	tests/golden/gen_sniff_openflow.py \
	tests/golden/gen_sniff_osi.py \
	tests/golden/gen_sniff_ppp.py \
	tests/golden/gen_sniff_routing.py \
	tests/golden/gen_sniff_rpc.py \
	tests/golden/gen_sniff_sctp.py \
	tests/golden/gen_sniff_sec.py \
	tests/golden/gen_sniff_snmp.py \
	tests/golden/seed_fuzz_ppp.py
