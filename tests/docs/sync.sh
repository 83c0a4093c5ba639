#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# sync.sh: the man pages and completions cover every command, option and JSON key the binary has.
#
# The binary is the source of truth: `sockeye -j help` for the commands,
# `sockeye --help` and `sockeye help CMD` for the options, the JSON of
# `sockeye -j top -b`, `sockeye -j sockets`, `sockeye -j inject -w` and the column
# tables of the views (src/cmd/*/view_*.c) for their keys.
set -u

: "${SOCKEYE:?SOCKEYE is not set (run through make check)}"
: "${top_srcdir:?top_srcdir is not set (run through make check)}"
man=$top_srcdir/man
bash_comp=$top_srcdir/completions/sockeye.bash
zsh_comp=$top_srcdir/completions/_sockeye

if ! command -v jq >/dev/null; then
	echo "SKIP: jq not installed (apt-get install jq)"
	exit 77
fi

nfail=0
bad()
{
	echo "FAIL: $*"
	nfail=$((nfail + 1))
}

# A man page as plain words: roff's \- is a dash, font escapes go.
man_text()
{
	sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\(dq/"/g' "$1"
}

# has_word TEXT WORD: WORD (a name or an option, no regex characters) standing alone.
has_word()
{
	grep -qE -- "(^|[^A-Za-z0-9_-])$2([^A-Za-z0-9_-]|$)" <<<"$1"
}

long_opts()
{
	grep -oE -- '--[a-z][a-z0-9-]*' | sort -u
}

for f in "$man/sockeye.8" "$bash_comp" "$zsh_comp"; do
	[[ -f $f ]] || bad "${f#"$top_srcdir"/} is missing"
done
man_main=$(man_text "$man/sockeye.8" 2>/dev/null)
bash_text=$(cat "$bash_comp" 2>/dev/null)
zsh_text=$(cat "$zsh_comp" 2>/dev/null)

# The version in every page's .TH line is the binary's.
version=$("$SOCKEYE" -V | sed -n 's/^sockeye //p')
for page in "$man"/sockeye*.8; do
	grep -q "^\.TH .*\"sockeye $version\"" "$page" ||
		bad "${page#"$top_srcdir"/}: .TH does not say \"sockeye $version\""
done

if ! help_json=$("$SOCKEYE" -j help) || ! jq -e . >/dev/null 2>&1 <<<"$help_json"; then
	bad "sockeye -j help: failed or not JSON"
	help_json='{}'
fi
mapfile -t commands < <(jq -r '.. | objects | select(has("name") and has("summary")) | .name' \
	<<<"$help_json")
[[ ${#commands[@]} -gt 0 ]] || bad "sockeye -j help lists no commands"

# Global options.
for opt in $("$SOCKEYE" --help | long_opts); do
	has_word "$man_main" "$opt" || bad "global option $opt is not in man/sockeye.8"
	has_word "$bash_text" "$opt" || bad "global option $opt is not in completions/sockeye.bash"
	has_word "$zsh_text" "$opt" || bad "global option $opt is not in completions/_sockeye"
done

for cmd in "${commands[@]}"; do
	page=$man/sockeye-$cmd.8
	has_word "$man_main" "$cmd" || bad "command $cmd is not in man/sockeye.8"
	grep -qE "^\.B $cmd( |$)" "$man/sockeye.8" ||
		bad "command $cmd has no entry (.B $cmd) in man/sockeye.8"
	[[ -f $page ]] || bad "command $cmd has no man/sockeye-$cmd.8"
	grep -qE "^_sockeye_commands='([^']* )?$cmd( [^']*)?'" "$bash_comp" ||
		bad "command $cmd is not in _sockeye_commands of completions/sockeye.bash"
	grep -qE "^[[:space:]]+'$cmd:" "$zsh_comp" ||
		bad "command $cmd is not in the command list of completions/_sockeye"
	grep -qE "names=\(([^)]* )?$cmd( [^)]*)?\)" "$zsh_comp" ||
		bad "command $cmd is not in names=() of completions/_sockeye"

	if ! usage=$("$SOCKEYE" help "$cmd"); then
		bad "sockeye help $cmd failed"
		continue
	fi
	page_text=$(man_text "$page" 2>/dev/null)
	for opt in $(long_opts <<<"$usage"); do
		has_word "$page_text" "$opt" || bad "$cmd option $opt is not in man/sockeye-$cmd.8"
		has_word "$bash_text" "$opt" || bad "$cmd option $opt is not in completions/sockeye.bash"
		has_word "$zsh_text" "$opt" || bad "$cmd option $opt is not in completions/_sockeye"
	done
done

# A command's JSON keys: those of real snapshots (document keys included) and
# those its views declare, detail columns included, so none hides behind empty
# data.  Each has a ".BR key" entry in the JSON KEYS section of the page, with
# the column's text header in parentheses or "(JSON only)" for a detail column,
# and that section has no entry the code lacks.
#   check_keys CMD PAGE VIEWS JSON_ONLY_GROUPS SNAPSHOT_JSON...
# VIEWS: the view files, separated by spaces.
# JSON_ONLY_GROUPS: a regex of the group tokens whose columns are JSON only.
nkeys=0
check_keys()
{
	local cmd=$1 pagename=$2 page=$man/$2 views=$3 json_only=$4 cols entries key text keys v

	shift 4
	# "key header" per column: [COL] = { "key", "HEADER", TYPE, ALIGN, GROUP, WIDTH };
	# text-only columns have no JSON key.
	cols=$(for v in $views; do
		sed -nE 's/^[[:space:]]*\[[A-Z0-9_]+\] = \{ "([a-z0-9_]+)", "([^"]*)", [A-Z0-9_]+, [A-Z_]+, ([A-Z0-9_]+),.*/\1 \2 \3/p' "$top_srcdir/$v"
	done | sed -E "/ (FMT_GROUP_TEXT|T|[A-Z_]+_TEXT)\$/d; s/^([^ ]+) [^ ]+ ($json_only)\$/\\1 JSON only/
			s/ [A-Z0-9_]+\$//")
	[[ -n $cols ]] || bad "no column tables found in $views (has their layout changed?)"
	mapfile -t keys < <({
		for snap; do
			# The keys inside processes and task objects are documented with them.
			jq -r 'walk(if type == "object" and has("processes") then .processes = [] else . end
				| if type == "object" and has("task") then .task = {} else . end)
				| [paths | .[] | strings] | unique[]' <<<"$snap"
		done
		cut -d' ' -f1 <<<"$cols"
	} | sort -u)
	[[ ${#keys[@]} -gt 1 ]] || bad "no JSON keys found for $cmd"
	nkeys=$((nkeys + ${#keys[@]}))
	# "key (text)" per entry of the keys section: the .B/.BR line after each .TP.
	entries=$(awk '/^\.SH /{in_keys = ($0 ~ /JSON KEYS/)} in_keys && tp && /^\.BR? /{
			key = $2; rest = $0; sub(/^\.BR? [^ ]+ */, "", rest); gsub(/"/, "", rest)
			gsub(/^ *\(|\) *$/, "", rest); print key "|" rest }
			{tp = ($0 == ".TP")}' "$page")
	for key in "${keys[@]}"; do
		if ! grep -q "^$key|" <<<"$entries"; then
			bad "$cmd JSON key $key has no entry (.TP, .BR $key) in man/$pagename"
			continue
		fi
		while IFS='|' read -r _ text; do
			[[ -z $text ]] && continue
			grep -qxF "$key $text" <<<"$cols" ||
				bad "man/$pagename: $key is shown as ($text), the code says: $(
					grep "^$key " <<<"$cols" | cut -d' ' -f2- | sort -u | paste -sd/)"
		done < <(grep "^$key|" <<<"$entries")
	done
	while IFS='|' read -r key _; do
		[[ " ${keys[*]} " == *" $key "* ]] ||
			bad "man/$pagename documents JSON key $key, which $cmd does not have"
	done <<<"$entries"
}

# json_of ARGS...: sockeye's JSON output; {} and false when it fails or is not JSON.
json_of()
{
	local out

	if out=$("$SOCKEYE" "$@") && jq -e . >/dev/null 2>&1 <<<"$out"; then
		printf '%s\n' "$out"
		return 0
	fi
	echo '{}'
	return 1
}

# Keys that rows carry as details (arrays and objects, not columns) stand in like this,
# present or not in the snapshots: the owners of a socket, the task of a drop event.
details_processes='{"processes":[]}'

# top's napi, drops, sockets and funnel panels are those commands' views: their keys are
# checked with those pages (the tables stay, emptied).  A replay of a recording
# from before those panels has every NAME_error key of a panel that cannot run.
if [[ " ${commands[*]} " == *" top "* ]]; then
	snap=$(json_of -j top -b -n 1 -d 0.1) || bad "sockeye -j top -b -n 1 -d 0.1: failed or not JSON"
	notes=$(json_of -j top -n 1 --replay "$top_srcdir/tests/golden/input/top_oldkernel") ||
		bad "sockeye -j top --replay tests/golden/input/top_oldkernel: failed or not JSON"
	borrowed='if type == "object" then .napi = [] | .drops = [] | .sockets = [] | .funnel = [] else . end'
	check_keys top sockeye-top.8 \
		"src/cmd/top/view_kstat.c src/cmd/top/view_top.c src/cmd/top/view_packet_socks.c src/cmd/sockets/panel.c" \
		'D|FMT_GROUP_DETAIL' "$(jq -c "$borrowed" <<<"$snap")" "$(jq -c "$borrowed" <<<"$notes")" \
		"$details_processes"
fi
if [[ " ${commands[*]} " == *" sockets "* ]]; then
	snap=$(json_of -j sockets -a) || bad "sockeye -j sockets -a: failed or not JSON"
	sum=$(json_of -j sockets -s) || bad "sockeye -j sockets -s: failed or not JSON"
	watch=$(json_of -j sockets --watch=0.01 --count 1 --rows 1) ||
		bad "sockeye -j sockets --watch: failed or not JSON"
	check_keys sockets sockeye-sockets.8 src/cmd/sockets/view_sockets.c 'D|FMT_GROUP_DETAIL|PJSON' \
		"$snap" "$sum" "$watch" "$details_processes"
fi
# drops and napi need BPF for a real run; without it (no root, a --disable-bpf build) the
# document keys the commands write around their tables stand in.
if [[ " ${commands[*]} " == *" inject "* ]]; then
	# Writing a file sends nothing: no root, no interface, yet the statistics object.
	snap=$(json_of -j inject -w /dev/null -c 1 udp dst 192.0.2.1) ||
		bad "sockeye -j inject -w /dev/null: failed or not JSON"
	check_keys inject sockeye-inject.8 src/cmd/inject/view_inject.c 'D|FMT_GROUP_DETAIL' "$snap"
fi
if [[ " ${commands[*]} " == *" drops "* ]]; then
	sum=$(json_of -j drops -i 0.05 -c 1 --stack) ||
		sum='{"type":0,"ts_ns":0,"interval_ns":0,"total_drops":0,"unkeyed_drops":0,"drops":[],"stacks":[]}'
	ev=$(json_of -j drops --events -c 20 --duration 0.05) || ev='{"type":0,"totals":{}}'
	check_keys drops sockeye-drops.8 "src/cmd/drops/view_drops.c src/cmd/drops/process.c" 'NONE' \
		"$sum" "$ev" '{"task":{}}' "$details_processes"
fi
if [[ " ${commands[*]} " == *" napi "* ]]; then
	snap=$(json_of -j napi -i 0.05 -c 1) ||
		snap='{"type":0,"ts_ns":0,"interval_ns":0,"napi":[],"napi_cpus":[]}'
	check_keys napi sockeye-napi.8 src/cmd/napi/view_napi.c 'NONE' "$snap"
fi
# why runs without root too (its BPF and sock_diag layers then say why they are absent); a
# verdict's details and -N's document key stand in, lost or given or not.
if [[ " ${commands[*]} " == *" why "* ]]; then
	snap=$(json_of -j why -d 0.05 -e) || bad "sockeye -j why -d 0.05 -e: failed or not JSON"
	check_keys why sockeye-why.8 src/cmd/why/view_why.c 'D' "$snap" \
		'{"netns":0,"evidence":0,"where":0,"advice":[{"setting":0,"value":0,"scope":0,"command":0}]}'
fi

# The live view's keys: each one its help lists (help_text of src/out/tui_layout.c) has an
# entry in LIVE VIEW KEYS of sockeye-top.8 (".BR 1 \" ... \" 9" is 1-9).
if [[ " ${commands[*]} " == *" top "* ]]; then
	man_keys=$(man_text "$man/sockeye-top.8" |
		awk '/^\.SH /{s = ($0 ~ /LIVE VIEW KEYS/)} s && tp && /^\.BR? /{print} {tp = ($0 == ".TP")}' |
		sed -E 's/^\.BR? //; s/"//g; s/ +\.\.\. +/-/' | tr ', ' '\n\n' | tr 'A-Z' 'a-z' | sed '/^$/d')
	help_keys=$(sed -n '/help_text\[\] = {/,/^};/p' "$top_srcdir/src/out/tui_layout.c" |
		sed -nE 's/^[[:space:]]*"(([^ ]| [^ ])+)  .*/\1/p' | sed 's/, /\n/g' | tr 'A-Z' 'a-z')
	[[ -n $help_keys ]] || bad "no keys found in help_text of src/out/tui_layout.c"
	while read -r k; do
		grep -qxF -- "$k" <<<"$man_keys" ||
			bad "live view key $k (the help of src/out/tui_layout.c) is not in man/sockeye-top.8"
	done <<<"$help_keys"
fi

if [[ $nfail -ne 0 ]]; then
	echo "$nfail docs checks failed: update the man pages and completions with the code"
	exit 1
fi
echo "PASS: ${#commands[@]} commands, their options and their $nkeys JSON keys are documented"
