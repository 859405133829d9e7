"""Writing an evaluation run: answers.jsonl, report.json, report.md with report.png, and the
summary table printed to the terminal."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from evals.gates import LABELS, GateResult, MetricLookup
from evals.results import CategoryRow, Curve, EvalResult

Metrics = MetricLookup  # evals.results.Metrics, or a metrics dict read back from report.json

# Table rows in order; the flag marks rows that also get an ours/baseline ratio.
ROWS: list[tuple[str, bool]] = [
    ("answer_accuracy", True),
    ("wrong_refusal_rate", False),
    ("abstention_recall", False),
    ("abstention_precision", False),
    ("evidence_hit_at_k", True),
    ("evidence_hit_at_5", True),
    ("source_hit_at_k", True),
    ("mrr", True),
    ("cited_answers_valid", False),
    ("citations_valid", False),
    ("median_answer_words", False),
    ("latency_p50_ms", False),
    ("latency_p95_ms", False),
]
# Rows drawn in the chart: the ones on a 0..1 scale.
CHART_ROWS = [key for key, _ in ROWS if not key.startswith(("median", "latency"))]


def write_answers(path: Path, answers: Iterable[Mapping[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for a in answers:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")


def write_json(path: Path, report: Mapping[str, Any]) -> None:
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def ratios(ours: Metrics, baseline: Metrics) -> dict[str, float | None]:
    return {key: _ratio(ours.get(key), baseline.get(key)) for key, with_ratio in ROWS if with_ratio}


def _ratio(ours: float | None, base: float | None) -> float | None:
    if ours is None or base is None or base == 0:
        return None
    return ours / base


def fmt_value(key: str, value: float | None) -> str:
    if value is None:
        return "n/a"
    if key.startswith("latency"):
        return f"{value:.1f}"
    if key.startswith("median"):
        return f"{value:g}"
    return f"{value:.3f}"


def fmt_ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}x"


def table_rows(
    ours: Metrics, baseline: Metrics | None, k: int, baseline_k: int | None
) -> list[list[str]]:
    """Header and rows shared by the Markdown report and the terminal summary."""
    header = ["metric", "ours"] + (["baseline", "ours / baseline"] if baseline is not None else [])
    rows = [header]
    rates = ratios(ours, baseline) if baseline is not None else {}
    for key, with_ratio in ROWS:
        label = _label(key, k, baseline_k)
        row = [label, fmt_value(key, ours.get(key))]
        if baseline is not None:
            row.append(fmt_value(key, baseline.get(key)))
            row.append(fmt_ratio(rates.get(key)) if with_ratio else "")
        rows.append(row)
    return rows


def _label(key: str, k: int, baseline_k: int | None) -> str:
    label = LABELS[key]
    if key in ("source_hit_at_k", "evidence_hit_at_k", "mrr"):
        # Each system at its own k: say which, so the ratio is not misread.
        ks = f"k={k}" if baseline_k is None else f"k={k} vs {baseline_k}"
        label = f"{label} ({ks})"
    return label


def text_table(rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        pairs = enumerate(zip(row, widths, strict=True))
        # Names left-aligned, numbers right-aligned.
        cells = [c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in pairs]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown_table(rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(rows[0]) + " |"]
    lines.append("|" + "|".join(["---"] + ["---:"] * (len(rows[0]) - 1)) + "|")
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return "\n".join(lines)


def summary_rows(result: EvalResult) -> list[list[str]]:
    """The metrics table of a run, with the baseline's columns when there is one."""
    base = result.baseline
    return table_rows(
        result.system.metrics,
        base.metrics if base else None,
        result.system.k,
        base.k if base else None,
    )


def write_markdown(
    path: Path, result: EvalResult, chart: str | None, refusal_chart: str | None = None
) -> None:
    system, base = result.system, result.baseline
    c = system.counts
    answerer = system.settings.get("answering", {}).get("answerer")
    parts = [
        "# Evaluation report",
        "",
        f"Benchmark `{result.benchmark}`: {c.questions} questions "
        f"({c.answerable} answerable, {c.unanswerable} unanswerable); "
        f"answerer `{answerer}`, top_k {system.k}"
        + (f"; documents `{result.docs}`." if result.docs else "."),
        "",
        markdown_table(summary_rows(result)),
        "",
    ]
    if base:
        parts += [
            "Baseline: the llama-index starter pipeline (default 1024-token chunks, dense top 2, "
            "same embedding model); its answer is the text of its top-2 chunks and it never "
            "abstains. Evidence hit@5 retrieves 5 chunks from each system.",
            "",
        ]
    if chart:
        parts += [f"![metrics]({chart})", ""]
    parts += refusal_section(result.refusal_curve, refusal_chart)
    parts += _category_section(system.by_category)
    parts += _gate_section(result.gates)
    path.write_text("\n".join(parts), encoding="utf-8")


