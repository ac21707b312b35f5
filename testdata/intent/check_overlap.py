#!/usr/bin/env python3
"""Near-duplicate check between the hand-written validation rows and train.jsonl.

split.py guarantees that no text is in both files; this script looks further: for every
hand-written row (natural/) it finds the most similar training row of the same language
(Jaccard similarity of character trigrams, case- and punctuation-insensitive) and lists
those above a threshold, so a grammar template that copies a hand-written message (and
would make the paraphrase check too easy) is noticed.

    python3 testdata/intent/check_overlap.py [threshold=0.6] [max_rows_listed=30]
"""
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def grams(text):
    t = " " + re.sub(r"[^\w]+", " ", text.lower()).strip() + " "
    return {t[i:i + 3] for i in range(len(t) - 2)}


def main():
    th = float(sys.argv[1]) if len(sys.argv) > 1 else 0.6
    shown = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    with open(os.path.join(HERE, "train.jsonl"), encoding="utf-8") as f:
        train = [json.loads(line) for line in f]
    with open(os.path.join(HERE, "validation.jsonl"), encoding="utf-8") as f:
        natural = [r for r in map(json.loads, f) if r["source"] != "generator"]
    by_lang = collections.defaultdict(list)
    for r in train:
        by_lang[r["lang"]].append((grams(r["text"]), r))
    hits = []
    for r in natural:
        g = grams(r["text"])
        best, near = 0.0, None
        for gg, t in by_lang[r["lang"]]:
            j = len(g & gg) / len(g | gg)
            if j > best:
                best, near = j, t
        if best >= th:
            hits.append((best, r, near))
    hits.sort(key=lambda h: -h[0])
    print(f"{len(natural)} hand-written rows; {len(hits)} with a training row at trigram Jaccard >= {th}")
    for j, r, t in hits[:shown]:
        print(f"{j:.2f} {r['lang']} | {r['text']}\n     ~ {t['text']}  [{t['template']}]")


if __name__ == "__main__":
    main()
