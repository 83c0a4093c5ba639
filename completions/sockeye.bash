# SPDX-License-Identifier: GPL-2.0-or-later
# sockeye.bash: bash completion for sockeye (tests/docs/sync.sh checks it against the binary).

_sockeye_global_opts='-j --json -p --pretty -N --netns -n --numeric -v --verbose -V --version -h --help'
_sockeye_commands='help top sniff inject sockets ss drops trace napi why exporter'
# The long global options a command accepts after its name too; the short ones it takes
# are those it gives no meaning of its own, listed with its options (see sockeye(8)).
_sockeye_common_opts='--json --pretty --numeric --netns --verbose --help'

_sockeye_top_opts='-b --batch -n --iterations -d --delay --no-header --panels --record --replay -h
	-j -p -N -v'
_sockeye_sniff_opts='-i --interface -p --no-promiscuous-mode -s --snapshot-length -c --count
	-Q --direction -F --filter-file -d --dump-filter -B --buffer-size --latency --immediate
	--fanout --fanout-mode --fanout-files -Z --relinquish-privileges --stats -t -tt -ttt -tttt
	-ttttt --utc -e -v -q -n -l -S -x -xx -X -XX -A -w --write --pcapng --nano -C --file-size -G --rotate-seconds
	-W --file-count --print -r --read --process --pid --children --comm --cgroup --container
	--exec -h -j -N -T --type -# --number --decode-more -b'
# sniff -T: the types sniff decodes (tcpdump's names)
_sockeye_sniff_types='vat wb rpc rtp rtcp snmp tftp aodv radius vxlan resp ptp domain lmp zmtp1 pgm pgm_zmtp1'
_sockeye_inject_opts='-i --interface -r --read --loop --preload -c --count --duration --speed --pps --mbps
	--topspeed --vlan --src-mac --dst-mac --cpus -B --buffer-size --qdisc-bypass
	--tpacket-version --stats --dump -x -w --write -h -j -p -N -n -v'
_sockeye_sockets_opts='-t --tcp -u --udp -w --raw -x --unix -0 --packet -A --query -4 --ipv4
	-6 --ipv6 -l --listening -a --all -N --netns --all-netns -p --processes -e --extended
	-o --options -m --memory -i --info -s --summary -H --no-header -n --numeric --watch -b --batch
	--count --rows --dump-raw --replay -h -j -v'
_sockeye_drops_opts='--events -i --interval -c --count --duration --reason --exclude-reason
	--iface --proto --stack --attach --ring-size --process --by --pid --cgroup -w --write -s
	--snaplen -e --extended --no-header -h -j -p -N -n -v'
_sockeye_trace_opts='-i --iface -c --count -d --duration -w --write --snaplen --summary --pid
	--comm --cgroup --attach --max-packets --ring-size -h -j -p -N -n -v'
_sockeye_napi_opts='-i --interval -c --count --duration --iface --attach -e --extended
	--no-header -h -j -p -N -n -v'
_sockeye_why_opts='-i --iface -d --duration --pid --watch -c --count -e --extended --no-header
	-h -j -p -N -n -v'
_sockeye_exporter_opts='--listen --web-config --collectors --device-include --device-exclude --cache
	--max-connections --timeout --connection-memory --all-netns -h -j -p -N -n -v'
_sockeye_exporter_collectors='softnet softirqs netdev snmp sockets packet drops napi all'
_sockeye_drops_protos='tcp udp icmp icmpv6 sctp gre esp igmp ipv4 ipv6 arp vlan lldp mpls'
_sockeye_sockets_words='state exclude src dst sport dport dev fwmark autobound and or not'
_sockeye_sockets_states='established syn-sent syn-recv fin-wait-1 fin-wait-2 time-wait closed
	close-wait last-ack listening closing all connected synchronized bucket big'

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

# The namespace -N or --netns names on the line so far (before the command or after it).
_sockeye_netns_of()
{
	local i ns=

	for ((i = 1; i < COMP_CWORD - 1; i++)); do
		case ${COMP_WORDS[i]} in
		-N | --netns)
			# bash splits --netns=NAME at the '='.
			[[ ${COMP_WORDS[i + 1]} == = ]] && ((i++))
			ns=${COMP_WORDS[i + 1]}
			;;
		-N?*) ns=${COMP_WORDS[i]#-N} ;;
		esac
	done
	echo "$ns"
}

