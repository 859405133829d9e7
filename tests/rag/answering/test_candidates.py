"""Candidate generation over the shapes ordinary documents take: prose, lists, tables, fields."""

from __future__ import annotations

from rag.answering.candidates import spans
from rag.answering.layout import MAX_CHARS, Span

README = """# Setup

Install it with pip. Then run
the server with the default
settings.

| setting | default |
|---|---|
| port | 8080 |

- Fixed a crash [1] in the parser.
-   Flexible input: URLs or files can be used
    (including batch processing).
Version: 2.3.0
Q: Does it work offline?
A: Yes, no network is needed.
```
pip install thing
```
"""


def _by_text(text: str) -> dict[str, tuple[str, str]]:
    return {text[s.start : s.end]: (s.kind, s.model_text) for s in spans(text)}


def _spans_by_quote(text: str) -> dict[str, Span]:
    return {text[s.start : s.end]: s for s in spans(text)}


def _span_opening(text: str, words: str) -> Span:
    """The candidate whose quote opens with these words."""
    return next(s for s in spans(text) if text[s.start : s.end].startswith(words))


def test_every_candidate_is_a_verbatim_span() -> None:
    for s in spans(README):
        assert s.start < s.end
        assert README[s.start : s.end].strip() == README[s.start : s.end]


def test_wrapped_prose_is_one_sentence() -> None:
    got = _by_text(README)
    # "Then ..." leans on the sentence before it, so it is quoted with it.
    assert got["Install it with pip. Then run\nthe server with the default\nsettings."] == (
        "sentence",
        "Setup Install it with pip. Then run the server with the default settings.",
    )


def test_a_table_row_reads_with_its_header() -> None:
    kind, model = _by_text(README)["| port | 8080 |"]
    assert kind == "row" and model == "setting: port; default: 8080"
    # The rule line under the header is no candidate.
    assert not any(set(k) <= set("|-: ") for k in _by_text(README))


def test_list_items_lose_their_bullet() -> None:
    got = _by_text(README)
    assert got["Fixed a crash [1] in the parser."] == ("item", "Fixed a crash [1] in the parser.")
    wrapped = "Flexible input: URLs or files can be used\n    (including batch processing)."
    assert got[wrapped][0] == "item"


def test_a_footnote_mark_is_no_word_of_the_text_but_a_bracketed_value_is() -> None:
    # A number in brackets set apart by a space is what the text says: a help text's default
    # (duc's "image size [800]"), a setting's (latexmk's "$show_time [0]"). A footnote's mark is
    # glued to the word or the stop before it ("France.[3]").
    assert [s.model_text for s in spans("-s, --size=VAL\n    image size [800]\n")][-1].endswith("image size [800]")
    assert [s.model_text for s in spans("Paris is the capital of France.[3]\n")] == ["Paris is the capital of France."]


def test_fields_and_faq_answers_read_with_their_question() -> None:
    got = _by_text(README)
    assert got["Version: 2.3.0"] == ("field", "Version: 2.3.0")
    assert got["A: Yes, no network is needed."][1] == (
        "Q: Does it work offline? A: Yes, no network is needed."
    )


def test_a_man_page_option_reads_with_its_name() -> None:
    text = "       -k --keep\n              Keep (don't delete) input files.\n"
    (s,) = [c for c in spans(text) if "Keep" in c.model_text]
    assert s.model_text.startswith("-k --keep")


def test_empty_and_punctuation_only_text_has_no_candidates() -> None:
    assert spans("") == []
    assert spans("---\n\n***\n|---|---|\n") == []


def test_every_sentence_of_a_faq_answer_reads_with_its_question() -> None:
    faq = "What is the refund policy?\nAnnual plans get refunds. Monthly plans are not refundable.\n"
    got = _by_text(faq)
    assert got["Annual plans get refunds."][1].startswith("What is the refund policy?")
    assert got["Monthly plans are not refundable."][1].startswith("What is the refund policy?")


def test_a_man_page_option_is_quoted_with_its_name() -> None:
    text = "-k --keep\n\nKeep (don't delete) input files.\n"
    (s,) = [c for c in spans(text) if "Keep" in c.model_text]
    assert text[s.start : s.end] == "-k --keep\n\nKeep (don't delete) input files."


def test_a_setting_alone_above_its_text_is_quoted_with_it_but_not_the_last_of_a_list() -> None:
    text = "BC_LINE_LENGTH\n\nThe number of characters in an output line.\n"
    (s,) = [c for c in spans(text) if "characters" in c.model_text]
    assert text[s.start : s.end] == text.strip()
    listed = "New functions:\ngnutls_sign_set_secure\ngnutls_protocol_set_enabled\n\nNo other changes.\n"
    (s,) = [c for c in spans(listed) if "No other" in c.model_text]
    assert listed[s.start : s.end] == "No other changes."


def test_a_name_in_capitals_is_quoted_with_its_text_but_not_a_section_title() -> None:
    # A man page's ENVIRONMENT section rendered to PDF: the variable alone above its text.
    text = (
        "ENVIRONMENT\n\nFAKEROOTKEY\n\nThe key used to communicate with the daemon. Any program"
        " with a FAKEROOTKEY of a running daemon connects to it.\n"
    )
    (s,) = [c for c in spans(text) if c.model_text.startswith("FAKEROOTKEY The key")]
    assert text[s.start : s.end].startswith("FAKEROOTKEY\n\nThe key used")
    # man-pages(7)'s titles, a title above indented text, and a word no sentence uses are titles.
    for page, first in (
        ("NAME\n\nfakeroot runs a command. See FAKEROOTKEY and NAME below.\n", "fakeroot"),
        (
            "PORTABILITY\n       Only Linux and the BSDs are supported by this version of the\n"
            "       program; PORTABILITY patches are welcome from anyone who has them.\n",
            "Only",
        ),
        ("LIMITS\n\nThe following are the limits in place.\n", "The"),
    ):
        quotes = [page[c.start : c.end] for c in spans(page) if first in c.model_text]
        assert quotes and all(q.startswith(first) for q in quotes)
    # A name no sentence uses is still the entry's when its text runs on in lower case, as
    # xmodmap's PDF sets "DISPLAY" above "to get default host and display number.".
    page = "ENVIRONMENT\n\nDISPLAY\n\nto get default host and display number.\n\nSEE ALSO\n\nX(7)\n"
    (s,) = [c for c in spans(page) if "default host" in c.model_text]
    assert page[s.start : s.end].startswith("DISPLAY\n\nto get default host")


def test_a_name_in_capitals_right_under_a_title_is_the_sections_first_entry() -> None:
    # irqbalance's PDF: the SIGNALS title, then its one signal above what it does.
    page = "SIGNALS\n\nSIGHUP\n\nForces a rescan of the available IRQs and system topology.\n"
    (s,) = [c for c in spans(page) if "Forces a rescan" in c.model_text]
    assert page[s.start : s.end].startswith("SIGHUP\n\nForces a rescan")
    # man-pages(7)'s titles stay titles wherever they stand.
    empty = "ENVIRONMENT\n\nFILES\n\nThe files in /etc/foo are read at start-up.\n"
    quotes = [empty[c.start : c.end] for c in spans(empty) if "files in" in c.model_text]
    assert quotes and all(q.startswith("The files in") for q in quotes)


def test_an_options_line_alone_goes_when_its_description_is_quoted_with_it() -> None:
    text = (
        "       -i, --interactive\n"
        "              Interactively ask for confirmation before killing.\n\n"
        "       -l, --list\n"
        "              List all known signal names.\n"
    )
    quotes = [text[c.start : c.end].split("\n")[0].strip() for c in spans(text)]
    assert quotes == ["-i, --interactive", "-l, --list"]
    assert all(c.kind != "line" for c in spans(text))
    # A title's line stays: the text below is read with it, not quoted with it.
    titled = "Installation\n\nRun make install as root to put the program in place.\n"
    assert [c.kind for c in spans(titled)] == ["line", "sentence"]


def test_a_man_pages_running_head_and_foot_are_not_candidates() -> None:
    page = (
        "KILLALL(1)                       User Commands                      KILLALL(1)\n\n"
        "NAME\n       killall - kill processes by name\n\n"
        "psmisc                            2021-01-11                        KILLALL(1)\n"
    )
    quotes = [page[c.start : c.end] for c in spans(page)]
    assert len(quotes) == 1 and quotes[0].endswith("killall - kill processes by name")


def test_a_lower_case_tag_above_its_paragraph_is_quoted_with_it_and_the_whole_paragraph() -> None:
    # ip-address(8) as PDF: a tag alone above its paragraph, as groff sets a long one.
    text = (
        "noprefixroute\n\nDo not automatically create a route for the network prefix. Changing"
        " an address to add this flag will remove the route.\n\n"
        "or\n\nzip -r foo foo --exclude @exclude.lst\n"
    )
    (first,) = [c for c in spans(text) if c.model_text.startswith("noprefixroute Do not")]
    assert text[first.start : first.end].startswith("noprefixroute\n\nDo not")
    assert first.block is not None and text[first.block[0] : first.block[1]].endswith("remove the route.")
    # A function word is no tag.
    (zipped,) = [c for c in spans(text) if "zip -r" in c.model_text]
    assert text[zipped.start : zipped.end].startswith("zip -r")


def test_a_key_binding_above_what_it_does_is_quoted_with_it() -> None:
    # dvtm(1) as PDF: each key alone in its paragraph above what it does; "Create a new shell
    # window ..." alone does not say which key.
    text = (
        "Mod-c\n\nCreate a new shell window.\n\n"
        "Mod-C\n\nCreate a new shell window using the current working directory of the focused window.\n\n"
        "C-x C-f\n\nOpen a file.\n"
    )
    quotes = [text[c.start : c.end] for c in spans(text) if "Create" in c.model_text or "Open" in c.model_text]
    assert "Mod-C\n\nCreate a new shell window using the current working directory of the focused window." in quotes
    assert "Mod-c\n\nCreate a new shell window." in quotes and "C-x C-f\n\nOpen a file." in quotes
    # A capitalised word is no key binding.
    assert not any(q.startswith("Create") for q in quotes)


