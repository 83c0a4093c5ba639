#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# gen_sniff_ctl.py: writes tests/golden/input/sniff_pptp.pcap and sniff_krb.pcap, raw IP built
# byte by byte: every PPTP control message (RFC 2637, TCP 1723) with set reserved fields, unknown
# message and control types, a wrong magic cookie, and each message cut at several places; and
# Kerberos (UDP 88 and 750) version 4's message types in both byte orders, versions 1-3 and 5,
# unknown types, names without their NUL, and every cut of each.  The output is committed; only
# changing the captures needs python3.
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    s = (s >> 16) + (s & 0xFFFF)
    s += s >> 16
    return ~s & 0xFFFF


def ip(proto, payload):
    h = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), 1, 0, 64, proto, 0,
                    bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2]))
    return h[:10] + struct.pack("!H", csum(h)) + h[12:] + payload


def tcp(sport, dport, data):
    return struct.pack("!HHIIBBHHH", sport, dport, 1, 1, 0x50, 0x18, 1000, 0, 0) + data


def udp(sport, dport, data):
    return struct.pack("!HHHH", sport, dport, 8 + len(data), 0) + data


def write(name, pkts):
    """pkts: whole packets, or (packet, bytes captured)."""
    with open(os.path.join(HERE, "input", name), "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 101))
        for i, p in enumerate(pkts):
            cap = p
            if isinstance(p, tuple):
                p, caplen = p
                cap = p[:caplen]
            f.write(struct.pack("<IIII", 1700000000 + i, 0, len(cap), len(p)))
            f.write(cap)


def msg(t, body, cookie=0x1a2b3c4d, mt=1, res=0):
    return struct.pack('!HHIHH',12+len(body),mt,cookie,t,res)+body
s64=lambda s: s.ljust(64,b'\0')
bodies={
1: struct.pack('!HHIIHH',0x100,5,3,3,2,7)+s64(b'host\x01\x80')+s64(b'vend'),
2: struct.pack('!HBBIIHH',0x100,4,6,2,1,1,1)+s64(b'h')+s64(b'v'),
3: struct.pack('!BBH',2,1,3),
4: struct.pack('!BBH',2,9,0),
5: struct.pack('!I',77),
6: struct.pack('!IBBH',77,3,1,5),
7: struct.pack('!HHIIIIHHHH',1,2,3,4,2,1,5,6,3,0)+s64(b'12345')+s64(b'sub'),
8: struct.pack('!HHBBHIHHI',1,2,7,0,3,4,5,6,7),
9: struct.pack('!HHIIHH',1,2,4,5,3,70)+s64(b'98765')+s64(b'x'*64)+s64(b'sa'),
10: struct.pack('!HHBBHHH',1,2,3,4,5,6,7),
11: struct.pack('!HHIHHI',1,0,3,4,5,9),
12: struct.pack('!HH',1,2),
13: struct.pack('!HBBHH',1,4,2,3,0)+b'stats'.ljust(128,b'\0'),
14: struct.pack('!HHIIIIII',1,0,1,2,3,4,5,6),
15: struct.pack('!HHII',1,0,0xffffffff,0x1234),
}
pk=[]
for t,b in bodies.items():
    pk.append(ip(6,tcp(1723,3000,msg(t,b))))
pk.append(ip(6,tcp(3000,1723,msg(16,b'abc'))))
pk.append(ip(6,tcp(3000,1723,msg(0,b'abc',cookie=0x1234,mt=3,res=4))))
pk.append(ip(6,tcp(3000,1723,msg(5,b'',mt=2))))
# truncations
full=[ip(6,tcp(1723,3000,msg(t,b))) for t,b in bodies.items()]
for p in full:
    for cut in (41,45,50,52,54,60,70,100,150):
        if cut < len(p): pk.append((p,cut))
write('sniff_pptp.pcap', pk)
pk=[]
def k(data, sp=1234, dp=88): return ip(17, udp(sp,dp,data))
m=[
 bytes([4,2])+b'joe\0inst\0REALM\0'+b'\0\0\0\1'+bytes([12])+b'krbtgt\0R2\0',
 bytes([4,3])+b'joe\0inst\0REALM\0'+b'\0\0\0\1'+bytes([12])+b'krbtgt\0R2\0',
 bytes([4,4])+b'a\0b\0c\0'+b'\0'*10+b'\x01\x02',
 bytes([4,5])+b'a\0b\0c\0'+b'\0'*10+b'\x01\x02',
 bytes([4,6])+bytes([5])+b'REALM\0'+bytes([7,9]),
 bytes([4,10])+b'a\0b\0c\0'+b'\0\0\0\0'+b'\x00\x08\0\0'+b'errtext\0',
 bytes([4,11])+b'a\0b\0c\0'+b'\0\0\0\0'+b'\x08\x00\0\0'+b'errtext\0',
 bytes([4,10])+b'a\0b\0c\0'+b'\0\0\0\0'+b'\x00\x58\0\0'+b'errtext\0',
 bytes([4,8])+b'xx', bytes([4,0x7e]), bytes([4,0x30]),
 bytes([1,2]), bytes([2]), bytes([3]), bytes([5,1]), bytes([106,1,2]), bytes([107]), bytes([0x30,1]),
 bytes([4,2])+b'jo\x81e\0in',
]
for d in m:
    pk.append(k(d)); pk.append(k(d,750,2000))
    for cut in range(29, 28+len(d)): pk.append((k(d),cut))
pk.append(k(b''))
write('sniff_krb.pcap', pk)
