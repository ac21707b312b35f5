"""Type stubs of offside's native module (src/lib.rs). Import from ``offside``."""

from os import PathLike
from typing import Any, Dict, Iterable, List, Optional, Union, final

__version__: str

class OffsideError(ValueError):
    """Base class of offside's errors (a ValueError): the input, not the library, is wrong."""

class InvalidEvent(OffsideError):
    """An event that cannot be decided: the message names the field, as `offside check` does."""

class InvalidPolicy(OffsideError):
    """A policy file that was refused: the message names the line, column and key."""

class InvalidRegion(OffsideError):
    """A region code that is not a two-letter ISO 3166 code with a numbering plan."""

@final
class Finding:
    """One thing found in a text. ``start`` and ``end`` are Python string indices."""

    @property
    def kind(self) -> str:
        """``email``, ``phone``, ``url``, ``social``, ``messenger``, ``meeting``, ``payment``
        or ``solicitation``."""
    @property
    def value(self) -> Optional[str]:
        """The canonical value (``alex@gmail.com``, ``+14158392716``, ``whatsapp``) or None."""
    @property
    def start(self) -> int:
        """Index of the first character of the evidence (code points, not bytes)."""
    @property
    def end(self) -> int:
        """Index just past the evidence (code points, not bytes)."""
    @property
    def confidence(self) -> float:
        """How sure the detector is, from 0 to 1."""
    @property
    def rule(self) -> str:
        """The detector and rule that fired, ``detector/rule``."""
    @property
    def message(self) -> Optional[int]:
        """For conversations: the index of the message the evidence starts in."""
    @property
    def messages(self) -> List[int]:
        """For a value split over several messages: every message that contributed."""
    def to_dict(self) -> Dict[str, Any]:
        """The finding in ``offside scan``'s JSON shape, with string indices."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

class Engine:
    """The detection engine: thread-safe; every method releases the GIL while it scans."""

    def __new__(cls, region: str = "US") -> "Engine": ...
    @property
    def region(self) -> str:
        """The default region, as an upper-case code."""
    def scan(self, text: str, region: Optional[str] = None) -> List[Finding]:
        """Scans one text; findings sorted by start."""
    def scan_conversation(
        self, messages: Iterable[str], region: Optional[str] = None
    ) -> List[Finding]:
        """Scans the recent messages of one conversation, oldest first."""
    def scan_many(
        self,
        texts: Iterable[str],
        threads: Optional[int] = None,
        region: Optional[str] = None,
    ) -> List[List[Finding]]:
        """Scans each text on its own, on ``threads`` threads (all cores when None or 0);
        one list per text, in input order."""
    def redact(self, text: str, region: Optional[str] = None) -> str:
        """The text with every finding masked (``[email hidden]``...)."""
    def _check_json(
        self, event_json: str, policy: Optional["Policy"] = None, from_value: bool = False
    ) -> str: ...

@final
class Policy:
    """A policy; ``Policy()`` is the default one."""

    def __new__(cls) -> "Policy": ...
    @staticmethod
    def from_str(text: str) -> "Policy":
        """Reads and checks a TOML policy; raises InvalidPolicy."""
    @staticmethod
    def from_file(path: Union[str, "PathLike[str]"]) -> "Policy":
        """Reads and checks a policy file; raises InvalidPolicy or OSError."""
    @staticmethod
    def default_toml() -> str:
        """The default policy file's text, with its comments."""
