from __future__ import annotations

from pathlib import Path

import pytest

from index.chunking import Chunker, _Block, _leads_in, retrieval_text, with_context
from index.embedding import Embedder
from index.loaders import load_document
from rag.types import Chunk

ORDINARY = Path("/work/shared/fixtures/ordinary")


def _words(text: str) -> list[int]:
    """A stand-in tokenizer: one token per whitespace-separated word (fast, predictable)."""
    return list(range(len(text.split())))


def _split(text: str, budget: int = 200, **kw: object) -> list[Chunk]:
    chunker = Chunker(_words, budget, 4)
    return chunker.split(key="k", source="doc.md", title="Doc", text=text, doc_hash="h", **kw)  # type: ignore[arg-type]


def _assert_verbatim(text: str, chunks: list[Chunk]) -> None:
    for i, c in enumerate(chunks):
        assert text[c.start : c.end] == c.text
        assert c.position == i


def _assert_lines_whole(text: str, chunks: list[Chunk]) -> None:
    """Every non-blank line of the text is a whole line of some chunk."""
    chunk_lines = {ln for c in chunks for ln in c.text.splitlines()}
    for line in text.splitlines():
        if line.strip():
            assert line in chunk_lines, line


GUIDE = """# Widget Server

Intro paragraph about the server.

## Configuration

### Defaults

| Setting | Default |
|---|---|
| port | 8080 |
| workers | 4 |

### Logging
Logs go to `/var/log/widget.log`.

## Install
1. Clone the repository
2. Run `make`

```
# not a heading: a comment in code
make run
```
"""


def test_heading_paths_and_verbatim_spans() -> None:
    chunks = _split(GUIDE, markdown=True)
    _assert_verbatim(GUIDE, chunks)
    _assert_lines_whole(GUIDE, chunks)
    by_heading = {c.heading: c.text for c in chunks}
    assert list(by_heading) == [
        "Widget Server",
        "Widget Server › Configuration › Defaults",
        "Widget Server › Configuration › Logging",
        "Widget Server › Install",
    ]
    # "## Configuration" has no body of its own: it opens the chunk of its first sub-section.
    assert by_heading["Widget Server › Configuration › Defaults"].startswith("## Configuration")
    assert "# not a heading" in by_heading["Widget Server › Install"]


def test_a_root_prompt_inside_html_pre_is_no_heading() -> None:
    """READMEs set install commands in raw HTML's <pre>: "# pkg install bfs" is a root prompt
    there, not a Markdown heading that would name the sections after it."""
    text = (
        "# bfs\n\nA find.\n\n## Installation\n\n<pre>\n<strong>FreeBSD</strong>\n"
        "# pkg install bfs\n\n<strong>MacPorts</strong>\n# port install bfs\n</pre>\n\n"
        "## Usage\n\nRun it.\n"
    )
    chunks = _split(text, markdown=True)
    _assert_verbatim(text, chunks)
    assert {c.heading for c in chunks} == {"bfs", "bfs › Installation", "bfs › Usage"}


def test_plain_text_has_no_headings() -> None:
    chunks = _split(GUIDE, markdown=False)
    assert {c.heading for c in chunks} == {""}
    assert all(c.page is None for c in chunks)


def test_markdown_needs_the_flag() -> None:
    assert {c.heading for c in _split(GUIDE, markdown=True)} != {""}


def test_retrieval_text_has_title_heading_and_text() -> None:
    chunk = next(c for c in _split(GUIDE, markdown=True) if "port" in c.text)
    assert retrieval_text(chunk) == f"Doc\n{chunk.heading}\n{chunk.text}"


