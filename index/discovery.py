"""Finding the files to ingest: walk the given paths, de-duplicate by resolved path, and name them.

A bad path (missing, a symbolic-link loop, unreadable) is one (path, reason) problem and the rest
of the batch goes on. The same file reached twice (`rag ingest seeds seeds/a.txt`, or `a.txt
a.txt`) is ingested once, under the name it got first.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from index.loaders import supported, unsupported_reason

Problem = tuple[Path, str]


@dataclass(frozen=True)
class FoundFile:
    path: Path  # resolved: the file's identity on this host
    root: Path  # the resolved path the user gave (a folder, or the file itself)
    rel: str  # the path relative to that folder (the file name for a file given directly)

    def names(self) -> list[str]:
        """Display names from shortest to longest: `rel`, then with more and more parent folders,
        ending with the whole path, so a clash can always be settled by a longer one."""
        parts = self.path.parts[1:]  # without the leading "/"
        depth = len(Path(self.rel).parts)
        return ["/".join(parts[-n:]) for n in range(depth, len(parts) + 1)] or [self.rel]


def discover(paths: Sequence[Path]) -> tuple[list[FoundFile], list[Problem]]:
    """Supported files under the given paths (folders recurse, sorted, hidden entries skipped),
    each once; and the problems: missing paths, loops, unsupported files, unreadable folders."""
    found: list[FoundFile] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for given in paths:
        root, reason = _resolve(Path(given))
        if reason:
            problems.append((root, reason))
            continue
        if root.is_dir():
            files: list[Path] = []
            before = len(problems)
            _walk(root, files, problems)
            if not files and len(problems) == before:
                problems.append((root, "no files in this folder (nothing to ingest)"))
            pairs = [(f, f.relative_to(root).as_posix()) for f in files]
        elif root.is_file():
            if not supported(root):
                problems.append((root, unsupported_reason(root.suffix)))
                continue
            pairs = [(root, root.name)]
        else:
            problems.append((root, "not a regular file"))
            continue
        for path, rel in pairs:
            key = os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                found.append(FoundFile(path=path, root=root, rel=rel))
    return found, problems


def discover_files(paths: Sequence[Path]) -> tuple[list[Path], list[Problem]]:
    """The files only (see `discover`)."""
    found, problems = discover(paths)
    return [f.path for f in found], problems


def _resolve(given: Path) -> tuple[Path, str]:
    """(resolved path, "") or (the path as given, made absolute, the reason it cannot be used)."""
    shown = given.expanduser().absolute()
    try:
        return given.expanduser().resolve(strict=True), ""
    except FileNotFoundError:
        if shown.is_symlink():
            return shown, "broken symbolic link (its target does not exist)"
        return given.expanduser().resolve(), "file not found"
    except RuntimeError:  # Python 3.11 reports a loop this way
        return shown, "symbolic link loop (the link points back at itself)"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return shown, "symbolic link loop (the link points back at itself)"
        return shown, f"cannot resolve the path: {exc.strerror or exc}"


def _walk(folder: Path, found: list[Path], problems: list[Problem]) -> None:
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        problems.append((folder, f"cannot read folder: {exc.strerror or exc}"))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_symlink():
            # A link can leave the folder or loop back into it; the caller names its target instead.
            problems.append((entry, "symbolic link, not followed (give its target instead)"))
        elif entry.is_dir():
            _walk(entry, found, problems)
        elif entry.is_file():
            if supported(entry):
                found.append(entry)
            else:
                problems.append((entry, unsupported_reason(entry.suffix)))