def test_a_setting_heading_its_entry_is_quoted_with_the_text_but_a_section_title_is_not() -> None:
    # Django's deployment checklist as HTML: each setting a heading above what to do with it.
    text = (
        "### CSRF_COOKIE_SECURE\n\nSet this to True to avoid transmitting the CSRF cookie over HTTP.\n\n"
        "### Sessions\n\nConsider using cached sessions to improve performance.\n\n"
        "### NOTES\n\nThe checklist is not exhaustive.\n"
    )
    quotes = [text[c.start : c.end] for c in spans(text)]
    assert "CSRF_COOKIE_SECURE\n\nSet this to True to avoid transmitting the CSRF cookie over HTTP." in quotes
    assert "Consider using cached sessions to improve performance." in quotes
    assert "The checklist is not exhaustive." in quotes


def test_a_typed_name_heading_its_entry_is_quoted_with_the_text() -> None:
    # astring's README: each export a heading with its type; a note that opens like a field
    # (":warning: …") is the export's text all the same, a heading being no setting above it.
    text = (
        "### baseGenerator: object\n\n:warning: Deprecated, use GENERATOR instead.\n\n"
        "### Usage: advanced\n\nThe module exports one function.\n"
    )
    quotes = [text[c.start : c.end] for c in spans(text)]
    assert "baseGenerator: object\n\n:warning: Deprecated, use GENERATOR instead." in quotes
    assert "The module exports one function." in quotes


def test_a_bold_name_above_its_entry_is_quoted_with_the_text_but_a_bold_title_is_not() -> None:
    # intl-tel-input's README: each event a bold name on a line of its own above what it means.
    text = (
        "You can listen for the following events on the input.\n\n"
        "**countrychange**  \nThis is triggered when the user selects a country from the dropdown.\n\n"
        "**Placeholders**  \nIn order to get the placeholders, simply omit the placeholder attribute.\n"
    )
    quotes = [text[c.start : c.end] for c in spans(text)]
    assert "**countrychange**  \nThis is triggered when the user selects a country from the dropdown." in quotes
    assert "In order to get the placeholders, simply omit the placeholder attribute." in quotes


def test_a_signature_heading_its_entry_is_quoted_with_the_text() -> None:
    # http-errors' README: each function of the API a heading above what it does.
    text = (
        "### createError.isHttpError(val)\n\nDetermine if the provided val is an HttpError.\n\n"
        "### Usage (advanced)\n\nThe module exports one function.\n"
    )
    quotes = [text[c.start : c.end] for c in spans(text)]
    assert "createError.isHttpError(val)\n\nDetermine if the provided val is an HttpError." in quotes
    assert "The module exports one function." in quotes
    # What it returns may follow (fastq's README).
    returning = "#### queue.drained() => Promise\n\nWait for the queue to be drained.\n"
    quotes = [returning[c.start : c.end] for c in spans(returning)]
    assert "queue.drained() => Promise\n\nWait for the queue to be drained." in quotes


def test_a_tables_first_row_without_a_rule_is_a_row_unless_it_names_columns() -> None:
    # HTML tables without <th> come out with no rule under their first row.
    tools = "| query | dump the inputs and outputs of a target. |\n| compdb | write a compilation database. |\n"
    assert [s.kind for s in spans("The tools are:\n\n" + tools)][-2:] == ["row", "row"]
    values = "| port | 8080 |\n| host | localhost |\n"
    assert [s.kind for s in spans("Defaults:\n\n" + values)][-2:] == ["row", "row"]
    # A Word table's first row names its columns, rule or not.
    named = "| Item | Limit |\n| Hotel | 150 per night |\n"
    got = spans("Limits:\n\n" + named)
    assert [s.kind for s in got][-2:] == ["header", "row"] and got[-1].model_text == "Item: Hotel; Limit: 150 per night"


def test_a_sample_configurations_comments_are_read_without_their_markers() -> None:
    text = (
        "## The port to use for the web server.\n#webagg.port: 8988\n\n"
        "## Normal is the same as\n## 400, and bold is 700.\n\n# Guide\n## Install\n"
    )
    got = _by_text(text)
    # Quoted as written, read without "#": no longer a Markdown heading, the default a field.
    assert got["webagg.port: 8988"][0] == "field"
    assert got["The port to use for the web server."][0] != "heading"
    bold = next(k for k in got if "bold is 700" in k)
    assert got[bold][0] == "sentence" and got[bold][1].endswith("Normal is the same as 400, and bold is 700.")
    # Consecutive short Markdown headings stay headings.
    assert got["Guide"][0] == "heading" and got["Install"][0] == "heading"


def test_a_heading_above_is_read_but_not_quoted() -> None:
    text = "## Shipping\n\nOrders ship in 3 days.\n"
    (s,) = [c for c in spans(text) if "Orders" in c.model_text]
    assert text[s.start : s.end] == "Orders ship in 3 days."
    assert s.model_text == "Shipping Orders ship in 3 days."


def test_a_lead_in_ending_in_a_colon_is_quoted_with_its_command() -> None:
    text = 'Create a database "joework":\n\n   $ createdb joework\n\nThen exit.\n'
    got = _by_text(text)
    assert 'Create a database "joework":\n\n   $ createdb joework' in got
    assert 'Create a database "joework":' not in got
    fenced = "To install:\n\n```sh\npip install foo\n```\n"
    (kind, model) = _by_text(fenced)["To install:\n\n```sh\npip install foo\n```"]
    assert model == "To install: pip install foo"


def test_a_comment_in_a_fenced_code_block_is_not_a_heading() -> None:
    text = "```python\nprint(embeddings.shape)\n# => (3, 384)\n```\n\n# Usage\n\nCall it.\n"
    (out,) = [c for c in spans(text) if "384" in c.model_text]
    assert out.kind != "heading" and out.model_text == "print(embeddings.shape) => (3, 384)"
    assert [c.kind for c in spans(text) if c.model_text == "Usage"] == ["heading"]


def test_a_root_prompt_inside_html_pre_is_not_a_heading() -> None:
    text = "<pre>\n<strong>FreeBSD</strong>\n# pkg install bfs\n</pre>\n\n# Usage\n\nRun it.\n"
    (out,) = [c for c in spans(text) if "pkg install" in c.model_text]
    assert out.kind != "heading" and "<strong>FreeBSD</strong>" in text[out.start : out.end]
    assert [c.kind for c in spans(text) if c.model_text == "Usage"] == ["heading"]


def test_a_sentence_broken_off_at_a_comma_is_quoted_with_what_completes_it() -> None:
    text = "Addresses are specified in the following syntax,\n\nprotocol/host:port\n\nwhere protocol is a family.\n"
    got = _by_text(text)
    assert "Addresses are specified in the following syntax,\n\nprotocol/host:port" in got
    assert "Addresses are specified in the following syntax," not in got


def test_a_sentence_announcing_a_list_is_quoted_with_the_list_below_it() -> None:
    text = (
        "The following three types of authentication are\nsupported. All work over HTTPS.\n\n"
        "* Digest\n* Basic\n* WSSE\n\nCaching is optional.\n"
    )
    got = _by_text(text)
    whole = "The following three types of authentication are\nsupported. All work over HTTPS.\n\n* Digest\n* Basic\n* WSSE"
    assert whole in got and got[whole][1].endswith("* Digest * Basic * WSSE")
    assert "Digest" in got  # each item stays a candidate of its own
    # Without a list right below, the sentence stays as it is.
    plain = "The following fix is included.\n\nCaching is optional.\n"
    assert "The following fix is included." in _by_text(plain)


def test_a_colon_before_a_paragraph_break_and_more_text_takes_only_the_next_lines() -> None:
    text = "Options:\nfirst line\nsecond line\n\nUnrelated paragraph here.\n"
    got = _by_text(text)
    assert "Options:\nfirst line\nsecond line" in got
    assert not any("Unrelated" in k and "Options" in k for k in got)


def test_a_sentence_leaning_on_the_one_before_is_quoted_with_it() -> None:
    text = "Stale builds give errors. This can be fixed with make distclean. Builds take a long time here.\n"
    got = _by_text(text)
    assert "Stale builds give errors. This can be fixed with make distclean." in got
    assert "This can be fixed with make distclean." not in got
    # A sentence that stands alone stays alone; the one it follows is a candidate of its own.
    assert "Builds take a long time here." in got and "Stale builds give errors." in got


def test_a_title_above_a_sentence_is_read_but_not_quoted_with_it() -> None:
    text = "Alpha project notes\n\nThe build server listens on port 8123.\n"
    got = _by_text(text)
    assert got["The build server listens on port 8123."][1] == (
        "Alpha project notes The build server listens on port 8123."
    )
    assert "Alpha project notes" in got


def test_a_passage_opening_with_a_whole_table_reads_its_rows_under_its_header() -> None:
    """A chunk that opens with a table has no header in its context (the chunker keeps one only
    for a chunk cut through a table): a Word table's first row, with no rule under it, names the
    columns when its cells are labels. It had been read as a row, and "Infinity" as no default
    ("What is the default maxBatchSize of a DataLoader?" refused, DataLoader's README)."""
    text = "| Option Key | Type | Default |\n| maxBatchSize | Number | Infinity |\n"
    got = _by_text(text)
    assert got["| maxBatchSize | Number | Infinity |"] == ("row", "Option Key: maxBatchSize; Type: Number; Default: Infinity")
    # A first row of values is a row like the others.
    got = _by_text("| port | 8080 |\n| host | localhost |\n")
    assert got["| host | localhost |"] == ("row", "host | localhost")
    # A table under prose without a rule line keeps its first row as header.
    got = _by_text("Defaults:\n\n| name | value |\n| port | 8080 |\n")
    assert got["| port | 8080 |"][1] == "name: port; value: 8080"


