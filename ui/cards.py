"""HTML for the page: the answer with [n] links, source cards and status lines.

Pure functions of their arguments (no Gradio, no Assistant) so every escaping and offset rule can
be tested on its own. Everything that comes from a document, a question or an error is escaped
here: documents are untrusted input and the sources panel is inserted as raw HTML.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from typing import Literal

from rag import markers
from rag.types import Answer, Citation, FileResult, ScoredChunk, location_label

# Characters of surrounding document text shown on each side of a cited passage.
CONTEXT_CHARS = 300
# How many retrieved passages a refusal lists, and how much of each: enough to judge the miss,
# little enough to read.
CLOSEST_SHOWN = 3
CLOSEST_CHARS = 500

NOT_FOUND_TITLE = "Not found in the documents"
NOT_SUPPORTING = "Closest passage — does not support an answer"

_HELD = re.compile(r"\x00(\d+)\x00")
# CommonMark lets any ASCII punctuation be backslash-escaped; escaping all of it is the only
# simple rule that keeps document text from becoming lists, headings, links, code or HTML.
_MD_PUNCTUATION = re.compile(r"([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")

StatusKind = Literal["info", "error", "notice"]


# ---- the answer in the chat ----------------------------------------------------------------------
def markdown_escape(text: str) -> str:
    """Text that the chat's Markdown renderer shows literally, line by line."""
    # Leading spaces would turn a line into a code block.
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(_MD_PUNCTUATION.sub(r"\\\1", line) for line in lines)


def answer_markdown(text: str, cited: Iterable[int], quoted: Iterable[str] = ()) -> str:
    """The answer for the chat: escaped text whose [n] markers link to their source cards.

    Only the strict `[n]` rag writes becomes a link. Document text is data: a marker inside a
    passage the answer quotes (`quoted`, the citations' texts) or one a document made (escaped
    by rag.markers) stays plain text, so a document cannot plant a citation link.
    """
    known = set(cited)
    text = text.replace("\0", "")
    for passage in quoted:
        if passage and markers.has_markers(passage):
            text = text.replace(passage, markers.escape_document_markers(passage))

    def hold(m: re.Match[str]) -> str:
        n = int(m.group(1))
        # A bracketed number that is not a citation stays plain text.
        return f"\0{n}\0" if n in known else m.group(0)

    # Markers are swapped for NUL-delimited tokens (untouched by escaping, absent from cleaned
    # text) so the text is escaped in one piece and its spacing survives.
    escaped = markdown_escape(markers.SIMPLE_MARKER.sub(hold, text))
    return _HELD.sub(lambda m: cite_link(int(m.group(1))), escaped)


def cite_link(n: int) -> str:
    # Entities for the brackets so Markdown never reads "[n]" as a reference link.
    return f'<a href="#source-{n}" class="cite" title="Show source {n}">&#91;{n}&#93;</a>'


def streaming_markdown(partial: str) -> str:
    """Text still being generated: markers number passages, not citations, so no links yet."""
    return markdown_escape(partial) + " ▍"


# ---- the sources panel ---------------------------------------------------------------------------
def sources_panel(
    answer: Answer, doc_texts: Mapping[str, str | None], titles: Mapping[str, str]
) -> str:
    """Cards for the current answer; doc_texts and titles are keyed by source name."""
    notice = status_html(answer.notice, "notice") if answer.notice else ""
    if answer.abstained:
        return _panel(notice + refusal_html(answer.retrieved))
    if not answer.citations:
        return _panel(notice + '<p class="sources-empty">This answer cites no passages.</p>')
    cards = "".join(
        citation_card(c, titles.get(c.source, c.source), doc_texts.get(c.source))
        for c in answer.citations
    )
    return _panel(notice + cards)


def citation_card(citation: Citation, title: str, doc_text: str | None) -> str:
    c = citation
    return (
        f'<article class="source-card" id="source-{c.n}">'
        f'<header><span class="source-n">[{c.n}]</span> '
        f'<span class="source-title">{_esc(title)}</span></header>'
        f"{location_html(location_label(c.heading, c.page, title))}"
        f'<div class="source-meta"><span class="source-file">{_esc(c.source)}</span>'
        f" · chars {c.start}–{c.end} · score {c.score:.3f}</div>"
        f'<blockquote class="source-passage">'
        f"{highlighted_excerpt(doc_text, c.start, c.end, c.text)}</blockquote>"
        "</article>"
    )


def location_html(where: str) -> str:
    """The heading path and/or page, the way a reader finds the passage again in the document;
    nothing for a format that has neither (plain text)."""
    if not where:
        return ""
    return f'<div class="source-location" title="Where in the document">{_esc(where)}</div>'


