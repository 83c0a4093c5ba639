#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# why_watch.sh: `sockeye why --watch` live in a tmux pane: the header, the funnel, its causes and
# the verdict drawn and redrawn every interval while UDP to a closed port is lost; q quits
# with status 0 and the terminal as it was; -c ends the live view by itself.
. "${top_srcdir:-.}/tests/netns/lib.sh"
. "${top_srcdir:-.}/tests/netns/why_lib.sh"

need_root
need_cmd tmux

tmp=$(mktemp -d) || fail "mktemp failed"
register_file "$tmp"
sock=sockeye-why-watch-$$
pane=whywatch:0.0

tmx()
{
	tmux -L "$sock" "$@"
}

watch_cleanup()
{
	local rc=$?

	tmx kill-server 2>/dev/null
	(exit "$rc")
	cleanup
}
trap watch_cleanup EXIT

why_veth 10.96.12
# Steady loss: UDP to the discard port of B, where nothing listens (bash alone, 50 a second).
ip netns exec "$A" bash -c 'while :; do echo x >/dev/udp/10.96.12.2/9; sleep 0.02; done' \
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

# The no_socket row of the causes table, with a count that is not zero.
no_socket_row()
{
	screen | grep -qE '^no_socket +protocol +[1-9][0-9]* '
}

# Runs why --watch ARGS in the pane's shell, with stty -a saved before and after and its exit
# status in a file: RUN names those files.
start_watch()
{
	local run=$1 cmd

	shift
	printf -v cmd 'stty -a >%q; %q -N %q why --watch -i vb %s; echo $? >%q; stty -a >%q' \
		"$tmp/$run.before" "$SOCKEYE" "$B" "$*" "$tmp/$run.rc" "$tmp/$run.after"
	tmx send-keys -t "$pane" -l "$cmd"
	tmx send-keys -t "$pane" Enter
}

end_watch()
{
	local run=$1

	wait_until 15 test -s "$tmp/$run.rc" || fail "$run: why --watch did not exit"
	wait_until 5 test -s "$tmp/$run.after" || fail "$run: stty -a did not run after why"
	[[ $(cat "$tmp/$run.rc") == 0 ]] || fail "$run: exit status $(cat "$tmp/$run.rc")"
	diff -u "$tmp/$run.before" "$tmp/$run.after" >&2 ||
		fail "$run: terminal settings differ after why --watch"
}

tmx new-session -d -s whywatch -x 160 -y 50 'HISTFILE=/dev/null exec bash --norc --noprofile' ||
	fail "cannot start tmux"
wait_until 5 tmx has-session -t whywatch || fail "tmux session did not come up"

# ---- run 1: drawn, redrawn, q ----------------------------------------------------------
start_watch run1 -d 0.5
wait_until 15 screen_has "sockeye why: where packets are lost" ||
	fail "run1: no header:$(printf '\n%s' "$(screen)")"
for t in "loss funnel: wire to application, then out" "causes of loss, most first" "verdict"; do
	wait_until 10 screen_has "$t" || fail "run1: '$t' missing:$(printf '\n%s' "$(screen)")"
done
wait_until 10 no_socket_row || fail "run1: no no_socket cause:$(printf '\n%s' "$(screen)")"
screen | grep -qE '^ *1 +no_socket +protocol ' ||
	fail "run1: the verdict is not no_socket:$(printf '\n%s' "$(screen)")"
screen_has "every 0.5s" || fail "run1: the status line does not say the interval"
first=$(screen)
changed()
{
	[[ $(screen) != "$first" ]]
}
wait_until 10 changed || fail "run1: the funnel was never redrawn"
tmx send-keys -t "$pane" q
end_watch run1

# ---- run 2: -c 2 ends after two funnels ------------------------------------------------
tmx send-keys -t "$pane" clear Enter
start_watch run2 -d 0.3 -c 2
end_watch run2
exit 0
