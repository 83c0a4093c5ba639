#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# layers.sh: the layering rules of DESIGN.md's Layout, checked on src/:
#   1. engines (capture decode diag kstat bpf out util) never include cli/ or cmd/;
#   2. cli/ never includes cmd/;
#   3. only top includes another command, and only its panel.h;
#   4. no include cycle: no header reaches itself through the headers it includes;
#   5. no call cycle: no two modules (X.c with X.h) call each other, directly or around a
#      loop, seen in the symbols of the built objects (nm) when a build tree is given.
#
#   layers.sh [SRC [OBJDIR]]   check SRC (default: the project's src/) and, with OBJDIR (the
#                              build tree's src/), its objects; exit 1 naming each violation
#   make check                 checks src/ and the build's objects, then that each fixture
#                              under tests/docs/layers/ fails with what its EXPECTED lists
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ENGINES='attrib capture decode diag kstat bpf out util'

# include_edges SRC: "FROM TO" per quoted include, as paths under SRC.  An include resolves
# against SRC first (-I src), then the including file's folder; what resolves to neither
# (config.h, generated skeletons, vmlinux.h) is not ours.
include_edges()
{
	local src=$1 file inc dir target

	while IFS= read -r file; do
		dir=$(dirname "$file")
		while IFS= read -r inc; do
			if [[ -f $src/$inc ]]; then
				target=$inc
			elif [[ -f $src/$dir/$inc ]]; then
				target=$dir/$inc
			else
				continue
			fi
			printf '%s %s\n' "$file" "$(realpath -m --relative-to="$src" "$src/$target")"
		done < <(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' \
			"$src/$file")
	done < <(cd "$src" && find . -name '*.[ch]' -printf '%P\n' | sort)
}

# cycles: the members of the loops tsort finds in "FROM TO" lines on stdin, one line, or none.
cycles()
{
	tsort 2>&1 >/dev/null | sed -n 's/^tsort: //p' | grep -v 'input contains a loop' |
		tr '\n' ' ' | sed 's/ $//'
}

# call_edges SRC OBJDIR: "FROM TO" when an object of FROM uses a symbol that TO defines;
# objects whose source is gone (left in a build tree after a move) do not count.
call_edges()
{
	local src=$1 o

	(cd "$2" && find . -name '*.o' ! -name '*.bpf.o' -printf '%P\n' | sort |
		while IFS= read -r o; do
			[[ -f $src/${o%.o}.c ]] && printf '%s\n' "$o"
		done | xargs -r nm -A 2>/dev/null) |
		awk '{
			split($1, p, ":"); mod = p[1]; sub(/\.o$/, "", mod)
			if ($2 == "U") { use[++n] = mod " " $3 }
			else if ($2 ~ /^[TDBR]$/) { def[$3] = mod }
		}
		END {
			for (i = 1; i <= n; i++) {
				split(use[i], u, " ")
				if ((u[2] in def) && def[u[2]] != u[1]) print u[1], def[u[2]]
			}
		}' | sort -u
}

# check SRC [OBJDIR]: prints one line per violation; returns 1 if there was any.
check()
{
	local src=$1 objs=${2:-} from to top from_cmd to_cmd e n=0 cyc
	local -a all=()

	mapfile -t all < <(include_edges "$src" | sort -u)
	for e in "${all[@]}"; do
		from=${e% *}
		to=${e#* }
		top=${from%%/*}
		if [[ " $ENGINES " == *" $top "* && ($to == cli/* || $to == cmd/*) ]]; then
			echo "engine includes a command: $from -> $to"
			n=$((n + 1))
		fi
		if [[ $top == cli && $to == cmd/* ]]; then
			echo "cli includes a command: $from -> $to"
			n=$((n + 1))
		fi
		[[ $from == cmd/*/* && $to == cmd/*/* ]] || continue
		from_cmd=${from#cmd/}
		from_cmd=${from_cmd%%/*}
		to_cmd=${to#cmd/}
		to_cmd=${to_cmd%%/*}
		[[ $from_cmd == "$to_cmd" ]] && continue
		if [[ $from_cmd != top ]]; then
			echo "command $from_cmd includes command $to_cmd: $from -> $to (only top may)"
			n=$((n + 1))
		elif [[ $to != cmd/$to_cmd/panel.h ]]; then
			echo "top includes more of $to_cmd than its panel.h: $from -> $to"
			n=$((n + 1))
		fi
	done
	cyc=$(printf '%s\n' "${all[@]}" | awk '$1 ~ /\.h$/ && $1 != $2' | cycles)
	if [[ -n $cyc ]]; then
		echo "include cycle among: $cyc"
		n=$((n + 1))
	fi
	if [[ -n $objs ]]; then
		cyc=$(call_edges "$src" "$objs" | cycles)
		if [[ -n $cyc ]]; then
			echo "call cycle among: $cyc"
			n=$((n + 1))
		fi
	fi
	[[ $n -eq 0 ]]
}

if [[ $# -gt 0 ]]; then
	check "$@"
	exit
fi

root=${top_srcdir:-$here/../..}
objs=
[[ -n ${top_builddir:-} && -d $top_builddir/src ]] && objs=$top_builddir/src
nfail=0
if ! out=$(check "$root/src" $objs); then
	printf 'FAIL: %s\n' "$out"
	nfail=$((nfail + 1))
fi
# The fixtures: each must fail, with each violation its EXPECTED lists.  Their objects are
# built here (cc -c), so the call check is checked too.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for fx in "$here"/layers/*/; do
	name=$(basename "$fx")
	mkdir -p "$tmp/$name"
	(cd "$fx/src" && find . -name '*.c' -printf '%P\n') | while IFS= read -r c; do
		mkdir -p "$tmp/$name/$(dirname "$c")"
		${CC:-cc} -c -I "$fx/src" -o "$tmp/$name/${c%.c}.o" "$fx/src/$c" ||
			echo "FAIL: fixture $name: $c does not compile"
	done
	if out=$(check "$fx/src" "$tmp/$name"); then
		echo "FAIL: fixture $name passed the check; it should not"
		nfail=$((nfail + 1))
		continue
	fi
	while IFS= read -r want; do
		[[ -z $want ]] && continue
		grep -qF -- "$want" <<<"$out" || {
			echo "FAIL: fixture $name: no '$want' in: $out"
			nfail=$((nfail + 1))
		}
	done <"$fx/EXPECTED"
done
[[ $nfail -eq 0 ]] && echo "PASS: layers: src/ keeps the rules; every fixture is caught"
[[ $nfail -eq 0 ]]
