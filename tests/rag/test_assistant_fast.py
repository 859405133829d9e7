"""The Python API on the fast tier: real loaders, chunking, BM25, fusion and answerer, with the
fake embedder and an in-memory Chroma (tests/fakes.py). The real-model version of these
checks is tests/rag/test_assistant.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rag import EmptyQuestionError, EmptyStoreError

# The dev-chosen default the settings and the answerer share.
from rag.answering.extractive import DEFAULT_THRESHOLD

DOCS = {
    "ferry.txt": (
        "Harbour news\n\nThe island ferry carried 412 passengers on its first crossing in May. "
        "The harbour master, Ingrid Solberg, said the new timetable doubles the winter sailings."
    ),
    "lighthouse.md": (
        "# Lighthouse\n\nThe lighthouse on Skarvholmen was rebuilt in 1931 after a storm destroyed "
        "the old tower. Its lamp can be seen 19 nautical miles out to sea."
    ),
}


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_ingest_then_ask_cites_a_verbatim_passage(fast_assistant: Any, docs: Path) -> None:
    report = fast_assistant.ingest([docs])
    assert report.ok and sorted(r.source for r in report.added) == sorted(DOCS)

    answer = fast_assistant.ask("How many passengers did the island ferry carry?")

    assert answer.retrieved and answer.retrieved[0].chunk.source == "ferry.txt"
    for c in answer.citations:
        stored = fast_assistant.document_text(c.source)
        assert stored is not None and stored[c.start : c.end] == c.text
        assert f"[{c.n}]" in answer.text


def test_reingest_is_unchanged_and_embeds_nothing(fast_assistant: Any, docs: Path) -> None:
    fast_assistant.ingest([docs])
    calls = fast_assistant.embedder.calls

    report = fast_assistant.ingest([docs])

    assert len(report.unchanged) == len(DOCS) and fast_assistant.embedder.calls == calls


def test_sources_and_remove(fast_assistant: Any, docs: Path) -> None:
    fast_assistant.ingest([docs])
    assert [d.source for d in fast_assistant.sources()] == sorted(DOCS)

    assert fast_assistant.remove("lighthouse.md") == ["lighthouse.md"]
    assert [d.source for d in fast_assistant.sources()] == ["ferry.txt"]
    hits = fast_assistant.retrieve("lighthouse storm tower")
    assert all(h.chunk.source == "ferry.txt" for h in hits)


def test_plain_errors(fast_assistant: Any, docs: Path) -> None:
    with pytest.raises(EmptyStoreError):
        fast_assistant.ask("Anything?")
    fast_assistant.ingest([docs])
    with pytest.raises(EmptyQuestionError):
        fast_assistant.ask("   ")


def test_with_settings_is_a_new_assistant_over_the_same_store(
    fast_assistant: Any, docs: Path
) -> None:
    from rag.settings import SettingsError

    fast_assistant.ingest([docs])
    wider = fast_assistant.with_settings(retrieval={"top_k": 1}, answer_threshold=0.0)
    assert wider is not fast_assistant
    assert (wider.settings.retrieval.top_k, wider.settings.answering.threshold) == (1, 0.0)
    assert fast_assistant.settings.retrieval.top_k == 5
    assert fast_assistant.settings.answering.threshold == DEFAULT_THRESHOLD
    # The same injected embedder and Chroma client: it reads what the first one ingested.
    assert wider.embedder is fast_assistant.embedder
    assert len(wider.retrieve("island ferry passengers")) == 1
    assert wider.extractive.threshold == 0.0
    with pytest.raises(SettingsError, match="retrieval.top_k"):
        fast_assistant.with_settings(retrieval={"top_k": 0})


def _ferries_and_a_lighthouse(assistant: Any, folder: Path, ferry: str, lighthouse: str) -> None:
    """Six ferry documents ("The island ferry number i " + ferry) and lighthouse.txt, ingested."""
    folder.mkdir()
    for i in range(6):
        (folder / f"ferry{i}.txt").write_text(f"The island ferry number {i} {ferry}", encoding="utf-8")
    (folder / "lighthouse.txt").write_text(lighthouse, encoding="utf-8")
    assistant.ingest([folder])


def test_a_two_part_question_also_retrieves_each_part(fast_assistant: Any, tmp_path: Path) -> None:
    # Six documents about ferries outrank the one lighthouse document for the whole question
    # at top_k 1; its part about the lighthouse still brings the lighthouse passage in.
    _ferries_and_a_lighthouse(
        fast_assistant, tmp_path / "many", "sails daily. The ferry carries cars and passengers.", DOCS["lighthouse.md"]
    )

    whole = "How many cars does the island ferry carry, and when was the lighthouse rebuilt?"
    sources = [p.chunk.source for p in fast_assistant.retrieve(whole, top_k=1)]

    assert sources[0].startswith("ferry") and "lighthouse.txt" in sources
    one = [p.chunk.source for p in fast_assistant.retrieve("How many cars does the island ferry carry?", top_k=1)]
    assert one == sources[:1]


def test_each_part_of_a_two_part_question_brings_its_three_best_passages(
    fast_assistant: Any, tmp_path: Path
) -> None:
    # A part's answer often stands in its third passage: on docs_dev's 91 questions asked in
    # parts, three a part answered 48 right, two 45 and four 47 (forty-fourth round).
    folder = tmp_path / "coast"
    folder.mkdir()
    for i in range(6):
        (folder / f"ferry{i}.txt").write_text(f"The island ferry number {i} carries cars and passengers.", encoding="utf-8")
    for i, year in enumerate((1871, 1902, 1950)):
        (folder / f"beacon{i}.txt").write_text(f"Beacon tower number {i} was rebuilt in {year} after a storm.", encoding="utf-8")
    fast_assistant.ingest([folder])
    whole = "How many cars does the island ferry carry, and when was the beacon tower rebuilt?"
    sources = {p.chunk.source for p in fast_assistant.retrieve(whole, top_k=1)}
    assert {"beacon0.txt", "beacon1.txt", "beacon2.txt"} <= sources


def test_two_documents_named_side_by_side_retrieve_each(fast_assistant: Any, tmp_path: Path) -> None:
    _ferries_and_a_lighthouse(
        fast_assistant, tmp_path / "side", "is licensed by the harbour. It carries cars.",
        "The lighthouse is licensed to the trust.",
    )

    assert fast_assistant.retriever.names_a_document("lighthous")
    assert not fast_assistant.retriever.names_a_document("harbour")
    sources = [p.chunk.source for p in fast_assistant.retrieve("How are ferry0 and lighthouse licensed?", top_k=1)]
    assert "lighthouse.txt" in sources and "ferry0.txt" in sources


SETTINGS_DOC = "\n".join(
    ["# Settings", "", "| Parameter | Default |", "|---|---|"]
    + [f"| `log_option_{i}` | `{i}MB` |" for i in range(40)]
    + ["", "Ferry notes: the island ferry carries cars and passengers every day."] * 8
)


def test_a_question_naming_what_no_document_mentions_is_refused_with_the_name(
    fast_assistant: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "conf"
    folder.mkdir()
    (folder / "settings.md").write_text(SETTINGS_DOC, encoding="utf-8")
    fast_assistant.ingest([folder])

    answer = fast_assistant.ask("What is the default value of log_option_77?")

    assert answer.abstained and not answer.citations
    assert answer.notice == "No document mentions log_option_77."
    assert not fast_assistant.ask("What is the default value of log_option_7?").notice
    # A two-character name is often written out ("Q1" for a first quarter): no refusal on it.
    assert not fast_assistant.ask("What is the default value in Q1?").notice
    lenient = fast_assistant.with_settings(answering={"refuse_unmentioned": False})
    assert not lenient.ask("What is the default value of log_option_77?").notice
    # A figure of the asker's own situation, before the sentence that asks, is an example.
    assert not fast_assistant.ask("My log grows to 4.75MB a day. Which setting caps it?").notice
    assert fast_assistant.ask("Which setting is 4.75MB by default?").notice == "No document mentions 4.75mb."
    # A hexadecimal number is a figure too ("accept hex like 0x1F", lark's grammar reference).
    assert not fast_assistant.ask("It should accept hex like 0x1F. Which setting caps the log?").notice
    assert fast_assistant.ask("Which setting is 0x1F by default?").notice == "No document mentions 0x1f."


def test_an_address_form_or_a_plural_is_mentioned_by_what_the_documents_show(
    fast_assistant: Any, tmp_path: Path
) -> None:
    _ingest_files(fast_assistant, tmp_path / "net", {
        "relay-config.txt": "# fallback resolvers on TCP port 80\ntcp80: 185.49.140.67\n"
        "# The relay tags files in ID3v2.3 for MP3 players.\n",
    })

    assert not fast_assistant.ask("What IPv4 address does the relay list on TCP port 80?").notice
    assert fast_assistant.ask("What IPv6 address does the relay list on TCP port 80?").notice == (
        "No document mentions ipv6."
    )
    assert not fast_assistant.ask("How does the relay tag my MP3s?").notice
    assert fast_assistant.ask("How does the relay tag my MP4s?").notice == "No document mentions mp4s."


def test_a_name_from_code_in_camel_case_that_no_document_mentions_is_refused(
    fast_assistant: Any, tmp_path: Path
) -> None:
    _ingest_files(fast_assistant, tmp_path / "js", {
        "ferry-readme.md": "# Options\n\n- `maxPayload`: the largest message, 100 MiB by default.\n"
        "- `ThreadPoolServer` starts 10 workers.\n\nThe ferry client speaks JavaScript.\n",
    })

    assert fast_assistant.ask("What is the default maxRetries of the ferry client?").notice == (
        "No document mentions maxretries."
    )
    assert fast_assistant.ask("How many workers does the ferry ForkingPoolServer start?").notice == (
        "No document mentions forkingpoolserver."
    )
    assert not fast_assistant.ask("What is the default maxPayload of the ferry client?").notice
    # A brand's two words are no code ("TypeScript"), and a name told before the asking
    # sentence is the asker's situation.
    assert not fast_assistant.ask("Does the ferry client speak TypeScript?").notice
    assert not fast_assistant.ask("My code calls sendMany. What is the largest message?").notice
    # The name of a way to write names is the asker's word for a style, not a name from code.
    assert not fast_assistant.ask("Does the ferry client keep my snake_case fields?").notice
    assert not fast_assistant.ask("Does the ferry client turn names into camelCase?").notice


def test_a_two_word_name_made_of_the_documents_names_is_refused_unless_it_names_a_project(
    fast_assistant: Any, tmp_path: Path
) -> None:
    _ingest_files(fast_assistant, tmp_path / "games", {
        "games-notes.md": "Twilight Princess is an action-adventure game. Link uses the Clawshot to reach "
        "high ledges, and Javier Nexus of GameSpot praised it.\n",
        "releases-usage.md": "The Releases extension for Sphinx reads the changelog from changelog.rst; "
        "set releases_document_name to use another file.\n",
    })

    assert fast_assistant.ask("Which ledges does Link reach in Clawshot Princess?").notice == (
        "No passage found names Clawshot Princess."
    )
    # "Releases" is the project releases-usage.md is named after.
    assert not fast_assistant.ask("Which setting tells the Releases Sphinx extension to use another file?").notice


def test_a_hyphenated_project_names_the_documents_its_file_names(fast_assistant: Any, tmp_path: Path) -> None:
    _ingest_files(fast_assistant, tmp_path / "tools", {
        "ferry-ci-readme.md": "The request timeout is 30 seconds.\n",
        "harbour-notes.md": "The request timeout is 99 seconds.\n",
    })

    named = fast_assistant.retriever.documents_named("What is ferry-ci's request timeout?")

    assert named == [frozenset({"ferry-ci-readme.md"})]
    sources = {p.chunk.source for p in fast_assistant.retrieve("What is ferry-ci's request timeout?")}
    assert sources == {"ferry-ci-readme.md"}


def test_a_question_naming_a_document_by_its_file_name_is_not_refused_for_it(
    fast_assistant: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "conf"
    folder.mkdir()
    # The sample configuration never names itself; its file is named for it.
    (folder / "ferry2-conf.txt").write_text(
        "# Timeouts in milliseconds\nread_time_out 15000\nconnect_time_out 8000\n", encoding="utf-8"
    )
    fast_assistant.ingest([folder])

    answer = fast_assistant.ask("In the default ferry2.conf, how long is the read timeout?")

    assert not answer.notice
    assert fast_assistant.ask("In ferry3.conf, how long is the read timeout?").notice == (
        "No document mentions ferry3.conf."
    )
    # Named after its project, not its file: "ferry2.conf" over ferry2-sample-config.txt.
    (folder / "ferry2-conf.txt").rename(folder / "ferry2-sample-config.txt")
    fast_assistant.ingest([folder], prune=True)
    assert not fast_assistant.ask("In the default ferry2.conf, how long is the read timeout?").notice
    assert fast_assistant.ask("In ferry3.conf, how long is the read timeout?").notice


def test_a_named_option_outside_the_top_passages_is_brought_in(fast_assistant: Any, tmp_path: Path) -> None:
    folder = tmp_path / "conf"
    folder.mkdir()
    # BM25 reads "--max-value" as "max" and "value", which the ferry notes are full of.
    for i in range(6):
        (folder / f"ferry{i}.txt").write_text(
            f"The island ferry {i} has a max value and a default value. Max value, default value.",
            encoding="utf-8",
        )
    (folder / "options.txt").write_text("--max-value N\n    Stop after N crossings.\n", encoding="utf-8")
    fast_assistant.ingest([folder])

    question = "What does --max-value set as the max value of the island ferry?"
    passages = fast_assistant.retrieve(question, top_k=2)

    assert all(p.chunk.source.startswith("ferry") for p in passages[:2])
    assert [p.chunk.source for p in passages[2:]] == ["options.txt"]


def test_a_named_option_is_brought_in_from_the_documents_retrieved(
    fast_assistant: Any, tmp_path: Path
) -> None:
    """Of the passages naming the option, one from the documents the question retrieved comes
    first, though another document's passage that names it ranks higher."""
    folder = tmp_path / "book"
    folder.mkdir()
    (folder / "rustc.md").write_text(
        "# Codegen options\n\nThe rustc codegen options mean what the flag C passes to rustc.\n\n"
        "# Passes\n\nThe rustc codegen options mean extra passes for rustc codegen.\n\n"
        "# Debug info\n\nNote: the -g flag is an alias for debuginfo=2.\n",
        encoding="utf-8",
    )
    (folder / "cargo.md").write_text(
        "# Profiles\n\nCargo profiles set flags like -g and what they mean for codegen options.\n",
        encoding="utf-8",
    )
    fast_assistant.ingest([folder])

    passages = fast_assistant.retrieve("What does the rustc -g flag mean for rustc codegen options?", top_k=2)

    assert [p.chunk.source for p in passages[:2]] == ["rustc.md", "rustc.md"]
    assert "alias for debuginfo=2" in passages[2].chunk.text



