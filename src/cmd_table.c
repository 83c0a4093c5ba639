/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cmd_table.c: the commands this build has; help, man pages and completions follow it. */
#include "config.h"

#include "cmd.h"

const struct cmd cmd_table[] = {
	{ "help", cmd_help, "show the commands, or one command's options",
	  "help [COMMAND]" },
	{ "top", cmd_top, "live view of softirqs, softnet and interface counters",
	  "top [-b] [-n COUNT] [-d SECONDS] [--no-header] [--record DIR] [--replay DIR]\n"
	  "\n"
	  "  -b, --batch          print snapshots as text or JSON instead of the live view\n"
	  "  -n, --iterations N   stop after N snapshots (batch default 1)\n"
	  "  -d, --delay SECONDS  time between snapshots (default 1)\n"
	  "      --no-header      text without column headers\n"
	  "      --record DIR     also save each raw sample under DIR (for replay tests)\n"
	  "      --replay DIR     read samples saved by --record instead of the kernel\n" },
	{ "sniff", cmd_sniff, "capture and decode packets like tcpdump, on a zero-copy ring",
	  "sniff [-i IFACE]... [options] [FILTER EXPRESSION]\n"
	  "\n"
	  "capture:\n"
	  "  -i, --interface IFACE    capture on IFACE (repeatable; \"any\": all, cooked);\n"
	  "                           default: the first interface up that is not loopback\n"
	  "  -p, --no-promiscuous-mode  do not put the interface in promiscuous mode\n"
	  "  -s, --snapshot-length N  keep N bytes of each packet (0: 262144, the default)\n"
	  "  -c, --count N            stop after N packets\n"
	  "  -Q, --direction DIR      in, out or inout (default)\n"
	  "  -F, --filter-file FILE   read the filter expression from FILE\n"
	  "  -d, --dump-filter        print the compiled BPF program and exit\n"
	  "  -B, --buffer-size SIZE   ring size (a bare number is KiB; default 32M)\n"
	  "      --latency MS         deliver a partly filled ring block after MS (default 10)\n"
	  "      --immediate          --latency 1\n"
	  "      --fanout N           N sockets in one PACKET_FANOUT group per interface\n"
	  "      --fanout-mode MODE   hash (default), lb, cpu, rollover, random or qm\n"
	  "  -Z, --relinquish-privileges USER  become USER once the sockets are open\n"
	  "      --stats SECONDS      print capture statistics every SECONDS\n"
	  "output:\n"
	  "  -t, -tt, -ttt, -tttt, -ttttt  timestamp style as in tcpdump\n"
	  "      --utc                timestamps in UTC instead of local time\n"
	  "  -e                       print the link-layer header\n"
	  "  -v                       more protocol detail\n"
	  "  -q                       less protocol detail\n"
	  "  -S                       absolute TCP sequence numbers\n"
	  "  -x, -xx, -X, -XX, -A     hex, hex and ASCII, or ASCII dump (doubled: from the link header)\n"
	  "files:\n"
	  "  -w, --write FILE         write packets to FILE (\"-\": standard output)\n"
	  "      --pcapng             write pcapng instead of pcap\n"
	  "      --nano               nanosecond timestamps (pcap) and printing\n"
	  "  -C, --file-size SIZE     start a new file past SIZE (a bare number is MB)\n"
	  "  -G, --rotate-seconds N   start a new file every N seconds (FILE is an strftime pattern)\n"
	  "  -W, --file-count N       with -C: a ring of N files; with -G: stop after N files\n"
	  "      --print              print packets while writing them with -w\n"
	  "  -r, --read FILE          read a pcap or pcapng file (\"-\": standard input)\n" },
};
const unsigned cmd_count = sizeof(cmd_table) / sizeof(cmd_table[0]);

