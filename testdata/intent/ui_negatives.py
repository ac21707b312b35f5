#!/usr/bin/env python3
"""Real-text negatives for the intent corpus: translated UI strings of Debian packages.

Reads the compiled message catalogues installed under /usr/share/locale/<locale>/LC_MESSAGES/
(`*.mo`, parsed with the standard library's gettext) and keeps whole sentences a person
wrote: format placeholders, markup and keyboard accelerators removed, at least four words
(twelve letters in scripts written without spaces), no command-line syntax, no untranslated
copies. For English the catalogues' source strings (msgid) are used. Every kept sentence is a
`none` row: UI strings say "send", "message", "payment", "account", "contact", "number",
"phone" all the time without asking anyone to leave a platform, which makes them the hard,
real negatives the synthetic corpus lacks.

Sampling is deterministic for a given set of installed catalogues: per language, the domains
(one per package catalogue) are visited in a seeded order, round-robin, each domain's
candidates in a seeded order, until PER_LANG sentences are taken. A domain (catalogue) goes
wholly to training or wholly to calibration (by a hash of its name, the same for every
language), so the thresholds are chosen on sentences of packages the model never saw.

Writes ui_negatives.jsonl ({"id","lang","label":"none","text","source":"ui:<domain>",
"template":"ui:<domain>","split":"train"|"calibration"}) and prints counts; split.py adds the
training part to train.jsonl and the calibration part to validation.jsonl.

Python 3.11 standard library only:  python3 testdata/intent/ui_negatives.py
"""
import collections
import gettext
import glob
import hashlib
import json
import os
import random
import re

HERE = os.path.dirname(os.path.abspath(__file__))
LOCALE = "/usr/share/locale"
SEED = 20261204
PER_LANG = 900
MAX_CHARS = 240

# corpus language -> locale directories read for it
LANGS = {
    "ar": ["ar"], "fa": ["fa"], "hi": ["hi"], "bn": ["bn", "bn_IN"], "th": ["th"],
    "ko": ["ko"], "ja": ["ja"], "zh": ["zh_CN"], "ru": ["ru"], "uk": ["uk"], "tr": ["tr"],
    "vi": ["vi"], "id": ["id"], "pl": ["pl"], "sw": ["sw"], "es": ["es"],
    "pt": ["pt", "pt_BR"], "fr": ["fr"], "de": ["de"], "it": ["it"], "tl": ["tl", "fil"],
    # languages outside the request corpus: negatives only, so text in them has thresholds
    # of its own rather than the pooled fallback
    "cs": ["cs"], "sk": ["sk"], "bg": ["bg"], "eo": ["eo"], "ga": ["ga"], "nl": ["nl"],
    "ro": ["ro"], "hu": ["hu"], "el": ["el"], "he": ["he"], "sv": ["sv"], "ca": ["ca"],
    "fi": ["fi"], "da": ["da"],
}
# English: the source strings of the same catalogues
ENGLISH_FROM = ["de", "fr", "es", "ru", "ja"]
UNSPACED = {"ja", "zh", "th"}
NON_LATIN = {"ar", "fa", "hi", "bn", "th", "ko", "ja", "zh", "ru", "uk", "bg", "el", "he"}
# name lists and keyboard layouts, not sentences
SKIP_DOMAINS = re.compile(r"^(iso_|xkeyboard-config|shared-mime-info|gtk[23]0-properties)")

PLACEHOLDER = re.compile(
    r"%(\d+\$)?[-+ #0']*(\d+|\*)?(\.(\d+|\*))?(hh|h|ll|l|L|q|j|z|t|I64|I32|I)?[diouxXeEfFgGaAcspnm%]"
    r"|%[A-Za-z_]*\{[^}]*\}|\$\{[^}]*\}|\{[^}]*\}|<[^>]*>|\$[A-Z_][A-Z0-9_]*|%[A-Z_]+%"
)
ACCEL = re.compile(r"\(\s*[_&~]?[A-Za-z0-9]\s*\)|(?<![\w])[_&~](?=\w)")
CODE = re.compile(r"--?\w|\w/\w|[=<>|\\\[\]{}`#@*]|\w\(|\.\w{2,4}\b|::|\w_\w|https?:")
WORD = re.compile(r"\w", re.UNICODE)


