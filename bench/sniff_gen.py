#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# sniff_gen.py: big captures for bench/sniff.sh, built with the golden generator's helpers.
#
#   sniff_gen.py mix OUT COUNT     IPv4/IPv6 TCP/UDP/ICMP, ARP and VLAN over many flows
#   sniff_gen.py flows OUT FLOWS   FLOWS TCP connections, three packets each (SYN-ACK,
#                                  ACK, data), interleaved: a relative-sequence table test
#   sniff_gen.py dnsmix OUT COUNT  the mix with every other packet a DNS query or answer over
#                                  UDP (the golden DNS messages: every type, EDNS0, IPv4/6)
# The same arguments always give the same file.
import os
import random
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests",
                                "golden"))
import gen_sniff as g  # noqa: E402
import gen_sniff_dns as gd  # noqa: E402


def ip4(n):
    return bytes([10, (n >> 16) & 255, (n >> 8) & 255, n & 255])


def ip6(n):
    return bytes.fromhex("20010db8") + b"\0" * 8 + struct.pack("!I", n)


def write(path, frames):
    """Streams (ts_ns, frame) pairs to a microsecond pcap without holding them all."""
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 262144, 1))
        for t, fr in frames:
            f.write(struct.pack("<IIII", t // 10**9, (t % 10**9) // 1000, len(fr), len(fr)) + fr)


def mix(count):
    rnd = random.Random(1)
    nflows = max(count // 20, 1)
    t = 1700000000 * 10**9
    for i in range(count):
        t += rnd.randrange(1000, 50000)
        fl = rnd.randrange(nflows)
        kind = rnd.randrange(100)
        # A few hundred hosts, many ports: flows differ mostly by port, as on real links.
        a, b = ip4(fl % 251 + 1), ip4(0x1000 + fl % 241)
        sp, dp = 40000 + fl % 9000, (443, 5000, 5001, 9999)[fl % 4]
        seq = (fl * 7919 + i * 100) & 0xFFFFFFFF
        if kind < 40:
            fr = g.eth4(g.tcp4(a, b, sp, dp, seq, seq + 1, "P.", b"x" * rnd.randrange(0, 400),
                               opts=g.NOP + g.NOP + g.TS(i, i)))
        elif kind < 55:
            fr = g.eth6(g.tcp6(ip6(fl % 251 + 1), ip6(0x1000 + fl % 241), sp, dp, seq, seq + 7, ".",
                               b"y" * rnd.randrange(0, 200)))
        elif kind < 75:
            fr = g.eth4(g.udp4(a, b, sp, 5004, b"u" * rnd.randrange(8, 300)))
        elif kind < 82:
            fr = g.eth6(g.udp6(ip6(fl % 251), ip6(0x1000 + fl % 241), sp, 5002,
                               b"v" * rnd.randrange(8, 100)))
        elif kind < 88:
            fr = g.eth4(g.ipv4(a, b, 1, g.icmp(8, 0, struct.pack("!HH", fl & 0xFFFF, i & 0xFFFF),
                                               b"p" * 56)))
        elif kind < 91:
            x, y = ip6(fl % 251), ip6(0x1000 + fl % 241)
            fr = g.eth6(g.ipv6(x, y, 58, g.icmp6(x, y, 128, 0, struct.pack("!HH", 1, i & 0xFFFF))))
        elif kind < 95:
            fr = g.eth(g.MAC_BCAST, g.MAC_A, 0x0806, g.arp(1, g.MAC_A, a, b"\0" * 6, b))
        else:
            fr = g.eth(g.MAC_B, g.MAC_A, 0x8100, g.vlan(fl % 4094 + 1, 0x0800,
                                                        g.udp4(a, b, sp, 5003, b"q" * 40)))
        yield t, fr


def flows(n):
    t = 1700000000 * 10**9
    # Three rounds over every flow, so each packet looks its flow up among n live ones.
    for rnd in range(3):
        for fl in range(n):
            t += 1000
            # 256 x 64 host pairs, then the client port: distinct connections, few hosts.
            a, b = ip4(fl % 256 + 1), ip4(0x1000 + (fl // 256) % 64)
            sp = 40000 + fl // 16384
            cs, ss = (fl * 2654435761) & 0xFFFFFFFF, (fl * 40503) & 0xFFFFFFFF
            if rnd == 0:
                fr = g.tcp4(b, a, 5001, sp, ss, cs + 1, "S.")
            elif rnd == 1:
                fr = g.tcp4(a, b, sp, 5001, cs + 1, ss + 1, ".")
            else:
                fr = g.tcp4(a, b, sp, 5001, cs + 1, ss + 1, "P.", b"GET /\r\n")
            yield t, g.eth4(fr)


def dnsmix(count):
    # The golden generator's well-formed messages over UDP, between many clients and servers.
    msgs = [(kind, m) for kind, m in gd.dns_messages() if kind in ("u4", "u4r", "u6", "u6r")]
    other = mix(count)  # its times for every packet, its frames for the even ones
    for i in range(count):
        t, fr = next(other)
        if i % 2:
            kind, m = msgs[i // 2 % len(msgs)]
            c, port = i % 997, 30000 + i % 20000
            if kind == "u4":
                fr = g.eth4(g.udp4(ip4(c + 1), ip4(0x2000 + c % 7), port, 53, m))
            elif kind == "u4r":
                fr = g.eth4(g.udp4(ip4(0x2000 + c % 7), ip4(c + 1), 53, port, m))
            elif kind == "u6":
                fr = g.eth6(g.udp6(ip6(c + 1), ip6(0x2000 + c % 7), port, 53, m))
            else:
                fr = g.eth6(g.udp6(ip6(0x2000 + c % 7), ip6(c + 1), 53, port, m))
        yield t, fr


def main():
    gens = {"mix": mix, "flows": flows, "dnsmix": dnsmix}
    if len(sys.argv) != 4 or sys.argv[1] not in gens:
        sys.exit("usage: sniff_gen.py mix|flows|dnsmix OUT COUNT")
    write(sys.argv[2], gens[sys.argv[1]](int(sys.argv[3])))


if __name__ == "__main__":
    main()