def test_a_passage_opening_inside_a_table_reads_under_the_header_its_chunk_kept() -> None:
    """The chunker keeps a split table's header as Chunk.context: "10MB" reads as a default."""
    text = "| `log_filename` | `'pg.log'` |\n| `log_rotation_size` | `10MB` |\n"
    header = "| Parameter | Default |\n|---|---|"
    got = {text[s.start : s.end]: s.model_text for s in spans(text, table_header=header)}
    assert got["| `log_rotation_size` | `10MB` |"] == "Parameter: `log_rotation_size`; Default: `10MB`"
    assert got["| `log_filename` | `'pg.log'` |"] == "Parameter: `log_filename`; Default: `'pg.log'`"
    # Context that is not a table row (a heading path, say) is no header.
    got = {text[s.start : s.end]: s.model_text for s in spans(text, table_header="Logging")}
    assert got["| `log_rotation_size` | `10MB` |"] == "`log_rotation_size` | `10MB`"
    # Nor is the first row of a table that names no columns (no rule under it, not labels).
    first = "| query | dump the inputs and outputs of a target. |"
    got = {text[s.start : s.end]: s.model_text for s in spans(text, table_header=first)}
    assert got["| `log_rotation_size` | `10MB` |"] == "`log_rotation_size` | `10MB`"
    # A chunk cut between the header and its rule opens at the rule, still inside the table
    # (pa11y's support table: "2025-11-07" had read with no "Support end date").
    ruled = "| :--- | :--- |\n" + text
    got = {ruled[s.start : s.end]: s.model_text for s in spans(ruled, table_header=header)}
    assert got["| `log_rotation_size` | `10MB` |"] == "Parameter: `log_rotation_size`; Default: `10MB`"


def test_headings_are_candidates_of_their_own_kind() -> None:
    got = _by_text("# Setup\n\nInstall it with pip and run it.\n\nDefaults\n========\n\nThe port is 8080.\n")
    assert got["Setup"][0] == "heading" and got["Defaults"][0] == "heading"
    assert got["Install it with pip and run it."][0] != "heading" != got["The port is 8080."][0]


def test_short_lines_ended_by_their_writer_are_not_joined_as_wrapped_prose() -> None:
    """A FAQ answer written as three short lines without full stops: each line is a fact of its
    own, unlike the hard-wrapped lines of a paragraph, which run to the wrap width."""
    text = (
        "Open Settings, choose Security, and click Reset password. A link arrives by email soon.\n\n"
        "We ship to the United States, Canada and the European Union\n"
        "Shipping takes 3-5 business days\n"
        "Express shipping costs $15\n\n"
        "The server reads its settings from the file named in the CONFIG variable when it\n"
        "Starts, and again on a reload.\n"
    )
    got = _by_text(text)
    assert "We ship to the United States, Canada and the European Union" in got
    assert "Shipping takes 3-5 business days" in got
    # A line that runs to the wrap width continues, even before a capital.
    assert any(k.startswith("The server reads") and k.endswith("reload.") for k in got)


def test_a_field_value_wrapped_in_a_hanging_indent_goes_on_below() -> None:
    faq = (
        "Q:  The default build is too big. How can I make it smaller?\n\n"
        "A:  Give --enable-small to the configure script. Use also the\n"
        "    appropriate options for your filters. See INSTALL.\n"
        "port: 8080\n"
        "host: localhost\n"
    )
    got = _by_text(faq)
    assert got["A:  Give --enable-small to the configure script."][0] == "field"
    # The next sentence, with the short one leaning on it.
    assert got["Use also the\n    appropriate options for your filters. See INSTALL."][0] == "field"
    # Fields at one indent are lines of their own, not one value.
    assert got["port: 8080"][0] == got["host: localhost"][0] == "field"


def test_a_field_value_wrapped_at_its_own_indent_goes_on_below() -> None:
    """A man page's "key= text" entry wraps without a hanging indent; a short line ends a
    value, so "x = 1" above "print(x)" stays two statements."""
    page = (
        '       use-ipv4= Takes a boolean value ("yes" or "no"). If set to "no" avahi-\n'
        "       daemon will not use IPv4 sockets. The default is yes, as on most hosts.\n"
        "\n"
        "       x = 1\n"
        "       print(x)\n"
    )
    got = _by_text(page)
    assert got['use-ipv4= Takes a boolean value ("yes" or "no").'][0] == "field"
    assert got['If set to "no" avahi-\n       daemon will not use IPv4 sockets.'][0] == "field"
    assert got["x = 1"][0] == "field" and "print(x)" in got


def test_a_field_value_broken_after_a_comma_goes_on_below() -> None:
    """An HTML page keeps its source's line breaks inside a paragraph: a line ending in a comma,
    however short, has not ended its field's value ("… as well," / "unless overwritten …")."""
    page = (
        "smtp_host: The SMTP host used to send notifications, for email alerts as well,\n"
        "unless overwritten in the rule config. The default is “localhost”.\n"
        "\n"
        "aws_region: This makes ElastAlert sign HTTP requests when using Amazon Elasticsearch Service. It uses instance\n"
        "role keys to sign the requests, unless a boto profile is given, which takes precedence over the instance role.\n"
    )
    assert [(s.kind, s.key) for s in spans(page) if "localhost" in page[s.start : s.end]] == [("field", "smtp_host")]



def test_an_empty_cell_keeps_the_cells_after_it_under_their_own_columns() -> None:
    text = "| Name | Default | Notes |\n|---|---|---|\n| ssl | | needs a key |\n| port | 5432 |\n"
    got = _by_text(text)
    assert got["| ssl | | needs a key |"] == ("row", "Name: ssl; Notes: needs a key")
    # A row that leaves its last cells out reads under the first columns.
    assert got["| port | 5432 |"] == ("row", "Name: port; Default: 5432")


def test_an_overlong_run_of_lines_is_cut_into_pieces_that_keep_all_its_text() -> None:
    # A changelog's unmarked list: one run-on "sentence" of 40 comma-ended lines, ~2,000
    # characters; cut at the length cap, its last lines could never be quoted.
    entries = [f"  Fix leak number {i} in the parser (Some Author)," for i in range(40)]
    text = "Bug fixes:\n" + "\n".join(entries) + "\n"
    found = spans(text)
    assert all(s.end - s.start <= MAX_CHARS for s in found)
    quoted = " ".join(text[s.start : s.end] for s in found)
    assert all(e.strip() in quoted for e in entries)
    # Pieces end at line ends, so no entry is split between two candidates.
    assert all(text[s.end - 1] == "," for s in found if "Fix leak" in text[s.start : s.end])


def test_an_overlong_line_is_cut_at_a_space() -> None:
    text = " ".join(f"word{i}" for i in range(300))  # one line of ~2,000 characters
    found = spans(text)
    assert len(found) > 1 and all(s.end - s.start <= MAX_CHARS for s in found)
    assert " ".join(text[s.start : s.end] for s in found) == text


def test_a_sentence_knows_the_paragraph_or_item_it_was_cut_from() -> None:
    text = (
        "** libgnutls: Fixed double free in pkcs7.\n   Reported by Jaak Ristioja. [CVE-2022-2509]\n\n"
        "- One item. Its second sentence.\n- A single item.\n"
    )
    blocks = {text[s.start : s.end]: s.block for s in spans(text)}
    item = blocks["One item."]
    assert item is not None and text[item[0] : item[1]] == "One item. Its second sentence."
    para = blocks["** libgnutls: Fixed double free in pkcs7."]
    assert para is not None and text[para[0] : para[1]].endswith("[CVE-2022-2509]")
    assert blocks["A single item."] is None  # the whole of its item already


def test_lines_ended_by_their_writer_are_no_block() -> None:
    text = (
        "Refunds are available within 30 days of purchase for annual plans, on request by email.\n"
        "Monthly plans are not refundable, and a cancelled plan runs to the end of its month.\n"
        "Open Settings, choose Security, and click Reset password to get a link by email.\n\n"
        "We ship to the EU and Canada\nShipping takes 3-5 business days\nExpress costs $15\n"
    )
    blocks = {text[s.start : s.end]: s.block for s in spans(text)}
    assert blocks["Shipping takes 3-5 business days"] is None


def test_a_restructuredtext_field_list_gives_one_field_per_line() -> None:
    text = ":Class Distribution: class_0 (59), class_1 (71)\n:Creator: R.A. Fisher\n:Date: July, 1988\n"
    fields = [(text[s.start : s.end], s.kind, s.key) for s in spans(text)]
    assert fields == [
        (":Class Distribution: class_0 (59), class_1 (71)", "field", "Class Distribution"),
        (":Creator: R.A. Fisher", "field", "Creator"),
        (":Date: July, 1988", "field", "Date"),
    ]


def test_a_list_item_wrapped_without_indent_goes_on_below() -> None:
    """Markdown's lazy continuation: an unindented line carries on the item above, unless the
    item ended its sentence and the line opens another, or the line is a block of its own."""
    text = (
        "- Fixed a crash when the input file is empty and the output\n"
        "is a pipe.\n"
        "* [libsodium documentation](https://download.libsodium.org/doc/) -\n"
        "online, requires Javascript.\n"
        "1. Allocate exactly\n"
        "65536 UIDs per container.\n"
        "Then restart the daemon.\n"
        "- Fixed the parser\n"
        "## Next section\n"
    )
    got = _by_text(text)
    assert got["Fixed a crash when the input file is empty and the output\nis a pipe."][0] == "item"
    assert got[
        "[libsodium documentation](https://download.libsodium.org/doc/) -\nonline, requires Javascript."
    ][0] == "item"
    assert got["Allocate exactly\n65536 UIDs per container."][0] == "item"
    assert got["Then restart the daemon."][0] != "item"
    assert got["Fixed the parser"][0] == "item" and got["Next section"][0] == "heading"



