"""The import contract in pyproject.toml ([tool.importlinter]) holds, and it can fail."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["rag", "index", "ui", "evals", "bench"]


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("lint-imports")
    return subprocess.run(
        [str(exe), "--config", str(root / "pyproject.toml"), "--no-cache"],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )


def copy_tree(tmp_path: Path) -> Path:
    for name in PACKAGES:
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "results"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_tree_keeps_the_contract() -> None:
    result = lint_imports(ROOT)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "expected"),
    [
        # ingestion reaching up into the Assistant
        ("index/chunking.py", "from rag.assistant import Assistant", "index.chunking -> rag.assistant"),
        # core types reaching up into ingestion (inside a function: lazy imports count too)
        ("rag/markers.py", "def _f() -> None:\n    import index.store", "rag.markers -> index.store"),
        # evals calling into the CLI instead of taking an Assistant
        ("evals/metrics.py", "from rag.cli import build_parser", "evals.metrics -> rag.cli"),
        # the CLI reaching into ui other than through its entry point
        ("rag/cli.py", "from ui import cards", "rag.cli -> ui.cards"),
        # a cycle between siblings of one layer (the store reaching back into the pipeline)
        ("index/store.py", "def _f() -> None:\n    import index.pipeline", ".store -> .pipeline"),
    ],
)
def test_an_upward_import_breaks_the_contract(
    tmp_path: Path, module: str, line: str, expected: str
) -> None:
    root = copy_tree(tmp_path)
    with (root / module).open("a", encoding="utf-8") as f:
        f.write(f"\n\n{line}\n")

    result = lint_imports(root)

    assert result.returncode != 0
    assert expected in result.stdout, result.stdout
