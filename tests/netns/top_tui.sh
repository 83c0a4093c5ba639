#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# top_tui.sh: `sockeye top` live in a tmux pane: header, panels, keys, filter, resize, q and SIGTERM,
# tty restored.
. "${top_srcdir:-.}/tests/netns/lib.sh"

need_root
need_cmd tmux

tmp=$(mktemp -d) || fail "mktemp failed"
register_file "$tmp"
sock=sockeye-tui-$$
pane=tui:0.0

tmx()
{
	tmux -L "$sock" "$@"
}

# Our own tmux server goes with the test, then lib.sh's cleanup does the rest.
tui_cleanup()
{
	local rc=$?

	tmx kill-server 2>/dev/null
	(exit "$rc")
	cleanup
}
trap tui_cleanup EXIT

netns_new A
netns_new B
veth_pair "$A" tuiva "$B" tuivb
addr_add "$A" tuiva 10.78.0.1/24
addr_add "$B" tuivb 10.78.0.2/24
# Steady traffic (UDP to the discard port, through bash alone) keeps the rates moving.
ip netns exec "$A" bash -c 'while :; do echo x >/dev/udp/10.78.0.2/9; sleep 0.05; done' \
	>/dev/null 2>&1 &
register_pid $!

screen()
{
	tmx capture-pane -p -t "$pane"
}

screen_has()
{
	screen | grep -qF -- "$1"
}

screen_lacks()
{
	! screen_has "$1"
}

# The title line of panel N ("-- N name ---" or "== N name ===" when focused).
title_of()
{
	screen | grep -E "^(--|==) $1 " | head -n 1
}

sort_of()
{
	title_of "$1" | grep -oE '\[sort [^]]*\]'
}

title_sort_is()
{
	[[ $(sort_of "$1") == "$2" ]]
}

title_sort_not()
{
	[[ -n $(sort_of "$1") && $(sort_of "$1") != "$2" ]]
}

focused_is()
{
	screen | grep -qE "^== $1 "
}

# Every line of the pane fits its width: nothing wrapped or spilled.
fits_width()
{
	screen | awk -v w="$1" 'length($0) > w { bad = 1 } END { exit bad }'
}

# The first title line spans the whole width (the bar is filled to the edge).
title_width_is()
{
	[[ $(screen | grep -E '^(--|==) [0-9]' | head -n 1 | awk '{ print length($0) }') == "$1" ]]
}

# The first data row of the softirqs panel (the line after its column header).
first_cpu()
{
	screen | awk '/^(--|==) 1 / { t = NR } t && NR == t + 2 { print $1; exit }'
}

first_cpu_is()
{
	[[ $(first_cpu) == "$1" ]]
}

send()
{
	tmx send-keys -t "$pane" "$@"
}

# Runs sockeye top in the pane's shell, with stty -a saved before and after and
# its pid and exit status in files: RUN is a name for those files.
start_top()
{
	local run=$1 cmd

	printf -v cmd 'stty -a >%q; sh -c %q sh %q %q -N %q top -d 0.5; echo $? >%q; stty -a >%q' \
		"$tmp/$run.before" 'echo $$ >"$1"; shift; exec "$@"' "$tmp/$run.pid" \
		"$SOCKEYE" "$A" "$tmp/$run.rc" "$tmp/$run.after"
	send -l "$cmd"
	send Enter
	wait_until 10 test -s "$tmp/$run.pid" || fail "$run: sockeye did not start"
	wait_until 10 screen_has "interfaces" || fail "$run: no panels drawn:$(printf '\n%s' "$(screen)")"
}

# Waits for the run to end; checks its exit status is one of the given ones and the tty is as before.
end_top()
{
	local run=$1 rc

	shift
	wait_until 10 test -s "$tmp/$run.rc" || fail "$run: sockeye did not exit"
	wait_until 5 test -s "$tmp/$run.after" || fail "$run: stty -a did not run after sockeye"
	rc=$(cat "$tmp/$run.rc")
	[[ " $* " == *" $rc "* ]] || fail "$run: exit status $rc, expected one of: $*"
	diff -u "$tmp/$run.before" "$tmp/$run.after" >&2 ||
		fail "$run: terminal settings differ after sockeye top"
}

tmx new-session -d -s tui -x 120 -y 40 'HISTFILE=/dev/null exec bash --norc --noprofile' ||
	fail "cannot start tmux"
wait_until 5 tmx has-session -t tui || fail "tmux session did not come up"

# Every panel, in key order; the BPF ones may be notes saying why they cannot run.
panels=("1 softirqs" "2 softnet" "3 interfaces" "4 NAPI" "5 drops" "6 sockets: fullest queues"
	"7 packet sockets" "8 queues")

# The line above the panels: host, uptime, load, softirq share and its source, drops.
header_ok()
{
	screen | head -n 1 | grep -qE "^sockeye top  host $(uname -n)  netns $A  up .*  load [0-9.]+ [0-9.]+ [0-9.]+  softirq [0-9.]+% \((bpf|proc_stat)\)  drops [0-9.]+[kMG]?/s"
}

# ---- run 1: panels, numbers, refreshes, keys, resize, q ----------------------------
start_top run1
for t in "${panels[@]}"; do
	wait_until 10 screen_has "$t" || fail "panel title '$t' missing:$(printf '\n%s' "$(screen)")"
