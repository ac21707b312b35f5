#!/usr/bin/env python3
"""Deterministic train/validation split for the offside intent corpus.

- Generated rows (generated.jsonl) are split BY TEMPLATE: for every
  (language, label), about 20% of its templates (at least one) are held out,
  and all rows of a held-out template go to validation.
- Every hand-written row of the validation writers (natural/<lang>.jsonl) goes to
  validation; every row of the training writer (natural_train/<lang>.jsonl) to train.
- The blind intent sets already scored once (../blind/blind17*.jsonl, listed in
  BLIND_SETS; see ../blind/README.md) go to train.jsonl, as `source: "blind:<set>"`,
  after their first score has been recorded: a new blind set is scored before it is
  added here, so its first score still measures text the model never saw.
- Real-text negatives (ui_negatives.jsonl, made by ui_negatives.py from Debian's
  translated UI strings) go where that script put them: a catalogue's sentences all to
  train.jsonl or all to validation.jsonl, where the trainer chooses thresholds on them.
- No text (compared case-insensitively, whitespace-normalised) appears in both
  files: a training row whose text also occurs in validation is dropped.

Writes train.jsonl and validation.jsonl and prints a count table (markdown).
Python 3.11 standard library only:  python3 testdata/intent/split.py
"""
import collections
import glob
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20261204
HOLDOUT = 0.2
LABELS = ("solicit_contact", "solicit_payment", "none")
# Blind sets whose first score is in ../blind/README.md, and so may be learned from.
BLIND_SETS = ("blind17", "blind17b", "blind17c", "blind17d", "blind17e", "blind17f",
              "blind17g", "blind17h", "blind17i", "blind17j", "blind17k", "blind17l", "blind17m", "blind17n",
              "blind17o", "blind17p", "blind17q", "blind17r", "blind17s", "blind17t",
              "blind17u", "blind17v", "blind17w", "blind17x", "blind17y",
              "blind17z", "blind17za")
# Blind sets tag romanised Urdu apart; the corpus writes romanised Hindi and Urdu as one. Swiss
# German (`gsw`) is written as German here.
BLIND_LANG = {"ur-Latn": "hi-Latn", "gsw": "de"}


def corpus_lang(tag):
    """The corpus's language for a blind set's tag: regions dropped ("de-AT" is "de"), a
    script kept ("bn-Latn")."""
    parts = tag.split("-")
    lang = parts[0] + ("-Latn" if "Latn" in parts[1:] else "")
    return BLIND_LANG.get(lang, lang)


def read_writer_rows(folder):
    """The hand-written rows of every `<folder>/*.jsonl`, their labels checked."""
    rows = []
    for p in sorted(glob.glob(os.path.join(HERE, folder, "*.jsonl"))):
        for r in read(p):
            if r.get("label") not in LABELS:
                raise SystemExit(f"{p}: bad label in {r}")
            rows.append(r)
    return rows


def blind_rows():
    rows = []
    for name in BLIND_SETS:
        path = os.path.join(HERE, "..", "blind", name + ".jsonl")
        for r in read(path):
            # A conversation is read as the engine reads a message with the ones before it:
            # its messages joined by line breaks.
            text = r.get("text") or "\n".join(m["text"] for m in r.get("conversation", []))
            if r.get("intent") not in LABELS or not text:
                raise SystemExit(f"{path}: {r.get('id')}: no intent label or no text")
            lang = corpus_lang(r["lang"])
            rows.append({"id": r["id"], "lang": lang, "label": r["intent"], "text": text,
                         "source": f"blind:{name}", "template": f"blind:{name}"})
    return rows


def key(text):
    return " ".join(text.casefold().split())


def read(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")


def main():
    gen = read(os.path.join(HERE, "generated.jsonl"))
    natural = read_writer_rows("natural")
    natural_train = read_writer_rows("natural_train") + blind_rows()

    by_cell = collections.defaultdict(set)
    for r in gen:
        by_cell[(r["lang"], r["label"])].add(r["template"])
    held = set()
    for (lang, label), temps in sorted(by_cell.items()):
        temps = sorted(temps)
        rng = random.Random(f"{SEED}/{lang}/{label}")
        rng.shuffle(temps)
        n = max(1, round(HOLDOUT * len(temps)))
        held.update(temps[:n])

    ui = read(os.path.join(HERE, "ui_negatives.jsonl"))
    ui_train = [{k: v for k, v in r.items() if k != "split"} for r in ui if r["split"] == "train"]
    ui_val = [{k: v for k, v in r.items() if k != "split"} for r in ui if r["split"] != "train"]

    val = [r for r in gen if r["template"] in held] + natural + ui_val
    val_keys = {key(r["text"]) for r in val}
    train, dropped = [], 0
    for r in gen:
        if r["template"] in held:
            continue
        if key(r["text"]) in val_keys:
            dropped += 1
            continue
        train.append(r)
    for r in natural_train + ui_train:
        if key(r["text"]) in val_keys:
            dropped += 1
            continue
        train.append(r)

    write(os.path.join(HERE, "train.jsonl"), train)
    write(os.path.join(HERE, "validation.jsonl"), val)

    # count table
    langs = sorted({r["lang"] for r in gen + natural + natural_train + ui})
    def counts(rows):
        c = collections.Counter((r["lang"], r["label"]) for r in rows)
        return c
    ct, cv = counts(train), counts(val)
    cn = counts(natural)
    cu_t, cu_v = counts(ui_train), counts(ui_val)
    print(f"train.jsonl: {len(train)} rows ({dropped} dropped as duplicates of validation text); "
          f"validation.jsonl: {len(val)} rows ({len(natural)} hand-written, "
          f"{len(ui_val)} UI-string negatives); train.jsonl holds {len(natural_train)} rows of the "
          f"training writers and the blind sets learned from\n")
    print("| lang | train contact | train payment | train none | val contact | val payment | val none | of which hand-written (c/p/n) | of none: UI strings (train/val) |")
    print("|---|---:|---:|---:|---:|---:|---:|---|---|")
    tot = collections.Counter()
    for lang in langs:
        cells = [ct[(lang, l)] for l in LABELS] + [cv[(lang, l)] for l in LABELS]
        nat = "/".join(str(cn[(lang, l)]) for l in LABELS)
        for i, v in enumerate(cells):
            tot[i] += v
        uis = f"{cu_t[(lang, 'none')]}/{cu_v[(lang, 'none')]}"
        print(f"| {lang} | " + " | ".join(map(str, cells)) + f" | {nat} | {uis} |")
    natt = "/".join(str(sum(cn[(lg, l)] for lg in langs)) for l in LABELS)
    print("| **total** | " + " | ".join(str(tot[i]) for i in range(6))
          + f" | {natt} | {len(ui_train)}/{len(ui_val)} |")


if __name__ == "__main__":
    main()