def _category_section(cats: Sequence[CategoryRow]) -> list[str]:
    if not cats:
        return []
    rows = [["category", "questions", "answer accuracy", "abstention recall"]]
    for c in cats:
        rows.append(
            [
                c.name,
                str(c.questions),
                fmt_value("answer_accuracy", c.answer_accuracy),
                fmt_value("abstention_recall", c.abstention_recall),
            ]
        )
    return ["## By category", "", markdown_table(rows), ""]


def _gate_section(gates: Sequence[GateResult]) -> list[str]:
    if not gates:
        return []
    lines = ["## Gates", ""]
    for g in gates:
        verdict = "passed" if g.passed else "**failed**"
        label = LABELS.get(g.metric, g.metric)
        lines.append(f"- {label} {g.op} {g.threshold}: {verdict}")
    return [*lines, ""]


def write_chart(
    path: Path, ours: Metrics, baseline: Metrics | None, k: int, baseline_k: int | None
) -> None:
    """Grouped horizontal bars of the 0..1 metrics, each bar labelled with its value."""
    import matplotlib

    # Agg renders to files without a display (servers, CI).
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = [_label(key, k, baseline_k) for key in CHART_ROWS]
    series = [("ours", ours)] + ([("baseline", baseline)] if baseline is not None else [])
    height = 0.8 / len(series)
    fig, ax = plt.subplots(figsize=(9, 0.5 * len(labels) + 1.5))
    for i, (name, values) in enumerate(series):
        ys = [n + i * height for n in range(len(labels))]
        widths = [values.get(key) or 0.0 for key in CHART_ROWS]
        ax.barh(ys, widths, height=height, label=name)
        for y, key in zip(ys, CHART_ROWS, strict=True):
            # "n/a" must stay visible: an empty bar alone would read as 0.
            value = values.get(key)
            ax.text((value or 0.0) + 0.01, y, fmt_value(key, value), va="center", fontsize=7)
    ax.set_yticks([n + height * (len(series) - 1) / 2 for n in range(len(labels))], labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.12)
    ax.set_xlabel("share (higher is better, except wrong refusals)")
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=len(series), frameon=False)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def refusal_rows(curve: Curve) -> list[list[str]]:
    """The refusal curve as table rows; the operating threshold is marked with '*'."""
    rows = [["threshold", "answer accuracy", "wrong refusals", "unanswerable refused"]]
    for r in curve.rows:
        mark = "*" if curve.is_operating(r) else ""
        rows.append(
            [
                f"{r.threshold:.2f}{mark}",
                fmt_value("answer_accuracy", r.answer_accuracy),
                fmt_value("wrong_refusal_rate", r.wrong_refusal_rate),
                fmt_value("abstention_recall", r.abstention_recall),
            ]
        )
    return rows


def refusal_section(curve: Curve | None, chart: str | None) -> list[str]:
    if not curve:
        return []
    parts = [
        "## Refusal curve",
        "",
        f"The extractive answer refuses when the answer model's best probability is below the "
        f"threshold. Operating point: threshold {curve.threshold:.2f} (the setting "
        "`answering.threshold`, chosen on dev sets, never on the reported benchmark); each row is "
        "what the same run gives at another threshold.",
        "",
        markdown_table(refusal_rows(curve)),
        "",
    ]
    if chart:
        parts += [f"![refusal curve]({chart})", ""]
    return parts


def write_refusal_chart(path: Path, curve: Curve) -> None:
    """Wrong refusals against unanswerable questions refused, one point per threshold."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = [r for r in curve.rows if r.wrong_refusal_rate is not None]
    fig, ax = plt.subplots(figsize=(6, 4.5))
    xs = [r.wrong_refusal_rate or 0.0 for r in rows]
    ys = [r.abstention_recall or 0.0 for r in rows]
    ax.plot(xs, ys, marker="o", markersize=3)
    for r, x, y in zip(rows, xs, ys, strict=True):
        if curve.is_operating(r):
            ax.plot([x], [y], marker="*", markersize=14, color="red", label="operating point")
        if round(r.threshold * 100) % 20 == 0:
            ax.annotate(f"{r.threshold:.1f}", (x, y), fontsize=7, xytext=(3, -8),
                        textcoords="offset points")
    ax.set_xlabel("wrong refusals (answerable questions refused)")
    ax.set_ylabel("unanswerable questions refused")
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-0.02, 1.02)
    ax.grid(alpha=0.3)
    ax.legend(loc="lower right", frameon=False)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