def clean(line):
    line = PLACEHOLDER.sub(" ", line)
    line = ACCEL.sub("", line)
    line = line.replace("…", " ").replace("...", " ")
    # quotes left empty by a removed placeholder
    line = re.sub(r"([\"'“„«»‘「『（(])\s*([\"'”»«’」』）)])", " ", line)
    line = re.sub(r"\s+", " ", line).strip(" :\"'“”«»-–—")
    return line


def usable(lang, text, original):
    if not text or len(text) > MAX_CHARS or CODE.search(text):
        return False
    letters = sum(1 for c in text if c.isalpha())
    if lang in UNSPACED:
        if letters < 12:
            return False
    elif len([w for w in text.split() if WORD.search(w)]) < 4:
        return False
    if lang in NON_LATIN:
        ascii_letters = sum(1 for c in text if c.isascii() and c.isalpha())
        if ascii_letters * 3 > letters:
            return False
    if original is not None and text == original:
        return False  # untranslated
    return True


def catalogue(path):
    with open(path, "rb") as f:
        try:
            return gettext.GNUTranslations(f)._catalog
        except Exception:
            return {}


def pairs(cat):
    """(source, translation) of every message, plural forms' first form, context dropped."""
    out = []
    for key, value in cat.items():
        if isinstance(key, tuple):
            if key[1] != 0:
                continue
            key = key[0]
        if not key:
            continue
        key = key.split("\x04", 1)[-1]
        out.append((key, value))
    return out


def candidates(lang, locales):
    by_domain = collections.defaultdict(set)
    for loc in locales:
        for path in sorted(glob.glob(os.path.join(LOCALE, loc, "LC_MESSAGES", "*.mo"))):
            domain = os.path.basename(path)[:-3]
            if SKIP_DOMAINS.match(domain):
                continue
            for source, translation in pairs(catalogue(path)):
                text = source if lang == "en" else translation
                original = None if lang == "en" else source
                for line in text.split("\n"):
                    c = clean(line)
                    if usable(lang, c, clean(original) if original else None):
                        by_domain[domain].add(c)
    return by_domain


def split_of(domain):
    return "train" if hashlib.sha1(domain.encode()).digest()[0] % 2 == 0 else "calibration"


def sample(lang, by_domain):
    rng = random.Random(f"{SEED}/ui/{lang}")
    domains = sorted(by_domain)
    rng.shuffle(domains)
    queues = {}
    for d in domains:
        items = sorted(by_domain[d])
        rng.shuffle(items)
        queues[d] = items
    taken, seen = [], set()
    while len(taken) < PER_LANG and any(queues.values()):
        for d in domains:
            while queues[d]:
                t = queues[d].pop()
                k = " ".join(t.casefold().split())
                if k not in seen:
                    seen.add(k)
                    taken.append((d, t))
                    break
            if len(taken) >= PER_LANG:
                break
    return taken


def main():
    rows, counts, packages = [], collections.Counter(), set()
    langs = dict(LANGS, en=ENGLISH_FROM)
    for lang in sorted(langs):
        by_domain = candidates(lang, langs[lang])
        for i, (domain, text) in enumerate(sample(lang, by_domain)):
            split = split_of(domain)
            counts[(lang, split)] += 1
            packages.add(domain)
            rows.append({
                "id": f"ui-{lang}-{i:04d}", "lang": lang, "label": "none", "text": text,
                "source": f"ui:{domain}", "template": f"ui:{domain}", "split": split,
            })
    with open(os.path.join(HERE, "ui_negatives.jsonl"), "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"ui_negatives.jsonl: {len(rows)} rows from {len(packages)} catalogues\n")
    print("| lang | train | calibration |")
    print("|---|---:|---:|")
    for lang in sorted(langs):
        print(f"| {lang} | {counts[(lang, 'train')]} | {counts[(lang, 'calibration')]} |")
    print("\ncatalogues: " + ", ".join(sorted(packages)))


if __name__ == "__main__":
    main()