def test_a_code_alone_above_its_meaning_is_quoted_with_it() -> None:
    # A PDF sets a man page's RETURN VALUES as "4" and its meaning in paragraphs of their own.
    text = "RETURN VALUES\n\n0\n\nSuccess\n\n4\n\nFailed as a file or directory was not found.\n"
    got = _by_text(text)
    assert got["4\n\nFailed as a file or directory was not found."][1] == "4 Failed as a file or directory was not found."
    assert "0\n\nSuccess" in got
    assert "4" not in got and "Failed as a file or directory was not found." not in got
    # A number inside a sentence above is no code.
    assert "items here." in _by_text("The manual lists 3\n\nitems here.\n")


def test_a_colon_above_a_list_set_apart_by_blank_lines_takes_the_whole_list() -> None:
    text = (
        "LogLevel\n    Sets the log level. Allowed values are:\n\n    •   Critical (least verbose)\n\n"
        "    •   Error\n\n    •   Info (most verbose)\n\nPidFile\n    Where the process ID is stored.\n"
    )
    quotes = [k for k in _by_text(text) if "Allowed values are:" in k]
    assert quotes and all(q.endswith("•   Info (most verbose)") and "PidFile" not in q for q in quotes)
    # Without a list, a blank line still ends what the colon introduces.
    assert "Options:\nfirst line" in _by_text("Options:\nfirst line\n\nsecond paragraph.\n")


def test_a_later_sentence_of_an_entry_reads_with_the_entrys_name() -> None:
    text = (
        "       pasv_max_port\n"
        "              The maximum port to allocate for PASV style data connections.\n"
        "              Can be used to specify a narrow port range to assist\n"
        "              firewalling.\n"
    )
    later = _span_opening(text, "Can be used")
    assert later.model_text.startswith("pasv_max_port Can be used") and later.key == "pasv_max_port"
    # Prose under a title is not an entry: its sentences read alone.
    prose = "Passive mode\n\nThe server opens a port. Can be used behind firewalls.\n"
    assert _by_text(prose)["Can be used behind firewalls."][1] == "Can be used behind firewalls."


def test_a_later_sentence_of_an_option_entry_is_quoted_in_a_paragraph_with_its_name() -> None:
    """The paragraph quoted whole around a later sentence (extractive.whole_block) opens at the
    option's name, as the first sentence's quote does: "Keeps picking a random file" alone does
    not say which switch."""
    text = (
        "       -z, --shuffle\n"
        "              Shuffle play.\n"
        "\n"
        "       -Z, --random\n"
        "              Continuous random play.  Keeps picking a random file from the\n"
        "              command line or the play list.  Unlike shuffle play above,\n"
        "              random play never ends.\n"
    )
    later = _span_opening(text, "Keeps picking")
    assert later.block is not None
    assert text[later.block[0] : later.block[1]].startswith("-Z, --random\n")
    assert later.model_text.startswith("-Z, --random Keeps picking")


def test_a_later_sentence_of_a_lower_case_tags_entry_reads_with_the_tag() -> None:
    """A man page's control file or setting in lower case ("queuelifetime" above its text): its
    first sentence reads with the tag, and so does "Defaults to 7 days" after it, which alone
    had lost to the entry above's "Defaults to 1 minute"."""
    text = (
        "       pausetime\n"
        "              The minimum time to pause between queue runs.  Defaults to 1\n"
        "              minute (60).\n"
        "\n"
        "       queuelifetime\n"
        "              The maximum time a message is allowed to live in the queue\n"
        "              before being considered permanently failed, in seconds. Defaults\n"
        "              to 7 days (604800).\n"
    )
    assert _span_opening(text, "Defaults\n              to 7").model_text == "queuelifetime Defaults to 7 days (604800)."
    assert _span_opening(text, "Defaults to 1").model_text.startswith("pausetime Defaults")


def test_a_description_below_its_entrys_fields_is_quoted_with_them_and_its_name() -> None:
    """npm READMEs head each option with its name, its "Type:" and "Default:" lines, then its
    description: the description is quoted from the name (the heading's one word, which the
    description does not say: pretty-ms's "#### verbose" over "Use full-length units: …") and
    its paragraph with the fields (extractive.whole_block); a later paragraph is not."""
    text = (
        "##### threshold\n\nType: Number or String\n Default: 1kb\n\n"
        "The byte threshold for the response body size before compression is considered.\n\n"
        "Note this is only an advisory setting.\n"
    )
    described = _span_opening(text, "threshold\n\nType")
    assert described.block is not None and described.model_text.startswith("threshold The byte")
    assert text[described.block[0] : described.block[1]].startswith("threshold\n\nType: Number or String\n Default: 1kb\n\nThe byte")
    assert _span_opening(text, "Note this").model_text == "Note this is only an advisory setting."
    verbose = "#### verbose\n\nType: boolean\nDefault: false\n\nUse full-length units: 5h 1m → 5 hours 1 minute\n"
    described = _span_opening(verbose, "verbose\n\nType")
    assert described.model_text.startswith("verbose Use full-length units")
    # A heading of more words is a section's title, not an entry's name: the fields open the quote.
    titled = text.replace("##### threshold", "##### Compression threshold")
    described = _span_opening(titled, "The byte threshold")
    assert described.block is not None
    assert titled[described.block[0] : described.block[1]].startswith("Type: Number or String")
    # Below one line with a colon, a paragraph is a paragraph of its own.
    prose = (
        "## Notes\n\nWe ship it: see the list below.\n\n"
        "The byte threshold for the response body size is small. It is rarely changed.\n"
    )
    described = _span_opening(prose, "The byte")
    assert described.block is not None and prose[described.block[0] :].startswith("The byte")


def test_a_paragraph_below_a_one_line_code_block_reads_with_that_setting() -> None:
    """Configuration walk-throughs set each setting in a code block of its own above what it
    does (FRR's "Breaking this file down:"): the text is the setting's, and the setting its key."""
    text = (
        "Breaking this file down:\n\n```\nbgpd=yes\n```\nTo enable a particular daemon, simply "
        "change the corresponding 'no' to 'yes'.\n\n```\nMAX_FDS=1024\n```\nThis allows the "
        "operator to control the number of open file descriptors each daemon is allowed to start "
        "with.\n\n```\nmake\nmake install\n```\nThe second command needs to be run as root.\n"
    )
    described = _span_opening(text, "This allows")
    assert described.model_text.startswith("MAX_FDS=1024 This allows") and described.key == "MAX_FDS=1024"
    assert _span_opening(text, "To enable").key == "bgpd=yes"
    # A block of commands names no setting.
    assert _span_opening(text, "The second command").model_text.startswith("The second command")


def test_a_field_below_a_definition_reads_with_the_name_that_opens_it() -> None:
    """HTML's definition lists come out of trafilatura with the term and its text on one line;
    the "Default:" paragraph below is that term's, and a value wrapped after "from" goes on."""
    text = (
        "user.name Your full name.\n\n"
        "Default: $NAME variable if set, otherwise read from\n/etc/passwd.\n\n"
        "user.other_email A list of other email addresses at which you receive email\n\n"
        "Default: not set.\n\n"
        "Note that this is long. Read it first.\n\n"
        "Default: none\n"
    )
    got = _spans_by_quote(text)
    wrapped = "Default: $NAME variable if set, otherwise read from\n/etc/passwd."
    assert got[wrapped].model_text == "user.name Your full name. " + " ".join(wrapped.split())
    assert got["Default: not set."].model_text.startswith("user.other_email A list of other")
    # Prose above names no entry.
    assert got["Default: none"].model_text == "Default: none"


def test_a_later_paragraph_of_an_indented_entry_reads_with_its_term() -> None:
    text = (
        "       listen_port\n"
        "              If vsftpd is in standalone mode, this is the port it will listen\n"
        "              on for incoming FTP connections.\n"
        "\n"
        "              Default: 21\n"
        "\n"
        "       MaxRtrAdvInterval seconds\n"
        "\n"
        "              The maximum time allowed between sending unsolicited multicast\n"
        "              router advertisements from the interface, in seconds.\n"
        "\n"
        "              Default: 600 seconds\n"
    )
    got = _spans_by_quote(text)
    assert got["Default: 21"].model_text == "listen_port Default: 21"
    assert got["Default: 21"].key == "listen_port"
    assert got["Default: 600 seconds"].model_text == "MaxRtrAdvInterval seconds Default: 600 seconds"
    # msmtp(1) opens an entry's later paragraph on the next line, with no blank line between.
    entry = (
        "       set_from_header [(auto|on|off)]\n"
        "              When to set a From header: auto adds one if the mail has none.\n"
        "              If the mail server rejects the mail because its From header does\n"
        "              not match the envelope-from address, set this option to on.\n"
    )
    later = next(c for c in spans(entry) if entry[c.start : c.end].startswith("If the mail"))
    assert later.key == "set_from_header [(auto|on|off)]"
    assert later.model_text.startswith("set_from_header [(auto|on|off)] If the mail server")
    # A field above ("name: value") is no entry's term.
    field = "pwcheck_method: (default: auxprop)\n\n    A list of mechanisms.\n\n    pwcheck\n"
    assert _by_text(field)["pwcheck"][1] == "pwcheck"


def test_an_entry_s_head_is_no_paragraph_of_the_entry_a_chunk_opens_with() -> None:
    """mg(1) as text, a chunk opening at "set-fill-column": its indent is cut, so each entry
    below ("     set-mark-command") had looked set deeper than it, and read as its text."""
    text = (
        "set-fill-column\n"
        "\t    Prompt the user for a fill column.\n"
        "\n"
        "     set-mark-command\n"
        "\t    Sets the mark in the current window.\n"
    )
    got = _spans_by_quote(text)
    assert got["set-mark-command"].key == ""
    assert not got["set-mark-command"].model_text.startswith("set-fill-column")
    # The entry's own text still reads with its term.
    own = got["set-mark-command\n\t    Sets the mark in the current window."]
    assert own.model_text == "set-mark-command Sets the mark in the current window."


