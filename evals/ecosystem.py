"""Evaluation sets in the ecosystem's formats: readers, format detection, a RAGAS writer.

- BEIR: a folder with corpus.jsonl ({"_id", "title", "text"}), queries.jsonl ({"_id", "text"})
  and qrels/<split>.tsv ("query-id corpus-id score", tab-separated, with a header line).
- RAGAS test sets: JSON Lines (or a JSON list) of samples with `user_input`, and optionally
  `reference_contexts` and `reference` (what ragas' TestsetGenerator and EvaluationDataset write).
- llama-index LabelledRagDataset JSON: {"examples": [{"query", "reference_contexts",
  "reference_answer", ...}]}.

Readers are strict in the same way as evals/format.py: every problem is one line naming the
file (and line or example), because a set that silently loses questions scores wrongly.
Fields the formats define but rag does not use (persona_name, query_by, ...) are accepted.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

Format = Literal["rag", "beir", "ragas", "llamaindex"]
FORMATS: tuple[Format, ...] = ("rag", "beir", "ragas", "llamaindex")


class EcosystemFormatError(ValueError):
    """A file that cannot be used as the format it claims; one line naming the place."""


@dataclass(frozen=True)
class QAItem:
    """One question of a RAGAS or LabelledRagDataset set."""

    id: str
    question: str
    reference: str | None = None  # the reference answer, when the set has one
    contexts: list[str] = field(default_factory=list)  # the passages that support it


@dataclass
class BeirSet:
    corpus: dict[str, tuple[str, str]]  # id -> (title, text)
    queries: dict[str, str]
    qrels: dict[str, dict[str, int]]  # query id -> {corpus id: relevance}
    split: str


# ---- detection --------------------------------------------------------------------------------
def detect_format(path: Path) -> Format:
    """Which reader fits `path`; EcosystemFormatError when none clearly does."""
    if path.is_dir():
        if (path / "corpus.jsonl").is_file() and (path / "queries.jsonl").is_file():
            return "beir"
        raise EcosystemFormatError(
            f"{path}: a folder, but not a BEIR set (needs corpus.jsonl, queries.jsonl, qrels/)"
        )
    if not path.is_file():
        raise EcosystemFormatError(f"{path}: no such file or folder")
    first = _first_record(path)
    if isinstance(first, dict):
        if "examples" in first:
            return "llamaindex"
        if "user_input" in first:
            return "ragas"
    if path.suffix.lower() != ".json":
        # JSON Lines that are neither: rag's own format, whose strict loader says what is wrong.
        return "rag"
    raise EcosystemFormatError(
        f"{path}: cannot tell the format (expected rag's JSONL, a RAGAS test set, a "
        "LabelledRagDataset JSON or a BEIR folder): choose one with --format"
    )


def _first_record(path: Path) -> Any:
    text = _read(path)
    stripped = text.lstrip()
    if stripped.startswith("[") or path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            return None
        if isinstance(data, list):
            return data[0] if data else None
        return data
    for line in text.splitlines():
        if line.strip():
            try:
                return json.loads(line)
            except json.JSONDecodeError:
                return None
    return None


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise EcosystemFormatError(f"{path}: cannot read file: {err}") from None


# ---- RAGAS --------------------------------------------------------------------------------------
def load_ragas(path: Path) -> list[QAItem]:
    """RAGAS single-turn samples from JSON Lines or a JSON list (or {"samples": [...]})."""
    text = _read(path)
    records: list[tuple[str, Any]]
    if text.lstrip().startswith(("[", "{")) and path.suffix.lower() == ".json":
        data = _json(path, text)
        if isinstance(data, dict) and isinstance(data.get("samples"), list):
            data = data["samples"]
        if not isinstance(data, list):
            raise EcosystemFormatError(f"{path}: expected a list of samples")
        records = [(f"{path}: sample {i}", r) for i, r in enumerate(data, start=1)]
    else:
        records = []
        for lineno, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                where = f"{path}:{lineno}"
                try:
                    records.append((where, json.loads(line)))
                except json.JSONDecodeError as err:
                    raise EcosystemFormatError(f"{where}: bad JSON: {err.msg}") from None
    items = []
    for n, (where, record) in enumerate(records, start=1):
        record = _object(where, record)
        question = record.get("user_input")
        if isinstance(question, list):
            raise EcosystemFormatError(f"{where}: multi-turn samples are not supported")
        items.append(
            QAItem(
                id=str(record.get("id") or f"ragas-{n:04d}"),
                question=_text_field(where, record, "user_input"),
                reference=_optional_text(where, record, "reference"),
                contexts=_text_list(where, record, "reference_contexts"),
            )
        )
    return _non_empty(path, items)


# ---- llama-index LabelledRagDataset ---------------------------------------------------------------
def load_labelled_rag(path: Path) -> list[QAItem]:
    data = _object(str(path), _json(path, _read(path)))
    examples = data.get("examples")
    if not isinstance(examples, list):
        raise EcosystemFormatError(f'{path}: expected {{"examples": [...]}}')
    items = []
    for i, example in enumerate(examples, start=1):
        where = f"{path}: example {i}"
        example = _object(where, example)
        items.append(
            QAItem(
                id=str(example.get("id") or f"example-{i:04d}"),
                question=_text_field(where, example, "query"),
                reference=_optional_text(where, example, "reference_answer"),
                contexts=_text_list(where, example, "reference_contexts"),
            )
        )
    return _non_empty(path, items)


# ---- BEIR -----------------------------------------------------------------------------------------
def load_beir(folder: Path, split: str | None = None) -> BeirSet:
    corpus: dict[str, tuple[str, str]] = {}
    for where, r in _jsonl(folder / "corpus.jsonl"):
        doc_id = _text_field(where, r, "_id")
        corpus[doc_id] = (str(r.get("title") or ""), _text_field(where, r, "text"))
    queries = {
        _text_field(where, r, "_id"): _text_field(where, r, "text")
        for where, r in _jsonl(folder / "queries.jsonl")
    }
    qrels_file = _qrels_file(folder, split)
    qrels: dict[str, dict[str, int]] = {}
    with qrels_file.open(encoding="utf-8", newline="") as f:
        for lineno, row in enumerate(csv.reader(f, delimiter="\t"), start=1):
            if not row or (lineno == 1 and row[0] == "query-id"):
                continue
            where = f"{qrels_file}:{lineno}"
            if len(row) != 3 or not row[2].strip().lstrip("-").isdigit():
                raise EcosystemFormatError(f"{where}: expected query-id, corpus-id, integer score")
            qid, did, score = row[0].strip(), row[1].strip(), int(row[2])
            if qid not in queries:
                raise EcosystemFormatError(f"{where}: query {qid!r} is not in queries.jsonl")
            if did not in corpus:
                raise EcosystemFormatError(f"{where}: document {did!r} is not in corpus.jsonl")
            qrels.setdefault(qid, {})[did] = score
    if not any(s > 0 for rel in qrels.values() for s in rel.values()):
        raise EcosystemFormatError(f"{qrels_file}: no relevant (score > 0) judgements")
    return BeirSet(corpus, queries, qrels, qrels_file.stem)


def _qrels_file(folder: Path, split: str | None) -> Path:
    found = sorted((folder / "qrels").glob("*.tsv"))
    if split is not None:
        wanted = folder / "qrels" / f"{split}.tsv"
        if wanted not in found:
            raise EcosystemFormatError(f"{wanted}: no such qrels file")
        return wanted
    if not found:
        raise EcosystemFormatError(f"{folder / 'qrels'}: no *.tsv qrels files")
    test = folder / "qrels" / "test.tsv"
    if test in found:
        return test
    if len(found) == 1:
        return found[0]
    names = ", ".join(p.stem for p in found)
    raise EcosystemFormatError(f"{folder / 'qrels'}: several splits ({names}) and no test.tsv")


def _jsonl(path: Path) -> Iterable[tuple[str, dict[str, Any]]]:
    for lineno, line in enumerate(_read(path).splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise EcosystemFormatError(f"{where}: bad JSON: {err.msg}") from None
        yield where, _object(where, record)


# ---- field checks -------------------------------------------------------------------------------
def _json(path: Path, text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise EcosystemFormatError(f"{path}: bad JSON: {err.msg} (line {err.lineno})") from None


def _object(where: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise EcosystemFormatError(f"{where}: expected a JSON object, got {type(value).__name__}")
    return value


def _text_field(where: str, record: Mapping[str, Any], name: str) -> str:
    value = record.get(name)
    if isinstance(value, int) and not isinstance(value, bool) and name == "_id":
        value = str(value)  # BEIR ids are sometimes written as numbers
    if not isinstance(value, str) or not value.strip():
        raise EcosystemFormatError(f"{where}: needs a non-empty string {name!r}")
    return value


def _optional_text(where: str, record: Mapping[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise EcosystemFormatError(f"{where}: {name!r} must be a string")
    return value


def _text_list(where: str, record: Mapping[str, Any], name: str) -> list[str]:
    value = record.get(name)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise EcosystemFormatError(f"{where}: {name!r} must be a list of strings")
    return [v for v in value if v.strip()]


def _non_empty(path: Path, items: list[QAItem]) -> list[QAItem]:
    if not items:
        raise EcosystemFormatError(f"{path}: no questions")
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise EcosystemFormatError(f"{path}: duplicate id {item.id!r}")
        seen.add(item.id)
    return items


# ---- writing a RAGAS evaluation dataset -----------------------------------------------------------
def ragas_row(
    question: str,
    answer: Mapping[str, Any],
    reference: str | None = None,
    reference_contexts: list[str] | None = None,
) -> dict[str, Any]:
    """One SingleTurnSample as ragas' EvaluationDataset.from_jsonl reads it.

    retrieved_contexts are the passages the answer was made from, so ragas' LLM metrics
    (faithfulness, context precision) judge what rag actually saw.
    """
    row: dict[str, Any] = {
        "user_input": question,
        "retrieved_contexts": [str(r["text"]) for r in answer.get("retrieved") or []],
        "response": str(answer.get("answer", "")),
    }
    if reference is not None:
        row["reference"] = reference
    if reference_contexts:
        row["reference_contexts"] = list(reference_contexts)
    return row


def write_jsonl(path: Path, rows: Iterable[Mapping[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
