"""The page in a real browser: headless Chromium asks a question and finds the cited passage.

Drives tests/ui/browser/ask.mjs (playwright-core) against the app launched once per session by
test_app.running_app. `make test` installs Chromium and node_modules (scripts/install-browser.sh);
the test is skipped only when they are missing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from test_app import SEED_FILE, RunningApp, running_app

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


@pytest.fixture(scope="session")
def app(tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config) -> RunningApp:
    return running_app(tmp_path_factory, pytestconfig)


@pytest.mark.slow
@pytest.mark.skipif(_missing() is not None, reason=_missing() or "")
def test_question_in_the_browser_shows_a_highlighted_source(
    app: RunningApp, tmp_path_factory: pytest.TempPathFactory
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
    assert "Haidai" in seen["marked"] and seen["file"] == SEED_FILE
    assert seen["linkHref"] == "#source-1" and seen["hashAfterClick"] == "#source-1"
    assert seen["external"] == [], "the page tried to reach outside hosts"
    assert seen["pageErrors"] == []
    assert screenshot.stat().st_size > 10_000
