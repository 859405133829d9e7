"""Finding files: folders walked, each file once whatever the path it was reached by, bad paths as
one (path, reason) each, and display names that tell same-named files apart."""

from __future__ import annotations

from pathlib import Path

from index.discovery import FoundFile, discover, discover_files
from index.pipeline import assign_sources
from index.store import DocRecord, make_doc_id

HOST = "host-a"


def test_discover_files(tmp_path: Path) -> None:
    root = tmp_path / "docs"
    (root / "b" / "deeper").mkdir(parents=True)
    (root / ".git").mkdir()
    for name in ("b/deeper/z.pdf", "b/a.md", "a.txt", "c.HTML", "notes.key", ".hidden.txt", "b/README"):
        (root / name).write_text("x", encoding="utf-8")
    (root / ".git" / "config.txt").write_text("x", encoding="utf-8")
    single = tmp_path / "single.htm"
    single.write_text("x", encoding="utf-8")
    explicit_bad = tmp_path / "table.xlsx"
    explicit_bad.write_text("x", encoding="utf-8")
    missing = tmp_path / "missing.txt"

    files, problems = discover_files([root, single, explicit_bad, missing])

    base = root.resolve()
    assert files == [
        base / "a.txt",
        base / "b" / "README",
        base / "b" / "a.md",
        base / "b" / "deeper" / "z.pdf",
        base / "c.HTML",
        single.resolve(),
    ]
    supported = (
        ".adoc, .cfg, .conf, .csv, .docx, .epub, .htm, .html, .ini, .json, .markdown, .md, .org, "
        ".pdf, .pptx, .rst, .text, .toml, .txt, .yaml, .yml, and files with no extension as plain text"
    )
    assert problems == [
        (base / "notes.key", f"unsupported file type '.key' (supported: {supported})"),
        (explicit_bad.resolve(), f"unsupported file type '.xlsx' (supported: {supported})"),
        (missing.resolve(), "file not found"),
    ]


def test_discover_lists_a_file_given_twice_once(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("x", encoding="utf-8")
    files, problems = discover_files([path, tmp_path])
    assert files == [path.resolve()]
    assert problems == []


def test_discover_does_not_follow_symlinks(tmp_path: Path) -> None:
    root = tmp_path / "docs"
    root.mkdir()
    (root / "a.txt").write_text("x", encoding="utf-8")
    (root / "loop").symlink_to(root, target_is_directory=True)
    files, problems = discover_files([root])
    assert files == [root.resolve() / "a.txt"]
    assert [(p.name, r.split(",")[0]) for p, r in problems] == [("loop", "symbolic link")]


def test_the_same_file_through_a_folder_and_directly_is_found_once(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("000_x.txt", "001_y.txt"):
        (seeds / name).write_text("x", encoding="utf-8")
    found, problems = discover([seeds, seeds / "000_x.txt", seeds / ".." / "seeds" / "001_y.txt"])
    assert [f.rel for f in found] == ["000_x.txt", "001_y.txt"] and problems == []


def test_a_symlink_loop_given_directly_is_one_problem_and_the_rest_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    broken = tmp_path / "broken.txt"
    broken.symlink_to(tmp_path / "nowhere.txt")
    found, problems = discover([loop, tmp_path / "a.txt", broken])
    assert [f.path.name for f in found] == ["a.txt"]
    reasons = {p.name: r for p, r in problems}
    assert set(reasons) == {"loop", "broken.txt"}
    assert "loop" in reasons["loop"] and "symbolic link" in reasons["broken.txt"]
    assert all("\n" not in r for r in reasons.values())


def _found(tmp_path: Path, *rels: str) -> list[FoundFile]:
    out = []
    for rel in rels:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    for rel in rels:
        root = (tmp_path / rel).parent.resolve()
        out.append(FoundFile(path=(tmp_path / rel).resolve(), root=root, rel=Path(rel).name))
    return out


def _record(path: Path, source: str, host: str = HOST) -> DocRecord:
    doc_id = make_doc_id(str(path), host)
    return DocRecord(key=str(path), source=source, title="", doc_hash="h", n_chunks=1, chars=1,
                     doc_id=doc_id, root=str(path.parent), host=host)


def test_same_named_files_of_one_run_are_named_by_their_folders(tmp_path: Path) -> None:
    found = _found(tmp_path, "a/notes.md", "b/notes.md", "a/other.md")
    assert assign_sources(found, {}, HOST) == ["a/notes.md", "b/notes.md", "other.md"]


def test_a_name_already_in_the_store_is_not_given_to_another_file(tmp_path: Path) -> None:
    first = _found(tmp_path, "a/notes.md")
    known = {r.doc_id: r for r in [_record(first[0].path, "notes.md")]}
    second = _found(tmp_path, "b/notes.md")
    assert assign_sources(second, known, HOST) == ["b/notes.md"]
    # The first file keeps its name when ingested again, alone or with the second.
    assert assign_sources(first, known, HOST) == ["notes.md"]
    known[make_doc_id(str(second[0].path), HOST)] = _record(second[0].path, "b/notes.md")
    assert assign_sources(first + second, known, HOST) == ["notes.md", "b/notes.md"]


def test_another_hosts_document_of_the_same_path_is_another_document(tmp_path: Path) -> None:
    found = _found(tmp_path, "a/notes.md")
    other = _record(found[0].path, "notes.md", host="host-b")
    names = assign_sources(found, {other.doc_id: other}, HOST)
    assert names == ["a/notes.md"] and make_doc_id(str(found[0].path), HOST) != other.doc_id


def test_an_empty_folder_is_reported_not_silently_skipped(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    found, problems = discover([tmp_path / "empty"])
    assert found == [] and [(p.name, "no files" in r) for p, r in problems] == [("empty", True)]
