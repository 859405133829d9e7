"""The page in a real browser: headless Chromium asks a question and finds the cited passage.

Drives tests/ui/browser/ask.mjs (playwright-core) against the app that test_app.running_app
launches once per session. `make test` installs Chromium and node_modules (scripts/install-browser.sh);
the test is skipped only when they are missing.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

# Gradio's queue trips pandas 3 deprecations on every event; they are Gradio's to fix, not ours.
pytestmark = [
    pytest.mark.filterwarnings("ignore:.*no_silent_downcasting.*"),
    pytest.mark.filterwarnings("ignore:The copy keyword is deprecated"),
]

BROWSER_DIR = Path(__file__).resolve().parent / "browser"
SCRIPT = BROWSER_DIR / "ask.mjs"
CHROMIUM = Path("/usr/bin/chromium")
NODE = shutil.which("node")


def _missing() -> str | None:
    if NODE is None:
        return "node is not installed (run `bash scripts/install-browser.sh`)"
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (run `bash scripts/install-browser.sh`)"
    if not (BROWSER_DIR / "node_modules" / "playwright-core").is_dir():
        return "playwright-core is missing in tests/ui/browser (run scripts/install-browser.sh)"
    return None


def _test_app() -> ModuleType:
    """test_app.py owns the one launched app; share its module rather than launch a second app.

    pytest (--import-mode=importlib) registers it as tests.ui.test_app when it collects it first;
    when this file runs alone, it is loaded here under that same name.
    """
    name = "tests.ui.test_app"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("test_app.py"))
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="session")
def app(
    seeds_store: Path, tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config
) -> Any:
    return _test_app().running_app(seeds_store, tmp_path_factory, pytestconfig)


@pytest.mark.slow
@pytest.mark.skipif(_missing() is not None, reason=_missing() or "")
def test_question_in_the_browser_shows_a_highlighted_source(
    app: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    screenshot = tmp_path_factory.mktemp("browser") / "ui-screenshot.png"
    assert NODE is not None
    proc = subprocess.run(
        [NODE, str(SCRIPT), app.url, str(screenshot)],
        cwd=BROWSER_DIR, capture_output=True, text=True, timeout=300,
    )
    print(f"screenshot: {screenshot}")
    lines = proc.stdout.strip().splitlines()
    assert lines, f"no output from ask.mjs; stderr:\n{proc.stderr}"
    seen = json.loads(lines[-1])
    assert proc.returncode == 0 and seen["ok"], f"{seen.get('error')}\n{proc.stderr}"
    assert "Haidai" in seen["marked"] and seen["file"] == "004_2de2fe75480d23cb.txt"
    assert seen["linkHref"] == "#source-1" and seen["hashAfterClick"] == "#source-1"
    assert seen["external"] == [], "the page tried to reach outside hosts"
    assert seen["pageErrors"] == []
    assert screenshot.stat().st_size > 10_000
