"""The chat page: a Gradio Blocks app over one Assistant.

Layout and wiring only; what each event does lives in ui.handlers, and the HTML in ui.cards.
The page's API endpoints are named after the functions below (/ask, /upload_documents, ...).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

# ui/__init__.py, which always runs before this module, has turned Gradio's analytics off.
import gradio as gr

from index.loaders import SUPPORTED_SUFFIXES
from rag.assistant import RagError
from ui import cards
from ui.handlers import (
    UNEXPECTED,
    AskView,
    Exchange,
    Handlers,
    chat_messages,
    failed_view,
    friendly,
)

if TYPE_CHECKING:
    from rag.assistant import Assistant

log = logging.getLogger("ui")

# Two questions answered at once is what 2 CPU cores sustain; more would only slow each one.
ASK_CONCURRENCY = 2
# Beyond this many waiting events new ones are refused at once rather than left hanging.
QUEUE_SIZE = 32
# Light events (listing documents): several at once are harmless.
DEFAULT_CONCURRENCY = 4
# What the loaders read, in one place: the picker offers exactly the types ingest accepts.
FILE_TYPES = sorted(SUPPORTED_SUFFIXES)
DOC_HEADERS = ["Document", "Chunks", "Title"]

# System fonts only: the default theme fetches web fonts from Google, and the page must work
# (and render quickly) without network access.
_SANS = ["ui-sans-serif", "system-ui", "Segoe UI", "Helvetica", "Arial", "sans-serif"]
_MONO = ["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"]

CSS = """
#sources .sources-panel { display: flex; flex-direction: column; gap: 0.75rem; }
.source-card { border: 1px solid var(--border-color-primary); border-radius: 8px;
  padding: 0.6rem 0.8rem; background: var(--background-fill-secondary); scroll-margin-top: 1rem; }
.source-card:target { outline: 2px solid var(--color-accent); }
.source-card header { font-weight: 600; margin-bottom: 0.2rem; }
.source-n { color: var(--color-accent); margin-right: 0.25rem; }
.source-meta { font-size: 0.85em; color: var(--body-text-color-subdued); margin-bottom: 0.4rem; }
.source-file { font-family: var(--font-mono); }
.source-location { font-size: 0.9em; margin-bottom: 0.2rem; }
.source-location::before { content: "↳ "; color: var(--body-text-color-subdued); }
.source-passage { margin: 0; padding-left: 0.6rem;
  border-left: 3px solid var(--border-color-primary); font-size: 0.92em; line-height: 1.45;
  white-space: pre-wrap; }
