#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# json_validate.py: checks sockeye's JSON records against schema/*.schema.json (draft 2020-12).
#
# usage: json_validate.py SCHEMA_DIR FILE...   (FILE: NDJSON or concatenated documents; - is stdin)
# Each record picks its schema by "type" ("stats" by its table: interfaces is sniff's,
# inject is inject's).  Exit 0 when every record is valid, 1 on the first invalid one
# (the error on stderr), 2 on a usage error or a file that is not JSON.
# Every record is also held to the one vocabulary (src/decode/names.c): no icmp6, no "ip"
# as a protocol, no In/Out, an interface is "iface" (never ifname, interface, dev), rates
# end in _pps, _bps or _per_s.
# Run it with Debian's /usr/bin/python3 and python3-jsonschema.
import glob
import json
import os
import sys

import jsonschema


def records(text):
    dec = json.JSONDecoder()
    i = 0
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            return
        obj, i = dec.raw_decode(text, i)
        yield obj


BAD_KEYS = {"ifname", "interface", "dev", "device", "if_name", "netns_id", "namespace"}
BAD_VALUES = {"icmp6", "ICMP6", "ICMPv6"}
PROTO_KEYS = {"proto", "local_addr"}
BAD_PROTOS = {"ip", "ip6", "IP", "IP6", "inet", "inet6"}
DIRECTIONS = {"in", "out", "broadcast", "multicast", "otherhost", "unknown", "rx", "tx", None}


def vocabulary(node, path=""):
    """The first non-canonical spelling in node, as "path: why", or None."""
    if isinstance(node, list):
        for i, v in enumerate(node):
            bad = vocabulary(v, f"{path}/{i}")
            if bad:
                return bad
        return None
    if isinstance(node, str):
        return f"{path}: {node!r} is not canonical" if node in BAD_VALUES else None
    if not isinstance(node, dict):
        return None
    for k, v in node.items():
        where = f"{path}/{k}"
        if k in BAD_KEYS:
            return f"{where}: an interface is 'iface', a namespace 'netns' or 'netns_ino'"
        if k.endswith(("_per_sec", "_rate", "_ps", "_bytes_per_s", "_packets_per_s")) or \
                k == "packets_per_s":
            return f"{where}: a rate ends in _pps, _bps or _per_s"
        if k in PROTO_KEYS and v in BAD_PROTOS:
            return f"{where}: {v!r} is spelled ipv4 or ipv6"
        if k == "dir" and v not in DIRECTIONS:
            return f"{where}: {v!r} is not a direction (in, out, ...)"
        bad = vocabulary(v, where)
        if bad:
            return bad
    return None


def schema_name(rec):
    t = rec.get("type") if isinstance(rec, dict) else None
    if t == "stats":
        return "inject_stats" if "inject" in rec else "sniff_stats"
    return t


def main():
    if len(sys.argv) < 3:
        print("usage: json_validate.py SCHEMA_DIR FILE...", file=sys.stderr)
        return 2
    validators = {}
    for path in glob.glob(os.path.join(sys.argv[1], "*.schema.json")):
        with open(path) as f:
            schema = json.load(f)
        jsonschema.Draft202012Validator.check_schema(schema)
        name = os.path.basename(path)[: -len(".schema.json")]
        validators[name] = jsonschema.Draft202012Validator(schema)
    n = 0
    for name in sys.argv[2:]:
        text = sys.stdin.read() if name == "-" else open(name).read()
        try:
            recs = list(records(text))
        except json.JSONDecodeError as e:
            print(f"{name}: not JSON: {e}", file=sys.stderr)
            return 2
        for i, rec in enumerate(recs):
            s = schema_name(rec)
            if s not in validators:
                print(f"{name}: record {i + 1}: no schema for type {s!r}", file=sys.stderr)
                return 1
            err = jsonschema.exceptions.best_match(validators[s].iter_errors(rec))
            if err:
                where = "/".join(str(p) for p in err.absolute_path)
                print(f"{name}: record {i + 1} ({s}): {where}: {err.message}", file=sys.stderr)
                return 1
            bad = vocabulary(rec)
            if bad:
                print(f"{name}: record {i + 1} ({s}): vocabulary: {bad}", file=sys.stderr)
                return 1
            n += 1
    print(f"{n} records valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
