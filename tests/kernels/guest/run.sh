#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# run.sh: inside the guest: each test below in turn, reported as TAP on stdout; a test's stderr
# becomes its diagnostics.  A skip counts as a failure here: the guest is built to run them all.
export SOCKEYE=/usr/bin/sockeye top_srcdir=/src top_builddir=/src
cd /tmp || exit 1
kver=$(uname -r)
# name: script and arguments
TESTS=(
	"drops tp_btf:drops_nosock.sh tp_btf"
	"drops raw_tp:drops_nosock.sh raw_tp"
	"drops kprobe:drops_nosock.sh kprobe"
	"drops NETFILTER_DROP:drops_netfilter.sh"
	"napi tp_btf:napi_veth.sh tp_btf"
	"napi kprobe:napi_veth.sh kprobe"
	"top -b BPF panels:top_bpf.sh"
	"sniff and inject:sniff_inject.sh"
	"sockets tcp_info:sockets_tcpinfo.sh"
)
echo "# $(cat /proc/version)"
n=0
for t in "${TESTS[@]}"; do
	n=$((n + 1))
	name=${t%%:*}
	read -ra cmd <<<"${t#*:}"
	echo "guest: $name: ${cmd[*]}" >&2
	start=$SECONDS
	timeout -s KILL 120 bash "/src/tests/kernels/guest/${cmd[0]}" "${cmd[@]:1}" >/tmp/out 2>/tmp/err
	rc=$?
	took=$((SECONDS - start))
	cat /tmp/out /tmp/err >&2
	if [[ $rc -eq 0 ]]; then
		echo "ok $n - $kver: $name (${took} s)"
	else
		echo "not ok $n - $kver: $name (exit $rc, ${took} s)"
		sed 's/^/# /' /tmp/out /tmp/err
	fi
done
echo "1..$n"