def test_a_later_paragraph_of_an_option_set_flush_left_reads_with_its_tag() -> None:
    """A PDF sets a man page's option entries flush left: the tag on a line of its own, its text,
    and "Default is …" a paragraph of its own: it is that option's default."""
    text = (
        "Capture Options\n\n"
        "-d, --device [<prefix>:]<device name>\n\n"
        "Set the source or device to use. The source module is selected automatically.\n\n"
        "Default is /dev/video0.\n\n"
        "--fps <frames per second>\n\n"
        "Sets the frame rate of the capture device.\n\n"
        "This currently only works with certain V4L2 devices.\n\n"
        'Default is "0", let the device decide.\n\n'
        "AUTHOR\n\n"
        "Written by Phil Jensen.\n\n"
        "---\n\n"
        "Released under the GPL.\n"
    )
    got = _spans_by_quote(text)
    device = got["Default is /dev/video0."]
    assert device.model_text == "-d, --device [<prefix>:]<device name> Default is /dev/video0."
    assert device.key == "-d, --device [<prefix>:]<device name>"
    assert got['Default is "0", let the device decide.'].model_text.startswith("--fps <frames per second> Default")
    # A title ends an entry, and is no paragraph of it; a rule is no option.
    assert got["AUTHOR"].model_text == "AUTHOR"
    assert got["Written by Phil Jensen."].model_text == "AUTHOR Written by Phil Jensen."
    assert got["Released under the GPL."].model_text == "Released under the GPL."


def test_a_later_sentence_of_an_item_opening_with_a_name_reads_with_the_name() -> None:
    text = (
        "- allowGit Whether or not to allow data to be fetched from a git spec. Possible values"
        " are all, none, or root. Defaults to all.\n"
        "- umask Permission mode mask for extracted files. Defaults to 0o22.\n"
        "- Plain words stand here. The second sentence names nothing at all.\n"
    )
    got = _spans_by_quote(text)
    values = got["Possible values are all, none, or root. Defaults to all."]
    assert values.model_text.startswith("allowGit Possible values") and values.key == "allowGit"
    plain = "The second sentence names nothing at all."
    assert got[plain].model_text == plain


def test_a_field_of_a_section_named_for_a_setting_reads_with_the_name_and_description() -> None:
    text = (
        "## too-many-lines-threshold\n\n"
        "The maximum number of lines a function or method can have\n\n"
        "Default Value: 100\n\n"
        "## Installation notes\n\n"
        "Read this first.\n\n"
        "Default Value: none\n"
    )
    got = _spans_by_quote(text)
    assert got["Default Value: 100"].model_text == (
        "too-many-lines-threshold The maximum number of lines a function or method can have"
        " Default Value: 100"
    )
    # A title in words names no setting.
    assert got["Default Value: none"].model_text == "Default Value: none"


def test_an_option_entry_on_one_line_is_no_text_of_the_entry_above() -> None:
    """A PDF man page sets "-l, --log-file=… Path to a logfile" on one line, without a full
    stop: the next entry is not the text of that one."""
    text = (
        '-l, --log-file="/dev/null" Path to a logfile\n\n'
        "-m, --max-cores Set max cores that GDU will use.\n\n"
        "-k --keep\n\nKeep input files.\n"
    )
    quoted = [text[s.start : s.end] for s in spans(text)]
    assert "-m, --max-cores Set max cores that GDU will use." in quoted
    assert "-k --keep\n\nKeep input files." in quoted


def test_a_line_ending_a_paragraph_is_no_term_of_the_text_below() -> None:
    text = "** Fixed a double free.\n   Reported by Ann Lee. [CVE-2022-2509]\n\nUnrelated text here."
    got = _spans_by_quote(text)
    assert got["Unrelated text here."].model_text == "Unrelated text here."


def test_the_entry_above_s_default_line_is_no_term_of_the_next_entry() -> None:
    """A man page ends each entry with its default on a line of its own; the next entry's name
    and text are not the text of "Default: 1800"."""
    text = (
        "       lock_timeout\n"
        "              How long in seconds locks should be valid.\n"
        "              Default: 1800\n\n"
        "       lock_refresh\n"
        "              That many seconds before the lock times out, the daemon will\n"
        "              try to refresh the lock.\n"
        "              Default: 60\n"
    )
    models = [s.model_text for s in spans(text)]
    assert not any(m.startswith("Default: 1800") for m in models), models
    assert any(m.startswith("lock_refresh That many seconds") for m in models), models


def test_a_later_sentence_reads_with_the_setting_its_paragraph_opens_with() -> None:
    text = (
        "Use GOJQ_COLORS environment variable to configure individual colors. The variable is a"
        " colon-separated list. The default configuration is 90:33:33:36:32:34;1.\n\n"
        "Set max_jobs or max_load to limit the work. The default limit is four running jobs.\n"
    )
    got = _spans_by_quote(text)
    default = got["The default configuration is 90:33:33:36:32:34;1."]
    assert default.model_text == "GOJQ_COLORS The default configuration is 90:33:33:36:32:34;1."
    # Two names: which one "the default" belongs to is not said.
    limit = "The default limit is four running jobs."
    assert got[limit].model_text == limit


def test_a_sample_configurations_setting_reads_with_the_comment_above_it() -> None:
    """goaccess.conf documents each setting in the comment above it; the setting above that
    comment is no term of it."""
    text = (
        "# Prompt log/date configuration window on program start.\n"
        "#\n"
        "config-dialog false\n"
        "\n"
        "# Color highlight active panel.\n"
        "#\n"
        "hl-header true\n"
    )
    got = _spans_by_quote(text)
    setting = got["config-dialog false"]
    assert setting.model_text == "Prompt log/date configuration window on program start. config-dialog false"
    assert setting.block == (0, text.index("config-dialog false") + len("config-dialog false"))
    comment = got["Color highlight active panel."]
    assert comment.model_text == "Color highlight active panel."
    assert comment.block is not None and text[comment.block[0] : comment.block[1]].endswith("hl-header true")
    # A Markdown heading is no comment: the text below it keeps its own reading.
    markdown = "# Install\n\nRun make.\n"
    assert all(s.block is None for s in spans(markdown))


def test_a_one_line_comment_above_an_assignment_documents_it() -> None:
    """uptimed.conf: one "#" line above each setting. Read as a Markdown heading, it had been a
    candidate apart from its setting ("LOG_MAXIMUM_ENTRIES=500" alone, for "What should the
    entry limit be to keep every record?")."""
    text = "# Maximum number of entries in logfile. Set to 0 for unlimited.\nLOG_MAXIMUM_ENTRIES=500\n"
    got = _spans_by_quote(text)
    setting = got["Set to 0 for unlimited.\nLOG_MAXIMUM_ENTRIES=500"]
    assert setting.block == (2, len(text) - 1)
    # A Markdown heading with text right under it stays a heading.
    assert [s.kind for s in spans("# Install\nRun make.\n")][0] == "heading"


def test_a_one_line_comment_above_a_setting_and_its_value_documents_it() -> None:
    """motion.conf sets "name value" under a one-line comment: read as a Markdown heading, the
    comment had been a candidate apart from its setting ("webcontrol_localhost on" alone, for
    "What does the webcontrol_localhost on setting do?")."""
    text = (
        "# Port number used for the webcontrol.\nwebcontrol_port 8080\n\n"
        "# Restrict webcontrol connections to the localhost.\nwebcontrol_localhost on\n"
    )
    got = _spans_by_quote(text)
    assert "Restrict webcontrol connections to the localhost.\nwebcontrol_localhost on" in got
    assert "webcontrol_localhost on" not in got
    # A Markdown title above a two-word command stays a heading.
    assert [s.kind for s in spans("# Usage\nnpm test\n")][0] == "heading"


def test_a_field_of_an_entry_set_as_a_pdf_sets_it_reads_with_the_name_and_description() -> None:
    text = (
        "window-height\n\nDefines the window height on startup\n\n• Value type: Integer\n\n"
        "• Default value: 600\n\nwindow-width\n\nDefines the window width on startup\n\n"
        "• Value type: Integer\n\n• Default value: 800\n\nNotes\n\nRead this first.\n\n• Default value: none\n"
    )
    got = _spans_by_quote(text)
    assert got["Default value: 800"].model_text == "window-width Defines the window width on startup Default value: 800"
    # The item above is no term of the next entry's name, and a title in words names no entry.
    assert got["window-width"].model_text == "window-width"
    assert got["Default value: none"].model_text == "Default value: none"


def test_a_default_of_an_entry_opened_by_its_synopsis_reads_with_it_and_its_first_sentence() -> None:
    """aerc-config(5) typeset to PDF: each entry is its synopsis ("pager = <command>"), its
    description, its default. "Default: less -R" alone did not say whose it was, and four
    entries' defaults stood in one passage; a long description is cut to its first sentence."""
    text = (
        "display-mode = text|icon\n\nDefines the mode for displaying the status elements.\n\n"
        "Default: text\n\npager = <command>\n\nSpecifies the pager to use when displaying emails. "
        "Note that some filters may add ANSI escape sequences to add color to rendered emails, so "
        "you may want to use a pager which supports ANSI.\n\nDefault: less -R\n"
    )
    got = _spans_by_quote(text)
    assert got["Default: less -R"].model_text == (
        "pager = <command> Specifies the pager to use when displaying emails. Default: less -R"
    )
    assert got["Default: text"].model_text == (
        "display-mode = text|icon Defines the mode for displaying the status elements. Default: text"
    )
    # The next entry's synopsis is no field of this one.
    assert got["pager = <command>"].model_text == "pager = <command>"


