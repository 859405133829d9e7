"""Dense units (index.units): a chunk's blocks, embedded beside it."""

from __future__ import annotations

import numpy as np

from index.chunking import retrieval_text
from index.units import (
    MIN_UNIT_WORDS,
    Unit,
    chunk_id_of,
    mean_vectors,
    unit_spans,
    unit_text,
    units_of,
)
from rag.types import Chunk

OPTIONS = (
    "-n, --quiet, --silent\n"
    "       suppress automatic printing of pattern space\n"
    "\n"
    "-i[SUFFIX], --in-place[=SUFFIX]\n"
    "       edit files in place (makes backup if SUFFIX supplied)\n"
    "\n"
    "--sandbox\n"
    "\n"
    "       operate in sandbox mode (disable e/r/w commands).\n"
)


def test_blocks_become_units_and_a_short_block_joins_the_next() -> None:
    spans = unit_spans(OPTIONS, min_words=5)

    texts = [OPTIONS[a:b] for a, b in spans]
    assert texts[0].startswith("-n, --quiet") and texts[0].endswith("pattern space")
    assert texts[1].startswith("-i[SUFFIX]")
    # "--sandbox" alone is too short: it joins the block under it.
    assert texts[2].startswith("--sandbox") and texts[2].rstrip().endswith("commands).")
    assert len(spans) == 3


def test_an_option_entry_of_few_words_is_a_unit_of_its_own() -> None:
    """7z(1) as text: "-sdel  delete files after compression" has five words. Joined to the
    next entries to make a unit of MIN_UNIT_WORDS, its vector was their average, and "which
    switch deletes the source files once they have been compressed?" missed it."""
    text = (
        "       -scrc[CRC32|CRC64|SHA1|SHA256|*]\n              set hash function for x, e, h commands\n\n"
        "       -sdel  delete files after compression\n\n"
        "       -seml[.]\n              send archive by email\n\n"
        "       -y     assume Yes on all queries\n\n"
        "   Notes\n\n   Every switch above may be given more than once when it makes sense."
    )
    texts = [text[a:b].strip() for a, b in unit_spans(text)]
    assert texts[:4] == [
        "-scrc[CRC32|CRC64|SHA1|SHA256|*]\n              set hash function for x, e, h commands",
        "-sdel  delete files after compression",
        "-seml[.]\n              send archive by email",
        "-y     assume Yes on all queries",
    ]
    # A short block that is no option's entry still joins the next.
    assert texts[4].startswith("Notes") and len(texts) == 5


def test_a_short_last_block_joins_the_one_before() -> None:
    text = "one two three four five six\n\nseven eight nine ten eleven twelve\n\nend"

    spans = unit_spans(text, min_words=5)

    assert [text[a:b] for a, b in spans] == ["one two three four five six", "seven eight nine ten eleven twelve\n\nend"]


def test_a_chunk_with_units_gets_their_normalised_mean_as_its_vector() -> None:
    units = [Unit("a~u0", "a", 0, 5), Unit("b~u0", "b", 0, 5), Unit("a~u1", "a", 6, 9)]
    vectors = np.array([[1.0, 0.0], [0.0, 2.0], [0.0, 1.0]])

    got = mean_vectors(units, vectors)

    assert set(got) == {"a", "b"}
    assert np.allclose(got["a"], [2**-0.5, 2**-0.5])
    assert np.allclose(got["b"], [0.0, 1.0])


def test_a_chunk_of_one_block_has_no_units() -> None:
    assert unit_spans("A single paragraph of text that is long enough to count as one unit here.") == []
    assert unit_spans("tiny\n\nalso tiny") == []  # joined into one: its own embedding covers it


def test_units_carry_their_chunk_and_read_with_title_and_heading() -> None:
    body = "\n\n".join(f"Entry {i}: " + " ".join(["word"] * MIN_UNIT_WORDS) for i in range(3))
    c = Chunk(id="d-00001", source="sed.1.txt", title="SED(1)", text=body, start=0, end=len(body),
              heading="OPTIONS")

    units = units_of(c)

    assert [u.id for u in units] == ["d-00001~u0", "d-00001~u1", "d-00001~u2"]
    assert all(u.chunk_id == "d-00001" == chunk_id_of(u.id) for u in units)
    assert unit_text(c, units[1]) == "SED(1)\nOPTIONS\n" + body[units[1].start : units[1].end]