def test_retrieval_text_names_the_file_when_the_title_does_not() -> None:
    text = "Limits the threads of BLAS libraries."
    chunk = Chunk(id="t-1", source="threadpoolctl/README.md", title="Thread-pool Controls", text=text,
                  start=0, end=len(text))
    assert retrieval_text(chunk) == f"threadpoolctl README\nThread-pool Controls\n{text}"
    # A path word the title has is not said twice; a hash names nothing.
    same = Chunk(id="n-1", source="notes/notes.md", title="Notes", text=text, start=0, end=len(text))
    assert retrieval_text(same) == f"Notes\n{text}"
    hashed = Chunk(id="h-1", source="000_1714d7cfa7218c5a.txt", title="News", text=text, start=0, end=len(text))
    assert retrieval_text(hashed) == f"News\n{text}"


def test_retrieval_text_does_not_repeat_what_the_first_line_says() -> None:
    """A man-page section starts with its own heading line; saying it twice would weigh it
    twice in BM25 and in the embedding. Units (index.units) share this prefix function."""
    text = "DESCRIPTION\n       grep searches for PATTERNS in each FILE."
    chunk = Chunk(id="g-1", source="grep.1.txt", title="GREP(1)", text=text, start=0, end=len(text),
                  heading="DESCRIPTION")
    assert retrieval_text(chunk) == f"GREP(1)\n{text}"
    assert with_context(chunk, "Later lines of the section.") == "GREP(1)\nDESCRIPTION\nLater lines of the section."


def test_long_list_is_cut_between_items() -> None:
    items = [f"- item number {i} is a line with several words in it" for i in range(40)]
    text = "# List\n\n" + "\n".join(items)
    chunks = _split(text, budget=40, markdown=True)
    assert len(chunks) > 3
    _assert_verbatim(text, chunks)
    _assert_lines_whole(text, chunks)
    assert all(len(c.text.split()) <= 40 for c in chunks)


def test_a_long_list_is_not_cut_inside_a_wrapped_item() -> None:
    """minipass's README wraps its items ("- `concat()` - Same as `collect()`, but concatenates
    the data" / "  into a single Buffer object. Will reject the returned promise" / "  if the
    stream is in objectMode …"): a chunk ends before an item, not between its lines."""
    items = [
        f"- `method{i}()` - Same as the one above, but does a little more\n"
        f"  with the data it is given. Will reject the returned promise\n"
        f"  if the stream is in objectMode, or if it goes into objectMode."
        for i in range(12)
    ]
    text = "# Methods\n\n" + "\n".join(items)
    chunks = _split(text, budget=70, markdown=True)
    assert len(chunks) > 3
    _assert_verbatim(text, chunks)
    for c in chunks:
        body = c.text.split("\n\n")[-1]
        assert body.startswith("- `method"), body[:60]
        assert body.endswith("into objectMode."), body[-60:]


def test_a_long_code_block_is_cut_between_its_lines_as_before() -> None:
    """Code is indented by its syntax: its lines are no entries, and a blank line in it opens
    none (a chunk must not open on the blank line above "\t// Element dragging ended")."""
    body = "\n".join(
        f"function handler{i}(evt) {{\n\tstart({i});\n\n\t// Element dragging ended number {i}\n\tevt.item.done = true;\n}}"
        for i in range(12)
    )
    text = "# Events\n\n```js\n" + body + "```\n"
    chunks = _split(text, budget=40, markdown=True)
    assert len(chunks) > 3
    _assert_verbatim(text, chunks)
    assert all(c.text.strip() and not c.text.startswith("\n") for c in chunks)
    assert sum(c.text.count("evt.item.done") for c in chunks) >= 12


def test_table_that_fits_is_not_split() -> None:
    rows = [f"| key{i} | value {i} |" for i in range(6)]
    text = "Some words before the table in a paragraph here.\n\n| name | value |\n|---|---|\n" + "\n".join(rows)
    chunks = _split(text, budget=45)
    assert [c for c in chunks if "| name | value |" in c.text][0].text.endswith(rows[-1])