.source-passage mark { background: #ffe58a; color: #111; padding: 0 2px; border-radius: 2px; }
.not-supporting { border-style: dashed; }
.not-supporting .source-passage { color: var(--body-text-color-subdued); }
.not-supporting-label { color: #b45309; font-weight: 600; }
.refusal { border-left: 4px solid #d97706; padding: 0.4rem 0.8rem; background: #fff7ed;
  color: #111; }
.refusal p { margin: 0.2rem 0 0; }
.sources-empty { color: var(--body-text-color-subdued); }
.status { padding: 0.35rem 0.7rem; border-radius: 6px; margin: 0.25rem 0; }
.status-error { background: #fee2e2; color: #7f1d1d; }
.status-notice { background: #fef3c7; color: #78350f; }
.status-info { color: var(--body-text-color-subdued); }
a.cite { text-decoration: none; font-weight: 600; font-size: 0.85em; vertical-align: super; }
.upload-results { border-collapse: collapse; width: 100%; margin-top: 0.4rem; }
.upload-results th, .upload-results td { text-align: left; padding: 0.25rem 0.5rem;
  border-bottom: 1px solid var(--border-color-primary); }
.upload-failed td { color: #b91c1c; }
"""


def build_app(assistant: Assistant) -> gr.Blocks:
    """The page, with its queue set: several people can ask while someone uploads."""
    h = Handlers(assistant)
    with gr.Blocks(title="rag — answers with sources", analytics_enabled=False) as demo:
        gr.Markdown(
            "## Ask your documents\n"
            "Every claim in an answer carries a [n] link to the passage it comes from; "
            "when the documents do not say, the answer says so."
        )
        with gr.Tabs():
            with gr.Tab("Chat", id="chat"):
                _chat_tab(h)
            with gr.Tab("Documents", id="documents") as docs_tab:
                table, choice = _documents_tab(h)

        def list_documents() -> tuple[dict[str, Any], Any]:
            return _documents_view(h)

        demo.load(list_documents, None, [table, choice], concurrency_id="listing")
        docs_tab.select(list_documents, None, [table, choice], concurrency_id="listing",
                        api_visibility="private")
    demo.queue(default_concurrency_limit=DEFAULT_CONCURRENCY, max_size=QUEUE_SIZE)
    return demo


# ---- the chat tab --------------------------------------------------------------------------------
def _chat_tab(h: Handlers) -> None:
    conversation = gr.State([])
    with gr.Row(equal_height=False):
        with gr.Column(scale=3, min_width=360):
            chat = gr.Chatbot(
                label="Conversation", elem_id="chat", height=480, buttons=[],
                latex_delimiters=[], layout="bubble",
                placeholder="Ask a question about the indexed documents.",
            )
            status = gr.HTML("", label="Status", elem_id="ask-status")
            with gr.Row():
                question = gr.Textbox(
                    label="Question", show_label=False, placeholder="Your question…",
                    elem_id="question", scale=5, lines=1, max_lines=4, autofocus=True,
                )
                ask_button = gr.Button("Ask", variant="primary", elem_id="ask-button", scale=1,
                                       min_width=80)
            with gr.Row():
                choices = h.answerer_choices()
                answerer = gr.Radio(
                    choices, value=choices[0], label="Answerer", interactive=len(choices) > 1,
                    elem_id="answerer",
                )
                top_k = gr.Slider(
                    1, max(20, h.assistant.settings.retrieval.top_k),
                    value=h.assistant.settings.retrieval.top_k,
                    step=1, label="Passages to retrieve (top k)", elem_id="top-k",
                )
            gr.Markdown(h.settings_summary(), elem_id="settings-summary")
            new_button = gr.Button("New conversation", size="sm", elem_id="new-conversation")
        with gr.Column(scale=2, min_width=320):
            gr.Markdown("### Sources")
            sources = gr.HTML(cards.placeholder_panel(), label="Sources", elem_id="sources")

    def ask(
        question: str, conversation: list[Exchange], top_k: float, answerer: str
    ) -> Iterator[tuple[Any, ...]]:
        for view in _safe_views(h.ask(question, conversation, top_k, answerer), conversation):
            yield (chat_messages(view), view.sources, view.status, view.exchanges,
                   "" if view.done else gr.skip())

    gr.on(
        [question.submit, ask_button.click], ask,
        [question, conversation, top_k, answerer], [chat, sources, status, conversation, question],
        concurrency_limit=ASK_CONCURRENCY, concurrency_id="ask", api_name="ask",
        show_progress="minimal",
    )

    def new_conversation() -> tuple[list[Any], str, str, list[Exchange]]:
        return [], cards.placeholder_panel(), "", []

    new_button.click(new_conversation, None, [chat, sources, status, conversation], queue=False)
    # The chat's own bin icon empties the display; the remembered conversation must go with it.
    chat.clear(new_conversation, None, [chat, sources, status, conversation], queue=False,
               api_visibility="private")


def _safe_views(views: Iterator[AskView], conversation: list[Exchange]) -> Iterator[AskView]:
    """Handlers catch what they expect; anything else still ends as a message, not a traceback."""
    try:
        yield from views
    except Exception:
        log.exception("the ask handler failed")
        yield failed_view(list(conversation), UNEXPECTED.format(doing="answering"))


# ---- the documents tab ---------------------------------------------------------------------------
def _types_list(suffixes: Sequence[str]) -> str:
    return ", ".join(suffixes[:-1]) + " or " + suffixes[-1] if len(suffixes) > 1 else "".join(suffixes)


def _documents_tab(h: Handlers) -> tuple[gr.Dataframe, gr.Dropdown]:
    gr.Markdown(
        f"Add {_types_list(FILE_TYPES)} files; they are kept under the store and indexed."
    )
    files = gr.File(label="Files to add", file_count="multiple", file_types=FILE_TYPES,
                    type="filepath", elem_id="upload")
    add_button = gr.Button("Add to the index", variant="primary", elem_id="add-button")
    upload_result = gr.HTML("", label="Upload result", elem_id="upload-result")
    table = gr.Dataframe(headers=DOC_HEADERS, value=[], interactive=False,
                         label="Indexed documents", elem_id="documents", wrap=True,
                         column_widths=["30%", "10%", "60%"])
    with gr.Row():
        choice = gr.Dropdown([], label="Document to remove", elem_id="remove-choice", scale=3)
        remove_button = gr.Button("Remove", variant="stop", elem_id="remove-button", scale=1)
    remove_result = gr.HTML("", label="Removal result", elem_id="remove-result")

    def upload_documents(
        files: list[str] | None, progress: gr.Progress = gr.Progress()  # noqa: B008
    ) -> tuple[Any, ...]:
        return _upload(h, files, progress)

    def remove_document(source: str | None) -> tuple[Any, ...]:
        return _remove(h, source)

    # Uploads and removals share one slot: they queue behind each other, never behind asks.
    add_button.click(upload_documents, [files], [upload_result, table, choice, files],
                     concurrency_id="documents", concurrency_limit=1)
    remove_button.click(remove_document, [choice], [remove_result, table, choice],
                        concurrency_id="documents", concurrency_limit=1)
    return table, choice


def _upload(h: Handlers, files: list[str] | None, progress: gr.Progress) -> tuple[Any, ...]:
    def report(stage: str, done: int, total: int) -> None:
        progress((done, total), desc=stage.capitalize(), unit="chunks" if stage == "embedding"
                 else "files")

    try:
        outcome = h.upload(files, progress=report)
        result = cards.upload_results_html(outcome.results, outcome.message)
    except RagError as err:
        result = cards.status_html(friendly(err), "error")
    except Exception:
        log.exception("upload failed")
        result = cards.status_html(UNEXPECTED.format(doing="adding the files"), "error")
    return (result, *_documents_view(h), None)


def _remove(h: Handlers, source: str | None) -> tuple[Any, ...]:
    try:
        result = cards.status_html(h.remove(source), "info")
    except RagError as err:
        result = cards.status_html(friendly(err), "error")
    except Exception:
        log.exception("removing %r failed", source)
        result = cards.status_html(UNEXPECTED.format(doing="removing the document"), "error")
    return (result, *_documents_view(h))


def _documents_view(h: Handlers) -> tuple[dict[str, Any], Any]:
    """The documents table and the removal choices, from the store as it is now."""
    try:
        docs = h.documents()
    except Exception:
        log.exception("listing the documents failed")
        docs = []
    rows = [[d.source, d.chunks, d.title] for d in docs]
    return {"headers": DOC_HEADERS, "data": rows}, gr.Dropdown(
        choices=[d.source for d in docs], value=None
    )


# ---- running -------------------------------------------------------------------------------------
def page_theme() -> gr.themes.Base:
    """The page's look; ui.server passes it when it mounts the page next to the HTTP API."""
    return gr.themes.Default(font=_SANS, font_mono=_MONO)


def launch(
    demo: gr.Blocks,
    host: str = "127.0.0.1",
    port: int = 7860,
    *,
    block: bool = True,
    max_file_bytes: int | None = None,
) -> None:
    """Start the server; with block=False return once it is up (tests)."""
    demo.launch(
        server_name=host,
        server_port=port,
        prevent_thread_lock=not block,
        share=False,
        inbrowser=False,
        show_error=False,  # unexpected errors are logged and shown as one short line instead
        ssr_mode=False,  # server-side rendering would need a Node server next to Python
        quiet=not block,
        theme=page_theme(),
        css=CSS,
        # Refuse oversized uploads at the door instead of after copying them into the store.
        max_file_size=max_file_bytes,
    )


def _ingest_if_empty(assistant: Assistant, paths: Sequence[str | Path]) -> None:
    if not paths or assistant.sources():
        return
    print(f"The store is empty: indexing {', '.join(str(p) for p in paths)}…", flush=True)
    report = assistant.ingest(list(paths), progress=_PrintedProgress())
    for r in report.failed:
        print(f"  failed  {r.source}: {r.reason}", file=sys.stderr)
    print(f"Indexed: {report.summary()}", flush=True)


class _PrintedProgress:
    """Ingest progress as a few plain lines (a start-up log, not a terminal bar)."""

    def __init__(self) -> None:
        self._last: tuple[str, int] = ("", -1)

    def __call__(self, stage: str, done: int, total: int) -> None:
        tenth = 10 * done // total if total else 10
        if (stage, tenth) != self._last:
            self._last = (stage, tenth)
            print(f"  {stage}: {done}/{total}", flush=True)
