"""offside: finds contact details and off-platform payment attempts in marketplace messages.

It is built for text whose authors hide these details on purpose ("alex at gmail dot com",
"four one five, eight three nine...", "add me on tele gram") and built not to flag honest
messages (order numbers, prices, "I can't share my email here").

    >>> import offside
    >>> engine = offside.Engine(region="GB")
    >>> engine.scan("write me: alex at gmail dot com")
    [Finding(kind="email", value="alex@gmail.com", start=10, end=31, confidence=0.9, rule="email/obfuscated")]
    >>> engine.redact("write me: alex at gmail dot com")
    'write me: [email hidden]'

Finding offsets are Python string indices: ``text[f.start:f.end]`` is the evidence, on any
text (emoji, Cyrillic, CJK...). ``Engine.scan_many`` scans a batch on every core with the
GIL released. ``check`` decides on an event with a policy, as ``offside check`` does, and
``offside.presidio.OffsideRecognizer`` plugs the engine into Presidio.
"""

from __future__ import annotations

import datetime as _datetime
import json as _json
import os as _os
import threading as _threading
from typing import Any, Dict, Mapping, Optional, Union

from ._offside import (
    Engine as _NativeEngine,
    Finding,
    InvalidEvent,
    InvalidPolicy,
    InvalidRegion,
    OffsideError,
    Policy,
    __version__,
)

__all__ = [
    "Engine",
    "Finding",
    "Policy",
    "check",
    "OffsideError",
    "InvalidEvent",
    "InvalidPolicy",
    "InvalidRegion",
    "__version__",
]

PolicyLike = Union[Policy, str, "_os.PathLike[str]", None]
"""A Policy, the path of a TOML policy file, or None for the default policy."""


class Engine(_NativeEngine):
    """The detection engine. Build it once and share it: it is thread-safe, and every
    method releases the GIL while it scans.

    ``Engine(region="GB")``: ``region`` is the ISO 3166 region assumed for phone numbers
    written without a country code (``"US"`` by default); a bad code raises
    ``InvalidRegion``.

    Methods: ``scan(text)``, ``scan_conversation(messages)``, ``scan_many(texts,
    threads=None)``, ``redact(text)`` and ``check(event, policy=None)``.
    """

    def __reduce__(self) -> Any:
        # Picklable, so that Spark, multiprocessing and joblib can ship it to workers: the
        # region is all there is to it, and each worker builds its own.
        return (type(self), (self.region,))

    def check(self, event: Union[Mapping[str, Any], str], policy: PolicyLike = None) -> Dict[str, Any]:
        """Decides on one event with this engine (its region is the default). See
        ``offside.check``."""
        return _check(self, event, policy)


_engines: Dict[str, Engine] = {}
_engines_lock = _threading.Lock()


def _engine_for(region: str) -> Engine:
    key = region.strip().upper()
    with _engines_lock:
        engine = _engines.get(key)
        if engine is None:
            engine = Engine(region=region)
            _engines[key] = engine
        return engine


def _json_default(value: Any) -> Any:
    """JSON for what json.dumps cannot write: datetimes (ISO 8601) and other iterables."""
    if isinstance(value, (_datetime.datetime, _datetime.date)):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _resolve_policy(policy: PolicyLike) -> Optional[Policy]:
    if policy is None or isinstance(policy, Policy):
        return policy
    if isinstance(policy, (str, _os.PathLike)):
        return Policy.from_file(_os.fspath(policy))
    raise TypeError(
        f"policy must be an offside.Policy, the path of a policy file or None, not {type(policy).__name__}"
    )


def _check(engine: _NativeEngine, event: Union[Mapping[str, Any], str], policy: PolicyLike) -> Dict[str, Any]:
    resolved = _resolve_policy(policy)
    if isinstance(event, str):
        return _json.loads(engine._check_json(event, resolved, False))
    if isinstance(event, Mapping):
        try:
            text = _json.dumps(event, default=_json_default, ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError) as error:
            raise InvalidEvent(f"the event cannot be written as JSON: {error}") from None
        decision = _json.loads(engine._check_json(text, resolved, True))
        if "id" in event:
            # The caller's own id object, not its JSON round trip (a tuple stays a tuple).
            decision["id"] = event["id"]
        return decision
    raise TypeError(f"event must be a dict (or a JSON object as str), not {type(event).__name__}")


def check(
    event: Union[Mapping[str, Any], str],
    policy: PolicyLike = None,
    *,
    region: str = "US",
) -> Dict[str, Any]:
    """Decides on one event, as ``offside check`` does, and returns the decision as a dict.

    ``event`` is a dict in ``offside check``'s event format (``text`` or ``conversation``,
    ``surface``, ``at``, ``sender``, ``recipient``, ``relationship``...); datetimes are
    accepted for ``at`` and the relationship's dates. A JSON object as str is read exactly
    as a line of ``offside check``'s input.

    ``policy`` is an ``offside.Policy``, the path of a TOML policy file, or None for the
    default policy. Load a file once with ``Policy.from_file`` when checking many events.
    ``region`` is the default region for phone numbers (an event's own ``region`` wins).

    The result is the JSON object ``offside check`` prints: ``id``, ``action``,
    ``violations`` (each with its findings), ``exceptions``, ``notice`` and, for a
    ``redact`` decision, ``redacted_text`` or ``redacted_conversation``. Finding offsets in
    it are UTF-8 byte offsets, as in the CLI's output; ``Engine.scan`` gives string indices.

    Raises ``InvalidEvent`` with the message ``offside check`` prints for the same event
    (without the column when the event is a dict), ``InvalidPolicy`` for a bad policy file
    and ``InvalidRegion`` for a bad ``region``.
    """
    return _check(_engine_for(region), event, policy)
