"""evals/ and bench/ measure the product through its API: they never change a production
object's attributes (`assistant.extractive.threshold = 0.0`) or setattr one; a different
configuration is a different Assistant (Assistant.with_settings)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def patches(source: str) -> list[str]:
    """Attribute assignments reaching into another object (`a.b.c = …`, or anything rooted at
    an assistant) and setattr calls. `self.x = …` and `result.x = …` (a module's own record)
    are fine."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and (
            node.func.id == "setattr"
        ):
            found.append(f"line {node.lineno}: setattr")
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = list(node.targets)
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets = [node.target]
        for target in targets:
            if not isinstance(target, ast.Attribute):
                continue
            depth, base = 0, target.value
            while isinstance(base, ast.Attribute):
                depth, base = depth + 1, base.value
            root = base.id if isinstance(base, ast.Name) else ""
            if root != "self" and (depth >= 1 or "assistant" in root.lower()):
                found.append(f"line {node.lineno}: {ast.unparse(target)} =")
    return found


def test_the_check_catches_a_patch() -> None:
    assert patches("assistant.extractive.threshold = 0.0") == [
        "line 1: assistant.extractive.threshold ="
    ]
    assert patches("assistant.embedder = x\nsetattr(store, 'add', f)") == [
        "line 1: assistant.embedder =", "line 2: setattr",
    ]
    assert patches("self.x = 1\nresult.gates = []\nx = assistant.settings") == []


def test_evals_and_bench_patch_nothing() -> None:
    found = {
        str(path.relative_to(ROOT)): hits
        for folder in ("evals", "bench")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if (hits := patches(path.read_text(encoding="utf-8")))
    }
    assert found == {}