def test_a_question_taking_for_granted_a_name_or_number_the_passages_lack_is_refused(
    fast_assistant: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "report.txt").write_text(
        "A pro-Russian official said the troops were retreating to gather their strength.\n\n"
        "Kremlin spokesman Dmitry Peskov declined to comment on the retreat.\n",
        encoding="utf-8",
    )
    fast_assistant.ingest([folder])

    asked = "What is the name of the pro-Russian official who said the troops were retreating?"
    answer = fast_assistant.ask(asked)

    assert answer.abstained and not answer.citations
    assert answer.notice == "The documents mention the pro-Russian official but never by name."
    assert not fast_assistant.ask("Who is the Kremlin spokesman who declined to comment?").notice
    # A number the passages never state: the answer would be about another figure.
    unstated = fast_assistant.ask("Which official said 2,500 troops were retreating to gather strength?")
    assert unstated.abstained and unstated.notice == "No passage found states 2,500."
    lenient = fast_assistant.with_settings(answering={"refuse_presupposed": False})
    assert not lenient.ask(asked).notice


def test_a_short_option_with_its_number_attached_is_mentioned_by_the_option(
    fast_assistant: Any, tmp_path: Path
) -> None:
    _ingest_files(fast_assistant, tmp_path / "man", {
        "banner.txt": "-I infocode\n    Print information about the program.\n"
        "    1  Version, as an integer: 2.2.1 prints 20201.\n",
    })

    # "-I1" is -I with the code 1; the manual never writes them together.
    assert not fast_assistant.ask("What does banner -I1 print for version 2.2.1?").notice
    assert fast_assistant.ask("What does banner -Q1 print?").notice == "No document mentions -q1."
    # Names differing only in their numbers are the user's own files, listed as an example.
    series = "My banner output files are out.1.txt, out.10.txt and out.2.txt. What does -I1 print?"
    assert not fast_assistant.ask(series).notice
    assert fast_assistant.ask("What does banner write to out.1.txt?").notice == "No document mentions out.1.txt."
    # Names that are no files stay names, numbered alike or not.
    assert fast_assistant.ask("Does banner print MI55 and MI66?").notice == "No document mentions mi55, mi66."