def test_a_sentence_left_without_an_end_above_a_code_block_is_quoted_with_it() -> None:
    text = (
        "If you have changed some of the autoconf files or use a git version, run\n"
        "```\n\t./config/bootstrap\n```\n\n"
        "To install it system-wide on your machine you simply type\n\n    sudo make install\n\n"
        "PORTABILITY\n       Only Linux is supported by this version of the program.\n"
    )
    quoted = {text[s.start : s.end]: s.model_text for s in spans(text)}
    run = "If you have changed some of the autoconf files or use a git version, run\n```\n\t./config/bootstrap\n```"
    assert quoted[run].endswith("run ./config/bootstrap")
    assert "To install it system-wide on your machine you simply type\n\n    sudo make install" in quoted
    # A title of a word or two above indented text is no sentence left without its end.
    assert not any(q.startswith("PORTABILITY\n") for q in quoted)


def test_a_quotations_markers_are_no_words_of_what_it_quotes() -> None:
    text = "> -a Audit mode. Each input file is compared\n> against the set of knowns.\n>\n>    -v -v = prints all\n"
    got = _spans_by_quote(text)
    assert got["Each input file is compared\n> against the set of knowns."].model_text == (
        "Each input file is compared against the set of knowns."
    )
    assert all(">" not in s.model_text for s in spans(text))


def test_a_line_break_before_a_name_from_code_or_after_a_word_ending_nothing_is_a_wrap() -> None:
    # A page's source wraps around its inline code: the short lines are no sentences of their own.
    text = (
        "The sandbox can intercept certain operators instead. Override\n"
        "SandboxedEnvironment.intercepted_binops and\n"
        "SandboxedEnvironment.intercepted_unops with the operator symbols you want to intercept.\n"
        "This line is long enough to set the wrap width of the paragraph around it, as usual\n\n"
        "We ship to the EU and Canada\nShipping takes 3-5 business days\n"
    )
    quoted = [text[s.start : s.end] for s in spans(text)]
    assert (
        "Override\nSandboxedEnvironment.intercepted_binops and\n"
        "SandboxedEnvironment.intercepted_unops with the operator symbols you want to intercept."
    ) in quoted
    assert "Shipping takes 3-5 business days" in quoted


def test_an_item_opening_with_a_joined_name_and_a_dash_reads_with_the_name() -> None:
    text = (
        "- max-reclaim-time - this parameter specifies an upper limit to the length of time a"
        " lease reclamation procedure can take. Expressed in milliseconds; the default value is 250.\n"
        "- well-known Ports are listed in the file below. The list is kept up to date by the project.\n"
    )
    got = _spans_by_quote(text)
    default = got["Expressed in milliseconds; the default value is 250."]
    assert default.model_text.startswith("max-reclaim-time Expressed") and default.key == "max-reclaim-time"
    # Without the dash, a joined word opening an item is no name.
    kept = "The list is kept up to date by the project."
    assert got[kept].model_text == kept


def test_a_name_in_a_box_of_its_own_is_quoted_with_the_text_below_it() -> None:
    # An API reference sets each entry as a one-cell table above its text (Doxygen).
    text = (
        "| #define MDB_MAP_FULL (-30792) |\n\nEnvironment mapsize reached\n\n"
        "| #define MDB_DBS_FULL (-30791) |\n\nEnvironment maxdbs reached\n\n"
        "| name | value |\n|---|---|\n| port | 8080 |\n\nThe port is fixed at build time.\n"
    )
    got = _spans_by_quote(text)
    entry = got["| #define MDB_MAP_FULL (-30792) |\n\nEnvironment mapsize reached"]
    assert entry.model_text == "#define MDB_MAP_FULL (-30792) Environment mapsize reached"
    # The box alone goes; a row of a table of its own is no box.
    assert "| #define MDB_DBS_FULL (-30791) |" not in got
    assert got["The port is fixed at build time."].model_text == "The port is fixed at build time."


def test_an_entrys_head_row_is_quoted_with_the_text_below_it_and_stays_a_candidate() -> None:
    # Exim's specification sets each option's head as a one-row table: name, use, type, default.
    row = "| never_mail | Use: autoreply | Type: address list | Default: unset |"
    text = f"Intro.\n\n{row}\n\nAny recipient that matches an item in the list is discarded.\n"
    got = _spans_by_quote(text)
    entry = got[f"{row}\n\nAny recipient that matches an item in the list is discarded."]
    assert entry.model_text == "never_mail Any recipient that matches an item in the list is discarded."
    assert row in got  # its default answers a question of its own


def test_a_table_of_one_column_is_no_box_and_a_python_prompt_no_quotation_mark() -> None:
    text = "| a |\n| b |\n\n>>> import thing\n"
    got = _spans_by_quote(text)
    assert got["| b |"].model_text == "b"
    assert got[">>> import thing"].model_text == ">>> import thing"


def test_a_faq_answer_reads_with_its_whole_wrapped_question() -> None:
    # A plain-text FAQ wraps a long question; its last line alone ("fix it?") says nothing.
    faq = (
        "Q: Vifm expands macros in a wrong way in user defined commands.  How to\n"
        "   fix it?\n\n"
        "A: Just double percent sign (%%).\n\n"
        "Q: Another one?\nA: Yes.\n"
    )
    got = _by_text(faq)
    assert got["A: Just double percent sign (%%)."][1].startswith("Q: Vifm expands macros")
    # A question line after an answer that ends a sentence reads alone.
    assert got["A: Yes."][1] == "Q: Another one? A: Yes."


def test_a_labelled_faq_answer_reads_with_its_labelled_question() -> None:
    """A FAQ labels its questions "Q2:" and its answers "A2:"; the question need not end with
    "?", and every sentence of the answer answers it."""
    faq = (
        'Q2: I get the message "I can\'t open your mapping file (xxxx-x.txt)"\n'
        "A2: This means that the mapping file has not been installed. The installation\n"
        "    may have to be done manually.\n\n"
        "Q3: I tried the -m option with a full path, but this doesn't work.\n\n"
        "A3: The -m option is followed by the name of a mapping file.\n\n"
        "Q4: Something else.\n"
        "A5: Answers another question.\n"
    )
    got = _by_text(faq)
    asked = 'Q2: I get the message "I can\'t open your mapping file (xxxx-x.txt)" '
    assert got["A2: This means that the mapping file has not been installed."][1] == (
        asked + "A2: This means that the mapping file has not been installed."
    )
    assert got["The installation\n    may have to be done manually."][1].startswith(asked)
    assert got["A3: The -m option is followed by the name of a mapping file."][1].startswith("Q3: I tried")
    # An answer labelled with another number answers no question above it.
    assert got["A5: Answers another question."][1] == "A5: Answers another question."



def test_a_setext_underline_names_no_entry() -> None:
    """"-----" under a FAQ's question opens with a dash, as an option does, but names nothing:
    the answer's later sentences read alone and are quoted without the rule."""
    text = (
        "How much memory does earlyoom use?\n"
        "----------------------------------\n"
        "About `2 MiB` (`VmRSS`), though only `220 kiB` is private memory (`RssAnon`).\n"
        "The rest is the libc library (`RssFile`) that is shared with other processes.\n"
    )
    later = _span_opening(text, "The rest")
    assert "---" not in later.model_text
    assert later.block is None or not text[later.block[0] : later.block[1]].startswith("-")


def test_a_setting_of_an_ini_file_reads_with_its_section_not_the_setting_above() -> None:
    """dunstrc sets "timeout" under each urgency's section, and only the section says which.
    The setting above is no term of the next one, and a comment below a setting documents the
    setting below it: it is no part of the value above."""
    text = (
        "[urgency_critical]\n"
        '    background = "#900000"\n'
        "    timeout = 0\n"
        "    # Icon for notifications with critical urgency, uncomment to enable\n"
        "    #default_icon = /path/to/icon\n"
        "\n"
        "[urgency_low]\n"
        "    timeout = 10\n"
    )
    got = _spans_by_quote(text)
    assert got["timeout = 0"].model_text == "[urgency_critical] timeout = 0"
    assert got["timeout = 10"].model_text == "[urgency_low] timeout = 10"
    comment = _span_opening(text, "Icon for notifications")
    assert comment.key != "timeout" and comment.model_text.startswith("Icon for notifications")
    assert got["[urgency_low]"].model_text == "[urgency_low]"
    # A sentence between a section's line and a setting ends the section.
    prose = "[core]\n\nThe settings below are read by every tool.\n\nport = 80\n"
    assert _spans_by_quote(prose)["port = 80"].model_text == "port = 80"


def test_a_later_sentence_of_an_option_set_beside_its_text_is_the_options() -> None:
    """uudeview(1) as text: "-d     Sets the program into desperate mode. It will then offer you
    to decode incomplete files." The later sentence had been quoted without "-d", which it is
    the text of."""
    text = (
        "       -d     Sets the program into desperate mode. It will then offer you to\n"
        "              decode incomplete files. This is useful if you are missing the\n"
        "              last part of a posting.\n"
    )
    later = next(s for s in spans(text) if s.model_text.startswith("-d It will then offer you"))
    assert text[later.start : later.end] == text.strip()
    assert later.key == "-d"


