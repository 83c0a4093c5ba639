#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# gen_sniff_names.py: writes tests/golden/input/sniff_names.pcap, for sniff without -n: TCP and
# UDP ports the services database names (domain, http, ntp) and one it does not (33333), between
# documentation addresses (RFC 5737, RFC 3849) that no resolver names, so that the golden does
# not depend on DNS (the hosts print as numbers: a lookup that fails, or has not answered yet,
# leaves the number), and sniff_names_lo.pcap, whose addresses are localhost's.  The output is committed; only changing the capture needs python3.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_sniff import (arp, eth, eth4, eth6, icmp, ipv4, tcp4, udp4, udp6, write_pcap,  # noqa: E402
                       LINKTYPE_ETHERNET, MAC_A)

A = bytes([192, 0, 2, 1])
B = bytes([198, 51, 100, 2])
C = bytes([203, 0, 113, 3])
A6 = bytes.fromhex("20010db8000000000000000000000001")
B6 = bytes.fromhex("20010db8000000000000000000000002")


def frames():
    return [
        eth4(udp4(A, B, 33333, 123, b"")),                       # ntp, but an empty message
        eth4(tcp4(A, C, 44444, 80, 1000, 0, "S")),              # http SYN
        eth4(tcp4(C, A, 80, 44444, 5000, 1001, "SA")),           # http SYN-ACK
        eth4(tcp4(A, C, 44444, 22, 1000, 0, "S")),              # ssh
        eth4(tcp4(A, C, 44444, 33333, 1000, 0, "S")),           # no name
        eth6(udp6(A6, B6, 33333, 9, b"abcd")),                   # discard
        eth4(udp4(A, B, 40000, 33333, b"xy")),                   # no name either side
    ]


# Names inside a protocol's text: 127.0.0.1 is "localhost" in every /etc/hosts, so these print
# by name from the first packet (a file waits for its names, as tcpdump).
LO = bytes([127, 0, 0, 1])


def lo_frames():
    quoted = udp4(LO, LO, 40000, 53, b"abcd")[:28]
    return [
        eth(b"\xff" * 6, MAC_A, 0x0806, arp(1, MAC_A, LO, b"\0" * 6, LO)),
        eth4(ipv4(LO, LO, 1, icmp(3, 3, b"\0" * 4, quoted))),         # udp port domain unreachable
        eth4(udp4(LO, LO, 40000, 33333, b"xy")),
    ]


if __name__ == "__main__":
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "input")
    write_pcap(os.path.join(here, "sniff_names.pcap"), LINKTYPE_ETHERNET, frames())
    write_pcap(os.path.join(here, "sniff_names_lo.pcap"), LINKTYPE_ETHERNET, lo_frames())
