"""check() and Policy: the decision `offside check` prints, and the CLI's error messages.

Where the CLI binary is at hand (OFFSIDE_CLI, set by .ci/run), the decisions and error
messages are compared with what it prints for the same input.
"""

import datetime
import json
import os
import re
import subprocess

import pytest

import offside

EVENT = {
    "id": "m1",
    "text": "mail me at alex at gmail dot com",
    "surface": "message",
    "at": "2026-05-06T10:00:00Z",
    "sender": {"id": "f1", "role": "freelancer"},
    "recipient": {"id": "c1", "role": "client"},
    "relationship": {"state": "none"},
}

CLI = os.environ.get("OFFSIDE_CLI")
needs_cli = pytest.mark.skipif(not CLI, reason="OFFSIDE_CLI (the offside binary) is not set")


def cli(*args, stdin=""):
    return subprocess.run([CLI, *args], input=stdin, capture_output=True, text=True, check=False)


def test_check_decides_like_the_readme_example():
    decision = offside.check(EVENT)
    assert list(decision)[:2] == ["id", "action"]
    assert decision["id"] == "m1"
    assert decision["action"] == "redact"
    [violation] = decision["violations"]
    assert violation["id"] == "contact.before_contract"
    assert violation["kinds"] == ["email"]
    assert violation["findings"][0]["value"] == "alex@gmail.com"
    assert decision["redacted_text"] == "mail me at [email hidden]"
    assert "contact.before_contract" in decision["notice"]


def test_check_allows_after_a_contract_and_keeps_the_callers_id():
    event = dict(EVENT, id=("thread", 7), relationship={"state": "active", "first_contract_at": "2026-01-01T00:00:00Z"})
    decision = offside.check(event)
    assert decision["action"] == "allow"
    assert decision["violations"] == []
    assert decision["id"] == ("thread", 7)
    assert offside.check({k: v for k, v in EVENT.items() if k != "id"})["id"] is None


def test_check_accepts_datetimes_and_json_text():
    at = datetime.datetime(2026, 5, 6, 10, 0, tzinfo=datetime.timezone.utc)
    assert offside.check(dict(EVENT, at=at)) == offside.check(EVENT)
    assert offside.check(json.dumps(EVENT)) == offside.check(EVENT)


def test_check_byte_offsets_are_the_clis():
    event = dict(EVENT, text="😀 mail me at alex at gmail dot com")
    finding = offside.check(event)["violations"][0]["findings"][0]
    assert event["text"].encode()[finding["start"] : finding["end"]] == b"alex at gmail dot com"


def test_check_a_conversation_counts_only_the_senders_messages():
    event = dict(EVENT)
    del event["text"]
    event["conversation"] = [
        {"from": "c1", "text": "my email is sam at gmail dot com"},
        {"from": "f1", "text": "thanks, I'll reply here"},
    ]
    assert offside.check(event)["action"] == "allow"


def test_check_region_and_engine_check():
    event = dict(EVENT, text="call me on 07911 123456")
    # Not a US number: found only as another market's, with low confidence; as a GB
    # number (the default region, or the event's own) with more.
    as_us = offside.check(event)["violations"][0]
    as_gb = offside.check(event, region="GB")["violations"][0]
    assert as_us["band"] == "low" and as_gb["band"] != "low"
    assert as_gb["findings"][0]["confidence"] > as_us["findings"][0]["confidence"]
    assert offside.check(dict(event, region="GB")) == offside.check(event, region="GB")
    assert offside.Engine(region="GB").check(event) == offside.check(event, region="GB")


@pytest.mark.parametrize(
    "change, message",
    [
        ({"sender": {"id": "f1"}}, '"sender": missing field `role`'),
        ({"surface": "chat"}, '"surface": unknown variant `chat`, expected one of'),
        ({"conversion_fee": True}, "unknown field `conversion_fee`, expected one of"),
        ({"at": "yesterday"}, '"at": '),
        ({"region": "USA"}, 'unknown region "USA": expected a two-letter ISO 3166 code'),
        ({"text": None}, 'missing "text" (or "conversation"): nothing to check'),
        ({"relationship": {"state": "active"}}, "relationship.first_contract_at is required"),
    ],
)
def test_bad_events_raise_invalid_event(change, message):
    event = dict(EVENT, **change)
    if event.get("text") is None:
        del event["text"]
    with pytest.raises(offside.InvalidEvent) as raised:
        offside.check(event)
    assert message in str(raised.value)
    assert isinstance(raised.value, offside.OffsideError)
    assert isinstance(raised.value, ValueError)
    # A dict has no columns: the message does not point into text the caller never wrote.
    assert "column" not in str(raised.value)


