"""Read a file into cleaned, citable text, or fail with one clear, one-line reason."""

from __future__ import annotations

import codecs
import hashlib
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from index.cleaning import CleanedText, clean_text

# Display order of the error message; the set below is what callers test membership against.
_SUFFIX_ORDER = (".htm", ".html", ".md", ".markdown", ".pdf", ".txt")
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(_SUFFIX_ORDER)
_TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
_HTML_SUFFIXES = frozenset({".html", ".htm"})

_MIB = 1024 * 1024  # settings.max_file_bytes counts megabytes as MiB
_BINARY_SNIFF_BYTES = 8192
_PDF_HEADER_WINDOW = 1024  # the PDF spec tolerates junk before "%PDF-"
_MAX_CHAOS = 0.1  # charset_normalizer's mess ratio above which a guess is not trusted
_SHORT_LINE_RATIO = 0.75  # a PDF line this much shorter than a full line ends its paragraph
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: its BOM starts with UTF-16 LE's
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SENTENCE_END = ".!?…:;\"'”’)"
_LIST_MARKERS = ("•", "◦", "▪", "- ", "– ", "* ")
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d+(?:\s*(?:of|/)\s*\d+)?$|^[-–—]\s*\d+\s*[-–—]$", re.I)


class LoadError(Exception):
    """str(err) is a one-line, human reason, e.g. 'empty file'."""


@dataclass(frozen=True)
class LoadedDocument:
    path: Path  # absolute, resolved
    title: str  # from the cleaner / HTML metadata / PDF metadata; falls back to the file stem
    text: str  # cleaned text (paragraphs joined by "\n\n")
    raw_sha256: str  # sha256 hex of the raw bytes


def load_document(path: Path, max_bytes: int) -> LoadedDocument:
    """Read, decode and clean one file; raises LoadError with the reason it cannot."""
    path = Path(path).expanduser().resolve()
    suffix = _check_loadable(path)
    data = _read_limited(path, max_bytes)
    if suffix == ".pdf":
        title, text = _load_pdf(data)
    elif suffix in _HTML_SUFFIXES:
        title, text = _load_html(_decode(data))
    else:
        title, text = _load_plain(_decode(data), markdown=suffix != ".txt")
    return LoadedDocument(
        path=path,
        title=title or path.stem,
        text=text,
        raw_sha256=hashlib.sha256(data).hexdigest(),
    )


def unsupported_reason(suffix: str) -> str:
    shown = suffix or "(none)"
    return f"unsupported file type '{shown}' (supported: {', '.join(_SUFFIX_ORDER)})"


# --- checks and reading ---------------------------------------------------------------------


def _check_loadable(path: Path) -> str:
    if path.is_dir():
        raise LoadError("is a folder, not a file")
    if not path.is_file():
        raise LoadError("file not found")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise LoadError(unsupported_reason(path.suffix))
    return suffix


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


def _decode(data: bytes) -> str:
    """Text from bytes: BOMs first, then strict UTF-8, then a confident charset guess."""
    text = _decode_with_bom(data)
    if text is None:
        if b"\x00" in data[:_BINARY_SNIFF_BYTES]:
            raise LoadError("binary file, not text")
        text = _decode_utf8_or_guess(data)
    if not text.strip():
        raise LoadError("empty file")
    return text