done
screen_has "q quit" || fail "no key hints on the bottom line"
screen_has tuiva || fail "interface tuiva of namespace $A not listed"
wait_until 5 header_ok || fail "no header line with host, load and drops:$(printf '\n%s' "$(screen)")"
cpu0_numbers()
{
	screen | grep -qE '^ *0( +[0-9.]+[KMGk%]?)+ *$'
}
wait_until 5 cpu0_numbers || fail "no per-CPU numbers in the panels:$(printf '\n%s' "$(screen)")"

# The display changes between refreshes (rates and counters move).
first=$(screen)
changed()
{
	[[ $(screen) != "$first" ]]
}
wait_until 10 changed || fail "the display never changed between refreshes"

# Digits hide and show panels; the hidden panel's title goes away.
for k in 7 6 5 4 3 2 1; do
	t=${panels[k - 1]}
	send "$k"
	wait_until 5 screen_lacks "$t" || fail "$k did not hide panel '$t'"
	screen_has "[hidden $k]" || fail "the bottom line does not list panel $k as hidden"
	send "$k"
	wait_until 5 screen_has "$t" || fail "$k did not bring panel '$t' back"
done
# Hiding the focused panel moved the focus on; shift-tab brings it back.
focused_is 2 || fail "the focus did not leave the hidden panel 1 for panel 2"
send BTab
wait_until 5 focused_is 1 || fail "shift-tab did not focus panel 1"

# Sorting the focused panel (softirqs): s picks the first column, > the next, < back, r flips.
ncpu=$(head -n 1 /proc/softirqs | wc -w)
send s
wait_until 5 title_sort_not 1 "" || fail "s did not sort the focused panel"
s1=$(sort_of 1)
[[ $s1 == *" desc]" ]] || fail "a count column should sort descending first, got $s1"
if ((ncpu > 1)); then
	wait_until 5 first_cpu_is $((ncpu - 1)) ||
		fail "sorted by CPU descending, the first row is CPU $(first_cpu)"
fi
send '>'
wait_until 5 title_sort_not 1 "$s1" || fail "> did not move to the next sort column"
send '<'
wait_until 5 title_sort_is 1 "$s1" || fail "< did not go back to $s1"
send r
wait_until 5 title_sort_is 1 "${s1% desc]} asc]" || fail "r did not reverse $s1"
if ((ncpu > 1)); then
	wait_until 5 first_cpu_is 0 || fail "sorted by CPU ascending, the first row is CPU $(first_cpu)"
fi

# tab moves the focus mark (==) to the next panel and wraps around; 10 is the drops by
# process, after every panel (no digit toggles it).
for p in 2 3 4 5 6 7 8 9 10 1; do
	send Tab
	wait_until 5 focused_is $p || fail "tab did not focus panel $p"
done

# / types a filter on the bottom line (q is a letter there, not quit); Enter applies it:
# the interfaces panel keeps tuiva and loses lo, the panels without names keep their rows.
send /
wait_until 5 screen_has "filter: _" || fail "/ did not open the filter prompt"
send q
wait_until 5 screen_has "filter: q_" || fail "q in the prompt is not typed"
send BSpace
send -l tuiv
send Enter
wait_until 5 screen_has "[filter tuiv]" || fail "Enter did not apply the filter:$(printf '\n%s' "$(screen)")"
wait_until 5 screen_has "3 interfaces [filter: 1 of 2]" ||
	fail "the filter did not leave 1 of 2 interfaces:$(printf '\n%s' "$(screen)")"
screen | grep -qE '^lo ' && fail "lo is still listed under the filter tuiv"
wait_until 5 cpu0_numbers || fail "the filter hid the softirqs rows"
# Escape leaves the filter as it was; an empty one shows every row again.
send / X Escape
wait_until 5 screen_has "[filter tuiv]" || fail "Escape changed the filter"
send / BSpace BSpace BSpace BSpace Enter
wait_until 5 screen_lacks "[filter" || fail "an empty filter did not clear it"
wait_until 5 screen_has "3 interfaces" || fail "the interfaces panel is gone"
screen | grep -qE '^lo ' || fail "lo did not come back after the filter was cleared"

# h shows the key help, h again the panels.
send h
wait_until 5 screen_has "reverse the sort order" || fail "h did not show the help"
send h
wait_until 5 screen_has "3 interfaces" || fail "h did not close the help"

# Resizing: the layout follows the new size and nothing spills over the edge.
tmx resize-window -t tui -x 80 -y 20
wait_until 5 title_width_is 80 || fail "no relayout at 80x20:$(printf '\n%s' "$(screen)")"
for t in "${panels[@]}"; do
	# A loaded machine may still be redrawing: give each title a moment.
	wait_until 5 screen_has "$t" || fail "panel '$t' lost at 80x20"
done
fits_width 80 || fail "a line is wider than 80 cells"
tmx resize-window -t tui -x 30 -y 6
wait_until 5 title_width_is 30 || fail "no relayout at 30x6:$(printf '\n%s' "$(screen)")"
fits_width 30 || fail "a line is wider than 30 cells"
[[ -n $(screen | tail -n 1) ]] || fail "the bottom line is gone at 30x6"
tmx resize-window -t tui -x 120 -y 40
wait_until 5 title_width_is 120 || fail "no relayout back at 120x40"

send q
end_top run1 0

# ---- run 2: SIGTERM ends it cleanly -------------------------------------------------
send -l clear
send Enter
start_top run2
kill -TERM "$(cat "$tmp/run2.pid")" || fail "cannot signal sockeye"
end_top run2 0 143
exit 0
