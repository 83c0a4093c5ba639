#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# json_validate.py: checks sockeye's JSON records against schema/*.schema.json (draft 2020-12).
#
# usage: json_validate.py SCHEMA_DIR FILE...   (FILE: NDJSON or concatenated documents; - is stdin)
# Each record picks its schema by "type" ("stats" by its table: interfaces is sniff's,
# inject is inject's).  Exit 0 when every record is valid, 1 on the first invalid one
# (the error on stderr), 2 on a usage error or a file that is not JSON.
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
            n += 1
    print(f"{n} records valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