def test_split_table_repeats_its_header_for_retrieval_only() -> None:
    rows = [f"| key{i} | the value of key {i} |" for i in range(30)]
    text = "## Settings\n\n| name | value |\n|---|---|\n" + "\n".join(rows)
    chunks = _split(text, budget=40, markdown=True)
    assert len(chunks) > 2
    _assert_verbatim(text, chunks)
    _assert_lines_whole(text, chunks)
    first, *later = chunks
    assert first.context == "" and "| name | value |" in first.text
    for c in later:
        assert c.context == "| name | value |\n|---|---|"
        assert "| name | value |" not in c.text  # citations stay verbatim
        assert "| name | value |" in retrieval_text(c)


def test_an_overlong_line_is_cut_between_sentences() -> None:
    sentence = "The pump must be serviced by a qualified engineer every spring."
    line = " ".join([sentence] * 20)
    chunks = _split(line, budget=40)
    assert len(chunks) > 3
    _assert_verbatim(line, chunks)
    assert all(c.text.endswith(".") for c in chunks)


def test_a_run_of_lines_over_budget_is_cut_at_line_ends_not_inside_a_dotted_name() -> None:
    # A commented sample configuration has no list item or "Key: value" line, so it is cut as
    # prose; with no sentence end in it, llama-index's own fallback cut after any "." or ",",
    # giving "# set cl." in one chunk and "noexitprompt off" in the next.
    lines = [f"## Disable prompt {i}\n# set cl.noexitprompt{i} off, on" for i in range(30)]
    text = "\n".join(lines)
    chunks = _split(text, budget=25)
    assert len(chunks) > 3
    _assert_verbatim(text, chunks)
    _assert_lines_whole(text, chunks)


def test_pages_come_from_page_starts() -> None:
    text = "First page paragraph.\n\nSecond page paragraph.\n\nThird page paragraph."
    starts = (text.index("Second"), text.index("Third"))
    chunks = _split(text, page_starts=starts)
    assert [(c.page, c.text) for c in chunks] == [
        (1, "First page paragraph."), (2, "Second page paragraph."), (3, "Third page paragraph."),
    ]
    one_page = _split("Only one page.", page_starts=())
    assert [c.page for c in one_page] == [1]


def test_ordinary_fixtures_keep_rows_items_and_headings() -> None:
    if not ORDINARY.exists():
        pytest.skip("shared fixtures are not on this machine")
    for name in ("faq.txt", "install.md"):
        doc = load_document(ORDINARY / name, 10_000_000)
        chunks = _split(doc.text, markdown=doc.markdown)
        _assert_verbatim(doc.text, chunks)
        _assert_lines_whole(doc.text, chunks)
    guide = load_document(ORDINARY / "install.md", 10_000_000)
    chunks = _split(guide.text, markdown=True)
    heading_of = {ln: c.heading for c in chunks for ln in c.text.splitlines()}
    assert heading_of["- 2 GB of RAM"] == "Installing Widget Server › Requirements"
    assert heading_of["| port | 8080 |"] == "Installing Widget Server › Steps"
    assert heading_of["3. Start the server with `make run`"] == "Installing Widget Server › Steps"


@pytest.mark.slow
def test_chunks_fit_minilm_and_offsets_are_exact(seeds_dir: Path) -> None:
    emb = Embedder()
    chunker = Chunker(lambda t: emb.tokenizer.encode(t, add_special_tokens=False).ids, 200, 24)
    paths = sorted(seeds_dir.iterdir()) + sorted(p for p in ORDINARY.glob("*") if p.is_file())
    for path in paths:
        doc = load_document(path, 10_000_000)
        chunks = chunker.split(
            key=str(path), source=path.name, title=doc.title, text=doc.text, doc_hash="h",
            markdown=doc.markdown, page_starts=doc.page_starts,
        )
        assert chunks
        for i, c in enumerate(chunks):
            assert doc.text[c.start : c.end] == c.text
            # [CLS] and [SEP] are added by the model: title + heading + text must fit in 256.
            assert emb.count_tokens(retrieval_text(c)) + 2 <= emb.max_tokens
            assert c.position == i and c.source == path.name
        _assert_lines_whole(doc.text, chunks)


