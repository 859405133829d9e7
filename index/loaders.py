"""Read a file into citable text, or fail with one clear, one-line reason.

Cleaning is a per-format, per-document policy (`clean`): HTML goes through main-content
extraction (trafilatura) as Markdown; PDF loses running headers/footers and page numbers;
text, Markdown and office documents are kept whole unless they look like a scraped web page
(index.cleaning.looks_scraped) or the user asks for the scraped-page cleaner ("web").
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from index.cleaning import clean_text, looks_scraped
from index.decoding import DecodeError, decode
from index.formats import CHROME_ONLY, Extracted, FormatError, visible_chars
from rag.text import heading_text

CleanMode = Literal["auto", "web", "off"]

# Read as plain text, as .txt is: configuration files (a "port: 8080" line is a field like any
# other), Org and AsciiDoc notes, and a file with no extension at all, the way READMEs, NEWS,
# INSTALL and ChangeLog files usually come. A binary one is refused by decoding, with its reason.
_PLAIN_SUFFIXES = frozenset({"", ".adoc", ".cfg", ".conf", ".ini", ".org", ".text", ".toml", ".txt", ".yaml", ".yml"})
_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
_HTML_SUFFIXES = frozenset({".html", ".htm"})
_RECORD_SUFFIXES = frozenset({".csv", ".json"})
_OTHER_SUFFIXES = frozenset({".docx", ".epub", ".pdf", ".pptx", ".rst"})
# Display order of the error message; the set below is what callers test membership against.
_SUFFIX_ORDER = tuple(sorted(
    (_PLAIN_SUFFIXES - {""}) | _MARKDOWN_SUFFIXES | _HTML_SUFFIXES | _RECORD_SUFFIXES | _OTHER_SUFFIXES
))
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(_SUFFIX_ORDER)

_MIB = 1024 * 1024  # settings.ingest.max_file_bytes counts megabytes as MiB
_TITLE_MAX_WORDS = 15
_ATX_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$")
_SETEXT_RULE = re.compile(r"^(?:=+|-+)\s*$")


class LoadError(Exception):
    """str(err) is a one-line, human reason, e.g. 'empty file'."""


@dataclass(frozen=True)
class LoadedDocument:
    path: Path  # absolute, resolved
    title: str  # from the document's metadata or first heading; falls back to the file stem
    text: str  # the text that is indexed and cited (verbatim spans of it)
    raw_sha256: str  # sha256 hex of the raw bytes
    markdown: bool = False  # "#" headings give the chunks their heading paths
    rst: bool = False  # reStructuredText underlined titles do
    plain: bool = False  # short stand-alone lines of plain text do ("CHANGES FROM 3.2 TO 3.3")
    page_starts: tuple[int, ...] | None = None  # offsets where pages 2, 3, ... begin; PDF only
    kept_ratio: float = 1.0  # content characters kept / extracted (1.0: nothing removed)
    notes: tuple[str, ...] = ()  # things the user should know, e.g. bytes that did not decode


def load_document(path: Path, max_bytes: int, clean: CleanMode = "auto") -> LoadedDocument:
    """Read, decode and clean one file; raises LoadError with the reason it cannot."""
    path = Path(path).expanduser().resolve()
    suffix = _check_loadable(path)
    data = _read_limited(path, max_bytes)
    notes: list[str] = []
    try:
        extracted = _extract(data, suffix, clean, notes)
    except (FormatError, DecodeError) as exc:
        raise LoadError(str(exc)) from exc
    if not extracted.text.strip():
        raise LoadError(CHROME_ONLY if extracted.seen_chars else "no text found in the document")
    seen = extracted.seen_chars or visible_chars(extracted.text)
    kept = min(1.0, visible_chars(extracted.text) / seen) if seen else 1.0
    return LoadedDocument(
        path=path,
        title=heading_text(extracted.title or _title_of(extracted.text, extracted.markdown or extracted.rst, suffix))
        or path.stem,
        text=extracted.text,
        raw_sha256=hashlib.sha256(data).hexdigest(),
        markdown=extracted.markdown,
        rst=extracted.rst,
        plain=extracted.plain,
        page_starts=extracted.page_starts,
        kept_ratio=kept,
        notes=tuple(notes),
    )


def supported(path: Path) -> bool:
    """A type rag reads: a listed suffix, or none at all (plain text)."""
    return path.suffix.lower() in SUPPORTED_SUFFIXES or not path.suffix


def unsupported_reason(suffix: str) -> str:
    return (
        f"unsupported file type '{suffix}' (supported: {', '.join(_SUFFIX_ORDER)}, "
        "and files with no extension as plain text)"
    )


# --- per-format policy ----------------------------------------------------------------------


def _extract(data: bytes, suffix: str, clean: CleanMode, notes: list[str]) -> Extracted:
    if suffix == ".pdf":
        from index.formats.pdf import read_pdf

        pdf = read_pdf(data)
        # Generated PDFs often carry a file name or "untitled" as metadata: a headline wins.
        title = _title_of(pdf.text, markdown=False) or pdf.title
        return _maybe_web_clean(replace(pdf, title=title), clean)
    if suffix == ".docx":
        from index.formats.office import read_docx

        return _maybe_web_clean(read_docx(data), clean)
    if suffix == ".pptx":
        from index.formats.office import read_pptx

        return _maybe_web_clean(read_pptx(data), clean)
    if suffix == ".epub":
        from index.formats.epub import read_epub

        return _maybe_web_clean(read_epub(data), clean)
    text = _decode(data, notes)
    if suffix in _HTML_SUFFIXES:
        from index.formats.html import read_html

        return read_html(text, clean)
    if suffix == ".csv":
        from index.formats.tabular import read_csv

        return read_csv(text)  # one row per line: nothing in a table is page chrome
    if suffix == ".json":
        from index.formats.tabular import read_json

        return read_json(text)
    if suffix in _MARKDOWN_SUFFIXES:
        from index.formats.markdown import read_tables

        text = read_tables(text)
    return _maybe_web_clean(
        Extracted(
            text=_whole(text),
            markdown=suffix in _MARKDOWN_SUFFIXES,
            rst=suffix == ".rst",
            plain=suffix in _PLAIN_SUFFIXES,
        ),
        clean,
    )


def _maybe_web_clean(doc: Extracted, clean: CleanMode) -> Extracted:
    """The scraped-page cleaner, when asked for or when the text looks like a scraped page."""
    if clean == "off" or (clean == "auto" and not looks_scraped(doc.text)):
        return doc
    cleaned = clean_text(doc.text)
    if not cleaned.text.strip():
        raise LoadError(CHROME_ONLY)
    # The cleaner keeps one paragraph per line, so headings no longer open sections.
    return Extracted(
        text=cleaned.text,
        title=cleaned.title.lstrip("#").strip() or doc.title,
        markdown=False,
        seen_chars=doc.seen_chars or visible_chars(doc.text),
    )


def _whole(text: str) -> str:
    """The text as written: only trailing spaces and surrounding blank lines go (indentation
    stays, it is structure in code blocks and nested lists)."""
    return "\n".join(line.rstrip() for line in text.splitlines()).strip("\n")


def _title_of(text: str, markdown: bool, suffix: str = "") -> str:
    """The first heading, or a short first line that reads as one; "" if there is none."""
    if suffix in _RECORD_SUFFIXES:
        return ""  # the first line is a record, not a title
    lines = [ln.strip() for ln in text.splitlines()[:40]]
    if markdown:
        prose = False  # text came before any heading
        for i, line in enumerate(lines):
            heading = _ATX_HEADING.match(line)
            if heading:
                # A section's heading after the opening prose ("### Features" below a
                # README's introduction) names that section, not the document.
                if prose and not line.startswith("# "):
                    return ""
                return heading.group(1).strip()
            if line and i + 1 < len(lines) and _SETEXT_RULE.match(lines[i + 1]):
                return line
            prose = prose or bool(line) and not _SETEXT_RULE.match(line)
    first = next((ln for ln in lines if ln), "")
    words = first.split()
    if (
        0 < len(words) <= _TITLE_MAX_WORDS
        and first[-1] not in ".,;:"
        and not first.startswith(("|", "-", "*", "+", "`"))
    ):
        return first.lstrip("#").strip()
    return ""


# --- checks, reading and decoding -----------------------------------------------------------


def _check_loadable(path: Path) -> str:
    if path.is_dir():
        raise LoadError("is a folder, not a file")
    if not path.is_file():
        raise LoadError("file not found")
    if not supported(path):
        raise LoadError(unsupported_reason(path.suffix))
    return path.suffix.lower()


def _read_limited(path: Path, max_bytes: int) -> bytes:
    """The raw bytes, refusing oversize files before reading them whole."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise LoadError(_too_big(size, max_bytes))
        with path.open("rb") as f:
            # The file may have grown since stat(); never read more than one byte past the limit.
            data = f.read(max_bytes + 1)
    except OSError as exc:
        raise LoadError(f"cannot read file: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise LoadError(_too_big(len(data), max_bytes))
    if not data:
        raise LoadError("empty file")
    return data


def _too_big(size: int, max_bytes: int) -> str:
    return (
        f"file is {size / _MIB:.1f} MB, over the {max_bytes / _MIB:.1f} MB limit "
        "(raise max_file_mb to allow it)"
    )


def _decode(data: bytes, notes: list[str]) -> str:
    decoded = decode(data)
    if not decoded.text.strip():
        raise LoadError("empty file")
    if decoded.note:
        notes.append(decoded.note)
    return decoded.text
