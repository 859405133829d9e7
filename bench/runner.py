"""`rag bench`: ingest, retrieval, answering and start-up speed at several corpus sizes.

Speed is reported, never asserted: the numbers depend on the machine and on what else runs on
it (bench.json records the load average before and after).

A layer over the Python API: `run(BenchConfig, factory)` takes typed options and a factory of
Assistants (the CLI passes one that applies its flags). Costs inside an ingest are read from the
Timing events components emit (Embedder.timings; a store's `timings` when it has them), never by
replacing methods on the shared objects. The corpus comes from the package's own data
(bench/data: the seed texts and questions) or an explicit folder, so it runs from a wheel.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib.util
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from bench import corpus, measure
from bench.report import write_reports
from rag.progress import Observers, StepTotals

if TYPE_CHECKING:
    from rag.assistant import Assistant

LogFn = Callable[[str], None]


class AssistantFactory(Protocol):
    """factory(store, **settings): a local Assistant over `store` with these settings added."""

    def __call__(self, store: Path, /, **settings: Any) -> Assistant: ...

COLD_START_QUESTION = "How many battalion tactical groups were positioned around Kyiv?"
TARGETS = {
    "ingest_chunks_per_s_min": 15.0,
    "hybrid_p50_ms_max": 15.0,
    "hybrid_p95_ms_max": 30.0,
    "cold_start_s_max": 6.0,
}


@dataclass
class BenchConfig:
    sizes: list[int]
    out: Path
    queries: int = 200
    llm_model_path: Path | None = None
    store_root: Path | None = None  # keep the stores here; default: a temporary folder
    ingest_chunks_max: int = 1000  # real chunks through Assistant.ingest; the rest synthetic
    chunk_tokens: int = 240  # + title + [CLS]/[SEP]: about 250 of MiniLM's 256 word pieces
    cold_start_runs: int = 3
    compare_backends: bool = True
    backend_sample: int = 64
    pool_sentences: int = 3000
    answer_queries: int = 50
    ask_queries: int = 30
    chunks_per_doc: int = 50
    seed: int = 0
    plot: bool = True
    extra_settings: dict[str, Any] = field(default_factory=dict)
    # Seed texts (*.txt) to build the corpus from; None: the copy shipped in bench/data.
    corpus_dir: Path | None = None


@dataclass
class IngestMeasure:
    """Real documents through Assistant.ingest; embed/store split from Timing events."""

    chunks: int
    files: int
    failed_files: list[str]
    mean_word_pieces: float
    share_truncated: float
    seconds: float
    chunks_per_s: float
    embed_s: float
    embed_chunks_per_s: float
    store_s: float | None  # None: the store emits no Timing events (its time is in other_s)
    store_chunks_per_s: float | None
    other_s: float
    startup_s: float
    engine: str
    batch_size: int
    threads: int
    peak_rss_mb: float
    load_avg: list[float]


@dataclass
class SizeMeasure:
    """Everything measured at one corpus size; latency summaries are measure.summary_ms dicts."""

    requested: int
    chunks: int
    real_chunks: int
    lexical_refresh_s: float
    retrieval: dict[str, dict[str, float]]
    answer: dict[str, Any]
    ask: dict[str, float]
    asked: int
    seed_source_hit_at_k: float | None
    seed_questions: int
    store_mb: float
    rss_mb: float
    peak_rss_mb: float
    cold_start: dict[str, Any]
    load_avg: list[float]
    synthetic_added: int = 0
    fill_s: float | None = None
    fill_add_vectors_per_s: float | None = None
    fill_commit_s: float | None = None


@dataclass
class BenchResult:
    """What `rag bench` measured; `to_dict()` is bench.json."""

    created: str
    machine: dict[str, Any]
    settings: dict[str, Any]
    targets: dict[str, float] = field(default_factory=lambda: dict(TARGETS))
    schema: int = 1
    ingest: IngestMeasure | None = None
    sizes: list[SizeMeasure] = field(default_factory=list)
    synthetic_pool: dict[str, Any] | None = None
    embedding_backends: dict[str, Any] | None = None
    llm: dict[str, Any] | None = None
    elapsed_s: float | None = None
    targets_met: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}


def parse_sizes(text: str) -> list[int]:
    """'1000,10_000' -> [1000, 10000]; ValueError (one line) for anything else."""
    try:
        sizes = sorted({int(s.replace("_", "")) for s in text.split(",") if s.strip()})
    except ValueError:
        sizes = []
    if not sizes or sizes[0] < 10:
        raise ValueError(f"--sizes {text!r}: give chunk counts of at least 10, e.g. 1000,10000")
    return sizes


def run_from_cli(config: BenchConfig, factory: AssistantFactory) -> int:
    """The entry point `rag bench` calls: run, log a summary, return the exit code."""
    result = run(config, factory)
    _log(f"wrote {config.out / 'bench.json'}, bench.md and latency.png")
    for s in result.sizes:
        h = s.retrieval["hybrid"]
        _log(
            f"{s.chunks:>8} chunks: hybrid p50 {h['p50']:.1f} ms, p95 {h['p95']:.1f} ms; "
            f"ask p50 {s.ask['p50']:.0f} ms; cold start {s.cold_start.get('median_s', 0):.2f} s"
        )
    if result.ingest is not None:
        ing = result.ingest
        _log(f"ingest: {ing.chunks_per_s:.1f} chunks/s end to end ({ing.chunks} chunks)")
    return 0


def _log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _default_open(store: Path, /, **settings: Any) -> Assistant:
    from rag.assistant import Assistant

    return Assistant.open(store, **settings)


def run(
    config: BenchConfig, open_assistant: AssistantFactory | None = None, log: LogFn = _log
) -> BenchResult:
    """Run every measurement; write OUT/bench.json, bench.md, latency.png; return the result."""
    open_assistant = open_assistant or _default_open
    config.out.mkdir(parents=True, exist_ok=True)
    temp: tempfile.TemporaryDirectory[str] | None = None
    if config.store_root is None:
        temp = tempfile.TemporaryDirectory(prefix="rag-bench-")
        root = Path(temp.name)
    else:
        root = Path(config.store_root)
        root.mkdir(parents=True, exist_ok=True)
    try:
        return _run(config, open_assistant, root, log)
    finally:
        if temp is not None:
            temp.cleanup()


def _run(
    config: BenchConfig, open_assistant: AssistantFactory, root: Path, log: LogFn
) -> BenchResult:
    started = time.time()
    store_dir = root / "store"
    if store_dir.exists():
        measure.remove_tree(store_dir)
    assistant = open_assistant(store_dir, chunk_tokens=config.chunk_tokens, **config.extra_settings)
    s = assistant.settings
    emb = assistant.embedder
    settings: dict[str, Any] = {
        "chunk_tokens": s.ingest.chunk_tokens,
        "chunk_overlap": s.ingest.chunk_overlap,
        "embed_batch_size": s.embedding.batch_size,
        "embed_backend": s.embedding.backend,
        "threads": s.threads,
        "candidates": s.retrieval.candidates,
        "top_k": s.retrieval.top_k,
        "fusion": s.retrieval.fusion,
        "queries": config.queries,
        "sizes": config.sizes,
    }
    result = BenchResult(
        created=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        machine=_machine(),
        settings=settings,
    )
    maker = corpus.TextMaker(corpus.seed_sentences(config.corpus_dir),
                             corpus.word_list(emb.model_path), seed=config.seed)

    # ---- 1. ingest: real documents, end to end ---------------------------------------------
    real_target = min(config.ingest_chunks_max, config.sizes[0])
    log(f"ingest: writing documents for about {real_target} chunks")
    ingest, question_texts = _measure_ingest(assistant, root / "docs", real_target, maker,
                                             config.corpus_dir)
    result.ingest = ingest
    settings["embedding_engine"] = emb.engine
    log(f"ingest: {ingest.chunks} chunks, {ingest.chunks_per_s:.1f} chunks/s end to end "
        f"(embed {ingest.embed_chunks_per_s:.1f}/s)")

    # ---- 2. each corpus size ---------------------------------------------------------------
    real_questions = corpus.seed_questions()
    pool: corpus.SentencePool | None = None
    count = assistant.store.count()
    next_doc = 0
    for size in config.sizes:
        fill: dict[str, Any] = {}
        if size > count:
            if pool is None:
                pool_n = min(config.pool_sentences, max(100, 2 * (config.sizes[-1] - count)))
                log(f"embedding a pool of {pool_n} sentences for synthetic chunks")
                t = time.perf_counter()
                pool = corpus.SentencePool.build(maker, pool_n, emb.count_tokens, emb.embed)
                result.synthetic_pool = {
                    "sentences": pool_n,
                    "embed_s": round(time.perf_counter() - t, 2),
                    "mean_word_pieces": round(float(pool.tokens.mean()), 1),
                }
            log(f"filling the store to {size} chunks")
            fill = _fill(assistant, pool, maker, size - count, next_doc, config, store_dir,
                         question_texts)
            next_doc = fill.pop("next_doc")
        t = time.perf_counter()
        assistant.retriever.refresh(force=True)
        refresh_s = round(time.perf_counter() - t, 3)
        count = assistant.store.count()
        log(f"{count} chunks: measuring retrieval and answering")
        queries = _measure_queries(assistant, real_questions, question_texts, config)
        store_mb, rss, peak = measure.disk_mb(store_dir), measure.rss_mb(), measure.peak_rss_mb()
        cold: dict[str, Any] = {}
        if config.cold_start_runs > 0:
            log(f"{count} chunks: cold start of `rag ask` x{config.cold_start_runs}")
            cold = measure.cold_start(store_dir, COLD_START_QUESTION, config.cold_start_runs)
        result.sizes.append(SizeMeasure(
            requested=size, chunks=count, real_chunks=ingest.chunks, lexical_refresh_s=refresh_s,
            store_mb=store_mb, rss_mb=rss, peak_rss_mb=peak, cold_start=cold,
            load_avg=measure.load_average(), **queries, **fill,
        ))
        # partial results survive a crash
        write_reports(result.to_dict(), config.out, plot=False)

    # ---- 3. embedding engines, LLM ---------------------------------------------------------
    if config.compare_backends:
        log("comparing embedding engines")
        result.embedding_backends = _compare_backends(assistant, config, real_questions)
    if config.llm_model_path:
        log(f"timing {config.llm_model_path.name} with llama.cpp")
        result.llm = _measure_llm(assistant, config, real_questions)
    result.machine["load_avg_end"] = measure.load_average()
    result.elapsed_s = round(time.time() - started, 1)
    result.targets_met = _targets_met(result)
    write_reports(result.to_dict(), config.out, plot=config.plot)
    return result


def _machine() -> dict[str, Any]:
    import os

    versions: dict[str, str] = {}
    for mod in ("chromadb", "onnxruntime", "bm25s", "numpy", "tokenizers"):
        with contextlib.suppress(Exception):
            versions[mod] = str(__import__(mod).__version__)
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "versions": versions,
        "load_avg_start": measure.load_average(),
    }


# ---- ingest ------------------------------------------------------------------------------------
def _measure_ingest(assistant: Assistant, folder: Path, target: int, maker: corpus.TextMaker,
                    seeds_dir: Path | None = None) -> tuple[IngestMeasure, list[str]]:
    from index.chunking import embedding_text

    s = assistant.settings.ingest
    emb = assistant.embedder
    files = corpus.write_documents(folder, target, s.chunk_tokens, s.chunk_overlap,
                                   emb.count_tokens, maker, seeds_dir=seeds_dir)
    # One-time costs (chunker import, model load), reported apart from the throughput.
    t = time.perf_counter()
    _ = assistant.ingestor
    emb.warm_up()
    startup_s = time.perf_counter() - t

    store = assistant.store
    embed, add = StepTotals(), StepTotals()
    # A store that reports its writes (Timing "add") is measured too; otherwise store time is
    # part of "other" and the synthetic fill below measures raw write speed.
    store_events: Observers | None = getattr(store, "timings", None)
    stops = [emb.timings.watch(embed)]
    if isinstance(store_events, Observers):
        stops.append(store_events.watch(lambda e: add(e) if e.step == "add" else None))
    try:
        t = time.perf_counter()
        report = assistant.ingest([folder])
        wall = time.perf_counter() - t
    finally:
        for stop in stops:
            stop()
    failed = [r.source for r in report.results if r.status == "failed"]
    chunks = list(store.committed_chunks())
    n = len(chunks)
    pieces = [min(emb.count_tokens(embedding_text(c)) + 2, emb.max_tokens) for c in chunks]
    return IngestMeasure(
        chunks=n,
        files=files["files"],
        failed_files=failed,
        mean_word_pieces=round(float(np.mean(pieces)), 1) if pieces else 0.0,
        share_truncated=round(float(np.mean([p >= emb.max_tokens for p in pieces])), 3)
        if pieces else 0.0,
        seconds=round(wall, 3),
        chunks_per_s=round(n / wall, 2) if wall else 0.0,
        embed_s=round(embed.seconds, 3),
        embed_chunks_per_s=round(embed.per_second(), 2),
        store_s=round(add.seconds, 3) if add.calls else None,
        store_chunks_per_s=round(add.per_second(), 1) if add.calls else None,
        other_s=round(wall - embed.seconds - add.seconds, 3),
        startup_s=round(startup_s, 3),
        engine=emb.engine,
        batch_size=emb.batch_size,
        threads=emb.threads,
        peak_rss_mb=measure.peak_rss_mb(),
        load_avg=measure.load_average(),
    ), [c.text for c in chunks]


# ---- synthetic fill ----------------------------------------------------------------------------
def _fill(assistant: Assistant, pool: corpus.SentencePool, maker: corpus.TextMaker, n: int,
          first_doc: int, config: BenchConfig, store_dir: Path,
          sample_texts: list[str]) -> dict[str, Any]:
    from index.store import DocRecord

    store = assistant.store
    add_s = commit_s = 0.0
    made = 0
    docs = first_doc
    pending: list[tuple[str, str, str, list[Any], np.ndarray]] = []

    def flush() -> None:
        nonlocal add_s, commit_s
        if not pending:
            return
        chunks = [c for p in pending for c in p[3]]
        vectors = np.vstack([p[4] for p in pending])
        t = time.perf_counter()
        store.add_chunks(chunks, vectors)
        add_s += time.perf_counter() - t
        t = time.perf_counter()
        for key, title, text, cs, _v in pending:
            store.commit_document(
                DocRecord(key=key, source=cs[0].source, title=title, doc_hash=cs[0].doc_hash,
                          n_chunks=len(cs), chars=len(text)),
                text,
            )
        commit_s += time.perf_counter() - t
        pending.clear()

    t0 = time.perf_counter()
    for item in corpus.synthetic_documents(
        pool, maker, n, first_index=first_doc, chunk_tokens=config.chunk_tokens,
        chunks_per_doc=config.chunks_per_doc, key_prefix=str(store_dir),
    ):
        pending.append(item)
        sample_texts.append(item[3][0].text)  # material for questions
        made += len(item[3])
        docs += 1
        if sum(len(p[3]) for p in pending) >= 2000:
            flush()
    flush()
    store.bump_generation()
    total = time.perf_counter() - t0
    return {
        "synthetic_added": made,
        "fill_s": round(total, 2),
        "fill_add_vectors_per_s": round(made / add_s, 1) if add_s else 0.0,
        "fill_commit_s": round(commit_s, 2),
        "next_doc": docs,
    }


# ---- queries -----------------------------------------------------------------------------------
def _question_mix(real: list[corpus.Question], texts: list[str], n: int,
                  seed: int) -> list[corpus.Question]:
    """Half real benchmark questions, half made of words of stored chunks; n in all."""
    synthetic = corpus.synthetic_questions(texts, n, seed=seed)
    out: list[corpus.Question] = []
    i = j = 0
    while len(out) < n and (real or synthetic):
        if real and (len(out) % 2 == 0 or not synthetic):
            out.append(real[i % len(real)])
            i += 1
        elif synthetic:
            out.append(synthetic[j % len(synthetic)])
            j += 1
    return out


def _measure_queries(assistant: Assistant, real: list[corpus.Question], texts: list[str],
                     config: BenchConfig) -> dict[str, Any]:
    r = assistant.retriever
    store = assistant.store
    emb = assistant.embedder
    k = assistant.settings.retrieval.top_k
    cand = assistant.settings.retrieval.candidates
    questions = _question_mix(real, texts, config.queries, config.seed + 7)
    for q in questions[:10]:  # warm: model, caches, HNSW pages
        r.retrieve(q.text, k)
    t_embed: list[float] = []
    t_chroma: list[float] = []
    t_dense: list[float] = []
    t_bm25: list[float] = []
    t_hybrid: list[float] = []
    hits = total = 0
    pc = time.perf_counter
    # Interleaved, so a burst of load from elsewhere hits every kind of query alike.
    for q in questions:
        t = pc()
        vec = emb.embed_one(q.text)
        t_embed.append(pc() - t)
        t = pc()
        store.query(vec, cand + 8)
        t_chroma.append(pc() - t)
        t = pc()
        r.dense(q.text, cand)
        t_dense.append(pc() - t)
        t = pc()
        r.lexical(q.text, cand)
        t_bm25.append(pc() - t)
        t = pc()
        got = r.retrieve(q.text, k)
        t_hybrid.append(pc() - t)
        if q.sources:
            total += 1
            hits += any(sc.chunk.source in q.sources for sc in got)
    retrieval = {
        "query_embedding": measure.summary_ms(t_embed),
        "chroma_query": measure.summary_ms(t_chroma),
        "dense": measure.summary_ms(t_dense),
        "bm25": measure.summary_ms(t_bm25),
        "hybrid": measure.summary_ms(t_hybrid),
    }
    # Answering, read from the timings every Answer carries. Each question is asked once, so
    # the answerer's caches of sentences it has seen help no more than they would in use.
    asked = _distinct(questions)[: config.answer_queries + config.ask_queries]
    t_answer: list[float] = []
    t_ask: list[float] = []
    abstained = 0
    for q in asked:
        t = pc()
        answer = assistant.ask(q.text)
        t_ask.append(pc() - t)
        t_answer.append(answer.timings_ms.get("answer", 0.0) / 1000)
        abstained += bool(answer.abstained)
    return {
        "retrieval": retrieval,
        "answer": {**measure.summary_ms(t_answer), "answerer": assistant.answerer.name,
                   "abstained": abstained},
        "asked": len(asked),
        "ask": measure.summary_ms(t_ask),
        "seed_source_hit_at_k": round(hits / total, 3) if total else None,
        "seed_questions": total,
    }


def _distinct(questions: list[corpus.Question]) -> list[corpus.Question]:
    out: dict[str, corpus.Question] = {}
    for q in questions:
        out.setdefault(q.text, q)
    return list(out.values())


# ---- embedding engines -------------------------------------------------------------------------
def _compare_backends(assistant: Assistant, config: BenchConfig,
                      real: list[corpus.Question]) -> dict[str, Any]:
    """Embedding throughput of onnxruntime (the export) and sentence-transformers on torch, on
    the same real chunks, interleaved; plus int8 when the `onnx` package is there to quantize."""
    from index.chunking import embedding_text
    from index.embedding import Embedder

    emb = assistant.embedder
    chunks = [c for c in assistant.store.committed_chunks() if not c.source.startswith("synthetic/")]
    step = max(1, len(chunks) // max(1, config.backend_sample))  # spread over all documents
    sample = [embedding_text(c) for c in chunks[::step][: config.backend_sample]]
    if not sample:
        return {"skipped": "no real chunks"}
    bs, th = emb.batch_size, emb.threads
    engines: dict[str, Any] = {
        "onnxruntime": Embedder(emb.model_path, backend="onnx", batch_size=bs, threads=th)
    }
    t = time.perf_counter()
    engines["torch"] = Embedder(emb.model_path, backend="sentence-transformers", batch_size=bs,
                                threads=th)
    engines["torch"].warm_up()
    torch_load_s = time.perf_counter() - t
    out: dict[str, Any] = {
        "sample_chunks": len(sample),
        "torch_import_and_load_s": round(torch_load_s, 2),
    }
    int8_path = _int8_model(emb)
    if isinstance(int8_path, Path):
        from index.embedding import _OrtEngine

        engines["onnxruntime-int8"] = _OrtEngine(int8_path, emb.model_path, emb.threads,
                                                 emb.max_tokens)
    else:
        out["int8"] = int8_path

    def run_engine(name: str, texts: list[str]) -> np.ndarray:
        e = engines[name]
        if isinstance(e, Embedder):
            return e.embed(texts)
        vecs = [e.encode(texts[i : i + emb.batch_size]) for i in range(0, len(texts), emb.batch_size)]
        return np.vstack(vecs)

    vectors: dict[str, np.ndarray] = {}
    speed: dict[str, list[float]] = {name: [] for name in engines}
    for name in engines:
        run_engine(name, sample[:4])
    for _round in range(2):
        for name in engines:
            t = time.perf_counter()
            vectors[name] = run_engine(name, sample)
            speed[name].append(len(sample) / (time.perf_counter() - t))
    ref = vectors["torch"]
    per: dict[str, Any] = {}
    for name in engines:
        cos = (vectors[name] * ref).sum(axis=1)
        per[name] = {
            "chunks_per_s": round(statistics.median(speed[name]), 2),
            "rounds": [round(x, 2) for x in speed[name]],
            "min_cosine_vs_torch": round(float(cos.min()), 6),
            "mean_cosine_vs_torch": round(float(cos.mean()), 6),
        }
    out["engines"] = per
    if "onnxruntime-int8" in engines:
        out["int8_retrieval"] = _int8_retrieval(assistant, chunks, real,
                                                lambda t: run_engine("onnxruntime-int8", t))
    out["load_avg"] = measure.load_average()
    return out


def _int8_model(emb: Any) -> Path | str:
    """A dynamically quantized (int8, per channel) copy of the export, or why there is none."""
    if importlib.util.find_spec("onnx") is None:
        return "skipped: onnxruntime.quantization needs the `onnx` package, which is not installed"
    src = emb.onnx_path
    dst = src.with_name("model-int8.onnx")
    if not dst.is_file():
        from onnxruntime.quantization import QuantType, quantize_dynamic

        quantize_dynamic(str(src), str(dst), weight_type=QuantType.QInt8, per_channel=True)
    return dst


def _int8_retrieval(assistant: Assistant, chunks: list[Any], real: list[corpus.Question],
                    embed_int8: Callable[[list[str]], np.ndarray]) -> dict[str, Any]:
    """Dense-only retrieval over the real chunks with fp32 and int8 vectors (exact search)."""
    from index.chunking import embedding_text

    texts = [embedding_text(c) for c in chunks]
    fp32 = assistant.embedder.embed(texts)
    int8 = embed_int8(texts)
    qs = [q for q in real if q.sources]
    k = assistant.settings.retrieval.top_k
    res: dict[str, Any] = {"chunks": len(chunks), "questions": len(qs), "k": k}
    tops: dict[str, list[list[int]]] = {}
    for name, mat, fn in (("fp32", fp32, assistant.embedder.embed), ("int8", int8, embed_int8)):
        qv = fn([q.text for q in qs])
        order = np.argsort(-(qv @ mat.T), axis=1)[:, :k]
        tops[name] = order.tolist()
        hit = [any(chunks[i].source in q.sources for i in row) for q, row in zip(qs, order, strict=True)]
        res[f"{name}_source_hit_at_k"] = round(float(np.mean(hit)), 3) if hit else None
    overlap = [len(set(a) & set(b)) / k for a, b in zip(tops["fp32"], tops["int8"], strict=True)]
    res["top_k_overlap"] = round(float(np.mean(overlap)), 3) if overlap else None
    return res


# ---- LLM ---------------------------------------------------------------------------------------
def _measure_llm(assistant: Assistant, config: BenchConfig,
                 real: list[corpus.Question]) -> dict[str, Any]:
    assert config.llm_model_path is not None
    if importlib.util.find_spec("llama_cpp") is None:
        return {"skipped": "llama-cpp-python is not installed (pip install -e '.[llamacpp]')"}
    prompts = []
    for q in [q for q in real if q.sources][:3]:
        passages = assistant.retrieve(q.text, 3)
        ctx = "\n\n".join(f"[{i}] {p.chunk.text}" for i, p in enumerate(passages, start=1))
        prompts.append("Answer the question using only the passages below.\n\n"
                       f"{ctx}\n\nQuestion: {q.text}\nAnswer:")
    return measure.llm_speed(Path(config.llm_model_path), prompts,
                             threads=assistant.settings.threads)


def _targets_met(result: BenchResult) -> dict[str, Any]:
    largest = result.sizes[-1] if result.sizes else None
    hybrid = largest.retrieval.get("hybrid", {}) if largest else {}
    cold = [s.cold_start["median_s"] for s in result.sizes if s.cold_start.get("median_s")]
    ingest = result.ingest
    return {
        "at_chunks": largest.chunks if largest else None,
        "ingest": ingest is not None
        and ingest.chunks_per_s >= TARGETS["ingest_chunks_per_s_min"],
        "hybrid_p50": bool(hybrid) and hybrid["p50"] <= TARGETS["hybrid_p50_ms_max"],
        "hybrid_p95": bool(hybrid) and hybrid["p95"] <= TARGETS["hybrid_p95_ms_max"],
        "cold_start": bool(cold) and max(cold) <= TARGETS["cold_start_s_max"],
    }


def config_dict(config: BenchConfig) -> dict[str, Any]:
    d = asdict(config)
    return {k: (str(v) if isinstance(v, Path) else v) for k, v in d.items()}
