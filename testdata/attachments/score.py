#!/usr/bin/env python3
"""Scores `offside scan --docs` on the realistic attachment set.

usage:
  target/release/offside scan --docs testdata/attachments/files > /tmp/attachments.jsonl
  python3 testdata/attachments/score.py testdata/attachments/manifest.jsonl /tmp/attachments.jsonl

For every file of the manifest: the expected [kind, value] pairs found (a value is found
when a finding of that kind has that value), and for a clean file (nothing expected) whether
anything was found at all. Prints the misses, the findings on clean files, and the figures
per family and in total. `--json` prints the figures as JSON instead.
"""
import json
import os
import sys
from collections import defaultdict


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    as_json = "--json" in sys.argv
    manifest_path, report_path = args
    manifest = [json.loads(l) for l in open(manifest_path, encoding="utf-8") if l.strip()]
    reports = {}
    for line in open(report_path, encoding="utf-8"):
        if not line.strip():
            continue
        report = json.loads(line)
        reports[os.path.basename(report.get("file") or "")] = report

    families = defaultdict(lambda: {"files": 0, "expected": 0, "found": 0, "clean": 0, "clean_flagged": 0})
    problems = []
    for entry in manifest:
        name, family = entry["file"], entry["family"]
        report = reports.get(name)
        figures = families[family]
        figures["files"] += 1
        findings = (report or {}).get("findings") or []
        got = {(f.get("kind"), f.get("value")) for f in findings}
        if report is None or report.get("error"):
            problems.append(f"{name}: not read ({(report or {}).get('error', 'no report')})")
        if entry["expected"]:
            for kind, value in entry["expected"]:
                figures["expected"] += 1
                if (kind, value) in got:
                    figures["found"] += 1
                else:
                    problems.append(f"{name}: missed {kind} {value} (found {sorted(got, key=str)})")
        else:
            figures["clean"] += 1
            if findings:
                figures["clean_flagged"] += 1
                problems.append(f"{name}: clean file with findings {sorted(got, key=str)}")

    total = {k: sum(f[k] for f in families.values()) for k in ("files", "expected", "found", "clean", "clean_flagged")}
    if as_json:
        print(json.dumps({"families": families, "total": total}, indent=2))
        return
    for problem in problems:
        print(problem)
    print()
    print(f"{'family':<12}{'files':>6}{'values':>8}{'found':>7}{'recall':>8}{'clean':>7}{'flagged':>9}")
    for family, f in sorted(families.items()) + [("total", total)]:
        recall = f["found"] / f["expected"] if f["expected"] else 1.0
        print(f"{family:<12}{f['files']:>6}{f['expected']:>8}{f['found']:>7}{recall:>8.1%}{f['clean']:>7}{f['clean_flagged']:>9}")


if __name__ == "__main__":
    main()
