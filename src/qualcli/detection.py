"""Which parser reads a document: every parser rates it by its own marks; core decides.

Each parser answers "is this yours?" with a :class:`~qualcli.api.Confidence`
judged from its own body's marks only — a plugin never looks for other
awarding bodies. Core compares the answers:

1. parsers that do not accept the document's format are not asked;
2. the highest score wins if it reaches :data:`MIN_CONFIDENCE` (with
   ``--body``, any score above zero from that body's parsers);
3. a tie at the top (scores within :data:`TIE_MARGIN`) is broken by parsing
   with each tied parser and keeping the result that structures most of the
   document (criteria, outcomes and units found, less text left unstructured),
   then by parser name; the explanation says which rule decided.

``qualcli parse --explain-detection`` prints :meth:`Detection.explain`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qualcli.api import Confidence, Parser, SourceText, SpecDocument
from qualcli.errors import NoParserInstalled, QualcliError, UnrecognisedDocument

MIN_CONFIDENCE = 0.3
TIE_MARGIN = 0.005


@dataclass(frozen=True)
class Candidate:
    """A parser's answer for one document, with the plugin that registered the parser."""

    plugin: str
    parser: Parser
    confidence: Confidence


@dataclass
class Detection:
    """The answers of every parser asked, best first, and the decision."""

    candidates: list[Candidate]
    chosen: Candidate | None = None
    why: str = ""
    parsed: SpecDocument | None = field(default=None, repr=False)  # the chosen parser's result when a tie was tried

    def explain(self) -> list[str]:
        """One line per parser asked, then the decision."""
        lines = [f"{c.parser.name} ({c.plugin}, body {c.parser.body}): {c.confidence.score:.2f} — {c.confidence.reason}"
                 for c in self.candidates] or ["no installed parser accepts this format"]
        return [*lines, f"chose {self.chosen.parser.name}: {self.why}" if self.chosen else f"none chosen: {self.why}"]


def structured_size(doc: SpecDocument) -> tuple[int, int]:
    """How much of a document a parse placed in the model: (elements found, minus unstructured blocks)."""
    criteria = sum(len(o.criteria) for u in doc.units for o in u.learning_outcomes)
    outcomes = sum(len(u.learning_outcomes) for u in doc.units)
    return criteria + outcomes + len(doc.units) + len(doc.qualifications), -len(doc.unstructured)


def detect(source: SourceText, registered: list[tuple[str, Parser]], body: str | None = None) -> Detection:
    """Ask every parser that accepts ``source``'s format (``body``'s only, if given) and decide."""
    if not registered:
        raise NoParserInstalled()
    if body is not None:
        bodies = sorted({p.body for _, p in registered})
        registered = [(plugin, p) for plugin, p in registered if p.body == body]
        if not registered:
            raise QualcliError(f"unknown awarding body {body!r}; installed: {', '.join(bodies) or 'none'}")
    candidates = [Candidate(plugin, p, p.confidence(source)) for plugin, p in registered if source.format in p.formats]
    candidates.sort(key=lambda c: (-c.confidence.score, c.parser.name))
    detection = Detection(candidates)
    if not candidates:
        detection.why = f"no parser accepts format {source.format!r}"
        return detection
    best = candidates[0].confidence.score
    if not (best >= MIN_CONFIDENCE or (body is not None and best > 0)):
        detection.why = f"the best score {best:.2f} is below {MIN_CONFIDENCE}"
        return detection
    tied = [c for c in candidates if best - c.confidence.score <= TIE_MARGIN]
    if len(tied) == 1:
        detection.chosen = tied[0]
        runner_up = f", next {candidates[1].parser.name} {candidates[1].confidence.score:.2f}" if len(candidates) > 1 else ""
        detection.why = f"highest score {best:.2f}{runner_up}"
        return detection
    _break_tie(source, tied, detection)
    return detection


def _break_tie(source: SourceText, tied: list[Candidate], detection: Detection) -> None:
    """Parse with each tied parser; keep the one that structures most, then the first by name."""
    tried = []
    for candidate in tied:
        try:
            doc = candidate.parser.parse(source)
        except Exception:  # a parser failing on a document it only half claimed loses the tie
            continue
        tried.append((structured_size(doc), candidate, doc))
    names = ", ".join(c.parser.name for c in tied)
    if not tried:
        detection.chosen = tied[0]
        detection.why = f"tie at {tied[0].confidence.score:.2f} between {names}; every tied parser failed, first by name"
        return
    tried.sort(key=lambda t: (-t[0][0], -t[0][1], t[1].parser.name))
    (size, chosen, doc), rest = tried[0], tried[1:]
    detection.chosen, detection.parsed = chosen, doc
    if rest and rest[0][0] == size:
        rule = "they structure the same, so the first by name"
    else:
        sizes = "; ".join(f"{c.parser.name} {s[0]} element(s), {-s[1]} unstructured" for s, c, _ in tried)
        rule = f"it structures the most ({sizes})"
    detection.why = f"tie at {chosen.confidence.score:.2f} between {names}; {rule} (use --body to choose)"


def unrecognised(detection: Detection, path: str) -> UnrecognisedDocument:
    """The error for a document no parser took, listing what each said."""
    tried = "; ".join(f"{c.parser.name} {c.confidence.score:.2f} ({c.confidence.reason})"
                      for c in detection.candidates) or "no parser accepts this format"
    return UnrecognisedDocument(f"not recognised as a specification — {tried}", path)