def test_a_unit_of_a_split_table_reads_with_its_header_row_as_its_chunk_does() -> None:
    """Units and chunks share one prefix (index.chunking.with_context): a later part of a split
    table embeds its rows under the header, so "port | 8080" keeps the word "default"."""
    rows = "\n\n".join(f"| key{i} | {' '.join(['value'] * MIN_UNIT_WORDS)} |" for i in range(3))
    c = Chunk(id="d-00002", source="guide.md", title="Guide", text=rows, start=0, end=len(rows),
              heading="Settings", context="| name | default |")

    units = units_of(c)

    assert units
    assert all(unit_text(c, u).startswith("Guide\nSettings\n| name | default |\n") for u in units)
    assert retrieval_text(c).startswith("Guide\nSettings\n| name | default |\n")


def test_each_row_of_a_table_is_a_unit_read_under_its_column_names() -> None:
    """Forty settings rows averaged into one vector look alike; each row embedded on its own,
    with the column names, is found by a question about that row. Short rows stay apart."""
    text = (
        "The defaults below apply to every server.\n\n"
        "| Setting | Default |\n|---|---|\n| port | 8080 |\n| host | localhost |\n\n"
        + " ".join(["More"] * MIN_UNIT_WORDS)
    )
    c = Chunk(id="d-00003", source="guide.md", title="Guide", text=text, start=0, end=len(text))

    spans = [text[a:b] for a, b in unit_spans(text)]

    assert spans == [
        "The defaults below apply to every server.",
        "| port | 8080 |",
        "| host | localhost |",
        " ".join(["More"] * MIN_UNIT_WORDS),
    ]
    row = units_of(c)[1]
    assert unit_text(c, row) == "Guide\n| Setting | Default |\n| port | 8080 |"


def test_each_entry_of_a_two_column_listing_is_a_unit() -> None:
    """APSW's shell lists its forty commands in one block with no blank line ("  .bail ON|OFF
    Stop after hitting an error (default OFF)"): averaged into one vector they look alike, and
    "how can I make the shell stop at the first error?" missed the block. Each entry is a unit
    with the lines its text wraps onto; the lines above the first entry go with it."""
    text = (
        "```\n"
        ".autoimport FILENAME ?TABLE?  Imports filename creating a table and\n"
        "                              automatically working out separators\n"
        ".bail ON|OFF                  Stop after hitting an error (default OFF)\n"
        ".cd DIR\t\t\t      Changes current directory\n"
        ".changes ON|OFF               Show changes from last SQL\n"
        ".close                        Closes the database\n"
        "```"
    )
    spans = [text[a:b] for a, b in unit_spans(text)]
    assert spans == [
        "```\n.autoimport FILENAME ?TABLE?  Imports filename creating a table and\n"
        "                              automatically working out separators",
        ".bail ON|OFF                  Stop after hitting an error (default OFF)",
        ".cd DIR\t\t\t      Changes current directory",
        ".changes ON|OFF               Show changes from last SQL",
        ".close                        Closes the database\n```",
    ]
    # Prose is no listing, though a sentence may set two spaces after its full stop.
    prose = "\n".join(["It ends here.  Then another sentence follows on the same line."] * 5)
    assert unit_spans(prose) == []


def test_each_item_of_a_list_of_four_or_more_is_a_unit() -> None:
    """bignumber.js's README lists ten features in one block: averaged into one vector they
    missed "how big is it once minified and gzipped?", which "- 8 KB minified and gzipped"
    answers. Each item is a unit, with the lines it wraps onto and the items nested under it;
    a list of three stays one block."""
    text = (
        "Features:\n"
        "- Integers and decimals\n"
        "- 8 KB minified and gzipped\n"
        "- Replicates the `toFixed` method\n"
        "  of JavaScript's Number type\n"
        "- Wide platform compatibility\n"
        "  - Node.js\n"
        "  - browsers"
    )
    assert [text[a:b] for a, b in unit_spans(text)] == [
        "Features:\n- Integers and decimals",
        "- 8 KB minified and gzipped",
        "- Replicates the `toFixed` method\n  of JavaScript's Number type",
        "- Wide platform compatibility\n  - Node.js\n  - browsers",
    ]
    assert unit_spans("- one\n- two\n- three") == []