def highlighted_excerpt(
    doc_text: str | None, start: int, end: int, passage: str, context: int = CONTEXT_CHARS
) -> str:
    """The passage in <mark> inside up to `context` characters of its document on each side."""
    span = _locate(doc_text, start, end, passage)
    if doc_text is None or span is None:
        # The document changed or vanished since the answer: show what was cited, on its own.
        return f"<mark>{_esc(passage)}</mark>"
    start, end = span
    before, cut_before = _clip_left(doc_text[max(0, start - context) : start], start > context)
    after, cut_after = _clip_right(doc_text[end : end + context], end + context < len(doc_text))
    return (
        ("…" if cut_before else "")
        + _esc(before)
        + f"<mark>{_esc(doc_text[start:end])}</mark>"
        + _esc(after)
        + ("…" if cut_after else "")
    )


def refusal_html(retrieved: list[ScoredChunk]) -> str:
    head = (
        f'<div class="refusal"><strong>{NOT_FOUND_TITLE}</strong>'
        "<p>None of the retrieved passages answers the question, so no answer was given.</p></div>"
    )
    if not retrieved:
        return head
    cards = "".join(
        closest_card(i, r) for i, r in enumerate(retrieved[:CLOSEST_SHOWN], start=1)
    )
    return head + '<p class="closest-intro">The closest passages were:</p>' + cards


def closest_card(rank: int, scored: ScoredChunk) -> str:
    """A retrieved passage shown after a refusal: no <mark>, because nothing in it is cited."""
    c = scored.chunk
    return (
        f'<article class="source-card not-supporting" id="closest-{rank}">'
        f'<header><span class="not-supporting-label">{NOT_SUPPORTING}</span></header>'
        f'<div class="source-meta"><span class="source-title">{_esc(c.title)}</span> · '
        f'<span class="source-file">{_esc(c.source)}</span>'
        f" · retrieval score {scored.score:.3f}</div>"
        f"{location_html(c.location)}"
        f'<blockquote class="source-passage">{_esc(_shorten(c.text, CLOSEST_CHARS))}</blockquote>'
        "</article>"
    )


def placeholder_panel(text: str = "Sources for the answer will appear here.") -> str:
    return _panel(f'<p class="sources-empty">{_esc(text)}</p>')


def status_html(message: str | None, kind: StatusKind = "info") -> str:
    """One line above or below the chat: an error, a notice, or how the answer was made."""
    if not message:
        return ""
    return f'<div class="status status-{kind}" role="status">{_esc(message)}</div>'


def _panel(inner: str) -> str:
    return f'<section class="sources-panel" aria-label="Sources">{inner}</section>'


# ---- helpers -------------------------------------------------------------------------------------
def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _locate(doc_text: str | None, start: int, end: int, passage: str) -> tuple[int, int] | None:
    """Offsets of the cited passage in the document, trusting start/end only if they agree."""
    if doc_text is None:
        return None
    if 0 <= start < end <= len(doc_text) and doc_text[start:end] == passage:
        return start, end
    found = doc_text.find(passage) if passage else -1
    return (found, found + len(passage)) if found >= 0 else None


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    clipped, _ = _clip_right(text[:limit], cut=True)
    return clipped + "…"


def _clip_left(text: str, cut: bool) -> tuple[str, bool]:
    """Drop the partial word a fixed-width window starts in."""
    if not cut:
        return text, False
    space = text.find(" ")
    return (text[space + 1 :] if 0 <= space < len(text) - 1 else text), True


def _clip_right(text: str, cut: bool) -> tuple[str, bool]:
    if not cut:
        return text, False
    space = text.rfind(" ")
    return (text[:space] if space > 0 else text), True


# ---- the Documents tab ---------------------------------------------------------------------------
_STATUS_WORDS = {
    "added": "added",
    "updated": "updated",
    "unchanged": "unchanged (already indexed)",
    "removed": "removed",
    "failed": "failed",
}


def upload_results_html(results: Iterable[FileResult], summary: str) -> str:
    """One row per uploaded file: what happened to it and, when it failed, why."""
    results = list(results)
    failed = sum(r.status == "failed" for r in results)
    kind: StatusKind = "info" if not failed else "error" if failed == len(results) else "notice"
    rows = "".join(
        f'<tr class="upload-{r.status}"><td>{_esc(_file_name(r.source))}</td>'
        f"<td>{_esc(_STATUS_WORDS.get(r.status, r.status))}</td>"
        f"<td>{r.chunks if r.chunks else ''}</td><td>{_esc(r.reason)}</td></tr>"
        for r in results
    )
    table = (
        '<table class="upload-results"><thead><tr><th>File</th><th>Result</th><th>Chunks</th>'
        f"<th>Reason</th></tr></thead><tbody>{rows}</tbody></table>"
        if rows
        else ""
    )
    return status_html(summary, kind) + table


def _file_name(source: str) -> str:
    # Files that failed before loading are reported by full (temporary) path; show the name.
    return source.replace("\\", "/").rsplit("/", 1)[-1]
