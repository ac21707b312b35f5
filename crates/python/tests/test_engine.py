"""Engine: scan, scan_conversation, scan_many, redact, and the findings' fields."""

import threading

import pytest

import offside


def test_scan_finds_an_obfuscated_email(engine):
    text = "write me: alex at gmail dot com"
    [finding] = engine.scan(text)
    assert finding.kind == "email"
    assert finding.value == "alex@gmail.com"
    assert (finding.start, finding.end) == (10, 31)
    assert text[finding.start : finding.end] == "alex at gmail dot com"
    assert 0 < finding.confidence <= 1
    assert finding.rule == "email/obfuscated"
    assert finding.message is None and finding.messages == []


def test_benign_text_has_no_findings(engine):
    assert engine.scan("Order #4415839271 ships on 2026-05-06, total $1,234.56") == []
    assert engine.scan("") == []


def test_to_dict_is_the_scan_json_shape(engine):
    [finding] = engine.scan("write me: alex at gmail dot com")
    assert finding.to_dict() == {
        "kind": "email",
        "value": "alex@gmail.com",
        "start": 10,
        "end": 31,
        "confidence": 0.9,
        "rule": "email/obfuscated",
    }


def test_findings_compare_hash_and_print(engine):
    first = engine.scan("write me: alex at gmail dot com")
    again = engine.scan("write me: alex at gmail dot com")
    assert first == again and hash(first[0]) == hash(again[0])
    assert first[0] != engine.scan("write me: sam at gmail dot com")[0]
    assert first[0] != "alex@gmail.com"
    assert repr(first[0]).startswith('Finding(kind="email", value="alex@gmail.com", start=10')


@pytest.mark.parametrize(
    "prefix",
    [
        "😀👍🏽 ",  # emoji, one of them with a skin-tone modifier (two code points)
        "Привет! ",  # Cyrillic, two bytes a letter
        "你好，请联系 ",  # CJK, three bytes a character
        "مرحبا ",  # Arabic, right to left
        "नमस्ते ",  # Devanagari with combining marks
        "𝐇𝐞𝐥𝐥𝐨 ",  # mathematical bold, four bytes a letter
    ],
)
def test_offsets_are_string_indices_on_non_ascii_text(engine, prefix):
    text = prefix + "mail alex at gmail dot com or call +1 415 839 2716 ✅"
    findings = engine.scan(text)
    spans = {f.kind: text[f.start : f.end] for f in findings}
    assert spans["email"] == "alex at gmail dot com"
    assert spans["phone"] == "+1 415 839 2716"
    # The same finding without the prefix is shifted by exactly len(prefix) characters,
    # not by its UTF-8 length.
    plain = {f.kind: f.start for f in engine.scan(text[len(prefix) :])}
    assert {f.kind: f.start - len(prefix) for f in findings} == plain
    assert len(prefix.encode()) != len(prefix)


def test_evidence_inside_non_latin_text_and_disguised_letters(engine):
    text = "Напиши мне: ａｌｅｘ＠ｇｍａｉｌ．ｃｏｍ 🙂"
    [finding] = engine.scan(text)
    assert finding.value == "alex@gmail.com"
    assert text[finding.start : finding.end] == "ａｌｅｘ＠ｇｍａｉｌ．ｃｏｍ"


def test_region_sets_how_national_numbers_are_read():
    text = "call me on 07911 123456"
    [finding] = offside.Engine(region="GB").scan(text)
    assert finding.kind == "phone" and finding.value == "+447911123456"
    assert offside.Engine(region="gb").region == "GB"
    us = offside.Engine()
    assert us.region == "US"
    assert [f.value for f in us.scan(text, region="GB")] == ["+447911123456"]


def test_scan_conversation_finds_a_number_split_over_messages(engine):
    messages = ["my number is", "four one five", "839 2716 😀"]
    findings = engine.scan_conversation(messages)
    phones = [f for f in findings if f.kind == "phone"]
    assert [f.value for f in phones] == ["+14158392716"]
    [phone] = phones
    assert phone.message == 1
    assert phone.messages == [1, 2]
    # A split value starts in its first message and ends in its last one.
    assert messages[1][phone.start :] == "four one five"
    assert messages[2][: phone.end] == "839 2716"
    assert phone.to_dict()["messages"] == [1, 2]
    # Any iterable of str: a tuple, a generator.
    assert engine.scan_conversation(tuple(messages)) == findings
    assert engine.scan_conversation(m for m in messages) == findings