def test_a_comment_block_documents_the_setting_standing_alone_a_blank_line_below_it() -> None:
    """nrpe.cfg writes each setting's comment block, a blank line, the setting, blank lines: the
    block is that setting's, read with it and quoted with it, never the text of the setting
    above. A header over a group of settings documents none of them alone."""
    text = (
        "max_commands=0\n"
        "\n"
        "\n"
        "\n"
        "# COMMAND TIMEOUT\n"
        "# This specifies the maximum number of seconds that the NRPE daemon will\n"
        "# allow plugins to finish executing before killing them off.\n"
        "\n"
        "command_timeout=60\n"
        "\n"
        "\n"
        "# The database link: where and\n"
        "# on which port.\n"
        "\n"
        "host=localhost\n"
        "port=5432\n"
    )
    setting = _spans_by_quote(text)["command_timeout=60"]
    assert setting.model_text.startswith("COMMAND TIMEOUT This specifies the maximum number of seconds")
    assert setting.model_text.endswith("command_timeout=60")
    comment = _span_opening(text, "COMMAND TIMEOUT\n# This specifies")
    assert "max_commands" not in comment.model_text
    assert comment.block is not None and text[comment.block[0] : comment.block[1]].endswith("command_timeout=60")
    assert _spans_by_quote(text)["host=localhost\nport=5432"].model_text == "host=localhost port=5432"


def test_a_comment_block_continues_no_entry_above_it_and_may_document_a_default_left_commented() -> None:
    """nrpe.cfg again: a long comment block under "nrpe_group=nagios" (blank lines between) had
    been read as a later paragraph of that setting's entry and answered as "nrpe_group=nagios —
    ALLOWED HOST ADDRESSES …". A block above a default left commented out documents it."""
    long_block = "".join(f"# Line {n} of what the setting below does, and why.\n" for n in range(10))
    text = (
        "nrpe_group=nagios\n\n\n\n"
        f"# ALLOWED HOST ADDRESSES\n{long_block}\n"
        "allowed_hosts=127.0.0.1,::1\n\n\n"
        "# COMMAND PREFIX\n# This option allows you to prefix all commands with a user-defined string.\n\n"
        "# command_prefix=/usr/bin/sudo\n\n"
    )
    for s in spans(text):
        if "ALLOWED HOST" in text[s.start : s.end] or "Line 3" in text[s.start : s.end]:
            assert s.key != "nrpe_group=nagios" and "nrpe_group" not in s.model_text
    prefix = _span_opening(text, "COMMAND PREFIX\n# This option")
    assert prefix.block is not None and text[prefix.block[0] : prefix.block[1]].endswith("# command_prefix=/usr/bin/sudo")


def test_a_default_left_commented_out_reads_with_its_comment_and_no_other_setting() -> None:
    """moc's config leaves every default commented out, with no space after the marker:
    "#SoundDriver = JACK:ALSA:OSS" had been read as the last words of its comment's sentence and
    as the term of the comment below it ("SoundDriver = JACK:ALSA:OSS Jack output settings."),
    never as a setting its comment documents; and a run of commented-out settings had been read
    as one paragraph ("JackClientName = "moc" JackStartServer = no")."""
    text = (
        "# Sound driver - OSS, ALSA, JACK or null.  You can enter more than one driver as a\n"
        "# colon-separated list.  The first working driver will be used.\n"
        "#SoundDriver = JACK:ALSA:OSS\n"
        "\n"
        "# Jack output settings.\n"
        '#JackClientName = "moc"\n'
        "#JackStartServer = no\n"
        "\n"
        "# If you don't like the default number of retries (2), you\n"
        "# can change it here.\n"
        "#set passphrase_retries = 2\n"
    )
    got = _spans_by_quote(text)
    driver = got["SoundDriver = JACK:ALSA:OSS"]
    assert driver.kind == "field"
    assert driver.model_text.startswith("Sound driver - OSS, ALSA, JACK or null.")
    assert driver.model_text.endswith("The first working driver will be used. SoundDriver = JACK:ALSA:OSS")
    assert driver.block == (0, text.index("\n\n# Jack"))
    assert got["Jack output settings."].model_text == "Jack output settings."
    assert got["JackStartServer = no"].model_text == "JackStartServer = no"
    assert "JackClientName" not in got["JackStartServer = no"].model_text
    retries = got["set passphrase_retries = 2"]
    assert retries.model_text.startswith("If you don't like the default number of retries (2)")
    # The comment's own sentences read as themselves and are quoted with their setting.
    comment = got["Sound driver - OSS, ALSA, JACK or null."]
    assert "SoundDriver" not in comment.model_text
    assert comment.block is not None and text[comment.block[0] : comment.block[1]].endswith("#SoundDriver = JACK:ALSA:OSS")


def test_a_line_of_digits_is_no_term_of_the_line_below_it() -> None:
    """wcalc's table of constants prints pi's digits on lines of their own: the line below,
    "g Acceleration due to gravity: 9.80665 m/s/s", had been read as their text (and refused).
    A short code alone ("404") still names the text below it."""
    text = (
        "3.14159265358979323846264338327950288419716939937\n\n"
        "g Acceleration due to gravity: 9.80665 m/s/s\n\n"
        "404\n\n"
        "Not Found\n"
    )
    got = _spans_by_quote(text)
    assert got["g Acceleration due to gravity: 9.80665 m/s/s"].model_text == "g Acceleration due to gravity: 9.80665 m/s/s"
    assert got["404\n\nNot Found"].model_text == "404 Not Found"


def test_a_code_blocks_closing_fence_introduces_nothing() -> None:
    """detect-secrets' README: the line of a code block, its closing fence right below it, had
    been read as introducing a block that opened at that fence and ran to the next one, taking
    the text between ("$ detect-secrets scan > .secrets.baseline or, to run it from a
    different directory:")."""
    text = (
        "Create a baseline.\n\n"
        "```bash\n$ detect-secrets scan > .secrets.baseline\n```\n\n"
        "or, to run it from a different directory:\n\n"
        "```bash\n$ detect-secrets -C /path scan > /path/.secrets.baseline\n```\n"
    )
    got = _spans_by_quote(text)
    assert got["$ detect-secrets scan > .secrets.baseline"].model_text == "$ detect-secrets scan > .secrets.baseline"
    # The line between introduces the block below it, not the one above.
    between = _span_opening(text, "or, to run it")
    assert between.model_text == "or, to run it from a different directory: $ detect-secrets -C /path scan > /path/.secrets.baseline"


def test_a_label_in_bold_reads_with_the_block_it_introduces() -> None:
    """"**Scanning non-git tracked files:**" above its command had been a candidate alone: the
    colon inside the bold markers was not seen. A value that ends in "*" is no label."""
    text = (
        "**Scanning non-git tracked files:**\n\n"
        "```bash\n$ detect-secrets scan test_data/ --all-files > .secrets.baseline\n```\n"
    )
    label = _span_opening(text, "**Scanning")
    assert label.model_text == "**Scanning non-git tracked files:** $ detect-secrets scan test_data/ --all-files > .secrets.baseline"
    values = "Windows CMD: set DEBUG=agenda:*\nWindows PowerShell: $env:DEBUG = 'agenda:*'\n"
    assert _spans_by_quote(values)["Windows CMD: set DEBUG=agenda:*"].model_text == "Windows CMD: set DEBUG=agenda:*"


def test_a_command_with_a_bracketed_argument_names_the_text_below_it() -> None:
    """cadaver's command list as a PDF sets it: "chexec [+|-] remote" above "Change isexecutable
    property of resource". The text was read with the command but quoted without it, so the
    answer to "which command …?" did not name one."""
    text = (
        "propnames res\n\nNames of properties defined on resource\n\n"
        "chexec [+|-] remote\n\nChange isexecutable property of resource\n\n"
        "propget res [propname]\n\nRetrieve properties of resource\n"
    )
    change = _spans_by_quote(text)["chexec [+|-] remote\n\nChange isexecutable property of resource"]
    assert change.model_text == "chexec [+|-] remote Change isexecutable property of resource"


def test_each_line_of_a_programs_help_listing_is_a_candidate_of_its_own() -> None:
    """forever's README quotes its --help: "cleanlogs           [CAREFUL] Deletes all historical
    forever log files" had been a wrapped line of one sentence running through the whole list,
    cut into pieces that named other actions. psad's settings ("HOME_NET      any;") likewise.
    A man page's entry whose text wraps onto the lines below stays prose."""
    text = (
        "  actions:\n"
        "    start               Start SCRIPT as a daemon\n"
        "    stopall             Stop all running forever scripts\n"
        "    cleanlogs           [CAREFUL] Deletes all historical forever log files\n"
        "\n"
        "       -d     Sets the program into desperate mode. It will then offer you\n"
        "              to decode incomplete files.\n"
        "       -q     Quiet mode.\n"
    )
    got = _spans_by_quote(text)
    clean = got["cleanlogs           [CAREFUL] Deletes all historical forever log files"]
    assert clean.model_text == "cleanlogs [CAREFUL] Deletes all historical forever log files"
    assert got["stopall             Stop all running forever scripts"].model_text == "stopall Stop all running forever scripts"
    assert not any(text[s.start : s.end].startswith("-q") and s.kind == "line" for s in spans(text))



def test_a_listing_aligned_with_tabs_is_read_line_by_line() -> None:
    """nscd.conf aligns its settings with tabs ("logfile\\t\\t\\t<file>", "debug-level\\t\\t<level>"),
    and some entries with spaces: counted in characters the columns differed, and the lines ran
    into one sentence ("logfile <file> debug-level <level> threads …"). Its commented-out
    defaults ("#\\tthreads\\t\\t\\t4") had been Markdown headings, each the term of the setting
    below it ("reload-count 5 paranoia no")."""
    text = (
        "# Legal entries are:\n"
        "#\n"
        "#\tlogfile\t\t\t<file>\n"
        "#\tdebug-level\t\t<level>\n"
        "#\tserver-user             <user to run server as instead of root>\n"
        "#\trestart-interval\t<time in seconds>\n"
        "\n"
        "#\tthreads\t\t\t4\n"
        "\tdebug-level\t\t0\n"
        "#\treload-count\t\t5\n"
        "\tparanoia\t\tno\n"
    )
    read = {s.model_text for s in spans(text)}
    for line in ("Legal entries are: logfile <file>", "debug-level <level>", "server-user <user to run server as instead of root>",
                 "restart-interval <time in seconds>", "threads 4", "debug-level 0", "reload-count 5", "paranoia no"):
        assert line in read
    assert not any("paranoia" in t and "reload-count" in t for t in read)
    assert not any("logfile" in t and "debug-level" in t and "Legal" not in t for t in read)
    assert not any("restart-interval" in t and "threads" in t for t in read)

