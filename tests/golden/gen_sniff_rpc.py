#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# gen_sniff_rpc.py: writes tests/golden/input/sniff_rpc_nfs.pcap (NFS v2/v3 calls and their
# replies over UDP and TCP, every procedure tcpdump decodes, errors, rejected calls, cuts by the
# snap length, file handles of several servers' layouts) and sniff_rpc_pmap.pcap (portmapper
# calls for -T rpc), built byte by byte: this machine runs no NFS server.  The output is
# committed; only changing a capture needs python3.  Helpers: gen_sniff.py.
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_sniff import (IP_A, IP_B, IP6_A, IP6_B, LINKTYPE_ETHERNET, eth4, eth6,  # noqa: E402
                       tcp4, udp4, udp6, write_pcap)

u32 = lambda *v: struct.pack("!%dI" % len(v), *v)
u64 = lambda v: struct.pack("!Q", v)


def opaque(b):
    return u32(len(b)) + b + b"\0" * (-len(b) % 4)


AUTH_UNIX = u32(1) + opaque(u32(0x5f3e1a2b) + opaque(b"client") + u32(1000, 1000, 2, 1000, 27))
AUTH_NONE = u32(0, 0)


def call(xid, proc, args=b"", vers=3, prog=100003, cred=AUTH_UNIX, rpcvers=2):
    return u32(xid, 0, rpcvers, prog, vers, proc) + cred + AUTH_NONE + args


def ok(xid, results=b"", astat=0):
    return u32(xid, 1, 0) + AUTH_NONE + u32(astat) + results


def fh3(b):
    return opaque(b)


# handles of several servers' layouts, as tcpdump guesses them
FH_LINUX = bytes.fromhex("01000601a2b3c4d5e6f70011223344550a000000ffeeddcc")       # 24 bytes
FH_AUSPEX = bytes(6) + b"\x03\x07" + bytes(4) + u32(4242) + bytes(16)
FH_BSD = b"\x05\x09\x00\x00\x11\x22\x00\x00" + bytes(4) + struct.pack("<I", 777) + bytes(16)
FH_SUN5 = bytes.fromhex("0100002a0000000200") + b"\x0a" + bytes(2) + u32(99) + bytes(16)
FH_VMS = b"\x01DISK$USER\0\0\0\0" + bytes(8) + b"\x34\x12\0\0\x01\x02" + bytes(4)
FH_SHORT = bytes.fromhex("deadbeefcafef00d")                                       # 8 bytes
FH2 = bytes.fromhex("00000a0b" "00000000" "0000000c" "00000d0e") + bytes(16)       # 32 bytes


def fattr3(typ=1, mode=0o644, size=1234, fileid=0x1234567):
    return u32(typ, mode, 1, 0, 0) + u64(size) + u64(4096) + u32(0, 0) + u64(0x801) + \
        u64(fileid) + u32(1700000000, 1) + u32(1700000001, 2) + u32(1700000002, 3)


def fattr2(typ=1, mode=0o100644, size=99):
    return u32(typ, mode, 2, 0xfffffffe, 0xfffffffe, size, 4096, 0, 1, 7, 1234) + \
        u32(1700000000, 5, 1700000001, 6, 1700000002, 7)


def post(attr=True):
    return u32(1) + fattr3() if attr else u32(0)


def wcc():
    return u32(1) + u64(1000) + u32(1700000000, 10, 1700000001, 11) + post()


def fn(name):
    return opaque(name)


def sattr3(mode=None, uid=None, gid=None, size=None, atime=0, mtime=0):
    out = b""
    for v in (mode, uid, gid):
        out += u32(0) if v is None else u32(1, v)
    out += u32(0) if size is None else u32(1) + u64(size)
    for how in (atime, mtime):
        out += u32(2, 1700000100, 500) if how == 2 else u32(how)
    return out