# ---- reStructuredText titles ---------------------------------------------------------------------
RST = """==============
 Widget Server
==============

Intro paragraph about the server.

Configuration
=============

Defaults
--------
The port is 8080.

A transition follows.

----------

Example::

    Indented literal
    ----------------

Logging
-------
Logs go to syslog.

Install
=======
Run ``make``.

Hi
~~~
A two-letter title with a three-character underline (Markdown would open a code fence).
"""


def test_rst_titles_give_heading_paths_by_adornment_order() -> None:
    chunks = _split(RST, rst=True)
    _assert_verbatim(RST, chunks)
    _assert_lines_whole(RST, chunks)
    by_heading = {c.heading: c.text for c in chunks}
    assert list(by_heading) == [
        "Widget Server",
        "Widget Server › Configuration › Defaults",
        "Widget Server › Configuration › Logging",
        "Widget Server › Install",
        "Widget Server › Install › Hi",
    ]
    # A transition and an underlined line inside an indented literal block are not titles.
    assert "Indented literal" in by_heading["Widget Server › Configuration › Defaults"]
    # "Configuration" has no body of its own: it opens the chunk of its first sub-section.
    assert by_heading["Widget Server › Configuration › Defaults"].startswith("Configuration\n===")


def test_rst_underline_shorter_than_the_title_or_without_blank_line_before_is_text() -> None:
    text = "Intro.\n\nA title line\n=====\n\nBody.\nNot a title\n===========\n"
    assert {c.heading for c in _split(text, rst=True)} == {""}


def test_rst_needs_the_flag() -> None:
    assert {c.heading for c in _split(RST)} == {""}
    # Markdown's rules do not read rst: "~~~" opens a code fence there.
    assert "Widget Server › Install › Hi" not in {c.heading for c in _split(RST, markdown=True)}


def test_rst_file_is_loaded_with_its_title_and_heading_paths(tmp_path: Path) -> None:
    path = tmp_path / "guide.rst"
    path.write_text(RST, encoding="utf-8")
    doc = load_document(path, 1 << 20)
    assert doc.rst and not doc.markdown and doc.title == "Widget Server"
    chunks = Chunker(_words, 200, 4).split(
        key="k", source="guide.rst", title=doc.title, text=doc.text, doc_hash="h",
        markdown=doc.markdown, page_starts=doc.page_starts, rst=doc.rst,
    )
    assert any(c.heading == "Widget Server › Configuration › Defaults" for c in chunks)


CHANGELOG = """CHANGES FROM 3.2a TO 3.3

* Add support for systemd socket activation.

* Add a fill-character option.

CHANGES FROM 3.2 TO 3.2a

* Do not crash when run-shell produces output.
"""

MAN_PAGE = """NAME
       grep - print lines that match patterns

OPTIONS
       -i, --ignore-case
              Ignore case distinctions.
"""

UNDERLINED = """Widget for Debian

For a detailed description of the architecture, please see

  /usr/share/doc/widget/README.md

Port assignment
---------------

The server listens on port 8080.
"""


def test_plain_text_titles_give_one_level_headings() -> None:
    chunks = _split(CHANGELOG, plain=True)
    _assert_verbatim(CHANGELOG, chunks)
    _assert_lines_whole(CHANGELOG, chunks)
    by_heading = {c.heading: c.text for c in chunks}
    assert "systemd" in by_heading["CHANGES FROM 3.2a TO 3.3"]
    assert "run-shell" in by_heading["CHANGES FROM 3.2 TO 3.2a"]
    # A man page's capitals are followed by indented text, not a blank line.
    assert {c.heading for c in _split(MAN_PAGE, plain=True)} == {"NAME", "OPTIONS"}