def test_a_default_left_commented_out_after_a_space_reads_with_its_comment() -> None:
    """minetest.conf.example comments every line, its settings too, with a space after the
    marker: "# max_users = 15" had been read as a line of prose, the term of the comment below
    it ("max_users = 15 If this is set, …") and the "# motd =" above as the term of its own
    comment ("motd = Maximum number of players …")."""
    text = (
        "#    Message of the day displayed to players connecting.\n"
        "# motd =\n"
        "\n"
        "#    Maximum number of players that can be connected simultaneously.\n"
        "# max_users = 15\n"
        "\n"
        "#    If this is set, players will always (re)spawn at the given position.\n"
        "# static_spawnpoint =\n"
    )
    got = _spans_by_quote(text)
    users = got["max_users = 15"]
    assert users.kind == "field"
    assert users.model_text == "Maximum number of players that can be connected simultaneously. max_users = 15"
    comment = got["Maximum number of players that can be connected simultaneously."]
    assert "motd" not in comment.model_text
    assert all("max_users" not in s.model_text for q, s in got.items() if q.startswith("If this is set"))


def test_an_ini_files_semicolon_comments_are_read_as_comments() -> None:
    """php.ini and smb.conf comment with ";": read as text, its numbered list had been cut at
    the markers ("SAPI module specific location. ; 2." a candidate of its own), its setting was
    read with the ";" of its comment, and a default left commented out (";user_ini.filename")
    was no setting."""
    text = (
        "; The following is a summary of its search order:\n"
        "; 1. SAPI module specific location.\n"
        "; 2. The PHPRC environment variable.\n"
        "\n"
        "; Maximum allowed size for uploaded files.\n"
        "upload_max_filesize = 2M\n"
        "\n"
        "; Name for user-defined php.ini (.htaccess) files. Default is \".user.ini\"\n"
        ';user_ini.filename = ".user.ini"\n'
    )
    got = _spans_by_quote(text)
    assert got["The PHPRC environment variable."].kind == "item"
    assert not any(quote.endswith("; 2.") for quote in got)
    setting = next(s for q, s in got.items() if q.endswith("upload_max_filesize = 2M"))
    assert setting.model_text == "Maximum allowed size for uploaded files. upload_max_filesize = 2M"
    commented = got['user_ini.filename = ".user.ini"']
    assert commented.model_text.startswith("Name for user-defined php.ini (.htaccess) files.")


def test_an_answer_row_of_a_faq_table_reads_with_the_question_row_above_it() -> None:
    """DocBook sets a FAQ's questions and answers as table rows (mplayer's FAQ): "-mc 0.1 can
    help." had been read alone, and the question's own row chosen over it."""
    text = (
        "| 8.4. Playback problems |  |\n"
        "| Q: | How can I get rid of A/V desynchronization while seeking through RealMedia streams? |\n"
        "| A: | -mc 0.1 can help. |\n"
        "| Q: | What about subtitles? |\n"
    )
    got = _by_text(text)
    assert got["| A: | -mc 0.1 can help. |"][1] == (
        "Q: How can I get rid of A/V desynchronization while seeking through RealMedia streams? A: | -mc 0.1 can help."
    )
    # A question's row reads alone, as a plain "Q:" line does.
    assert got["| Q: | What about subtitles? |"][1] == "Q: | What about subtitles?"


def test_each_option_of_a_help_text_is_a_candidate_of_its_own() -> None:
    """A program's --help pasted as a code block (jscodeshift's README) wraps each option's text
    below it with no full stop: the sentence splitter had run one option into the next ("-d,
    --(no-)dry dry run (no changes are made to files) (default: false) --extensions=EXT …")."""
    text = (
        "Options:\n"
        "  -c, --cpus=N                  start at most N child processes\n"
        "                                (default: max(all - 1, 1))\n"
        "  -d, --(no-)dry                dry run (no changes are made to files)\n"
        "                                (default: false)\n"
        "      --extensions=EXT          transform files with these file extensions\n"
        "  --very-long-option-name VALUE\n"
        "                        what it does\n"
    )
    got = _by_text(text)
    assert got["-d, --(no-)dry                dry run (no changes are made to files)\n                                (default: false)"][1] == (
        "-d, --(no-)dry dry run (no changes are made to files) (default: false)"
    )
    assert "--very-long-option-name VALUE\n                        what it does" in got
    # An option in a sentence that wraps onto a line of its own is no entry.
    prose = "To skip the checks, run it\n--force and it goes on without them. To omit argument list, use\n--omit-arguments.\n"
    got = _by_text(prose)
    assert "To skip the checks, run it\n--force and it goes on without them." in got
    assert "To omit argument list, use\n--omit-arguments." in got


def test_pipes_inside_one_word_of_a_line_make_no_table_row() -> None:
    """A help or man page line gives an option's values joined by pipes ("--parser=babel|flow|ts
    the parser to use", mrtg's "privprotocol {des|3desede|aescfb128}"): read as a table row, its
    quote had been cut at the first pipe ("privprotocol {des") or its values spaced apart."""
    text = (
        "  --parser=babel|flow|ts    the parser to use for parsing the source files\n"
        "\n"
        "privprotocol {des|3desede|aescfb128} Specifies the encryption method.\n"
        "\n"
        "| port | 8080 |\n"
    )
    got = _by_text(text)
    assert got["--parser=babel|flow|ts    the parser to use for parsing the source files"][0] != "row"
    assert got["privprotocol {des|3desede|aescfb128} Specifies the encryption method."][0] != "row"
    assert got["| port | 8080 |"][0] == "row"


def test_a_config_section_line_ends_the_comment_above_it() -> None:
    # vmm.cfg opens with the file's own header, then "[database]" and its first setting: the
    # header had been read as that setting's comment, the section line inside it.
    text = (
        "# This is the vmm configuration file.\n# default location: /etc/vmm/vmm.cfg\n#\n[database]\n"
        "; Hostname or IP address of the database server (String)\nhost = localhost\n"
        "; The TCP port of the database server (Int)\nport = 5432\n"
    )
    got = _by_text(text)
    assert got["[database]"][0] == "line"
    host = next(k for k in got if k.endswith("host = localhost"))
    assert "vmm" not in got[host][1] and "[database]" not in host


def test_a_line_of_a_list_of_codes_is_keyed_by_its_code() -> None:
    """rdesktop(1)'s EXIT VALUES: each code with its meaning in a paragraph of its own; the code
    is the line's key, as a table row's first cell is, so "exit status 3" finds its line."""
    text = (
        "EXIT VALUES\n\n2 Administrator initiated logout\n\n3 Server idle session time limit reached\n\n"
        "6 The server is out of memory\n\nSee 2 examples below.\n\nIt waits 10 seconds.\n"
    )
    got = _spans_by_quote(text)
    assert got["3 Server idle session time limit reached"].key == "3"
    assert got["6 The server is out of memory"].key == "6"
    # A number opening a line with no such line beside it is no code.
    assert got["It waits 10 seconds."].key == ""


def test_a_perl_variables_setting_is_a_line_of_its_own() -> None:
    """amavisd-new's 20-debian_defaults sets "$sa_mail_body_size_limit = 200*1024; # don't waste
    time on SA if mail is larger" below its neighbours with no blank line: not read as a setting,
    its block ran into one "sentence" that ended in the next line's "?", and was no candidate."""
    text = (
        "$sa_dsn_cutoff_level = 10;   # spam level beyond which a DSN is not sent\n"
        "\n"
        "$sa_mail_body_size_limit = 200*1024; # don't waste time on SA if mail is larger\n"
        "$sa_local_tests_only = 0;    # only tests which do not require internet access?\n"
        "$Conf{XferMethod} = 'rsync';\n"
    )
    got = {text[c.start : c.end]: c for c in spans(text)}

    limit = got["$sa_mail_body_size_limit = 200*1024; # don't waste time on SA if mail is larger"]
    assert (limit.kind, limit.key) == ("field", "$sa_mail_body_size_limit")
    assert got["$Conf{XferMethod} = 'rsync';"].key == "$Conf{XferMethod}"


def test_a_line_broken_off_at_a_word_that_needs_what_follows_is_quoted_with_it() -> None:
    """barman(5) as a PDF sets its file locations apart: "and is overridden on a per-user level
    by" / "$HOME/.barman.conf". The line alone answers nothing; no line ends at "by"."""
    text = (
        "CONFIGURATION FILE LOCATIONS\n\n"
        "The system-level Barman configuration file is located at\n\n/etc/barman.conf\n\nor\n\n"
        "/etc/barman/barman.conf\n\nand is overridden on a per-user level by\n\n$HOME/.barman.conf\n\n"
        "The Barman configuration file is a plain INI file."
    )
    got = [text[c.start : c.end] for c in spans(text)]

    assert "and is overridden on a per-user level by\n\n$HOME/.barman.conf" in got
    assert "The system-level Barman configuration file is located at\n\n/etc/barman.conf" in got
    assert "The Barman configuration file is a plain INI file." in got


def test_an_entrys_fields_may_be_list_items_and_its_description_a_short_line() -> None:
    """gh-pages's README heads each option "#### options.message" over "- type: string" /
    "- default: 'Updates'", then "The commit message for all commits.": the fields as a list's
    items, the description one short line. It was quoted alone, without the default asked for."""
    text = "#### options.message\n\n- type: string\n- default: 'Updates'\n\nThe commit message for all commits.\n"
    described = _span_opening(text, "options.message\n\n- type")
    assert described.model_text == "options.message The commit message for all commits."
    assert described.block is not None and text[described.block[0] : described.block[1]].endswith("all commits.")
