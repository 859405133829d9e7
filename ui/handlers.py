"""What each page event does, as calls on the Assistant; no Gradio here.

The page layer (ui.app) turns these results into component values. Keeping the logic free of
Gradio lets it be tested with a stub Assistant, and keeps retrieval and answering where they
belong: in the Assistant.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rag.answering.base import Turn
from rag.assistant import Assistant, EmptyStoreError, RagError
from rag.progress import Progress as ProgressFn
from rag.types import Answer, DocumentInfo, FileResult
from ui import cards
from ui.writes import document_lock, upload_summary

log = logging.getLogger("ui")

EXTRACTIVE = "extractive"
UPLOADS_FOLDER = "uploads"
UNEXPECTED = (
    "Something went wrong while {doing} (the details are in the server log). Please try again."
)



@dataclass(frozen=True)
class Exchange:
    """One finished question and answer of a session's conversation."""

    question: str
    answer: str  # plain text, with its [n] markers: what the next question's history is built from
    cited: tuple[int, ...]  # the [n] that have a source card
    sources: str  # the sources panel for this answer
    quoted: tuple[str, ...] = ()  # the cited passages' texts: their own markers are not links


@dataclass(frozen=True)
class AskView:
    """What the chat side of the page shows at one moment of an ask."""

    exchanges: list[Exchange]
    sources: str
    status: str
    pending: tuple[str, str] | None = None  # (question, partial answer) while one is underway
    done: bool = False  # the question was answered (so the input box can be cleared)


@dataclass
class UploadOutcome:
    results: list[FileResult] = field(default_factory=list)
    message: str = ""


def chat_messages(view: AskView) -> list[dict[str, str]]:
    """The conversation in Gradio's messages format (role/content dicts).

    Only the latest answer's [n] link to cards: the panel shows that answer's sources, and an
    older [1] pointing at a newer answer's first card would mislead.
    """
    messages: list[dict[str, str]] = []
    last = len(view.exchanges) - 1 if view.pending is None else -1
    for i, ex in enumerate(view.exchanges):
        shown = cards.answer_markdown(ex.answer, ex.cited if i == last else (), ex.quoted)
        messages.append({"role": "user", "content": cards.markdown_escape(ex.question)})
        messages.append({"role": "assistant", "content": shown})
    if view.pending is not None:
        question, partial = view.pending
        messages.append({"role": "user", "content": cards.markdown_escape(question)})
        messages.append({"role": "assistant", "content": partial})
    return messages


def failed_view(history: list[Exchange], message: str) -> AskView:
    """The conversation as it was before the failed question, with the reason in the status."""
    sources = history[-1].sources if history else cards.placeholder_panel()
    return AskView(history, sources, cards.status_html(message, "error"))


def friendly(err: RagError) -> str:
    """The Assistant's one-line message, as a sentence for the page."""
    text = str(err).strip() or "the request could not be completed"
    text = text[0].upper() + text[1:]
    if isinstance(err, EmptyStoreError):
        text += " — or upload files in the Documents tab."
    return text


