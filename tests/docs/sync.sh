#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# sync.sh: the man pages and completions cover every command, option and JSON key the binary has.
#
# The binary is the source of truth: `sockeye -j help` for the commands,
# `sockeye --help` and `sockeye help CMD` for the options, the JSON of
# `sockeye -j top -b` and the column tables of src/view/ for top's keys.
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

# top's JSON keys: those of a real snapshot (document keys included) and those
# the views declare, detail columns included, so none hides behind empty data.
# Each has a ".BR key" entry in the PANELS AND JSON KEYS section of the page, with
# the column's text header in parentheses or "(JSON only)" for a detail column,
# and that section has no entry the code lacks.
top_page=$man/sockeye-top.8
views=$top_srcdir/src/view/view_kstat.c
keys=()
if [[ " ${commands[*]} " == *" top "* ]]; then
	if ! snap=$("$SOCKEYE" -j top -b -n 1 -d 0.1) || ! jq -e . >/dev/null 2>&1 <<<"$snap"; then
		bad "sockeye -j top -b -n 1 -d 0.1: failed or not JSON"
		snap='{}'
	fi
	# "key header" per column: [COL] = { "key", "HEADER", TYPE, ALIGN, GROUP, WIDTH };
	# text-only columns have no JSON key.
	cols=$(sed -nE 's/^[[:space:]]*\[[A-Z0-9_]+\] = \{ "([a-z0-9_]+)", "([^"]*)", [A-Z0-9_]+, [A-Z_]+, ([A-Z0-9_]+),.*/\1 \2 \3/p' "$views" |
		sed -E '/ FMT_GROUP_TEXT$/d; s/^([^ ]+) [^ ]+ (D|FMT_GROUP_DETAIL)$/\1 JSON only/
			s/ [A-Z0-9_]+$//')
	[[ -n $cols ]] || bad "no column tables found in ${views#"$top_srcdir"/} (has its layout changed?)"
	mapfile -t keys < <({
		jq -r '[paths | .[] | strings] | unique[]' <<<"$snap"
		cut -d' ' -f1 <<<"$cols"
	} | sort -u)
	[[ ${#keys[@]} -gt 1 ]] || bad "no JSON keys found for top"
	# "key (text)" per entry of the keys section: the .B/.BR line after each .TP.
	entries=$(awk '/^\.SH /{in_keys = ($0 ~ /JSON KEYS/)} in_keys && tp && /^\.BR? /{
			key = $2; rest = $0; sub(/^\.BR? [^ ]+ */, "", rest); gsub(/"/, "", rest)
			gsub(/^ *\(|\) *$/, "", rest); print key "|" rest }
			{tp = ($0 == ".TP")}' "$top_page")
	for key in "${keys[@]}"; do
		if ! grep -q "^$key|" <<<"$entries"; then
			bad "top JSON key $key has no entry (.TP, .BR $key) in man/sockeye-top.8"
			continue
		fi
		while IFS='|' read -r _ text; do
			[[ -z $text ]] && continue
			grep -qxF "$key $text" <<<"$cols" ||
				bad "man/sockeye-top.8: $key is shown as ($text), the code says: $(
					grep "^$key " <<<"$cols" | cut -d' ' -f2- | sort -u | paste -sd/)"
		done < <(grep "^$key|" <<<"$entries")
	done
	while IFS='|' read -r key _; do
		[[ " ${keys[*]} " == *" $key "* ]] ||
			bad "man/sockeye-top.8 documents JSON key $key, which top does not have"
	done <<<"$entries"
fi

if [[ $nfail -ne 0 ]]; then
	echo "$nfail docs checks failed: update the man pages and completions with the code"
	exit 1
fi
echo "PASS: ${#commands[@]} commands, their options and top's ${#keys[@]} JSON keys are documented"
