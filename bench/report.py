"""bench.json, bench.md (tables) and latency.png (latency against corpus size)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def write_reports(result: dict[str, Any], out: Path, *, plot: bool = True) -> None:
    out.mkdir(parents=True, exist_ok=True)
    tmp = out / "bench.json.tmp"
    tmp.write_text(json.dumps(result, indent=2, default=str))
    tmp.replace(out / "bench.json")
    (out / "bench.md").write_text(markdown(result))
    if plot and result.get("sizes"):
        plot_latency(result, out / "latency.png")


def _f(x: Any, digits: int = 1) -> str:
    if x is None:
        return "–"
    if isinstance(x, bool):
        return "yes" if x else "no"
    if isinstance(x, (int, float)):
        return f"{x:,.{digits}f}"
    return str(x)


def markdown(r: dict[str, Any]) -> str:
    m = r.get("machine", {})
    s = r.get("settings", {})
    lines = [
        "# rag bench",
        "",
        f"{r.get('created', '')} · {m.get('cpus')} CPUs · load average "
        f"{m.get('load_avg_start')} → {m.get('load_avg_end', '…')} · Python {m.get('python')} · "
        f"embedding engine {s.get('embedding_engine', '?')} (batch {s.get('embed_batch_size')}, "
        f"{s.get('threads')} threads) · top {s.get('top_k')} of {s.get('candidates')} candidates, "
        f"{s.get('fusion')} fusion",
        "",
        "Latencies are warm, in milliseconds, over the queries of each size; dense includes "
        "embedding the query. Speeds depend on what else the machine runs (see load average).",
        "",
    ]
    ing = r.get("ingest")
    if ing:
        lines += [
            "## Ingest (real documents through Assistant.ingest)",
            "",
            "| chunks | word pieces/chunk | end to end | embed only | store only | other | "
            "one-time start-up |",
            "|---:|---:|---:|---:|---:|---:|---:|",
            f"| {ing['chunks']} | {_f(ing['mean_word_pieces'])} | "
            f"{_f(ing['chunks_per_s'])} chunks/s ({_f(ing['seconds'])} s) | "
            f"{_f(ing['embed_chunks_per_s'])} chunks/s ({_f(ing['embed_s'])} s) | "
            f"{_f(ing['store_chunks_per_s'], 0)} chunks/s ({_f(ing['store_s'])} s) | "
            f"{_f(ing['other_s'])} s | {_f(ing['startup_s'])} s |",
            "",
        ]
    sizes = r.get("sizes") or []
    if sizes:
        lines += [
            "## Retrieval (p50 / p95 ms)",
            "",
            "| chunks | query embedding | Chroma query | dense | BM25 | hybrid | "
            "seed answer source in top k |",
            "|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for e in sizes:
            rt = e["retrieval"]
            cells = [f"{_f(rt[k]['p50'])} / {_f(rt[k]['p95'])}"
                     for k in ("query_embedding", "chroma_query", "dense", "bm25", "hybrid")]
            lines.append(f"| {e['chunks']:,} | " + " | ".join(cells)
                         + f" | {_f(e.get('seed_source_hit_at_k'), 3)} |")
        lines += [
            "",
            "## Answering, memory, disk, start-up",
            "",
            "| chunks | extractive answer p50 / p95 ms | ask end to end p50 / p95 ms | "
            "bench RSS MB (peak) | store on disk MB | cold start `rag ask` s (median) | "
            "ask process peak RSS MB | lexical refresh s |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for e in sizes:
            cs = e.get("cold_start") or {}
            lines.append(
                f"| {e['chunks']:,} | {_f(e['answer'].get('p50'))} / {_f(e['answer'].get('p95'))} | "
                f"{_f(e['ask'].get('p50'))} / {_f(e['ask'].get('p95'))} | "
                f"{_f(e['rss_mb'], 0)} ({_f(e['peak_rss_mb'], 0)}) | {_f(e['store_mb'], 0)} | "
                f"{_f(cs.get('median_s'), 2)} {cs.get('runs_s', '')} | "
                f"{_f(cs.get('peak_rss_mb'), 0)} | {_f(e.get('lexical_refresh_s'), 2)} |"
            )
        fills = [e for e in sizes if e.get("synthetic_added")]
        if fills:
            pool = r.get("synthetic_pool", {})
            lines += [
                "",
                f"Synthetic chunks (above the real ones) carry real text for BM25 and vectors "
                f"mixed from {pool.get('sentences')} sentences embedded for real "
                f"({pool.get('embed_s')} s): "
                + "; ".join(
                    f"{e['synthetic_added']:,} added in {e['fill_s']} s "
                    f"({_f(e['fill_add_vectors_per_s'], 0)} vectors/s into Chroma)"
                    for e in fills
                ),
            ]
        lines += [
            "",
            "\"Seed answer source in top k\": share of the benchmark questions about seeds/ whose "
            "source file is among the hybrid top k. The generated text recombines seed "
            "sentences, so at scale it is full of near-duplicates of the evidence: this falls "
            "with size by design and says how crowded the corpus is, not how good retrieval is.",
        ]
        staged = [e for e in sizes if (e.get("cold_start") or {}).get("stages_s")]
        if staged:
            names = list(staged[0]["cold_start"]["stages_s"].keys())
            lines += [
                "",
                "Cold start by stage (a new process; seconds since it started, cumulative):",
                "",
                "| chunks | " + " | ".join(names) + " |",
                "|---:|" + "---:|" * len(names),
            ]
            for e in staged:
                st = e["cold_start"]["stages_s"]
                lines.append(f"| {e['chunks']:,} | " + " | ".join(_f(st.get(n), 2) for n in names)
                             + " |")
        last = sizes[-1].get("cold_start") or {}
        if last:
            lines += [
                "",
                f"Cold start imports {last.get('import_s')} s of modules; heavy modules imported: "
                f"{last.get('heavy_modules_imported') or 'none'}; slowest: "
                f"{last.get('slowest_imports_s')}.",
            ]
    eb = r.get("embedding_backends")
    if eb and eb.get("engines"):
        lines += [
            "",
            f"## Embedding engines ({eb['sample_chunks']} real chunks, batch "
            f"{s.get('embed_batch_size')}, interleaved rounds)",
            "",
            "| engine | chunks/s (median) | rounds | min cosine vs torch | mean cosine |",
            "|---|---:|---|---:|---:|",
        ]
        for name, e in eb["engines"].items():
            lines.append(f"| {name} | {_f(e['chunks_per_s'])} | {e['rounds']} | "
                         f"{e['min_cosine_vs_torch']:.6f} | {e['mean_cosine_vs_torch']:.6f} |")
        if eb.get("int8"):
            lines += ["", f"int8: {eb['int8']}"]
        if eb.get("int8_retrieval"):
            lines += ["", f"int8 dense retrieval check: {eb['int8_retrieval']}"]
        lines += ["", f"Importing and loading sentence-transformers/torch took "
                      f"{eb.get('torch_import_and_load_s')} s."]
    llm = r.get("llm")
    if llm:
        lines += ["", "## LLM (llama.cpp)", ""]
        if llm.get("skipped"):
            lines.append(llm["skipped"])
        else:
            lines += [
                "| model | threads | load s | prompt tokens | time to first token s | "
                "prompt tokens/s | generated tokens/s |",
                "|---|---:|---:|---:|---:|---:|---:|",
                f"| {llm['model']} | {llm['threads']} | {llm['load_s']} | "
                f"{llm['prompt_tokens_median']} | {llm['ttft_s_median']} | "
                f"{llm['prompt_tokens_per_s_median']} | {llm['tokens_per_s_median']} |",
            ]
    tm = r.get("targets_met")
    if tm:
        t = r.get("targets", {})
        lines += [
            "",
            "## Targets",
            "",
            f"- ingest ≥ {t.get('ingest_chunks_per_s_min')} chunks/s end to end: {_f(tm['ingest'])}",
            f"- hybrid p50 ≤ {t.get('hybrid_p50_ms_max')} ms at {tm.get('at_chunks'):,} chunks: "
            f"{_f(tm['hybrid_p50'])}",
            f"- hybrid p95 ≤ {t.get('hybrid_p95_ms_max')} ms: {_f(tm['hybrid_p95'])}",
            f"- cold start ≤ {t.get('cold_start_s_max')} s: {_f(tm['cold_start'])}",
        ]
    return "\n".join(lines) + "\n"


def plot_latency(r: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = r["sizes"]
    xs = [e["chunks"] for e in sizes]
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.2))
    for key, label, color in (("dense", "dense", "tab:blue"), ("bm25", "BM25", "tab:orange"),
                              ("hybrid", "hybrid", "tab:green")):
        ax1.plot(xs, [e["retrieval"][key]["p50"] for e in sizes], "o-", color=color,
                 label=f"{label} p50")
        ax1.plot(xs, [e["retrieval"][key]["p95"] for e in sizes], "s--", color=color,
                 alpha=0.6, label=f"{label} p95")
    t = r.get("targets", {})
    if t:
        ax1.axhline(t["hybrid_p50_ms_max"], color="grey", lw=0.8, ls=":")
        ax1.axhline(t["hybrid_p95_ms_max"], color="grey", lw=0.8, ls=":")
    ax1.set_title("Retrieval latency (warm)")
    for key, label, color in (("answer", "extractive answer", "tab:purple"),
                              ("ask", "ask end to end", "tab:red")):
        ax2.plot(xs, [e[key].get("p50") for e in sizes], "o-", color=color, label=f"{label} p50")
        ax2.plot(xs, [e[key].get("p95") for e in sizes], "s--", color=color, alpha=0.6,
                 label=f"{label} p95")
    ax2.set_title("Answering latency (warm)")
    for ax in (ax1, ax2):
        if len(xs) > 1 and xs[-1] / max(1, xs[0]) >= 5:
            ax.set_xscale("log")
        ax.set_xlabel("chunks in the store")
        ax.set_ylabel("ms")
        ax.grid(True, alpha=0.3)
        ax.legend(fontsize=8)
    fig.suptitle(f"rag bench — {r.get('created', '')}, load avg {r['machine'].get('load_avg_start')}",
                 fontsize=9)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