DEBIAN_CHANGELOG = """tzdata (2022c-1) unstable; urgency=medium

  * New upstream version, no changes to the timezones.

 -- Benjamin Drung <bdrung@debian.org>  Tue, 16 Aug 2022 10:00:00 +0200

tzdata (2022b-1) unstable; urgency=medium

  [ Johannes Schauer Marin Rodrigues ]
  * Add support for DPKG_ROOT.

 -- Benjamin Drung <bdrung@debian.org>  Fri, 12 Aug 2022 10:00:00 +0200
"""


def test_a_debian_changelogs_entries_are_its_sections() -> None:
    chunks = _split(DEBIAN_CHANGELOG, plain=True)
    _assert_verbatim(DEBIAN_CHANGELOG, chunks)
    by_heading = {c.heading: c.text for c in chunks}
    assert "no changes to the timezones" in by_heading["tzdata (2022c-1) unstable; urgency=medium"]
    assert "DPKG_ROOT" in by_heading["tzdata (2022b-1) unstable; urgency=medium"]


NEWS = """PROJECT NEWS

What's new in at-spi2-core 2.46.0:

* Fix GetInterfaces documentation.

What's new in at-spi2-core 2.45.1:

* Now requires meson 0.56.2 and glib 2.67.4.
* Example:

  run it twice.
"""


def test_a_news_files_releases_introduced_with_a_colon_are_its_sections() -> None:
    chunks = _split(NEWS, plain=True)
    _assert_verbatim(NEWS, chunks)
    by_heading = {c.heading: c.text for c in chunks}
    # The releases win over the title in capitals; a colon in an item is no title.
    assert "meson 0.56.2" in by_heading["What's new in at-spi2-core 2.45.1"]
    assert "GetInterfaces" in by_heading["What's new in at-spi2-core 2.46.0"]
    assert set(by_heading) <= {"", "What's new in at-spi2-core 2.46.0", "What's new in at-spi2-core 2.45.1"}


DATED_NEWS = """GNU units NEWS - User visible changes.

Version 2.21 - 12 November 2020 (bug fix release)
* Improved error reporting when input files are missing

Version 2.20 - 30 September 2020
* Added --conformable option which prints every conformable unit

Version 1.52 - Dec 18, 1996

* Sums of conformable units
"""


def test_a_news_files_releases_titled_by_version_and_date_are_its_sections() -> None:
    # Laid out with the changes straight below or after a blank line: both are titles.
    chunks = _split(DATED_NEWS, plain=True)
    _assert_verbatim(DATED_NEWS, chunks)
    by_heading = {c.heading: c.text for c in chunks}
    assert "--conformable" in by_heading["Version 2.20 - 30 September 2020"]
    assert "error reporting" in by_heading["Version 2.21 - 12 November 2020 (bug fix release)"]
    assert "Sums of conformable" in by_heading["Version 1.52 - Dec 18, 1996"]


def test_one_version_and_date_line_is_no_title() -> None:
    # A README's single "1.0 (2020-01-01)" line above a list stays text: two make a NEWS file.
    text = "Intro.\n\nReleased\n\n1.0 (2020-01-01)\n- first\n"
    assert {c.heading for c in _split(text, plain=True)} == {"", "Released"}


