#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""attrib_check.py: checks sniff -j's "processes" against the ports each process wrote.

attrib_check.py JSON LOCAL4 LOCAL6 NAME:CGROUP:PORTFILE... [--only NAME] [--udp-count N]

A packet is a process's when its end in the capture's namespace (address LOCAL4
or LOCAL6) has a port of that process's PORTFILE (attrib_flows.py's).  Every
such packet must name its process first in "processes" (comm and cgroup):
exactly for TCP past the handshake (SYN and SYN-ACK may precede the event that
names a new connection), 99.9 % of all.  --only NAME: every packet captured is
NAME's; --udp-count N: each of NAME's UDP flows has N packets.  Prints counts.
"""
import json
import sys


def main():
    args = sys.argv[1:]
    only = None
    udp_count = None
    if "--only" in args:
        i = args.index("--only")
        only = args[i + 1]
        del args[i:i + 2]
    if "--udp-count" in args:
        i = args.index("--udp-count")
        udp_count = int(args[i + 1])
        del args[i:i + 2]
    path, local4, local6 = args[:3]
    owners = {}
    for spec in args[3:]:
        name, cgroup, portfile = spec.split(":", 2)
        with open(portfile) as f:
            for line in f:
                proto, fam, port = line.split()
                owners[(proto, fam, int(port))] = (name, cgroup)
    total = theirs = right = tcp = tcp_right = foreign = 0
    udp_flows = {}
    wrong = []
    with open(path) as f:
        for line in f:
            rec = json.loads(line)
            if rec.get("type") != "packet":
                continue
            total += 1
            layers = {l["proto"]: l for l in rec["layers"]}
            ip = layers.get("ipv4") or layers.get("ipv6")
            l4 = layers.get("tcp") or layers.get("udp")
            if not ip or not l4:
                foreign += 1
                continue
            fam = "4" if "ipv4" in layers else "6"
            port = l4["sport"] if ip["src"] in (local4, local6) else l4["dport"]
            key = ("tcp" if "tcp" in layers else "udp", fam, port)
            who = owners.get(key)
            if not who:
                foreign += 1
                continue
            theirs += 1
            procs = rec.get("processes", [])
            ok = bool(procs) and procs[0]["comm"] == who[0] and procs[0]["cgroup"] == who[1]
            right += ok
            if key[0] == "tcp" and "S" not in l4.get("flags", ""):
                tcp += 1
                tcp_right += ok
            if key[0] == "udp":
                udp_flows[key] = udp_flows.get(key, 0) + 1
            if not ok and len(wrong) < 5:
                wrong.append((key, who, procs))
            if only and who[0] != only:
                foreign += 1
    print("packets %d theirs %d right %d tcp_after_handshake %d right %d foreign %d udp %s"
          % (total, theirs, right, tcp, tcp_right, foreign, sorted(udp_flows.values())))
    bad = []
    if not theirs:
        bad.append("no packet of the processes")
    if tcp_right != tcp:
        bad.append("TCP past the handshake: %d of %d attributed right" % (tcp_right, tcp))
    if right < 0.999 * theirs:
        bad.append("only %d of %d attributed right" % (right, theirs))
    if only and foreign:
        bad.append("%d packets not of %s" % (foreign, only))
    if udp_count is not None and (len(udp_flows) != 2 or
                                  any(n != udp_count for n in udp_flows.values())):
        bad.append("UDP flows %s, not 2 of %d" % (udp_flows, udp_count))
    if bad:
        print("; ".join(bad), "; wrong:", wrong)
        sys.exit(1)


if __name__ == "__main__":
    main()
