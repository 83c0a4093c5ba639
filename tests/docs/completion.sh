#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# completion.sh: what completions/sockeye.bash offers, asked as bash asks it (COMP_WORDS,
# COMP_CWORD, then COMPREPLY): interfaces of -N's namespace, the running kernel's drop
# reasons, the template words per protocol, the global letters after a command.
# The -N case makes a namespace with veths only it has (as root; else it is skipped).
set -u

: "${SOCKEYE:?SOCKEYE is not set (run through make check)}"
: "${top_srcdir:?top_srcdir is not set (run through make check)}"

nfail=0
bad()
{
	echo "FAIL: completion: $*"
	nfail=$((nfail + 1))
}

tmp=$(mktemp -d) || exit 99
ns=
cleanup()
{
	[[ -n $ns ]] && ip netns del "$ns" 2>/dev/null
	[[ -n ${ns2:-} ]] && ip netns del "$ns2" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

# The completion runs `sockeye` from PATH: this build's.
mkdir "$tmp/bin" && ln -s "$SOCKEYE" "$tmp/bin/sockeye" || exit 99
PATH=$tmp/bin:$PATH
# shellcheck source=/dev/null
. "$top_srcdir/completions/sockeye.bash" || exit 99

# complete WORD...: COMPREPLY for the line "WORD..." with the cursor on its last word,
# sorted, one a line, in $got.
complete_line()
{
	COMP_WORDS=("$@")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMPREPLY=()
	_sockeye
	got=$(printf '%s\n' "${COMPREPLY[@]}" | sed '/^$/d' | sort)
}

# offers WORD ARGS...: the completion of ARGS includes WORD.
offers()
{
	local want=$1

	shift
	complete_line "$@"
	grep -qxF -- "$want" <<<"$got" || bad "'$*<TAB>' does not offer $want: $(paste -sd' ' <<<"$got")"
}

# not_offers WORD ARGS...: the completion of ARGS lacks WORD.
not_offers()
{
	local unwanted=$1

	shift
	complete_line "$@"
	! grep -qxF -- "$unwanted" <<<"$got" ||
		bad "'$*<TAB>' offers $unwanted: $(paste -sd' ' <<<"$got")"
}

# Template words: the protocol first, then that protocol's keywords, never a protocol again.
offers udp sockeye inject -i lo ''
offers icmpv6 sockeye inject -i lo ''
not_offers dst sockeye inject -i lo ''
offers dst sockeye inject -i lo udp ''
offers dport sockeye inject -i lo udp dst 10.0.0.2 ''
not_offers udp sockeye inject -i lo udp ''
not_offers tcp sockeye inject -i lo udp dst 10.0.0.2 ''
not_offers syn sockeye inject -i lo udp ''
offers syn sockeye inject -i lo tcp ''
offers echo-reply sockeye inject -i lo icmp ''
not_offers sport sockeye inject -i lo icmp ''
# A keyword's value is due: no keyword offered for it.
not_offers src sockeye inject -i lo udp dst ''
offers zero sockeye inject -i lo udp fill ''

# The global letters a command takes after its name, and not those it uses itself.
offers -j sockeye sniff -
offers -N sockeye sniff -
offers -j sockeye top -
offers -v sockeye top -
offers -j sockeye sockets -
offers -n sockeye drops -
offers -p sockeye inject -

# Drop reasons: the running kernel's (BTF), when this build and kernel have them.
if reasons=$("$SOCKEYE" drops --list-reasons 2>/dev/null) && grep -qx NO_SOCKET <<<"$reasons"; then
	offers NO_SOCKET sockeye drops --reason NO_
	offers NO_SOCKET sockeye drops --exclude-reason ''
	complete_line sockeye drops --reason ''
	[[ $(wc -l <<<"$got") -eq $(sort -u <<<"$reasons" | wc -l) ]] ||
		bad "drops --reason<TAB> offers $(wc -l <<<"$got") names, the kernel has $(wc -l <<<"$reasons")"
else
	echo "SKIP (part): sockeye drops --list-reasons has no reasons here (no BPF or no BTF)"
fi

# -N NS: the interfaces of NS, from `ip -n NS`, without the veth's @ifN; none of the host's.
if [[ $(id -u) -eq 0 ]] && ip netns add "sky-comp-$$" 2>/dev/null; then
	ns=sky-comp-$$
	ns2=sky-comp2-$$
	ip netns add "$ns2" || bad "ip netns add $ns2 failed"
	# A pair inside NS ("skyd@skye" in ip -o link) and one to ns2 ("skyv@ifN").
	ip -n "$ns" link add "skyd$$" type veth peer name "skye$$" ||
		bad "cannot add a veth pair in $ns"
	ip -n "$ns" link add "skyv$$" type veth peer name "skyw$$" netns "$ns2" ||
		bad "cannot add a veth from $ns to $ns2"
	for words in "sockeye -N $ns sniff -i" "sockeye --netns $ns sniff -i" \
		"sockeye sniff -N $ns -i" "sockeye -N $ns inject -i" "sockeye -N $ns drops --iface" \
		"sockeye napi -N $ns --iface"; do
		# shellcheck disable=SC2086
		offers "skyd$$" $words ''
		# shellcheck disable=SC2086
		offers "skyv$$" $words ''
		# shellcheck disable=SC2086
		offers lo $words ''
		grep -q @ <<<"$got" && bad "'$words<TAB>' offers a name with its peer: $got"
		for host_if in $(ls /sys/class/net); do
			[[ $host_if == lo ]] && continue
			grep -qxF -- "$host_if" <<<"$got" && bad "'$words<TAB>' offers the host's $host_if"
		done
	done
	# Without -N: this namespace's interfaces, not the other's.
	not_offers "skyd$$" sockeye sniff -i ''
else
	echo "SKIP (part): -N needs root and ip netns to make a namespace"
fi

if [[ $nfail -ne 0 ]]; then
	echo "$nfail completion checks failed"
	exit 1
fi
echo "PASS: completion"