def test_a_heading_path_and_title_leave_badges_out_so_chunks_embed_apart(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(
        "# Pool Controls [![Build](https://ci.example/badge.svg)](https://ci.example/run)\n\n"
        "Limits thread pools.\n\n## Usage\n\nCall limit() first.\n",
        encoding="utf-8",
    )
    doc = load_document(readme, 1_000_000)
    assert doc.title == "Pool Controls"
    chunks = _split(doc.text, markdown=True)
    assert {c.heading for c in chunks} == {"Pool Controls", "Pool Controls › Usage"}


def test_plain_text_that_underlines_its_titles_has_only_those() -> None:
    # "... please see" stands alone between blank lines, but this document underlines titles.
    headings = {c.heading for c in _split(UNDERLINED, plain=True)}
    assert headings == {"", "Port assignment"}


def test_plain_text_sentences_items_and_fields_are_not_titles() -> None:
    text = (
        "Intro.\n\nThe server starts quickly\nand stops cleanly.\n\n- A list item\n\n"
        "Port: 8080\n\nWhat is the port?\n\nname    value    default\n"
    )
    assert {c.heading for c in _split(text, plain=True)} == {""}


def test_txt_file_is_loaded_with_plain_titles(tmp_path: Path) -> None:
    path = tmp_path / "CHANGES.txt"
    path.write_text(CHANGELOG, encoding="utf-8")
    doc = load_document(path, 1 << 20)
    assert doc.plain and not doc.markdown and not doc.rst


def _faq(n: int) -> str:
    return "\n\n".join(
        f"{i}. Does question number {i} get its answer?\n\n    Yes. Answer {i} is "
        + " ".join(["word"] * 12)
        + "."
        for i in range(1, n + 1)
    )


def test_a_chunk_never_ends_on_the_question_whose_answer_opens_the_next() -> None:
    text = _faq(6)
    chunks = _split(text, budget=45)
    _assert_verbatim(text, chunks)
    _assert_lines_whole(text, chunks)
    assert len(chunks) > 1
    for c in chunks:
        assert not c.text.rstrip().endswith("?"), c.text
        assert c.text.lstrip()[0].isdigit(), c.text  # every chunk opens on its question


def test_an_option_name_stays_with_its_deeper_indented_description() -> None:
    entries = [
        f"       --option-{i}\n              does thing {i} " + " ".join(["well"] * 10)
        for i in range(8)
    ]
    # A blank line between name and description, as man pages render some entries.
    text = "OPTIONS\n" + "\n\n".join(e.replace("\n", "\n\n", 1) for e in entries)
    chunks = _split(text, budget=40, plain=True)
    _assert_verbatim(text, chunks)
    # Chunks are trimmed text: a line opening a chunk has lost its indentation, nothing else.
    chunk_lines = {ln.strip() for c in chunks for ln in c.text.splitlines()}
    assert {ln.strip() for ln in text.splitlines()} <= chunk_lines
    assert len(chunks) > 1
    for c in chunks:
        assert not c.text.rstrip().splitlines()[-1].lstrip().startswith("--option"), c.text


def test_an_option_tag_alone_stays_with_the_text_below_it() -> None:
    """fswebcam(1) as a PDF: each tag a paragraph of its own above its text, at one indent.
    A chunk had ended on "-S, --skip <number>", and the next opened on its text without it."""
    entries = [f"-{chr(97 + i)}, --opt-{i} <number>\n\nSet thing {i} " + " ".join(["well"] * 10) for i in range(8)]
    _assert_each_entry_opens_a_chunk(entries, "-")
    # Its two spellings joined by "or", as aircrack-ng(1) sets them: "-N <file> or
    # --new-session <file>" had ended a chunk.
    entries = [
        f"-{chr(65 + i)} <file> or --opt-{i} <file>\n\nSet thing {i} " + " ".join(["well"] * (4 + 3 * (i % 3)))
        for i in range(8)
    ]
    _assert_each_entry_opens_a_chunk(entries, "-")


def test_a_setting_with_its_value_alone_stays_with_the_text_below_it() -> None:
    """cssh(1p) as a PDF: "auto_close = 5" a paragraph of its own above its text. A chunk had
    ended on it, and the next opened on "Close terminal window after this many seconds."
    without the setting it describes. A sample configuration's settings one after another,
    each under its comment, stay as they are."""
    entries = [f"opt_{i} = {i}\n\nSet thing {i} " + " ".join(["well"] * 10) + "." for i in range(8)]
    _assert_each_entry_opens_a_chunk(entries, "opt_")
    # A sample configuration's setting above the next setting's comment, or above the next
    # setting, introduces neither.
    sample = "opt_1 = 1\n\n# Thing 2 is well\n\nopt_2 = 2\n\nopt_3 = 3\n\nSet thing 3 well."
    setting_1, comment_2, setting_2, setting_3, text_3 = (
        _Block(s, s + len(part), False) for s, part in _parts(sample)
    )
    assert not _leads_in(sample, setting_1, comment_2)
    assert not _leads_in(sample, setting_2, setting_3)
    assert _leads_in(sample, setting_3, text_3)


def test_a_term_alone_on_its_line_stays_with_the_text_below_it() -> None:
    """barman(5) as a PDF: each setting's name a paragraph of its own above its text, at one
    indent. Chunks had ended on "bandwidth_limit", and the next opened on "This option allows
    you to specify a maximum transfer rate …" without the name it describes."""
    entries = [
        f"opt_name_{i}\n\nThis option sets thing {i} " + " ".join(["well"] * (2 + 2 * (i % 3))) + "."
        for i in range(8)
    ]
    _assert_each_entry_opens_a_chunk(entries, "opt_")
    # A line that ends a sentence, one above a line as short, a list's last item, or a command
    # a line ending in ":" introduces, introduces nothing.
    text = (
        "Done here.\n\nThis option sets thing 1 well.\n\nopt_a\n\nopt_b\n\n4. LF_COLORS (lf specific)"
        "\n\nThis option sets thing 2 well.\n\nThen reload it with:\n\nlf-tool -R\n\nThis option sets thing 3 well."
    )
    done, prose, term_a, term_b, item, prose_2, colon, command, prose_3 = (
        _Block(s, s + len(part), False) for s, part in _parts(text)
    )
    assert not _leads_in(text, done, prose)
    assert not _leads_in(text, term_a, term_b)
    assert not _leads_in(text, item, prose_2)
    assert not _leads_in(text, command, prose_3)


def _assert_each_entry_opens_a_chunk(entries: list[str], lead: str) -> None:
    """Entries (a name above its text) packed into chunks: each chunk opens with a name and
    none ends on one."""
    text = "\n\n".join(entries)
    chunks = _split(text, budget=40)
    _assert_verbatim(text, chunks)
    assert len(chunks) > 1
    for c in chunks:
        assert c.text.startswith(lead), c.text
        assert not c.text.rstrip().splitlines()[-1].startswith(lead), c.text


def _parts(text: str) -> list[tuple[int, str]]:
    """(offset, text) of each blank-line-separated part of text."""
    out, at = [], 0
    for part in text.split("\n\n"):
        out.append((at, part))
        at += len(part) + 2
    return out


def test_a_lead_in_ending_in_a_colon_leads_in_however_its_source_wrapped_it() -> None:
    """pylibmc's "Behaviors" page: the paragraph "… provided the libmemcached clients are told to
    use the CRC32-style hasher. This can be done in pylibmc as follows:", wrapped over four lines
    by the page's source, had ended a chunk, and the code it introduces opened the next alone."""
    text = (
        "python-memcached 1.45 and later incorporated cmemcache_hash as its default\n"
        "hasher, and so will interoperate with libmemcached provided the libmemcached\n"
        "clients are told to use the CRC32-style hasher. This can be done in pylibmc\n"
        "as follows:\n\n"
        '>>> mc.behaviors["hash"] = "crc"\n\n'
        "- one\n- two\n- three\n- four:\n\nThis option sets thing 2 well."
    )
    lead, code, items, prose = (_Block(s, s + len(part), False) for s, part in _parts(text))
    assert _leads_in(text, lead, code)
    # A list whose last item ends in ":" is a list, not a lead-in.
    assert not _leads_in(text, items, prose)
