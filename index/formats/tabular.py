"""CSV and JSON as one line per record, so one row is one citable line: a CSV row becomes
"col: value; col: value", a JSON leaf "path.to.key: value"."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from index.formats import Extracted, FormatError

_SNIFF_CHARS = 16384


def read_csv(text: str) -> Extracted:
    sample = text[:_SNIFF_CHARS]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = [r for r in csv.reader(io.StringIO(text), dialect) if any(c.strip() for c in r)]
    except csv.Error as exc:
        raise FormatError(f"unreadable CSV: {exc}") from exc
    if not rows:
        raise FormatError("empty file")
    header = [h.strip() or f"column {i + 1}" for i, h in enumerate(rows[0])]
    lines = ["Columns: " + "; ".join(header)]
    for row in rows[1:]:
        pairs = [
            f"{header[i] if i < len(header) else f'column {i + 1}'}: {' '.join(v.split())}"
            for i, v in enumerate(row)
            if v.strip()
        ]
        lines.append("; ".join(pairs))
    return Extracted(text="\n".join(lines))


def read_json(text: str) -> Extracted:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(f"unreadable JSON: {exc.msg} (line {exc.lineno})") from exc
    lines = [f"{path}: {leaf}" if path else str(leaf) for path, leaf in _leaves(value, "")]
    return Extracted(text="\n".join(lines))


def _leaves(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _leaves(item, f"{path}[{i}]")
    elif value is not None and str(value).strip():
        yield path, " ".join(str(value).split())
