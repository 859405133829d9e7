"""The `rag` command: a thin layer over rag.Assistant. Heavy modules are imported per command."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rag.assistant import Assistant
    from rag.types import Answer, FileResult

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
KEPT_WARNING = 0.5  # warn when cleaning removed more than half of a file's text


EXIT_PIPE = 141  # what a shell reports for a writer whose reader went away (128 + SIGPIPE)
DEBUG_ENV = "RAG_DEBUG"  # set to 1 to see the traceback of an unexpected error


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_USAGE
    from rag.errors import RagError
    from rag.settings import SettingsError

    try:
        return int(args.handler(args))
    except (RagError, SettingsError) as err:
        _err(_one_line(str(err)))
        return EXIT_USAGE if isinstance(err, SettingsError) else EXIT_FAILED
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        # `rag ask … | head -1`: the reader has all it wanted. Quiet, and no second error when
        # Python flushes stdout at exit.
        _silence_stdout()
        return EXIT_PIPE
    except Exception as err:  # the promise is one line, never a traceback
        if os.environ.get(DEBUG_ENV):
            raise
        _err(_unexpected(err, args))
        return EXIT_FAILED


def _unexpected(err: Exception, args: argparse.Namespace) -> str:
    """One line for errors from below that no layer turned into a RagError."""
    host = getattr(args, "chroma_host", None)
    if _is_connection_error(err):
        port = getattr(args, "chroma_port", None) or 8000
        where = f"the Chroma server at {host}:{port}" if host else "a server"
        detail = _one_line(str(err)) or type(err).__name__
        return (f"lost the connection to {where} ({detail}): check it is running, then run the "
                "command again")
    if isinstance(err, MemoryError):
        return "out of memory: try a smaller file or fewer files at once"
    if isinstance(err, OSError) and err.filename:
        return f"{err.filename}: {err.strerror or err}"
    text = _one_line(str(err)) or "no details"
    return f"unexpected {type(err).__name__}: {text} (set {DEBUG_ENV}=1 to see where)"


def _is_connection_error(err: BaseException) -> bool:
    seen: BaseException | None = err
    while seen is not None:
        name = type(seen).__name__
        module = type(seen).__module__
        if isinstance(seen, ConnectionError) or module.startswith(("httpx", "httpcore")):
            return True
        if "Connect" in name:
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _one_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    line = lines[0] if lines else ""
    return line if len(line) <= 300 else line[:297] + "..."


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


# ---- parser ------------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="rag",
        description="Answer questions from your documents, with a checkable citation for every claim.",
        epilog="Settings come from defaults, then rag.toml, then RAG_* variables, then flags.",
    )
    sub = p.add_subparsers(title="commands", metavar="COMMAND")

    c = _command(sub, "ingest", "add or update documents (.txt .md .html .pdf .docx .pptx .epub .csv ...; folders recurse)", cmd_ingest)
    c.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    c.add_argument("--clean", choices=["auto", "web", "off"],
                   help="page-chrome removal: auto (default: only text that looks like a scraped "
                   "web page), web (always), off (keep everything)")
    c.add_argument("--prune", action="store_true",
                   help="also remove documents ingested from these paths whose files are gone")
    c.add_argument("--json", action="store_true", help="print the report as JSON")

    c = _command(sub, "ask", "answer one question, or every line of a JSONL file", cmd_ask)
    c.add_argument("question", nargs="?", help="the question (omit with --questions)")
    c.add_argument("--questions", type=Path, metavar="FILE.jsonl",
                   help='JSON lines with "question" and optional "id"; one answer line each')
    c.add_argument("--json", action="store_true", help="print Answer.to_dict() as JSON")
    c.add_argument("--stream", action="store_true", help="print the answer as it is generated")
    _answer_options(c)

    c = _command(sub, "chat", "a conversation in the terminal (follow-ups use the history)", cmd_chat)
    _answer_options(c)

    c = _command(sub, "sources", "list the indexed documents", cmd_sources)
    c.add_argument("--json", action="store_true")

    c = _command(sub, "remove", "remove a document by its source, file path or id (see `rag sources`)",
                 cmd_remove)
    c.add_argument("source", metavar="SOURCE|PATH|ID")

    c = _command(sub, "serve", "serve the chat page and the HTTP API (/v1, OpenAI-compatible)",
                 cmd_serve)
    c.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    c.add_argument("--port", type=int, default=7860, help="port (default 7860)")
    c.add_argument("--ingest", type=Path, nargs="*", metavar="PATH",
                   help="ingest these paths first if the store is empty")
    _answer_options(c)

    c = _command(sub, "eval", "run a benchmark file and write a report", cmd_eval)
    c.add_argument("questions", type=Path, metavar="QUESTIONS",
                   help="rag's JSONL, a RAGAS test set, a LabelledRagDataset JSON or a BEIR folder")
    c.add_argument("--format", choices=["auto", "rag", "beir", "ragas", "llamaindex"],
                   default="auto", help="the set's format (default: detected)")
    c.add_argument("--docs", type=Path, help="ingest this folder into a fresh store first")
    c.add_argument("--out", type=Path, default=Path("evals/out"), help="report folder")
    c.add_argument("--baseline", action="store_true", help="also run the naive llama-index baseline")
    c.add_argument("--limit", type=int, help="only the first N questions")
    c.add_argument("--min-accuracy", type=float, help="fail (exit 1) below this answer accuracy")
    c.add_argument("--min-abstention", type=float, help="fail below this abstention recall")
    c.add_argument("--max-wrong-refusals", type=float, help="fail above this wrong-refusal rate")
    c.add_argument("--min-evidence-hit", type=float, help="fail below this evidence hit@k")
    _answer_options(c)

    c = _command(sub, "bench", "measure speed: ingest, retrieval, answering, cold start", cmd_bench,
                 store_help="keep the bench stores in DIR (default: a temporary folder, deleted)")
    c.add_argument("--sizes", default="1000,10000", help="corpus sizes in chunks (comma-separated)")
    c.add_argument("--out", type=Path, default=Path("bench/out"), help="report folder")
    c.add_argument("--queries", type=int, default=200, help="queries per measurement")
    c.add_argument("--llm-model-path", type=Path, help="also time a GGUF model (TTFT, tokens/s)")
    return p


def _command(
    sub: Any,
    name: str,
    help_: str,
    handler: Callable[[argparse.Namespace], int],
    store_help: str = "index folder (default .rag, or RAG_STORE)",
) -> Any:
    c = sub.add_parser(name, help=help_, description=help_)
    c.add_argument("--store", type=Path, metavar="DIR", help=store_help)
    c.add_argument("--chroma-host", metavar="HOST", help="use a Chroma server instead of the folder")
    c.add_argument("--chroma-port", type=int, metavar="PORT")
    c.set_defaults(handler=handler)
    return c


def _answer_options(c: argparse.ArgumentParser) -> None:
    g = c.add_argument_group("answering")
    g.add_argument("--top-k", type=int, help="passages to retrieve (default 5)")
    g.add_argument("--llm", choices=["extractive", "llamacpp", "openai"],
                   help="answerer (default extractive: no LLM needed)")
    g.add_argument("--model", type=Path, metavar="GGUF", help="GGUF file for --llm llamacpp")
    g.add_argument("--llm-base-url", metavar="URL", help="OpenAI-compatible server, e.g. http://127.0.0.1:8080/v1")
    g.add_argument("--llm-model", metavar="NAME", help="model name on that server")
    g.add_argument("--llm-api-key", metavar="KEY", help="API key (or RAG_LLM_API_KEY)")


def _open(args: argparse.Namespace, store: Path | None = None, **extra: Any) -> Assistant:
    """The Assistant the flags describe; `store` and `extra` settings override them."""
    from rag.assistant import Assistant

    opts: dict[str, Any] = {
        "chroma_host": getattr(args, "chroma_host", None),
        "chroma_port": getattr(args, "chroma_port", None),
        "top_k": getattr(args, "top_k", None),
        "answerer": getattr(args, "llm", None),
        "llm_model_path": getattr(args, "model", None),
        "llm_base_url": getattr(args, "llm_base_url", None),
        "llm_model": getattr(args, "llm_model", None),
        "llm_api_key": getattr(args, "llm_api_key", None),
        "clean": getattr(args, "clean", None),
    }
    if opts["answerer"] is None and opts["llm_model_path"] is not None:
        opts["answerer"] = "llamacpp"
    opts.update(extra)
    return Assistant.open(store if store is not None else getattr(args, "store", None), **opts)


def _open_existing(args: argparse.Namespace) -> Assistant:
    """For commands that only read: a store that is not there is an error, never created."""
    assistant = _open(args)
    if not assistant.has_store():
        from rag.errors import EmptyStoreError

        store = assistant.settings.store
        if store.exists() and not store.is_dir():
            from rag.errors import StoreError

            raise StoreError(f"--store {store} is a file, not a folder: give the index folder")
        raise EmptyStoreError(
            f"there is no store at {store} yet: add documents with `rag ingest PATH --store {store}`"
            " (or check --store)"
        )
    return assistant


def _err(msg: str | BaseException) -> None:
    from rag.errors import one_line

    print(f"rag: {one_line(msg, limit=1000)}", file=sys.stderr)


# ---- commands ----------------------------------------------------------------------------------
def cmd_ingest(args: argparse.Namespace) -> int:
    from rag.progress import TqdmProgress

    assistant = _open(args)
    with TqdmProgress() as progress:
        report = assistant.ingest(args.paths, prune=args.prune, progress=progress)
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        for r in report.results:
            if r.status == "failed":
                _err(f"{r.source}: {r.reason}")
            elif r.status != "unchanged":
                print(f"{r.status:>9}  {r.source}" + (f"  ({r.chunks} chunks)" if r.chunks else ""))
                _warn_removals(r)
        print(f"{report.summary()}  [{report.timings_ms.get('total', 0) / 1000:.1f} s]")
    return EXIT_OK if report.ok else EXIT_FAILED


def _warn_removals(r: FileResult) -> None:
    if r.reason:
        _err(f"warning: {r.source}: {r.reason}")
    if r.kept_ratio is not None and r.kept_ratio < KEPT_WARNING:
        _err(
            f"warning: {r.source}: only {r.kept_ratio:.0%} of its text was kept after removing "
            "page chrome (use --clean off to keep everything)"
        )


def cmd_ask(args: argparse.Namespace) -> int:
    if args.questions and args.question:
        raise _usage("give either a QUESTION or --questions FILE, not both")
    if args.questions:
        return _ask_file(args)
    if args.question is None:
        raise _usage("no question given: rag ask \"your question\"")
    assistant = _open_existing(args)
    if args.stream and not args.json:
        answer = _stream_to_stdout(assistant, args.question, None)
    else:
        answer = assistant.ask(args.question)
        if args.json:
            print(json.dumps(answer.to_dict(), ensure_ascii=False))
        else:
            print(answer.text)
    if answer.notice:
        _err(answer.notice)
    if not args.json:
        print(format_sources(answer))
    return EXIT_OK


def _ask_file(args: argparse.Namespace) -> int:
    from rag.errors import RagError

    lines = _read_questions(args.questions)
    assistant = _open_existing(args)
    failures = 0
    for lineno, item in lines:
        if isinstance(item, str):
            out: dict[str, Any] = {"line": lineno, "error": item}
            failures += 1
        else:
            try:
                answer = assistant.ask(str(item["question"]))
                answer.id = None if item.get("id") is None else str(item["id"])
                out = answer.to_dict()
            except RagError as err:
                out = {"id": item.get("id"), "question": item.get("question"), "error": str(err)}
                failures += 1
        print(json.dumps(out, ensure_ascii=False), flush=True)
    return EXIT_OK if not failures else EXIT_FAILED


def _read_questions(path: Path) -> list[tuple[int, dict[str, Any] | str]]:
    from rag.errors import RagError

    try:
        raw = path.read_bytes().decode("utf-8").splitlines()
    except OSError as err:
        raise RagError(f"{path}: cannot read the questions file ({err.strerror})") from None
    except UnicodeDecodeError as err:
        raise RagError(
            f"{path}: the questions file is not UTF-8 text (byte {err.start}); save it as UTF-8"
        ) from None
    out: list[tuple[int, dict[str, Any] | str]] = []
    for i, line in enumerate(raw, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as err:
            out.append((i, f"{path}:{i}: not valid JSON ({err.msg})"))
            continue
        question = item.get("question") if isinstance(item, dict) else None
        if not isinstance(question, str) or not question.strip():
            out.append((i, f'{path}:{i}: needs a "question" field holding non-empty text'))
            continue
        out.append((i, item))
    return out


def _stream_to_stdout(assistant: Assistant, question: str, history: Any) -> Answer:
    from rag.types import Answer

    final: Answer | None = None
    for piece in assistant.stream(question, history=history):
        if isinstance(piece, Answer):
            final = piece
        else:
            print(piece, end="", flush=True)
    print()
    assert final is not None
    if final.answerer != "extractive" and (final.fallback or final.verification):
        # What streamed was the raw model output; show what survived verification.
        print(f"\nVerified answer: {final.text}")
    return final


def format_sources(answer: Answer) -> str:
    """The sources under a plain answer, each named the way a reader finds it again:
    `[1] install.md › Configuration › Defaults`, `[2] manual.pdf, page 3`, then the quote."""
    from rag.types import location_label

    if answer.abstained:
        lines = ["Closest passages (they do not answer the question):"]
        for r in answer.retrieved[:3]:
            where = _where(r.chunk.source, r.chunk.location, r.chunk.page)
            lines.append(f"  - {where}: {_clip(r.chunk.text, 160)}")
        return "\n".join(lines)
    # A citation is a span of a retrieved chunk, which knows its document's title.
    titles = {r.chunk.id: r.chunk.title for r in answer.retrieved}
    lines = ["Sources:"]
    for c in answer.citations:
        where = location_label(c.heading, c.page, titles.get(c.chunk_id, ""))
        # Character offsets are for programs (--json); a person gets the file and place.
        lines.append(f"  [{c.n}] {_where(c.source, where, c.page)}")
        lines.append(f"      \"{_clip(c.text, 200)}\"")
    return "\n".join(lines)


def _where(source: str, location: str, page: int | None) -> str:
    """`install.md › Configuration › Defaults`, `manual.pdf, page 3`, or just the file name."""
    from rag.types import HEADING_SEPARATOR

    if not location:
        return source
    # A heading path continues the file name as a path does; a lone page is an aside to it.
    alone = page is not None and location == f"page {page}"
    return f"{source}{', ' if alone else HEADING_SEPARATOR}{location}"


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def cmd_chat(args: argparse.Namespace) -> int:
    from rag.answering.base import Turn
    from rag.errors import RagError

    assistant = _open_existing(args)
    print("Ask about your documents. Empty line or Ctrl-D to quit.")
    history: list[Turn] = []
    while True:
        try:
            question = input("\n> ").strip()
        except EOFError:
            print()
            break
        if not question:
            break
        try:
            answer = _stream_to_stdout(assistant, question, history)
        except RagError as err:
            _err(str(err))
            continue
        if answer.notice:
            _err(answer.notice)
        print(format_sources(answer))
        history.append(Turn(question, answer.text))
    return EXIT_OK


def cmd_sources(args: argparse.Namespace) -> int:
    docs = _open_existing(args).sources()
    if args.json:
        print(json.dumps([d.__dict__ for d in docs], indent=2))
        return EXIT_OK
    if not docs:
        print("No documents yet: add some with `rag ingest PATH`.")
    for d in docs:
        print(f"{d.chunks:>5} chunks  {d.doc_id}  {d.source}  — {d.title}")
    return EXIT_OK


def cmd_remove(args: argparse.Namespace) -> int:
    removed = _open_existing(args).remove(args.source)
    if not removed:
        _err(f"{args.source}: no such document in the store (see `rag sources`)")
        return EXIT_FAILED
    for s in removed:
        print(f"removed  {s}")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from ui.server import serve

    assistant = _open(args).allow_create()  # the page can upload into a new store
    return serve(assistant, host=args.host, port=args.port, ingest_if_empty=args.ingest or [])


# ui, evals and bench are reached only through these entry points (ui.server.serve,
# evals.ecosystem_runner.run_from_cli with evals.runner.EvalOptions, bench.runner.run_from_cli):
# the import contract in pyproject.toml allows exactly these imports, and they take typed
# options and an Assistant factory.
def cmd_eval(args: argparse.Namespace) -> int:
    from evals.ecosystem_runner import run_from_cli
    from evals.runner import EvalOptions

    options = EvalOptions(
        questions=args.questions, out=args.out, docs=args.docs, baseline=args.baseline,
        limit=args.limit, store=args.store, chroma_host=args.chroma_host,
        min_accuracy=args.min_accuracy, min_abstention=args.min_abstention,
        max_wrong_refusals=args.max_wrong_refusals, min_evidence_hit=args.min_evidence_hit,
        format=args.format,
    )
    return run_from_cli(options, lambda store: _open(args, store))


def cmd_bench(args: argparse.Namespace) -> int:
    from bench.runner import BenchConfig, parse_sizes, run_from_cli

    try:
        sizes = parse_sizes(str(args.sizes))
    except ValueError as err:
        _err(str(err))
        return EXIT_USAGE
    if args.queries < 1:
        _err(f"--queries must be at least 1, got {args.queries}")
        return EXIT_USAGE
    if args.chroma_host:
        _err("note: rag bench measures local stores; --chroma-host is ignored")
    config = BenchConfig(sizes=sizes, out=args.out, queries=args.queries,
                         llm_model_path=args.llm_model_path, store_root=args.store)
    def factory(store: Path, /, **settings: Any) -> Assistant:
        # Bench stores are local folders of its own; the server flags do not apply to them.
        return _open(args, store, chroma_host=None, chroma_port=None, **settings)

    return run_from_cli(config, factory)


def _usage(msg: str) -> Exception:
    from rag.errors import RagError

    return RagError(msg)


if __name__ == "__main__":
    sys.exit(main())
