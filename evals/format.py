"""Benchmark question files (JSON Lines): the model, a strict loader, and the scoring rule.

The format is documented in evals/README.md. The loader is deliberately strict: a benchmark
that silently drops or coerces a malformed question would make every score computed from it
quietly wrong, so every problem is reported with the file and line it comes from.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

# Optional label used only for per-category reporting; the scoring rule ignores it.
Category = Literal[
    "single_fact",
    "number_date",
    "two_documents",
    "paraphrase",
    "unanswerable_boilerplate",
    "unanswerable_absent",
]


class BenchmarkFormatError(ValueError):
    """A benchmark file that cannot be used; the message is one line naming file and line."""


class BenchmarkQuestion(BaseModel):
    """One benchmark question. Id uniqueness is a file-level rule, checked by load_benchmark."""

    # Strict so that e.g. "answerable": "yes" or 1 is rejected rather than coerced to a bool;
    # extra="forbid" so a misspelt key ("answer") is an error rather than silently ignored.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    id: str
    question: str
    answers: list[str]
    must_include: list[str] = Field(default_factory=list)
    sources: list[str]
    evidence: list[str]
    answerable: bool
    category: Category | None = None

    @field_validator("id", "question")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return value

    @field_validator("answers", "must_include", "sources", "evidence")
    @classmethod
    def _no_blank_items(cls, values: list[str]) -> list[str]:
        # An empty answer string is contained in every text, so it would score anything correct.
        if any(not v.strip() for v in values):
            raise ValueError("must not contain empty strings")
        return values

    @field_validator("sources")
    @classmethod
    def _relative_sources(cls, values: list[str]) -> list[str]:
        # Sources are resolved against a documents folder; escaping it would check the wrong file.
        for v in values:
            p = PurePosixPath(v.replace("\\", "/"))
            if p.is_absolute() or ".." in p.parts:
                raise ValueError(f"source {v!r} must be a file name relative to the documents")
        return values

    @model_validator(mode="after")
    def _answerable_consistent(self) -> BenchmarkQuestion:
        if self.answerable:
            missing = [f for f in ("answers", "sources", "evidence") if not getattr(self, f)]
            if missing:
                raise ValueError(f"answerable question needs at least one of each: {missing}")
            if self.category is not None and self.category.startswith("unanswerable"):
                raise ValueError(f"category {self.category!r} contradicts answerable=true")
        else:
            present = [
                f for f in ("answers", "must_include", "sources", "evidence") if getattr(self, f)
            ]
            if present:
                raise ValueError(f"unanswerable question must have empty {present}")
            if self.category is not None and not self.category.startswith("unanswerable"):
                raise ValueError(f"category {self.category!r} contradicts answerable=false")
        return self


def _describe(error: ValidationError) -> str:
    """Pydantic's multi-line report squeezed into one line, in the loader's vocabulary."""
    parts: list[str] = []
    for err in error.errors():
        where = ".".join(str(x) for x in err["loc"])
        if err["type"] == "missing":
            parts.append(f"missing field {where!r}")
        elif err["type"] == "extra_forbidden":
            parts.append(f"unknown field {where!r}")
        else:
            msg = err["msg"].removeprefix("Value error, ")
            parts.append(f"{where}: {msg}" if where else msg)
    return "; ".join(parts)


def load_benchmark(path: Path) -> list[BenchmarkQuestion]:
    """Read a JSON Lines benchmark; blank lines are skipped, anything malformed raises."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BenchmarkFormatError(f"{path}: cannot read file: {exc}") from exc

    questions: list[BenchmarkQuestion] = []
    first_line: dict[str, int] = {}
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            problem = f"bad JSON: {exc.msg} (column {exc.colno})"
            raise BenchmarkFormatError(f"{where}: {problem}") from exc
        if not isinstance(data, dict):
            raise BenchmarkFormatError(
                f"{where}: expected a JSON object, got {type(data).__name__}"
            )
        try:
            q = BenchmarkQuestion.model_validate(data)
        except ValidationError as exc:
            qid = data.get("id")
            label = f" (id {qid!r})" if isinstance(qid, str) and qid else ""
            raise BenchmarkFormatError(f"{where}{label}: {_describe(exc)}") from exc
        if q.id in first_line:
            raise BenchmarkFormatError(
                f"{where}: duplicate id {q.id!r} (first used on line {first_line[q.id]})"
            )
        first_line[q.id] = lineno
        questions.append(q)

    if not questions:
        raise BenchmarkFormatError(f"{path}: no questions")
    return questions


_FOLD = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u2035\u02bc\uff07", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb\uff02", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
    }
)
# Only a comma between a digit and exactly three digits, so "1,000,000" folds fully while
# a list such as "2014, 300" or "1,23" keeps its comma.
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
# Characters a reader does not see: soft hyphens, zero-width spaces and joiners, the byte order
# mark. rag.markers puts a word joiner into a document's own marker-like text ("[\u20601]",
# pixelmatch's "[\u2060255, 255, 0]") so that it is never read as a citation; the answer shows
# "[255, 255, 0]" all the same.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")


def normalise(text: str) -> str:
    """Fold text for answer matching: case, Unicode quotes/dashes, white space, "2,000", and
    characters no reader sees."""
    folded = _INVISIBLE.sub("", text).translate(_FOLD).lower()
    folded = _THOUSANDS.sub("", folded)
    return " ".join(folded.split())


def answer_matches(question: BenchmarkQuestion, answer_text: str) -> bool:
    """The accuracy rule: some accepted answer and every must_include string is contained, as
    whole words."""
    if not question.answerable:
        # Correctness there means abstaining, which the evaluation runner has to judge.
        raise ValueError(f"{question.id}: unanswerable questions have no accepted answers")
    text = normalise(answer_text)
    return any(_holds(text, a) for a in question.answers) and all(
        _holds(text, m) for m in question.must_include
    )


def _holds(text: str, wanted: str) -> bool:
    """wanted occurs in text as whole words: "step" is not in "stepping", "MIT" not in
    "submit"; "-i" and "8080" still are in "-i, --ignore-case" and "port 8080."."""
    w = normalise(wanted)
    return re.search(rf"(?<![a-z0-9]){re.escape(w)}(?![a-z0-9])", text) is not None


def check_evidence(questions: Iterable[BenchmarkQuestion], docs_dir: Path) -> list[str]:
    """One line per missing source file or per evidence snippet absent from all its sources."""
    problems: list[str] = []
    cache: dict[str, str | None] = {}
    for q in questions:
        texts: list[str] = []
        for name in q.sources:
            if name not in cache:
                try:
                    cache[name] = (docs_dir / name).read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError):
                    cache[name] = None
            doc = cache[name]
            if doc is None:
                problems.append(f"{q.id}: source file not found or unreadable: {docs_dir / name}")
            else:
                texts.append(doc)
        for snippet in q.evidence:
            # Exact match on purpose: a test that forgives differences cannot catch a snippet
            # that was paraphrased while being copied.
            if not any(snippet in doc for doc in texts):
                short = snippet if len(snippet) <= 80 else snippet[:77] + "..."
                problems.append(
                    f"{q.id}: evidence not found verbatim in {', '.join(q.sources)}: {short!r}"
                )
    return problems