def nfs3_pairs():
    """(call args, reply results) of each v3 procedure, the reply's status first."""
    d = fh3(FH_LINUX)
    return [
        (0, b"", b""),
        (1, d, u32(0) + fattr3()),
        (2, d + sattr3(mode=0o600, uid=1000, gid=50, atime=2, mtime=1) + u32(0), u32(0) + wcc()),
        (3, d + fn(b"hello.txt"), u32(0) + fh3(FH_BSD) + post() + post()),
        (3, d + fn(b"missing"), u32(2) + post()),
        (4, d + u32(0x1f), u32(0) + post() + u32(0x1f)),
        (4, d + u32(0x3f), u32(13) + post(False)),
        (4, d + u32(0x40), u32(0) + post(False) + u32(0)),
        (5, fh3(FH_SUN5), u32(0) + post() + fn(b"../target")),
        (6, d + u64(8192) + u32(4096), u32(0) + post() + u32(4096, 1) + opaque(b"x" * 16)),
        (7, d + u64(0) + u32(16, 2) + opaque(b"y" * 16),
         u32(0) + wcc() + u32(16, 2) + u64(0x1122334455667788)),
        (7, d + u64(16) + u32(8, 7) + opaque(b"z" * 8), u32(28) + wcc()),
        (8, d + fn(b"new.txt") + u32(1) + sattr3(mode=0o644),
         u32(0) + u32(1) + fh3(FH_AUSPEX) + post() + wcc()),
        (9, d + fn(b"dir") + sattr3(mode=0o755), u32(17) + wcc()),
        (10, d + fn(b"link") + sattr3(mode=0o777, atime=2) + fn(b"/etc/passwd"),
         u32(0) + u32(0) + post(False) + wcc()),
        (11, d + fn(b"tty") + u32(4) + sattr3(mode=0o620, uid=0) + u32(4, 1),
         u32(0) + u32(1) + fh3(FH_VMS) + post() + wcc()),
        (12, d + fn(b"old.txt"), u32(0) + wcc()),
        (13, d + fn(b"dir"), u32(66) + wcc()),
        (14, d + fn(b"a") + fh3(FH_SHORT) + fn(b"b"), u32(0) + wcc() + wcc()),
        (15, fh3(FH_SUN5) + d + fn(b"hard"), u32(0) + post() + wcc()),
        (16, d + u64(0) + u64(0x0102030405060708) + u32(4096),
         u32(0) + post() + u64(0xa1a2a3a4a5a6a7a8) + u32(0, 1)),
        (17, d + u64(0xffffffffffffffff) + u64(0) + u32(1024, 8192),
         u32(10003) + post(False)),
        (18, d, u32(0) + post() + u64(10 ** 12) + u64(10 ** 11) + u64(9 * 10 ** 10) +
         u64(1000000) + u64(900000) + u64(800000) + u32(0)),
        (19, d, u32(0) + post(False) + u32(65536, 65536, 4096, 65536, 65536, 4096, 8192) +
         u64(2 ** 63 - 1) + u32(0, 1) + u32(0x1b)),
        (20, d, u32(0) + post(False) + u32(32000, 255, 1, 1, 0, 1)),
        (21, d + u64(4096) + u32(8192), u32(0) + wcc() + u64(0xdeadbeef)),
        (22, d, b""),  # a procedure NFS v3 does not have
    ]


def nfs2_pairs():
    d = FH2
    return [
        (1, d, u32(0) + fattr2()),
        (4, d + fn(b"file"), u32(0) + FH2 + fattr2()),
        (6, d + u32(512, 1024, 0), u32(0) + fattr2() + opaque(b"v2")),
        (8, d + u32(0, 2048, 0, 4) + opaque(b"abcd"), u32(0) + fattr2(size=2052)),
        (16, d + u32(0, 4096), u32(0) + u32(1, 2, 0)),
        (17, d, u32(0) + u32(8192, 4096, 1000, 500, 400)),
        (10, d + fn(b"gone"), u32(70)),
        (18, d, b""),  # v2's root procedure: tcpdump's nop
    ]


def udp_frames():
    out = []
    xid = 0x10000000
    c = lambda m, sport=800: eth4(udp4(IP_A, IP_B, sport, 2049, m))
    s = lambda m, dport=800: eth4(udp4(IP_B, IP_A, 2049, dport, m))
    for vers, pairs in ((3, nfs3_pairs()), (2, nfs2_pairs())):
        for proc, args, res in pairs:
            xid += 1
            out.append(c(call(xid, proc, args, vers=vers)))
            out.append(s(ok(xid, res)))
    # NFSv4: tcpdump reads version 4 as version 2's numbers
    out.append(c(call(0x40000001, 0, vers=4)))
    out.append(s(ok(0x40000001)))
    out.append(c(call(0x40000002, 1, opaque(b"tag") + u32(0, 1, 22) + fh3(FH_LINUX), vers=4)))
    out.append(s(ok(0x40000002, u32(0) + opaque(b"tag") + u32(1, 22, 0))))
    # replies: to no call seen, denied (version, authentication, other), not accepted
    out.append(s(ok(0x7fffffff, u32(0) + fattr3())))
    out.append(s(u32(0x10000002, 1, 1, 0, 2, 2)))
    out.append(s(u32(0x10000002, 1, 1, 1, 5)))
    out.append(s(u32(0x10000002, 1, 1, 1, 42)))
    out.append(s(u32(0x10000002, 1, 1, 7)))
    out.append(s(u32(0x10000002, 1, 7)))
    out.append(c(call(0x50000001, 1, fh3(FH_LINUX))))
    out.append(s(ok(0x50000001, b"", astat=1)))
    out.append(s(ok(0x50000001, b"", astat=9)))
    # a call from port 2049 or a reply to it: not NFS; a reply to the wrong client
    out.append(eth4(udp4(IP_B, IP_A, 2049, 800, call(0x60000001, 1, fh3(FH_LINUX)))))
    out.append(eth4(udp4(IP_A, IP_B, 800, 2049, ok(0x60000001))))
    out.append(eth4(udp4(IP_R, IP_A, 2049, 800, ok(0x10000002, u32(0) + fattr3()))))
    # credentials too long for the message, and a name whose length cannot be padded
    out.append(c(u32(0x60000002, 0, 2, 100003, 3, 1) + u32(1, 4000) + bytes(16)))
    out.append(c(call(0x60000003, 3, fh3(FH_LINUX) + u32(0xfffffffe) + b"abcd")))
    # cuts by the snap length inside each part of a call and of a reply
    lookup = c(call(0x60000004, 3, fh3(FH_LINUX) + fn(b"hello.txt")))
    for keep in (6, 20, 30, 90, 100, 118, 124):
        out.append((lookup, min(42 + keep, len(lookup))))
    out.append(c(call(0x60000005, 1, fh3(FH_LINUX))))
    getattr_reply = s(ok(0x60000005, u32(0) + fattr3()))
    for keep in (10, 26, 40, 60, 100):
        out.append((getattr_reply, min(42 + keep, len(getattr_reply))))
    # tcpdump remembers the last 64 calls: the 65th evicts the first
    for i in range(65):
        out.append(c(call(0x71000000 + i, 0)))
    out.append(s(ok(0x71000000)))
    out.append(s(ok(0x71000040)))
    out.append(s(ok(0x71000001)))
    # over IPv6
    out.append(eth6(udp6(IP6_A, IP6_B, 700, 2049, call(0x70000001, 4, fh3(FH_LINUX) +
                                                          u32(0x2d)))))
    out.append(eth6(udp6(IP6_B, IP6_A, 2049, 700, ok(0x70000001, u32(0) + post() +
                                                        u32(0x2d)))))
    return out