def test_a_question_naming_a_document_is_answered_from_the_documents_about_it(
    fast_assistant: Any, tmp_path: Path
) -> None:
    """"What is redir's default log level?" had been answered from loglevel's README, which
    never mentions redir: a project a question names is read in the documents about it."""
    folder = tmp_path / "named"
    folder.mkdir()
    for i in range(5):
        (folder / f"loglevel{i}-readme.md").write_text(
            "# Levels\n\nThe default log level is warn. Set the log level with setLevel. Install it with npm.\n", encoding="utf-8"
        )
    (folder / "redir-manual.txt").write_text(
        "OPTIONS\n\n-l, --loglevel=LEVEL\n    Set log level: none, err, notice, info, debug. Default is notice.\n",
        encoding="utf-8",
    )
    (folder / "install.md").write_text("# Install\n\nRun make install to install it.\n", encoding="utf-8")
    fast_assistant.ingest([folder])

    question = "What is redir's default log level?"
    assert fast_assistant.retriever.documents_named(question) == [frozenset({"redir-manual.txt"})]
    assert {p.chunk.source for p in fast_assistant.retrieve(question, top_k=3)} == {"redir-manual.txt"}
    # A word many documents use names none of them, though a file is named after it.
    assert fast_assistant.retriever.documents_named("How do I install the default log level?") == []
    off = fast_assistant.with_settings(retrieval={"named_documents": False})
    assert {p.chunk.source for p in off.retrieve(question, top_k=3)} != {"redir-manual.txt"}


def test_a_project_named_as_its_files_are_is_not_refused_for_it(fast_assistant: Any, tmp_path: Path) -> None:
    # The page says "Jupyter" and "kernel" but never its package's name; its file is named for it.
    _ingest_files(fast_assistant, tmp_path / "docs", {
        "jupyter_client-kernels.html": "<html><body><h1>Kernels</h1><p>To see the available kernel"
        " specs, run jupyter kernelspec list. A kernel spec names the command that starts the kernel.</p></body></html>",
    })

    assert not fast_assistant.ask("Which command lists the kernel specs jupyter_client finds?").notice
    assert fast_assistant.ask("Which command lists the kernel specs jupyter_server finds?").notice == (
        "No document mentions jupyter_server."
    )


def _ingest_files(assistant: Any, folder: Path, files: dict[str, str]) -> None:
    """Write the files into a new folder and ingest it."""
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    assistant.ingest([folder])