def test_bad_json_text_and_unserialisable_dicts():
    with pytest.raises(offside.InvalidEvent, match=r"^invalid JSON: .* \(at column \d+\)$"):
        offside.check('{"id": ')
    with pytest.raises(offside.InvalidEvent, match="expected a JSON object"):
        offside.check("[1, 2]")
    with pytest.raises(offside.InvalidEvent, match="cannot be written as JSON"):
        offside.check(dict(EVENT, id=object()))
    with pytest.raises(TypeError):
        offside.check(42)


@needs_cli
def test_decisions_equal_the_clis():
    events = [
        EVENT,
        dict(EVENT, id=2, text="😀 my whatsapp is +44 7911 123456, pay me via paypal.me/alexk", surface="profile"),
        dict(EVENT, id=3, text="thanks, see you tomorrow"),
    ]
    out = cli("check", stdin="".join(json.dumps(e) + "\n" for e in events))
    assert out.returncode == 0, out.stderr
    assert [json.loads(line) for line in out.stdout.splitlines()] == [offside.check(e) for e in events]


@needs_cli
def test_error_messages_equal_the_clis():
    lines = [
        json.dumps(dict(EVENT, sender={"id": "f1"})),
        json.dumps(dict(EVENT, surface="chat")),
        json.dumps(dict(EVENT, region="USA")),
        '{"id": ',
    ]
    out = cli("check", stdin="\n".join(lines) + "\n")
    assert out.returncode == 1
    for line, printed in zip(lines, out.stdout.splitlines()):
        expected = json.loads(printed)["error"]
        with pytest.raises(offside.InvalidEvent) as from_text:
            offside.check(line)
        assert str(from_text.value) == expected
        if line.endswith("}"):
            with pytest.raises(offside.InvalidEvent) as from_dict:
                offside.check(json.loads(line))
            assert str(from_dict.value) == re.sub(r" \(at column \d+\)$", "", expected)


BAD_POLICY = """\
[rules.contact]
kinds = ["email", "fax"]
"""


def test_policy_from_str_and_from_file(tmp_path):
    default = offside.Policy()
    assert "[rules.contact]" in offside.Policy.default_toml()
    same = offside.Policy.from_str(offside.Policy.default_toml())
    assert offside.check(EVENT, same) == offside.check(EVENT, default) == offside.check(EVENT)
    path = tmp_path / "policy.toml"
    path.write_text(offside.Policy.default_toml())
    loaded = offside.Policy.from_file(path)
    assert str(path) in repr(loaded)
    assert offside.check(EVENT, loaded) == offside.check(EVENT)
    assert offside.check(EVENT, str(path)) == offside.check(EVENT, path) == offside.check(EVENT)


def test_a_policy_that_relaxes_the_rules_changes_the_decision():
    relaxed = offside.Policy.default_toml().replace('kinds = ["email", ', "kinds = [", 1)
    assert relaxed != offside.Policy.default_toml()
    assert offside.check(EVENT, offside.Policy.from_str(relaxed))["action"] == "allow"


def test_bad_policies_raise_invalid_policy(tmp_path):
    with pytest.raises(offside.InvalidPolicy, match=r"^line \d+, column \d+: key `rules\.contact\.kinds"):
        offside.Policy.from_str(BAD_POLICY)
    with pytest.raises(offside.InvalidPolicy, match="invalid TOML"):
        offside.Policy.from_str("[rules")
    path = tmp_path / "bad.toml"
    path.write_text(BAD_POLICY)
    with pytest.raises(offside.InvalidPolicy) as raised:
        offside.Policy.from_file(path)
    assert str(raised.value).startswith(f"{path}: line ")
    assert isinstance(raised.value, offside.OffsideError)
    with pytest.raises(FileNotFoundError):
        offside.Policy.from_file(tmp_path / "missing.toml")
    with pytest.raises(offside.InvalidPolicy):
        offside.check(EVENT, str(path))
    with pytest.raises(TypeError):
        offside.check(EVENT, 3.5)


@needs_cli
def test_policy_errors_equal_offside_policy_check(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(BAD_POLICY)
    out = cli("policy", "check", str(path))
    assert out.returncode == 1
    with pytest.raises(offside.InvalidPolicy) as raised:
        offside.Policy.from_file(path)
    assert out.stderr.strip() == f"offside: {raised.value}"
