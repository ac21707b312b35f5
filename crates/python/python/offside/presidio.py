"""A Presidio recognizer backed by offside: ``OffsideRecognizer``.

Presidio's own recognizers look for well-formed values: ``alex@gmail.com``, a phone number
in one of its formats. offside finds the same things when they are disguised ("alex at
gmail dot com", "four one five...", "add me on whats app") and the marketplace-specific
ones Presidio has no entity for (messenger, social, meeting, payment and "let's talk
outside" requests)::

    from presidio_analyzer import AnalyzerEngine
    from offside.presidio import OffsideRecognizer

    analyzer = AnalyzerEngine()
    analyzer.registry.add_recognizer(OffsideRecognizer())
    analyzer.analyze("write me: alex at gmail dot com", language="en")

Entities (``ENTITY_OF_KIND``): ``email`` -> ``EMAIL_ADDRESS``, ``phone`` ->
``PHONE_NUMBER``, ``url`` -> ``URL``; a payment identifier validated by its checksum ->
``IBAN_CODE``, ``CREDIT_CARD`` or ``CRYPTO``; every other kind -> ``OFFSIDE_<KIND>``
(``OFFSIDE_MESSENGER``, ``OFFSIDE_SOCIAL``, ``OFFSIDE_MEETING``, ``OFFSIDE_PAYMENT``,
``OFFSIDE_SOLICITATION``). Each result's ``analysis_explanation`` names offside's rule and
canonical value, and ``recognition_metadata`` carries them too (``offside_rule``,
``offside_kind``, ``offside_value``).

Presidio is an optional dependency: ``pip install offside[presidio]``.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

try:
    from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
except ImportError as error:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "offside.presidio needs Presidio's analyzer: pip install 'offside[presidio]'"
    ) from error

from . import Engine, Finding

__all__ = ["OffsideRecognizer", "ENTITY_OF_KIND", "PAYMENT_ID_ENTITIES", "entity_of"]

#: The Presidio entity of each offside kind. A kind not listed (one a later offside adds)
#: becomes ``OFFSIDE_<KIND>``.
ENTITY_OF_KIND: Dict[str, str] = {
    "email": "EMAIL_ADDRESS",
    "phone": "PHONE_NUMBER",
    "url": "URL",
    "messenger": "OFFSIDE_MESSENGER",
    "social": "OFFSIDE_SOCIAL",
    "meeting": "OFFSIDE_MEETING",
    "payment": "OFFSIDE_PAYMENT",
    "solicitation": "OFFSIDE_SOLICITATION",
}

#: Payment findings whose evidence is the identifier itself (rule ``payment_ids/...``,
#: accepted by its checksum) map to Presidio's own entities, by canonical value. A mention
#: ("send it to my IBAN") stays ``OFFSIDE_PAYMENT``.
PAYMENT_ID_ENTITIES: Dict[str, str] = {
    "iban": "IBAN_CODE",
    "card": "CREDIT_CARD",
    "crypto": "CRYPTO",
}

_PAYMENT_ID_RULE_PREFIX = "payment_ids/"


def entity_of(finding: Finding) -> str:
    """The Presidio entity for one offside finding."""
    if (
        finding.kind == "payment"
        and finding.value in PAYMENT_ID_ENTITIES
        and finding.rule.startswith(_PAYMENT_ID_RULE_PREFIX)
    ):
        return PAYMENT_ID_ENTITIES[finding.value]
    return ENTITY_OF_KIND.get(finding.kind, "OFFSIDE_" + finding.kind.upper())


class OffsideRecognizer(EntityRecognizer):
    """A Presidio ``EntityRecognizer`` that runs offside's engine.

    :param region: ISO 3166 region for phone numbers written without a country code.
    :param supported_entities: the entities to report (default: all of them).
    :param supported_language: the language Presidio routes to this recognizer; offside
        itself reads every language it knows whatever this says.
    :param engine: an ``offside.Engine`` to share (otherwise one is built).
    """

    DEFAULT_ENTITIES: List[str] = sorted(
        set(ENTITY_OF_KIND.values()) | set(PAYMENT_ID_ENTITIES.values())
    )

    def __init__(
        self,
        region: str = "US",
        supported_entities: Optional[List[str]] = None,
        supported_language: str = "en",
        name: str = "OffsideRecognizer",
        engine: Optional[Engine] = None,
    ) -> None:
        self.engine = engine if engine is not None else Engine(region=region)
        super().__init__(
            supported_entities=list(supported_entities or self.DEFAULT_ENTITIES),
            name=name,
            supported_language=supported_language,
            version=_version(),
        )

    def load(self) -> None:
        """Nothing to load: the engine is built in the constructor."""

    def analyze(
        self,
        text: str,
        entities: List[str],
        nlp_artifacts: Any = None,
    ) -> List[RecognizerResult]:
        """Scans ``text`` and returns a result for each finding of a requested entity
        (every supported entity when ``entities`` is empty)."""
        wanted = set(entities) & set(self.supported_entities) if entities else set(self.supported_entities)
        results: List[RecognizerResult] = []
        for finding in self.engine.scan(text):
            entity = entity_of(finding)
            if entity not in wanted:
                continue
            results.append(self._result(entity, finding))
        return results

    def _result(self, entity: str, finding: Finding) -> RecognizerResult:
        value = "" if finding.value is None else f" value={finding.value!r}"
        explanation = AnalysisExplanation(
            recognizer=self.name,
            original_score=finding.confidence,
            pattern_name=finding.rule,
            textual_explanation=f"offside {finding.kind}: rule {finding.rule}{value}",
        )
        return RecognizerResult(
            entity_type=entity,
            start=finding.start,
            end=finding.end,
            score=finding.confidence,
            analysis_explanation=explanation,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                "offside_kind": finding.kind,
                "offside_rule": finding.rule,
                "offside_value": finding.value,
            },
        )


def _version() -> str:
    from . import __version__

    return __version__
