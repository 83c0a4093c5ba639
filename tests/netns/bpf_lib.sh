# SPDX-License-Identifier: GPL-2.0-or-later
# bpf_lib.sh: helpers for the drops and napi tests (source after lib.sh; it is not a test).

# bad MSG: one failed check, counted in nfail; the test goes on to report them all.
nfail=0
bad()
{
	echo "FAIL: $NETNS_TEST: $*" >&2
	nfail=$((nfail + 1))
}

# Skips (77) with sockeye's own reason when its BPF programs cannot load here.
need_bpf()
{
	local err

	if err=$("$SOCKEYE" drops -i 0.01 -c 1 2>&1 >/dev/null); then
		return 0
	fi
	case $err in
	# Not a verifier rejection: that is a bug in our programs, not a limit of the machine.
	*"no BPF support"* | *"no BTF"* | *CAP_BPF* | *"has no tracepoint"*)
		skip "BPF cannot load here: ${err#sockeye: drops: }"
		;;
	esac
	fail "sockeye drops fails: $err"
}

# The inode of a namespace, as BPF sees it in ns.inum.
netns_ino()
{
	stat -L -c %i "/run/netns/$1"
}

# wait_for_text FILE TEXT SECONDS: until FILE contains TEXT.
wait_for_text()
{
	wait_until "$3" grep -qs -- "$2" "$1"
}

# start_sockeye OUT ERR ARGS...: sockeye -v ARGS in the background, stdout to OUT, stderr to
# ERR; returns once its programs are attached.  Sets sockeye_pid.
start_sockeye()
{
	local out=$1 err=$2

	shift 2
	"$SOCKEYE" -v "$@" >"$out" 2>"$err" &
	sockeye_pid=$!
	register_pid "$sockeye_pid"
	wait_for_text "$err" "attached with" 10 ||
		fail "sockeye $* did not attach within 10 s: $(cat "$err")"
}

# stop_sockeye: SIGINT, as a user would, and its exit status must be 0.
stop_sockeye()
{
	kill -INT "$sockeye_pid"
	wait "$sockeye_pid" || fail "sockeye exited with status $?"
}

# start_bpftrace OUT PROGRAM: bpftrace in a private mount namespace with tracefs mounted
# (its tracepoint probes need it; the host's mounts are not touched).  Returns once it has
# attached.  Sets bpftrace_pid.
start_bpftrace()
{
	local out=$1 prog=$2

	unshare -m sh -c \
		'mount -t tracefs nodev /sys/kernel/tracing 2>/dev/null; exec bpftrace -e "$0"' \
		"$prog" >"$out" 2>"$out.err" &
	bpftrace_pid=$!
	register_pid "$bpftrace_pid"
	register_file "$out.err"
	wait_for_text "$out" "Attaching" 20 || fail "bpftrace did not attach: $(cat "$out.err")"
	# "Attaching" comes just before the probes are in place.
	sleep 0.5
}

stop_bpftrace()
{
	local i

	kill -INT "$bpftrace_pid"
	# bpftrace has been seen to miss a SIGINT (it sat in epoll_wait until a second one):
	# ask again each second, and fail rather than hang after 20 s.
	for i in $(seq 200); do
		kill -0 "$bpftrace_pid" 2>/dev/null || break
		sleep 0.1
		((i % 10)) || kill -INT "$bpftrace_pid" 2>/dev/null
	done
	if kill -0 "$bpftrace_pid" 2>/dev/null; then
		kill -KILL "$bpftrace_pid"
		fail "bpftrace did not stop on SIGINT"
	fi
	wait "$bpftrace_pid"
}