class Handlers:
    """The page's actions over one shared Assistant."""

    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant
        # Uploads and removals change the store; they wait for each other but never for asks.
        self._docs_lock = document_lock(assistant)  # the HTTP API's uploads take it too

    # ---- settings ------------------------------------------------------------------------------
    @property
    def configured_answerer(self) -> str:
        return self.assistant.settings.answering.answerer

    def answerer_choices(self) -> list[str]:
        configured = self.configured_answerer
        return [EXTRACTIVE] if configured == EXTRACTIVE else [configured, EXTRACTIVE]

    def settings_summary(self) -> str:
        s = self.assistant.settings
        store = f"{s.chroma_host}:{s.chroma_port}/{s.collection}" if s.chroma_host else str(s.store)
        return (
            f"Store: {store} · Embedding model: {self._embedding_name()} · "
            f"Answerer: {s.answering.answerer}"
            + (" (falls back to extractive if the model fails)"
               if s.answering.answerer != EXTRACTIVE else "")
        )

    def _embedding_name(self) -> str:
        try:
            return self.assistant.embedder.name
        except Exception:  # the page must render even if the model folder is broken
            log.exception("could not read the embedding model name")
            return str(self.assistant.settings.embedding.model or "default")

    # ---- asking --------------------------------------------------------------------------------
    def ask(
        self,
        question: str | None,
        exchanges: Sequence[Exchange] | None,
        top_k: float | None = None,
        answerer: str | None = None,
    ) -> Iterator[AskView]:
        """Views from 'searching' through streamed text to the answer and its source cards."""
        history = list(exchanges or [])
        question = question or ""
        if question.strip():
            yield AskView(history, cards.placeholder_panel("Searching the documents…"), "",
                          pending=(question.strip(), "…"))
        try:
            answer = yield from self._answer(question, history, top_k, answerer)
        except RagError as err:
            yield failed_view(history, friendly(err))
            return
        except Exception:
            log.exception("answering %r failed", question)
            yield failed_view(history, UNEXPECTED.format(doing="answering"))
            return
        sources = self.sources_html(answer)
        cited = tuple(c.n for c in answer.citations)
        quoted = tuple(c.text for c in answer.citations)
        history.append(Exchange(answer.question, answer.text, cited, sources, quoted))
        yield AskView(history, sources, self._answer_status(answer), done=True)

    def _answer(
        self, question: str, history: list[Exchange], top_k: float | None, answerer: str | None
    ) -> Generator[AskView, None, Answer]:
        """Streamed views while an LLM writes; returns the final Answer (`yield from` gets it)."""
        assistant = self.assistant
        if answerer and answerer not in self.answerer_choices():
            raise RagError(f"unknown answerer '{answerer}' (choose one of {self.answerer_choices()})")
        turns = [Turn(ex.question, ex.answer) for ex in history]
        k = int(top_k) if top_k else None  # sliders send floats; None means the configured k
        if (answerer or self.configured_answerer) == EXTRACTIVE:
            return assistant.ask(question, turns, k, answerer=EXTRACTIVE)
        text = ""
        final: Answer | None = None
        for piece in assistant.stream(question, turns, k, answerer=answerer):
            if isinstance(piece, Answer):
                final = piece
            else:
                text += piece
                pending = (question.strip(), cards.streaming_markdown(text))
                yield AskView(history, cards.placeholder_panel("Writing the answer…"), "",
                              pending=pending)
        if final is None:
            raise RagError("the answerer stopped without an answer")
        return final

    def sources_html(self, answer: Answer) -> str:
        titles = {r.chunk.source: r.chunk.title for r in answer.retrieved}
        texts = {s: self._document_text(s) for s in {c.source for c in answer.citations}}
        return cards.sources_panel(answer, texts, titles)

    def _document_text(self, source: str) -> str | None:
        try:
            return self.assistant.document_text(source)
        except Exception:  # a card without context beats no answer at all
            log.exception("could not read the text of %s", source)
            return None

    @staticmethod
    def _answer_status(answer: Answer) -> str:
        if answer.notice:
            return cards.status_html(answer.notice, "notice")
        if answer.fallback:
            return cards.status_html("The language model failed; this is the extractive answer.",
                                     "notice")
        seconds = answer.timings_ms.get("total", 0.0) / 1000
        if answer.abstained:
            return cards.status_html(
                f"No answer: the documents do not cover this ({seconds:.1f} s).", "info")
        n = len(answer.citations)
        return cards.status_html(
            f"Answered by {answer.answerer} from {n} passage{'s' if n != 1 else ''} "
            f"in {seconds:.1f} s.", "info")

    # ---- documents -----------------------------------------------------------------------------
    @property
    def uploads_dir(self) -> Path:
        return Path(self.assistant.settings.store) / UPLOADS_FOLDER

    def documents(self) -> list[DocumentInfo]:
        return self.assistant.sources()

    def upload(
        self, files: Sequence[str] | None, progress: ProgressFn | None = None
    ) -> UploadOutcome:
        """Copy uploads under the store (their own names become the source names) and index them.
        A name an indexed document already has is kept apart, not overwritten: the upload gets a
        numbered name ("notes (2).md") and the status line says so."""
        paths = [Path(f) for f in files or [] if f]
        if not paths:
            raise RagError("choose one or more files to add first")
        with self._docs_lock:
            copies, failed, created, notes = self._keep_uploads(paths)
            report = self.assistant.ingest(copies, progress=progress) if copies else None
        results = failed + (report.results if report else [])
        self._drop_failed_copies(results, created)
        message = "; ".join([upload_summary(results), *notes])
        return UploadOutcome(results, message)

    def _keep_uploads(
        self, paths: list[Path]
    ) -> tuple[list[Path], list[FileResult], set[Path], list[str]]:
        """Gradio's temporary files vanish; a copy in STORE/uploads stays for re-ingesting."""
        self.uploads_dir.mkdir(parents=True, exist_ok=True)
        indexed = {d.source for d in self.assistant.sources()}
        copies: list[Path] = []
        failed: list[FileResult] = []
        created: set[Path] = set()
        notes: list[str] = []
        for src in paths:
            dst = self._place_for(src, indexed)
            if dst.name != src.name:
                notes.append(
                    f"a document named {src.name} is already indexed: kept both, this upload is "
                    f"{dst.name} (remove the one you do not want)"
                )
            existed = dst.exists()
            try:
                if not existed:
                    shutil.copyfile(src, dst)
            except OSError as err:
                reason = f"could not save the upload ({err.strerror or err})"
                failed.append(FileResult(src.name, "failed", reason=reason))
                continue
            copies.append(dst)
            indexed.add(dst.name)
            if not existed:
                created.add(dst)
        return copies, failed, created, notes

    def _place_for(self, src: Path, indexed: set[str]) -> Path:
        """Where an upload is kept: its own name, unless that name is taken by an indexed
        document or by a different earlier upload; then "name (2).ext", "name (3).ext", ...
        The very same bytes uploaded again go to the same place (and are found unchanged)."""
        name = Path(src.name)
        n = 1
        while True:
            candidate = name.name if n == 1 else f"{name.stem} ({n}){name.suffix}"
            dst = self.uploads_dir / candidate
            if dst.exists() and _same_bytes(src, dst):
                return dst
            if not dst.exists() and candidate not in indexed:
                return dst
            n += 1

    def _drop_failed_copies(self, results: list[FileResult], created: set[Path]) -> None:
        # A file that could not be indexed should not sit in the store looking as if it were.
        for r in results:
            copy = self.uploads_dir / Path(r.source).name
            if r.status == "failed" and copy in created:
                copy.unlink(missing_ok=True)

    def remove(self, source: str | None) -> str:
        """Remove the document chosen on the page (by its source or id); delete its file only
        if it is an upload this page stored, never a file ingested from elsewhere."""
        if not source:
            raise RagError("choose a document to remove first")
        uploads = self.uploads_dir.resolve()
        with self._docs_lock:
            removed = self.assistant.remove_documents(source)
            for doc in removed:
                path = Path(doc.path) if doc.path else None
                if path is not None and path.parent == uploads:
                    path.unlink(missing_ok=True)
        if not removed:
            raise RagError(f"{source}: no such document in the store")
        return "Removed " + ", ".join(d.source for d in removed) + "."


def _same_bytes(a: Path, b: Path) -> bool:
    try:
        if a.stat().st_size != b.stat().st_size:
            return False
        return a.read_bytes() == b.read_bytes()
    except OSError:
        return False
