#!/usr/bin/env python3
"""Near-duplicate check between the intent corpus and the blind sets.

The blind sets (testdata/blind/) measure how the engine generalises to text nobody tuned
on; a corpus row that copies or closely paraphrases one of their sentences makes that
measure too easy. For every row of train.jsonl and validation.jsonl this script finds the
most similar blind-set text (Jaccard similarity of character trigrams, case- and
punctuation-insensitive) and lists the templates (or hand-written rows) above a threshold,
the closest first, one line per template. The blind sets already learned from (split.py's
BLIND_SETS) are training data now and are left out on both sides.

    python3 testdata/intent/check_blind.py [threshold=0.5] [max_rows_listed=40]
"""
import collections
import glob
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from split import BLIND_SETS  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
BLIND = os.path.join(HERE, "..", "blind")


def grams(text):
    t = " " + re.sub(r"[^\w]+", " ", text.lower()).strip() + " "
    return {t[i:i + 3] for i in range(len(t) - 2)}


def main():
    th = float(sys.argv[1]) if len(sys.argv) > 1 else 0.5
    shown = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    blind = []
    for path in sorted(glob.glob(os.path.join(BLIND, "blind*.jsonl"))):
        if os.path.basename(path)[: -len(".jsonl")] in BLIND_SETS:
            continue
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    case = json.loads(line)
                    if case.get("text"):
                        blind.append((case["id"], case["text"], grams(case["text"])))
    index = collections.defaultdict(list)
    for i, (_, _, g) in enumerate(blind):
        for gram in g:
            index[gram].append(i)
    best = {}
    for name in ("train.jsonl", "validation.jsonl"):
        with open(os.path.join(HERE, name), encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                if row.get("source", "").startswith("blind:"):
                    continue
                g = grams(row["text"])
                if len(g) < 8:
                    continue
                shared = collections.Counter(i for gram in g for i in index.get(gram, ()))
                for i, n in shared.most_common(5):
                    score = n / len(g | blind[i][2])
                    # generated rows by template; hand-written and UI-string rows one by one
                    one_by_one = row["template"].startswith(("writer", "ui:"))
                    key = row["text"] if one_by_one else row["template"]
                    if score >= th and score > best.get(key, (0,))[0]:
                        best[key] = (score, row["template"], row["text"], blind[i][0], blind[i][1])
    rows = sorted(best.values(), reverse=True)
    print(f"{len(rows)} templates or hand-written rows at or above {th} (closest first)")
    for score, template, text, bid, btext in rows[:shown]:
        print(f"{score:.2f}  {template}  {text!r}\n      {bid}  {btext!r}")


if __name__ == "__main__":
    main()
