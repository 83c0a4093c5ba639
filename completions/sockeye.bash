# SPDX-License-Identifier: GPL-2.0-or-later
# sockeye.bash: bash completion for sockeye (tests/docs/sync.sh checks it against the binary).

_sockeye_global_opts='-j --json -p --pretty -N --netns -n --numeric -v --verbose -V --version -h --help'
_sockeye_commands='help top sniff'
# The long global options a command accepts after its name too.
_sockeye_common_opts='--json --pretty --numeric --netns --verbose --help'

_sockeye_top_opts='-b --batch -n --iterations -d --delay --no-header --record --replay -h'
_sockeye_sniff_opts='-i --interface -p --no-promiscuous-mode -s --snapshot-length -c --count
	-Q --direction -F --filter-file -d --dump-filter -B --buffer-size --latency --immediate
	--fanout --fanout-mode -Z --relinquish-privileges --stats -t -tt -ttt -tttt -ttttt --utc
	-e -v -q -S -x -xx -X -XX -A -w --write --pcapng --nano -C --file-size -G --rotate-seconds
	-W --file-count --print -r --read -h'

# The full name of the command a unique prefix selects, like sockeye does.
_sockeye_resolve()
{
	local c match=

	for c in $_sockeye_commands; do
		[[ $c == "$1" ]] && { echo "$c"; return; }
		if [[ $c == "$1"* ]]; then
			[[ -n $match ]] && return
			match=$c
		fi
	done
	echo "$match"
}

_sockeye_netns_names()
{
	ip netns list 2>/dev/null | while read -r name _; do echo "$name"; done
}

_sockeye()
{
	local cur prev i cmd='' word

	COMPREPLY=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD - 1]}

	# Values of options first: they do not depend on the command.
	case $prev in
	-N | --netns)
		mapfile -t COMPREPLY < <(compgen -W "$(_sockeye_netns_names)" -- "$cur")
		return
		;;
	--record | --replay)
		mapfile -t COMPREPLY < <(compgen -d -- "$cur")
		return
		;;
	-d | --delay | --iterations)
		return
		;;
	-w | --write | -r | --read | -F | --filter-file)
		mapfile -t COMPREPLY < <(compgen -f -- "$cur")
		return
		;;
	-Q | --direction)
		mapfile -t COMPREPLY < <(compgen -W 'in out inout' -- "$cur")
		return
		;;
	--fanout-mode)
		mapfile -t COMPREPLY < <(compgen -W 'hash lb cpu rollover random qm' -- "$cur")
		return
		;;
	-Z | --relinquish-privileges)
		mapfile -t COMPREPLY < <(compgen -u -- "$cur")
		return
		;;
	esac

	# The command is the first word that is neither a global option nor its value.
	for ((i = 1; i < COMP_CWORD; i++)); do
		word=${COMP_WORDS[i]}
		case $word in
		-N | --netns) ((i++)) ;;
		-*) ;;
		*)
			cmd=$(_sockeye_resolve "$word")
			break
			;;
		esac
	done

	if [[ -z $cmd ]]; then
		if [[ $i -lt $COMP_CWORD ]]; then
			return	# an unknown command: nothing sensible to offer
		fi
		if [[ $cur == -* ]]; then
			mapfile -t COMPREPLY < <(compgen -W "$_sockeye_global_opts" -- "$cur")
		else
			mapfile -t COMPREPLY < <(compgen -W "$_sockeye_commands" -- "$cur")
		fi
		return
	fi

	case $cmd in
	help)
		# help takes one command name.
		[[ $((COMP_CWORD - i)) -eq 1 ]] &&
			mapfile -t COMPREPLY < <(compgen -W "$_sockeye_commands" -- "$cur")
		;;
	sniff)
		if [[ $prev == -i || $prev == --interface ]]; then
			mapfile -t COMPREPLY < <(compgen -W "any $(ls /sys/class/net 2>/dev/null)" -- "$cur")
		elif [[ $cur == -* ]]; then
			mapfile -t COMPREPLY < <(compgen -W "$_sockeye_sniff_opts $_sockeye_common_opts" \
				-- "$cur")
		fi
		;;
	top)
		# -n after the command is --iterations: it takes a count.
		[[ $prev == -n ]] && return
		[[ $cur == -* ]] &&
			mapfile -t COMPREPLY < <(compgen -W "$_sockeye_top_opts $_sockeye_common_opts" \
				-- "$cur")
		;;
	esac
}
complete -F _sockeye sockeye