def tcp_frames():
    out = []
    c = lambda m, seq=1: eth4(tcp4(IP_A, IP_B, 871, 2049, seq, 1, "P.", u32(0x80000000 |
                                                                           len(m)) + m))
    s = lambda m, seq=1: eth4(tcp4(IP_B, IP_A, 2049, 871, seq, 1, "P.", u32(0x80000000 |
                                                                           len(m)) + m))
    seq_c = seq_s = 1000
    for i, (proc, args, res) in enumerate(nfs3_pairs()[:12]):
        xid = 0x20000000 + i
        m = call(xid, proc, args)
        out.append(c(m, seq_c))
        seq_c += len(m) + 4
        m = ok(xid, res)
        out.append(s(m, seq_s))
        seq_s += len(m) + 4
    # a record mark longer than the segment, and one shorter; not an RPC message; 4 bytes only
    m = call(0x21000000, 1, fh3(FH_LINUX))
    out.append(eth4(tcp4(IP_A, IP_B, 871, 2049, seq_c, 1, "P.", u32(0x80010000) + m)))
    out.append(eth4(tcp4(IP_A, IP_B, 871, 2049, seq_c, 1, "P.", u32(0x80000010) + m)))
    out.append(eth4(tcp4(IP_A, IP_B, 871, 2049, seq_c, 1, "P.", u32(0x80000008, 1, 7))))
    out.append(eth4(tcp4(IP_A, IP_B, 871, 2049, seq_c, 1, "P.", u32(0x80000000))))
    return out


def pmap_frames():
    """Portmapper calls to port 111 and their replies, for -T rpc."""
    out = []
    c = lambda m: eth4(udp4(IP_A, IP_B, 900, 111, m))
    s = lambda m: eth4(udp4(IP_B, IP_A, 111, 900, m))
    for xid, proc, args in ((0x3001, 3, u32(100003, 3, 17, 0)), (0x3002, 3, u32(100005, 1, 6, 0)),
                            (0x3003, 0, b""), (0x3004, 4, b""), (0x3005, 1, u32(99, 1, 6, 2049)),
                            (0x3006, 5, u32(100021, 4, 1)), (0x3007, 9, b"")):
        out.append(c(call(xid, proc, args, vers=2, prog=100000, cred=AUTH_NONE)))
        out.append(s(ok(xid, u32(2049))))
    out.append(c(call(0x3008, 3, u32(7, 1, 6, 0), vers=2, prog=100000, rpcvers=3)))
    out.append(c(call(0x3009, 3, u32(555555, 1, 6, 0), vers=2, prog=100000)))
    out.append((c(call(0x300a, 3, u32(100003, 3, 17, 0), prog=100000)), 42 + 16))
    out.append((c(call(0x300b, 3, u32(100003, 3, 17, 0), prog=100000)), 42 + 6))
    # an NFS call then its reply through -T rpc: the reply is read as NFS's
    out.append(eth4(udp4(IP_A, IP_B, 800, 2049, call(0x3100, 1, fh3(FH_LINUX)))))
    out.append(eth4(udp4(IP_B, IP_A, 2049, 800, ok(0x3100, u32(0) + fattr3()))))
    return out


IP_R = bytes([10, 0, 0, 254])

if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    inp = os.path.join(here, "input")
    write_pcap(os.path.join(inp, "sniff_rpc_nfs.pcap"), LINKTYPE_ETHERNET,
               udp_frames() + tcp_frames())
    write_pcap(os.path.join(inp, "sniff_rpc_pmap.pcap"), LINKTYPE_ETHERNET, pmap_frames())