def _decode_with_bom(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise LoadError("not valid text in any known encoding") from exc
    return None


def _decode_utf8_or_guess(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only legacy-encoded files need it

    matches = from_bytes(data)
    best = matches.best()
    # UTF-16/32 without a BOM is a guess about byte order as much as about text: not trusted.
    if best is None or best.chaos > _MAX_CHAOS or best.encoding.startswith(("utf_16", "utf_32")):
        raise LoadError("not valid text in any known encoding")
    # Single-byte code pages often tie; cp1252 is by far the likeliest for Western text, and
    # charset_normalizer would otherwise turn "très" into "trčs" (cp1250).
    western = [m for m in matches if m.encoding == "cp1252" and m.chaos <= best.chaos]
    return str(western[0] if western else best)


# --- formats --------------------------------------------------------------------------------


def _clean_or_fail(text: str) -> CleanedText:
    cleaned = clean_text(text)
    if not cleaned.text.strip():
        raise LoadError("no text left after removing page boilerplate")
    return cleaned


def _load_plain(text: str, *, markdown: bool) -> tuple[str, str]:
    cleaned = _clean_or_fail(text)
    title = cleaned.title.lstrip("#").strip() if markdown else cleaned.title
    return title, cleaned.text


def _load_html(html: str) -> tuple[str, str]:
    extracted, meta_title = _extract_html(html)
    if not extracted or not extracted.strip():
        raise LoadError("no text left after removing page boilerplate")
    cleaned = _clean_or_fail(extracted)
    text = cleaned.text
    # A short <h1> is dropped by the cleaner as a lone heading; metadata confirms it is the title.
    lost = meta_title not in text.split("\n\n")
    if meta_title and not cleaned.title and lost and _has_line(extracted, meta_title):
        text = f"{meta_title}\n\n{text}"
    return meta_title or cleaned.title, text


def _has_line(text: str, wanted: str) -> bool:
    return any(line.strip() == wanted for line in text.splitlines())


def _extract_html(html: str) -> tuple[str | None, str]:
    """Main text and title via trafilatura; it is given a string, so it never fetches anything."""
    import trafilatura  # imported on first use: it takes about half a second

    try:
        text = trafilatura.extract(
            html, include_comments=False, include_tables=True, favor_precision=True
        )
    except Exception as exc:  # trafilatura/lxml raise many types on malformed markup
        raise LoadError(f"unreadable HTML: {_short(exc)}") from exc
    try:
        meta = trafilatura.extract_metadata(html)
        title = (meta.title or "").strip() if meta is not None else ""
    except Exception:  # a missing title is not worth failing the document for
        title = ""
    return text, title


def _load_pdf(data: bytes) -> tuple[str, str]:
    pages, meta_title = _read_pdf(data)
    if not any(p.strip() for p in pages):
        raise LoadError("PDF has no text layer (a scanned image?); run OCR on it first")
    cleaned = _clean_or_fail("\n".join(_reflow_pages(pages)))
    # Generated PDFs often carry a file name or "untitled" as metadata; the text's headline wins.
    return cleaned.title or meta_title, cleaned.text


def _read_pdf(data: bytes) -> tuple[list[str], str]:
    if b"%PDF-" not in data[:_PDF_HEADER_WINDOW]:
        raise LoadError("unreadable PDF: no PDF header (is it really a PDF?)")
    from pypdf import PdfReader  # imported on first use, like trafilatura

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise LoadError("unreadable PDF: it is password-protected; remove the password first")
        if len(reader.pages) == 0:
            raise LoadError("unreadable PDF: it has no pages")
        pages = [page.extract_text() or "" for page in reader.pages]
        meta = reader.metadata
        title = str(meta.title or "").strip() if meta is not None else ""
    except LoadError:
        raise
    except Exception as exc:  # pypdf raises many types on damaged files
        raise LoadError(f"unreadable PDF: {_short(exc)}") from exc
    return pages, title


def _short(exc: Exception) -> str:
    lines = str(exc).strip().splitlines()
    message = lines[0] if lines else type(exc).__name__
    return message if len(message) <= 120 else message[:117] + "..."


# --- PDF re-flow ----------------------------------------------------------------------------


def _reflow_pages(pages: Sequence[str]) -> list[str]:
    """One line per paragraph; a paragraph cut by a page break is joined back together."""
    paragraphs: list[str] = []
    for page in pages:
        for para in _reflow(page):
            if paragraphs and _continues(paragraphs[-1], para):
                paragraphs[-1] = _join_lines([paragraphs[-1], para])
            else:
                paragraphs.append(para)
    return paragraphs


def _continues(previous: str, following: str) -> bool:
    return not previous.endswith(tuple(_SENTENCE_END)) and following[:1].islower()


def _reflow(page_text: str) -> list[str]:
    """Join hard-wrapped lines: a paragraph ends at a blank line or a line well short of full."""
    lines = _without_page_numbers([ln.strip() for ln in page_text.splitlines()])
    full = _full_line_width(lines)
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if current and (not line or line.startswith(_LIST_MARKERS)):
            paragraphs.append(_join_lines(current))
            current = []
        if not line:
            continue
        current.append(line)
        if len(line) < _SHORT_LINE_RATIO * full:
            paragraphs.append(_join_lines(current))
            current = []
    if current:
        paragraphs.append(_join_lines(current))
    return paragraphs


def _without_page_numbers(lines: list[str]) -> list[str]:
    # A page number between two halves of a paragraph would stop them being joined again.
    filled = [i for i, line in enumerate(lines) if line]
    edges = {filled[0], filled[-1]} if filled else set()
    return [ln for i, ln in enumerate(lines) if i not in edges or not _PAGE_NUMBER.match(ln)]


def _full_line_width(lines: Sequence[str]) -> int:
    widths = sorted(len(line) for line in lines if line)
    # About the 90th percentile, so one overlong line does not make all others look short.
    return widths[len(widths) - 1 - len(widths) // 10] if widths else 0


def _join_lines(lines: Sequence[str]) -> str:
    text = lines[0]
    for line in lines[1:]:
        if len(text) > 1 and text.endswith("-") and text[-2].isalpha() and line[:1].islower():
            text = text[:-1] + line  # undo end-of-line hyphenation: "irri-" + "gation"
        else:
            text = f"{text} {line}"
    return text
