#!/usr/bin/env python3
"""Flags the rows of a CSV of messages that carry contact details or off-platform payment
attempts, and writes them with their findings.

    pip install ./crates/python
    python examples/flag_csv.py messages.csv flagged.csv --column text --region GB

Every input column is kept; two are added: `kinds` (the kinds found, `email phone`) and
`findings` (a JSON list of the findings: kind, value, start, end, confidence, rule, with
string indices into the message). Rows without findings are left out. The CSV is read in
batches (`--batch`, 100,000 rows), each scanned by `Engine.scan_many` on every core, so a
file of millions of rows runs in constant memory.

With pandas the same is one line: `df["findings"] = engine.scan_many(df["text"])`.
"""

import argparse
import csv
import itertools
import json
import sys

import offside


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="CSV file with a header row ('-' for standard input)")
    parser.add_argument("output", help="CSV file to write ('-' for standard output)")
    parser.add_argument("--column", default="text", help="the column holding the message (default: text)")
    parser.add_argument("--region", default="US", help="region for phone numbers without a country code")
    parser.add_argument("--threads", type=int, default=None, help="threads (default: all cores)")
    parser.add_argument("--batch", type=int, default=100_000, help="rows scanned at a time")
    args = parser.parse_args()

    engine = offside.Engine(region=args.region)
    source = sys.stdin if args.input == "-" else open(args.input, newline="", encoding="utf-8")
    sink = sys.stdout if args.output == "-" else open(args.output, "w", newline="", encoding="utf-8")
    with source, sink:
        reader = csv.DictReader(source)
        if reader.fieldnames is None or args.column not in reader.fieldnames:
            parser.error(f"{args.input}: no column {args.column!r} (columns: {reader.fieldnames})")
        writer = csv.DictWriter(sink, fieldnames=[*reader.fieldnames, "kinds", "findings"])
        writer.writeheader()
        rows_read = rows_flagged = 0
        while True:
            batch = list(itertools.islice(reader, args.batch))
            if not batch:
                break
            rows_read += len(batch)
            texts = (row[args.column] or "" for row in batch)
            for row, findings in zip(batch, engine.scan_many(texts, threads=args.threads)):
                if not findings:
                    continue
                rows_flagged += 1
                row["kinds"] = " ".join(sorted({f.kind for f in findings}))
                row["findings"] = json.dumps([f.to_dict() for f in findings], ensure_ascii=False)
                writer.writerow(row)
    print(f"{rows_flagged} of {rows_read} rows flagged", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
