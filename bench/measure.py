"""Measuring helpers: latency summaries, memory, disk, cold start in a new process, LLM speed."""

from __future__ import annotations

import contextlib
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np

# Modules the query path must not import: each costs seconds at start-up.
HEAVY_MODULES = ("torch", "sentence_transformers", "transformers", "llama_index", "llama_cpp",
                 "gradio")


def summary_ms(samples_s: Iterable[float]) -> dict[str, float | int]:
    """p50/p95/mean/max in milliseconds of samples given in seconds."""
    ms = np.asarray(list(samples_s), dtype=np.float64) * 1000.0
    if ms.size == 0:
        return {"n": 0}
    return {
        "n": int(ms.size),
        "p50": round(float(np.percentile(ms, 50)), 3),
        "p95": round(float(np.percentile(ms, 95)), 3),
        "mean": round(float(ms.mean()), 3),
        "max": round(float(ms.max()), 3),
    }


def time_each(fn: Callable[[Any], Any], items: Iterable[Any]) -> list[float]:
    out: list[float] = []
    for item in items:
        t = time.perf_counter()
        fn(item)
        out.append(time.perf_counter() - t)
    return out


def rss_mb() -> float:
    import psutil

    return round(psutil.Process().memory_info().rss / 2**20, 1)


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def disk_mb(path: Path) -> float:
    total = 0
    for root, _dirs, files in os.walk(path):
        for f in files:
            with contextlib.suppress(OSError):
                total += os.lstat(os.path.join(root, f)).st_blocks * 512
    return round(total / 2**20, 1)


def load_average() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def rag_command() -> list[str]:
    """The installed `rag` script next to this Python, else `python -m rag.cli`."""
    exe = Path(sys.executable).parent / "rag"
    return [str(exe)] if exe.is_file() else [sys.executable, "-m", "rag.cli"]


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("HF_HUB_OFFLINE", "1")
    env.setdefault("ANONYMIZED_TELEMETRY", "False")
    env.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    return env


def run_child(cmd: list[str], timeout: float = 600.0) -> dict[str, Any]:
    """Run cmd; wall seconds, exit code, output, and the child's own peak RSS (from wait4)."""
    import tempfile

    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=child_env(), text=True)
        deadline = t + timeout
        hwm_kb = 0
        status_file = f"/proc/{proc.pid}/status"
        while True:
            # The child's own peak RSS (VmHWM restarts at exec; rusage of children does not).
            try:
                with open(status_file) as fh:
                    for line in fh:
                        if line.startswith("VmHWM:"):
                            hwm_kb = max(hwm_kb, int(line.split()[1]))
                            break
            except (OSError, ValueError):
                pass
            pid, status, _usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, _usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.002)
        wall = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return {
            "wall_s": wall,
            "returncode": proc.returncode,
            "stdout": out.read(),
            "stderr": err.read(),
            "peak_rss_mb": round(hwm_kb / 1024, 1),
        }


def cold_start(store: Path, question: str, runs: int = 3) -> dict[str, Any]:
    """`rag ask --store S "question"` in a new process, start to answer; median of runs."""
    cmd = rag_command() + ["ask", "--store", str(store), question]
    walls: list[float] = []
    codes: list[int] = []
    first_line = ""
    peak = 0.0
    for _ in range(runs):
        res = run_child(cmd)
        walls.append(res["wall_s"])
        codes.append(int(res["returncode"]))
        first_line = first_line or (res["stdout"].strip().splitlines() or [""])[0][:200]
        peak = max(peak, res["peak_rss_mb"])
    imports = import_profile(store, question)
    staged = run_child([sys.executable, "-m", "bench.coldstart", str(store), question])
    try:
        stages = json.loads(staged["stdout"].strip().splitlines()[-1])
    except (ValueError, IndexError):
        stages = {"error": staged["stderr"][-500:]}
    return {
        "command": " ".join(["rag", "ask", "--store", "STORE", repr(question)]),
        "runs_s": [round(w, 3) for w in walls],
        "median_s": round(statistics.median(walls), 3),
        "returncodes": codes,
        "answer_first_line": first_line,
        "peak_rss_mb": round(peak, 1),
        "stages_s": stages,
        **imports,
    }


def import_profile(store: Path, question: str) -> dict[str, Any]:
    """`python -X importtime` on the ask path: import seconds, heavy modules that got imported."""
    cmd = [sys.executable, "-X", "importtime", "-m", "rag.cli", "ask", "--store", str(store),
           question]
    res = run_child(cmd)
    top: dict[str, float] = {}
    for line in res["stderr"].splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if m and len(m.group(3)) == 1:  # top-level imports only: their cumulative time counts
            top[m.group(4)] = int(m.group(2)) / 1e6
    imported = set()
    for line in res["stderr"].splitlines():
        m = re.match(r"import time:.*\|\s*(\S+)$", line)
        if m:
            imported.add(m.group(1).split(".")[0])
    biggest = sorted(top.items(), key=lambda kv: -kv[1])[:8]
    return {
        "import_s": round(sum(top.values()), 3),
        "slowest_imports_s": {k: round(v, 3) for k, v in biggest},
        "heavy_modules_imported": sorted(m for m in HEAVY_MODULES if m in imported),
    }


def llm_speed(model_path: Path, prompts: list[str], threads: int = 2,
              max_tokens: int = 64) -> dict[str, Any]:
    """llama.cpp: load time, time to first token and generation tokens/s of streamed completions."""
    from llama_cpp import Llama

    t = time.perf_counter()
    llm = Llama(model_path=str(model_path), n_threads=threads, n_ctx=2048, verbose=False)
    load_s = time.perf_counter() - t
    llm.create_completion("Hello", max_tokens=4)  # the first call after load is slow
    runs: list[dict[str, float]] = []
    for prompt in prompts:
        llm.reset()  # no reuse of the previous prompt's KV cache: a fair time to first token
        n_prompt = len(llm.tokenize(prompt.encode("utf-8")))
        t0 = time.perf_counter()
        first = last = 0.0
        n = 0
        for piece in llm.create_completion(prompt, max_tokens=max_tokens, temperature=0.0,
                                           stream=True):
            choice: Any = piece["choices"][0]  # type: ignore[index]
            if choice.get("finish_reason") and not choice.get("text"):
                break  # the closing piece carries no token
            last = time.perf_counter()
            if n == 0:
                first = last
            n += 1
        if n == 0:
            continue
        runs.append({
            "prompt_tokens": n_prompt,
            "ttft_s": first - t0,
            "tokens": n,
            "tokens_per_s": (n - 1) / (last - first) if n > 1 and last > first else 0.0,
        })
    del llm
    if not runs:
        return {"load_s": round(load_s, 3), "runs": 0}
    return {
        "model": model_path.name,
        "threads": threads,
        "load_s": round(load_s, 3),
        "runs": len(runs),
        "prompt_tokens_median": int(statistics.median(r["prompt_tokens"] for r in runs)),
        "ttft_s_median": round(statistics.median(r["ttft_s"] for r in runs), 3),
        "prompt_tokens_per_s_median": round(
            statistics.median(r["prompt_tokens"] / r["ttft_s"] for r in runs), 1
        ),
        "tokens_generated_median": int(statistics.median(r["tokens"] for r in runs)),
        "tokens_per_s_median": round(statistics.median(r["tokens_per_s"] for r in runs), 1),
    }


def remove_tree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