def test_scan_conversation_offsets_index_their_own_message(engine):
    messages = ["héllo 😀", "Привет, пиши alex at gmail dot com"]
    [finding] = engine.scan_conversation(messages)
    assert finding.message == 1
    assert messages[1][finding.start : finding.end] == "alex at gmail dot com"
    split = ["😀 пишите alex.k", "at gmail dot com 🙂"]
    [email] = [f for f in engine.scan_conversation(split) if f.kind == "email"]
    assert email.value == "alex.k@gmail.com"
    assert (email.message, email.messages) == (0, [0, 1])
    assert split[0][email.start :] == "alex.k"
    assert split[1][: email.end] == "at gmail dot com"


def _corpus():
    base = [
        "write me: alex at gmail dot com",
        "Thanks, the logo looks great!",
        "😀 call +44 7911 123456 or whats app",
        "Order 4415839271 shipped",
        "add me on tele gram @alex_k",
        "Привет, мой номер +7 912 345-67-89",
        "pay me via paypal.me/alexk instead",
        "",
        "join zoom.us/j/123456789 at 5",
    ]
    return [f"{text} #{i}" if i % 3 else text for i, text in enumerate(base * 120)]


@pytest.mark.parametrize("threads", [None, 0, 1, 2, 3, 16])
def test_scan_many_equals_a_loop_of_scan(engine, threads):
    texts = _corpus()
    assert engine.scan_many(texts, threads=threads) == [engine.scan(t) for t in texts]


def test_scan_many_accepts_any_iterable_and_keeps_order(engine):
    texts = _corpus()[:50]
    expected = [engine.scan(t) for t in texts]
    assert engine.scan_many(iter(texts)) == expected
    assert engine.scan_many(t for t in texts) == expected
    assert engine.scan_many(tuple(texts), threads=2) == expected
    assert engine.scan_many([]) == []


def test_scan_many_takes_a_pandas_series():
    pandas = pytest.importorskip("pandas")
    engine = offside.Engine()
    frame = pandas.DataFrame({"text": ["write me: alex at gmail dot com", "thanks!"]})
    frame["findings"] = engine.scan_many(frame["text"])
    assert [len(f) for f in frame["findings"]] == [1, 0]


def test_scan_many_rejects_what_is_not_text(engine):
    with pytest.raises(TypeError, match=r"item 1 is int, not str"):
        engine.scan_many(["ok", 5])
    with pytest.raises(TypeError, match="not a single str"):
        engine.scan_many("a single text")
    with pytest.raises(TypeError):
        engine.scan_many(42)


def test_scan_many_runs_while_other_python_threads_run(engine):
    # The GIL is released while scanning: other threads progress and get equal results.
    texts = _corpus()
    expected = [engine.scan(t) for t in texts]
    results = [None] * 4

    def work(slot):
        results[slot] = engine.scan_many(texts, threads=2)

    workers = [threading.Thread(target=work, args=(slot,)) for slot in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert all(result == expected for result in results)


def test_an_engine_pickles_for_spark_and_multiprocessing():
    import pickle

    engine = offside.Engine(region="GB")
    copy = pickle.loads(pickle.dumps(engine))
    assert isinstance(copy, offside.Engine) and copy.region == "GB"
    assert copy.scan("call 07911 123456") == engine.scan("call 07911 123456")


def test_redact_masks_every_finding(engine):
    text = "😀 mail alex at gmail dot com or call +1 415 839 2716"
    assert engine.redact(text) == "😀 mail [email hidden] or call [phone hidden]"
    assert engine.redact("thanks!") == "thanks!"
    assert offside.Engine(region="GB").redact("call 07911 123456") == "call [phone hidden]"


def test_a_bad_region_is_an_offside_error():
    with pytest.raises(offside.InvalidRegion, match=r'unknown region "USA": expected a two-letter ISO 3166 code'):
        offside.Engine(region="USA")
    with pytest.raises(offside.OffsideError):
        offside.Engine().scan("x", region="XX")
    with pytest.raises(ValueError):
        offside.Engine().scan_many(["x"], region="nowhere")


def test_surrogates_are_a_python_error_not_a_crash(engine):
    with pytest.raises(UnicodeEncodeError):
        engine.scan("bad \ud800 text")


def test_the_package_is_typed_and_documented():
    import importlib.resources

    files = importlib.resources.files("offside")
    assert files.joinpath("py.typed").is_file()
    assert files.joinpath("_offside.pyi").is_file()
    for item in (offside.Engine, offside.Engine.scan, offside.Engine.scan_many, offside.Finding, offside.check, offside.Policy.from_file):
        assert item.__doc__ and len(item.__doc__) > 20, item
    assert offside.__version__