# The interfaces of namespace $1 (of this one when empty), as sockeye will see them there.
_sockeye_ifaces()
{
	if [[ -n $1 ]]; then
		# "2: veth0@if3: <...>": the name, without the peer's index.
		ip -n "$1" -o link show 2>/dev/null | awk -F': ' '{ sub(/@.*/, "", $2); print $2 }'
	else
		ls /sys/class/net 2>/dev/null
	fi
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
	-w | --write | -r | --read | -F | --filter-file | --dump-raw)
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
		-N | --netns)
			((i++))
			[[ ${COMP_WORDS[i]} == = ]] && ((i++))
			;;
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
		# help takes one command name, or --schema and a record type.
		if [[ $((COMP_CWORD - i)) -eq 1 ]]; then
			mapfile -t COMPREPLY < <(compgen -W "$_sockeye_commands --schema" -- "$cur")
		elif [[ $prev == --schema ]]; then
			mapfile -t COMPREPLY < <(compgen -W "$(sockeye help --schema 2>/dev/null)" -- "$cur")
		fi
		;;
	sockets | ss)
		case $prev in
		-A | --query)
			mapfile -t COMPREPLY < <(compgen -W 'all inet tcp udp raw mptcp sctp unix unix_stream
				unix_dgram unix_seqpacket packet packet_raw packet_dgram' -- "$cur")
			;;
		--replay)
			mapfile -t COMPREPLY < <(compgen -f -- "$cur")
			;;
		state | exclude)
			mapfile -t COMPREPLY < <(compgen -W "$_sockeye_sockets_states" -- "$cur")
			;;
		--count | --rows) ;;
		*)
			if [[ $cur == -* ]]; then
				mapfile -t COMPREPLY < <(compgen -W "$_sockeye_sockets_opts \
					$_sockeye_common_opts" -- "$cur")
			else
				mapfile -t COMPREPLY < <(compgen -W "$_sockeye_sockets_words" -- "$cur")
			fi
			;;
		esac
		;;
	sniff)
		if [[ $prev == -i || $prev == --interface ]]; then
			mapfile -t COMPREPLY < <(compgen -W "any $(_sockeye_ifaces "$(_sockeye_netns_of)")" \
				-- "$cur")
		elif [[ $prev == -Q || $prev == --direction ]]; then
			mapfile -t COMPREPLY < <(compgen -W 'in out inout' -- "$cur")
		elif [[ $prev == --fanout-mode ]]; then
			mapfile -t COMPREPLY < <(compgen -W 'hash lb cpu rollover random qm' -- "$cur")
		elif [[ $prev == -T || $prev == --type ]]; then
			mapfile -t COMPREPLY < <(compgen -W "$_sockeye_sniff_types" -- "$cur")
		elif [[ $prev == -[rwF] || $prev == --read || $prev == --write ||
			$prev == --filter-file ]]; then
			mapfile -t COMPREPLY < <(compgen -f -- "$cur")
		elif [[ $prev == -Z || $prev == --relinquish-privileges ]]; then
			mapfile -t COMPREPLY < <(compgen -u -- "$cur")
		elif [[ $cur == -* ]]; then
			mapfile -t COMPREPLY < <(compgen -W "$_sockeye_sniff_opts $_sockeye_common_opts" \
				-- "$cur")
		fi
		;;
	inject)
		case $prev in
		-i | --interface)
			mapfile -t COMPREPLY < <(compgen -W "$(_sockeye_ifaces "$(_sockeye_netns_of)")" \
				-- "$cur")
			;;
		--tpacket-version)
			mapfile -t COMPREPLY < <(compgen -W '2 3' -- "$cur")
			;;
		fill)
			mapfile -t COMPREPLY < <(compgen -W 'zero random 0x' -- "$cur")
			;;
		--loop | --preload | -c | --count | --duration | --speed | --pps | --mbps | --vlan | --src-mac | \
			--dst-mac | --cpus | -B | --buffer-size | --stats) ;;
		*)
			if [[ $cur == -* ]]; then
				mapfile -t COMPREPLY < <(compgen -W "$_sockeye_inject_opts \
					$_sockeye_common_opts" -- "$cur")
			else
				# The template's words that may come next, from sockeye itself: the
				# protocol first, then the keywords of that protocol.
				mapfile -t COMPREPLY < <(compgen -W "$(sockeye inject --list-words \
					"${COMP_WORDS[@]:i + 1:COMP_CWORD - i - 1}" 2>/dev/null)" -- "$cur")
			fi
			;;
		esac
		;;
	drops | napi)
		case $prev in
		--attach)
			mapfile -t COMPREPLY < <(compgen -W 'auto tp_btf raw_tp kprobe' -- "$cur")
			;;
		--proto)
			mapfile -t COMPREPLY < <(compgen -W "$_sockeye_drops_protos" -- "$cur")
			;;
		--iface)
			local extra=
			[[ $cmd == napi ]] && extra=backlog
			mapfile -t COMPREPLY < <(compgen -W "$(_sockeye_ifaces "$(_sockeye_netns_of)") $extra" \
				-- "$cur")
			;;
		--reason | --exclude-reason)
			# The running kernel's enum skb_drop_reason, as drops reads it from BTF.
			mapfile -t COMPREPLY < <(compgen -W "$(sockeye drops --list-reasons 2>/dev/null)" \
				-- "$cur")
			;;
		-w | --write)
			mapfile -t COMPREPLY < <(compgen -f -- "$cur")
			;;
		-i | --interval | -c | --count | --duration | --ring-size | -s | --snaplen) ;;
		*)
			if [[ $cur == -* && $cmd == drops ]]; then
				mapfile -t COMPREPLY < <(compgen -W "$_sockeye_drops_opts \
					$_sockeye_common_opts" -- "$cur")
			elif [[ $cur == -* ]]; then
				mapfile -t COMPREPLY < <(compgen -W "$_sockeye_napi_opts \
					$_sockeye_common_opts" -- "$cur")
			elif [[ $cmd == drops ]]; then
				mapfile -t COMPREPLY < <(compgen -W "src dst host port and \
					$_sockeye_drops_protos" -- "$cur")
			fi
			;;
		esac
		;;
	trace)
		case $prev in
		--attach)
			mapfile -t COMPREPLY < <(compgen -W 'auto tp_btf raw_tp' -- "$cur")
			;;
		-i | --iface)
			mapfile -t COMPREPLY < <(compgen -W "$(_sockeye_ifaces "$(_sockeye_netns_of)")" \
				-- "$cur")
			;;
		-w | --write)
			mapfile -t COMPREPLY < <(compgen -f -- "$cur")
			;;
		--pid)
			mapfile -t COMPREPLY < <(compgen -W "$(cd /proc && echo [0-9]*)" -- "$cur")
			;;
		-c | --count | -d | --duration | --snaplen | --max-packets | --ring-size | --comm | \
			--cgroup) ;;
		*)
			if [[ $cur == -* ]]; then
				mapfile -t COMPREPLY < <(compgen -W "$_sockeye_trace_opts \
					$_sockeye_common_opts" -- "$cur")
			else
				# A pcap filter, as tcpdump takes it: its first words.
				mapfile -t COMPREPLY < <(compgen -W "host net port portrange src dst \
					ip ip6 arp tcp udp icmp icmp6 vlan ether proto len and or not" -- "$cur")
			fi
			;;
		esac
		;;
	why)
		case $prev in
		-i | --iface)
			mapfile -t COMPREPLY < <(compgen -W "$(_sockeye_ifaces "$(_sockeye_netns_of)")" \
				-- "$cur")
			;;
		--pid)
			mapfile -t COMPREPLY < <(compgen -W "$(cd /proc && echo [0-9]*)" -- "$cur")
			;;
		-d | --duration | -c | --count) ;;
		*)
			if [[ $cur == -* ]]; then
				mapfile -t COMPREPLY < <(compgen -W "$_sockeye_why_opts \
					$_sockeye_common_opts" -- "$cur")
			else
				mapfile -t COMPREPLY < <(compgen -W "$_sockeye_sockets_words" -- "$cur")
			fi
			;;
		esac
		;;
	exporter)
		case $prev in
		--collectors)
			# A comma-separated list: complete the name after the last comma.
			local pre=${cur%"${cur##*,}"}
			mapfile -t COMPREPLY < <(compgen -P "$pre" -W "$_sockeye_exporter_collectors" \
				-- "${cur##*,}")
			;;
		--web-config)
			mapfile -t COMPREPLY < <(compgen -f -- "$cur")
			;;
		--listen | --device-include | --device-exclude | --cache | --max-connections | \
			--timeout | --connection-memory) ;;
		*)
			[[ $cur == -* ]] &&
				mapfile -t COMPREPLY < <(compgen -W "$_sockeye_exporter_opts \
					$_sockeye_common_opts" -- "$cur")
			;;
		esac
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
