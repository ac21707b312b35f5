#!/usr/bin/env python3
"""Flagged recall and false positives per language of a labelled set.

usage: score_by_lang.py CORPUS.jsonl FINDINGS.jsonl [--markdown] [--group]

A case is positive when it has labels; it is flagged when the scan reported any finding for it.
Prints, per `lang` (and overall): positives, flagged recall, negatives, false-positive rate.
With `--group`, regional tags count under their language (`es-AR` and `es-MX` as `es`; a
script subtag stays: `hi-Latn`, `ar-Latn`), as the writers' language groups are.
This is the figure the intent sets are judged by (recall >= 0.90 overall and >= 0.80 in every
language, false positives <= 2%); `score.py` gives the per-label figures.
"""
import collections
import json
import sys


def group_of(tag):
    """The language group of a BCP 47 tag: its language and script subtags, without region."""
    parts = tag.split("-")
    return "-".join([parts[0]] + [p for p in parts[1:] if len(p) == 4 and p.isalpha()])


def main():
    corpus_path, findings_path = sys.argv[1], sys.argv[2]
    markdown = "--markdown" in sys.argv
    grouped = "--group" in sys.argv
    corpus = [json.loads(line) for line in open(corpus_path, encoding="utf-8") if line.strip()]
    found = {}
    for line in open(findings_path, encoding="utf-8"):
        if line.strip():
            row = json.loads(line)
            # as in score.py, a link to third-party material (role "reference") is not contact
            # information: it counts neither as a hit nor as a false positive
            found[str(row.get("id"))] = [
                f for f in row.get("findings") or []
                if not (f.get("kind") == "url" and f.get("role") == "reference")
            ]
    pos, hit, neg, fp = (collections.Counter() for _ in range(4))
    for case in corpus:
        lang = case.get("lang", "?")
        if grouped:
            lang = group_of(lang)
        flagged = bool(found.get(str(case["id"])))
        for key in (lang, "all"):
            if case["labels"]:
                pos[key] += 1
                hit[key] += flagged
            else:
                neg[key] += 1
                fp[key] += flagged
    langs = sorted(k for k in set(pos) | set(neg) if k != "all") + ["all"]
    if markdown:
        print("| lang | positives | flagged recall | negatives | false positives |")
        print("|---|---|---|---|---|")
    for lang in langs:
        recall = hit[lang] / pos[lang] if pos[lang] else float("nan")
        fpr = fp[lang] / neg[lang] if neg[lang] else float("nan")
        if markdown:
            print(f"| {lang} | {pos[lang]} | {recall:.2f} ({hit[lang]}) | {neg[lang]} | {fpr:.1%} ({fp[lang]}) |")
        else:
            print(f"{lang:8} pos {pos[lang]:4} recall {recall:.3f}  neg {neg[lang]:4} fp {fpr:.3f}")


if __name__ == "__main__":
    main()
