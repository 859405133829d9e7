"""What completes a quoted entry (rag.answering.entries): its name, its default, the sentence
opening a default's entry, a sample configuration's setting line; read through the extractive
answerer on hand-made passages, with OverlapScorer standing in for the cross-encoder."""

from __future__ import annotations

import pytest
from fakes import OverlapScorer
from fakes import overlap_answerer as answerer
from fakes import passages_of as passages

from rag.answering import entries
from rag.answering.extractive import ExtractiveAnswerer
from rag.types import Chunk, ScoredChunk

# davfs2.conf(5): a long entry closing with its default.
DAVFS2_ENTRY = (
    "       max_upload_attempts\n"
    "              When uploading a changed file fails temporarily the daemon will\n"
    "              retry with increasing intervals, but not more often than this.\n"
    "              With a bad connection this will cause additional traffic. To\n"
    "              reduce traffic caused by unsuccessful attempts another option\n"
    "              can be set. But please test it. Most proxies and some servers\n"
    "              do not support this header at all, so it may change nothing.\n"
    "              Default: 15\n"
)


def test_the_default_line_ending_a_long_entry_is_quoted_with_its_best_sentence() -> None:
    draft = answerer().answer(
        "How often will the daemon retry uploading a changed file when uploading fails?", passages(DAVFS2_ENTRY)
    )
    assert "retry with increasing intervals" in draft.text and "Default: 15" in draft.text
    # A short entry is quoted whole, its default with it, as before.
    short = "       retry\n              The daemon tries again after retry seconds.\n              Default: 30\n"
    draft = answerer().answer("After how many seconds does the daemon try again?", passages(short))
    assert "tries again after retry seconds" in draft.text and "Default: 30" in draft.text


def test_a_default_stated_inside_a_long_entry_is_quoted_with_its_best_sentence() -> None:
    # Varnish's file storage: "Defaults to random." closes a paragraph too long to quote whole,
    # in the middle of a line.
    filler = " ".join(["It is read when the storage is opened and stays fixed while it runs."] * 3)
    entry = (
        "The advice parameter tells the kernel how varnishd expects to use this mapped region. "
        f"{filler} Possible values are normal,\nrandom and sequential, respectively.  Defaults to\nrandom.\n"
    )
    draft = answerer().answer("What does the advice parameter tell the kernel?", passages(entry))
    assert draft.text.startswith("The advice parameter tells the kernel") and "Defaults to random." in draft.text


ENTRY_NAME = "bitrate_average_damping=N"
ENTRY_BODY = (
    "Set the reaction time for the average bitrate tracker to N seconds. This number represents the"
    "\nfastest reaction the tracker is allowed to make. The default is .75 seconds.\n"
)


def test_an_entry_name_on_its_own_line_is_quoted_with_the_default_stated_below_it() -> None:
    draft = answerer().answer("What is bitrate_average_damping?", passages(f"{ENTRY_NAME}\n\n{ENTRY_BODY}"))
    assert draft.text.startswith(ENTRY_NAME) and "The default is .75 seconds." in draft.text
    # A line standing apart (two blank lines down) heads no entry.
    alone = answerer().answer("What is bitrate_average_damping?", passages(f"{ENTRY_NAME}\n\n\n{ENTRY_BODY}"))
    assert "The default is" not in alone.text


def test_a_name_over_its_description_with_no_blank_line_states_a_default_opened_by_by_default() -> None:
    # miredo.conf(5) as text: the name's line and its description read as one paragraph, and the
    # default is stated as "By default, …" (justified: "By  default,").
    manual = (
        "       BindPort udp_port\n"
        "              Define the UDP (IPv4) port number to be used  by  the  relay  or\n"
        "              client.   By  default,  the operating system allocates an unused\n"
        "              port automatically.\n"
    )
    draft = answerer().answer("What is BindPort udp_port?", passages(manual))
    # Read with the name as its completion, not as a runner-up after the description.
    name, rest = draft.text.split(" [1] ", 1)
    assert name == "BindPort udp_port" and rest.startswith("By default, the operating system allocates")


def test_an_entry_name_ending_one_chunk_is_read_with_the_next_chunk_that_holds_its_description() -> None:
    first_text = f"bitrate_average=N\nSet the average bitrate.\n\n{ENTRY_NAME}"
    second_text = f"{ENTRY_NAME}\n\n{ENTRY_BODY}"
    at = 100 + first_text.index(ENTRY_NAME)
    chunks = [
        Chunk(id="c1", source="oggenc.pdf", title="T", text=first_text, start=100, end=100 + len(first_text), doc_id="d"),
        Chunk(id="c2", source="oggenc.pdf", title="T", text=second_text, start=at, end=at + len(second_text), doc_id="d"),
    ]
    draft = answerer().answer("What is bitrate_average_damping?", [ScoredChunk(c, 1.0) for c in chunks])
    assert draft.text.startswith(ENTRY_NAME) and "The default is .75 seconds." in draft.text


def test_a_description_is_quoted_with_the_entry_name_on_the_line_above_it() -> None:
    manual = (
        "       Password\n              You must set this to the password you use at your ISP.\n\n"
        "       Ask Password\n              By setting this option wvdial will prompt for your password on\n"
        "              every dialin.\n"
    )
    draft = answerer().answer("Which option makes wvdial prompt for your password on every dialin?", passages(manual))
    assert draft.text.startswith("Ask Password By setting this option wvdial will prompt")
    assert manual[draft.citations[0].start - 100 : draft.citations[0].end - 100].startswith("Ask Password\n")
    # The last line of a paragraph is no name: the sentence under it is quoted alone.
    prose = "The tool reads its settings at start and\nkeeps them.\n\nBy setting this option wvdial will prompt for your password.\n"
    draft = answerer().answer("Which option makes wvdial prompt for your password?", passages(prose))
    assert draft.text.startswith("By setting this option")


def test_an_entry_name_is_no_list_item_heading_or_sentence() -> None:
    # Nor a man page's section title in capitals, nor a shell command.
    # Nor a date, which dates what is below (a news page's date under its headline).
    for above in (
        "- Ask Password", "## Ask Password", "It asks.", "PASSWORD HANDLING", "$ make check", "-" * 40, "<p></p>",
        "November 10, 2022",
    ):
        text = f"{above}\n\nBy setting this option wvdial will prompt for your password.\n"
        draft = answerer().answer("Which option makes wvdial prompt for your password?", passages(text))
        assert draft.text.startswith("By setting this option"), above

    # A short line under another is the list's next entry, not a description.
    codes = "Unimplemented function: 16\n\nConfiguration error: 17\n"
    draft = ExtractiveAnswerer(OverlapScorer(), threshold=0.2).answer(  # type: ignore[arg-type]
        "Which exit code means a configuration error?", passages(codes)
    )
    assert draft.text.startswith("Configuration error: 17")


def test_a_runner_up_is_quoted_with_its_entry_name_too() -> None:
    manual = (
        "close_untied =\n\nClose torrents when their tied file is deleted from the disk.\n\n"
        "close_low_diskspace = space\n\nClose active torrents on filesystems with little diskspace left.\n"
    )
    draft = answerer(runner_up_ratio=0.1).answer(
        "Which setting closes active torrents on filesystems with little diskspace left on the disk?",
        passages(manual),
    )
    assert "close_low_diskspace = space Close active torrents" in draft.text
    assert "close_untied = Close torrents when" in draft.text


def test_each_part_of_a_two_part_question_is_quoted_with_its_entry_name() -> None:
    # The description opens a chunk; its name ends the chunk before, also retrieved.
    first_text = "--second-stage\n\nComplete the bootstrapping process.\n\n--keep-debootstrap-dir"
    second_text = "Don't delete the /debootstrap directory in the target after the installation.\n"
    at = 100 + len(first_text) + 2
    chunks = [
        Chunk(id="c1", source="debootstrap.pdf", title="T", text=first_text, start=100, end=100 + len(first_text), doc_id="d"),
        Chunk(id="c2", source="debootstrap.pdf", title="T", text=second_text, start=at, end=at + len(second_text), doc_id="d"),
        Chunk(id="c3", source="abcde.conf", title="T", text="KEEPWAVS=n\n\nKeep the wav files after encoding.\n", start=0, end=45, doc_id="e"),
    ]
    joined = Chunk(
        id="c4", source="debootstrap.pdf", title="T", text=first_text + "\n\n" + second_text,
        start=100, end=at + len(second_text), doc_id="d",
    )
    ps = [ScoredChunk(c, 1.0) for c in chunks]
    reader = ExtractiveAnswerer(OverlapScorer(), threshold=0.3)  # type: ignore[arg-type]
    draft = reader.answer(
        "Which option stops deleting the /debootstrap directory in the target, and which variable keeps the wav files after encoding?",
        [*ps, ScoredChunk(joined, 0.5)],
    )
    assert "--keep-debootstrap-dir Don't delete" in draft.text and "KEEPWAVS=n Keep the wav files" in draft.text
    # Without a chunk holding both, the description is quoted alone.
    draft = reader.answer("Which option stops deleting the /debootstrap directory in the target?", ps[1:2])
    assert draft.text.startswith("Don't delete")


def test_an_entry_name_may_give_its_values_with_marks_between() -> None:
    manual = (
        "LocalDiscovery = yes | no ( no ) [experimental]\n\n"
        "When enabled, tinc will try to detect peers that are on the same local network.\n"
    )
    draft = answerer().answer("Which option makes tinc detect peers on the same local network?", passages(manual))
    assert draft.text.startswith("LocalDiscovery = yes | no ( no ) [experimental] When enabled")
    # Marks between a few words do not make a statement of code a name.
    shell = "function cvsdiff () { cvs diff $@ | colordiff; }\n\nOr pipe the output through less -R.\n"
    draft = answerer().answer("How do I pipe the output through less?", passages(shell))
    assert draft.text.startswith("Or pipe the output")


ARGUMENTS = (
    "connection_limit Stop creating new channels if too many are already active (integer).\n\n"
    "Default: 100\n\n"
    "cleanup_interval Minimum seconds between cleaning up inactive channels (integer).\n"
    "See also channel_timeout.\n\n"
    "Default: 30\n\n"
    "channel_timeout Maximum seconds to leave an inactive connection open (integer).\n\n"
    "Default: 120\n"
)


def test_a_default_stated_alone_is_quoted_after_the_sentence_opening_its_entry() -> None:
    draft = answerer(runner_up_ratio=0.0).answer("What is the default?", passages(ARGUMENTS))
    assert draft.text == (
        "connection_limit Stop creating new channels if too many are already active (integer). [1] Default: 100 [2] "
        "cleanup_interval Minimum seconds between cleaning up inactive channels (integer). [3] Default: 30 [4] "
        "channel_timeout Maximum seconds to leave an inactive connection open (integer). [5] Default: 120 [6]"
    )
    for c in draft.citations:
        assert ARGUMENTS[c.start - 100 : c.end - 100] == c.text
    # An entry's sentence quoted for its own sake already is not quoted twice, and stays before its default.
    draft = answerer(runner_up_ratio=0.0).answer("What is the cleanup_interval default?", passages(ARGUMENTS))
    text = draft.text
    assert text.count("cleanup_interval Minimum seconds") == 1
    assert text.index("cleanup_interval Minimum seconds") < text.index("Default: 30")


def test_an_entrys_lead_is_looked_for_past_its_other_fields() -> None:
    keys = "save save the currently edited event and leave the editor\n\ntype: list\n\ndefault: meta enter\n"
    draft = answerer().answer("What is the default?", passages(keys))
    assert draft.text.startswith("save save the currently edited event and leave the editor [1] default: meta enter [2]")
    # A default far from any entry (two blank lines up) is quoted alone.
    alone = answerer().answer("What is the default?", passages("save the event\n\n\ndefault: meta enter\n"))
    assert alone.text.startswith("default: meta enter [1]")


PPTPD = (
    "# TAG: delegate\n"
    "#\tDelegates the allocation of client IP addresses to pppd.\n"
    "#\n"
    "#       With this option, pptpd does not pass an address, and so pppd may use\n"
    "#       radius or chap-secrets to allocate an address.\n"
    "#\n"
    "#delegate\n\n"
    "# TAG: connections\n#       Limits the number of client connections.\n#connections 100\n"
)
# Two empty comment lines end a block too; a setting may follow a space after its "#".
MONIT = (
    "## Do not alert when Monit starts, stops or performs a user initiated action.\n"
    "#\n"
    "# set alert your-name@your.domain not on { instance, action }\n"
    "#\n#\n"
    "## Monit has an embedded HTTP interface.\n"
)
# The first setting below is the sample's own, before its alternatives.
TORRC = (
    "## Tor opens a SOCKS proxy on port 9050 by default -- even if you don't\n"
    "## configure one below. Set SOCKSPort 0 if you plan to run Tor only as a relay, and not\n"
    "## make any local application connections yourself. Tor listens on the loopback\n"
    "## interface unless it is told to bind to another address below.\n"
    "#SOCKSPort 9050 # Default: Bind to localhost:9050 for local connections.\n"
    "#SOCKSPort 192.168.0.1:9100 # Bind to this address:port too.\n"
)
# Of two settings, the one the quote names.
PINGS = (
    "## PING requests are sent every PingInterval seconds to every client that is connected to\n"
    "## the server, so that a client which went away without saying so is found out in time and\n"
    "## its resources are given back to the others. If no PONG reply has\n"
    "## been received for PingTimeOut seconds, the server aborts the connection.\n"
    "##\n# PingInterval = 180\n# PingTimeOut = 300\n"
)


@pytest.mark.parametrize(
    ("sample", "question", "setting"),
    [
        (PPTPD, "Which option lets radius or chap-secrets allocate an address?", "#delegate"),
        (MONIT, "How do I stop alerts when Monit starts or stops?", "# set alert your-name@your.domain not on { instance, action }"),
        (TORRC, "On which port does Tor open a SOCKS proxy by default?", "#SOCKSPort 9050 # Default: Bind to localhost:9050 for local connections."),
        (PINGS, "When does the server abort the connection?", "# PingTimeOut = 300"),
    ],
    ids=["tight", "fewer-marks", "first-of-two", "the-one-named"],
)
def test_a_commented_description_is_quoted_with_the_setting_line_closing_its_block(
    sample: str, question: str, setting: str
) -> None:
    draft = answerer().answer(question, passages(sample))
    assert f"[1] {setting} [2]" in draft.text
    assert sample[draft.citations[1].start - 100 : draft.citations[1].end - 100] == setting


def test_a_setting_is_named_by_the_quote_only_as_a_word_of_its_own() -> None:
    assert entries._names("been received for PingTimeOut seconds", "PingTimeOut")
    assert not entries._names("the settings below", "set")
    assert not entries._names("see ssl-privatekey-file", "ssl-privatekey")


def test_a_comment_line_marked_as_the_prose_is_is_no_setting() -> None:
    # A field of the description ("# Mandatory: no"), a reference, a table's header, each
    # marked as the prose is.
    for below in ("# Mandatory: no", "# See also offlineimapui(7)", "# UPSTYPE DEVICE Description"):
        sample = f"# List of IP addresses the agent should listen on.\n#\n{below}\n"
        draft = answerer().answer("Which IP addresses should the agent listen on?", passages(sample))
        assert below.lstrip("# ") not in draft.text, below


def test_a_comment_block_of_prose_adds_no_setting() -> None:
    # Its last line ends a sentence; a blank line parts the block from what follows; a wrapped
    # sentence's next line goes on with it.
    for sample, never in (
        ("# The server starts one worker per core.\n#\n# See the manual for details.\n", "See the manual"),
        ("# The server starts one worker per core.\n\nnice 4\n", "nice 4"),
        ("# The server starts one worker per core\n#   when asked\n", "when asked ["),
        ("```sh\n# The server starts one worker per core.\n```\n", "[2]"),
    ):
        draft = answerer().answer("How many workers does the server start?", passages(sample))
        assert draft.citations and never not in draft.text, sample


def test_each_part_of_a_two_part_question_is_completed_as_one_question_is() -> None:
    # apt-cacher-ng's sample sets each setting under its comment, marked as the comment is; a
    # daemon's long entry closes with its default.
    acng = "# Network timeout for outgoing connections, in seconds.\n#\n# NetworkTimeout: 40\n"
    daemon = DAVFS2_ENTRY
    chunks = [
        Chunk(id="c1", source="acng.conf", title="T", text=acng, start=0, end=len(acng), doc_id="a"),
        Chunk(id="c2", source="davfs2.conf.5", title="T", text=daemon, start=0, end=len(daemon), doc_id="d"),
    ]
    reader = ExtractiveAnswerer(OverlapScorer(), threshold=0.3)  # type: ignore[arg-type]
    draft = reader.answer(
        "What is the network timeout for outgoing connections, and how often will the daemon retry "
        "uploading a changed file?",
        [ScoredChunk(c, 1.0) for c in chunks],
    )
    assert "in seconds. [1] # NetworkTimeout: 40 [2]" in draft.text
    assert "retry with increasing intervals" in draft.text and "Default: 15 [4]" in draft.text
    # A label of the comment is no setting.
    label = "# Network timeout for outgoing connections, in seconds.\n#\n# Mandatory: no\n"
    draft = answerer().answer("What is the network timeout for outgoing connections?", passages(label))
    assert "Mandatory" not in draft.text


SERVE_STATIC = (
    "##### dotfiles\n\n"
    'Set how "dotfiles" are treated when encountered. A dotfile is a file\n'
    'or directory that begins with a dot (".").\n\n'
    "  - `'allow'` No special treatment for dotfiles.\n"
    "  - `'deny'` Deny a request for a dotfile and 403/`next()`.\n\n"
    "The default value is `'ignore'`.\n\n"
    "##### etag\n\nEnable or disable etag generation, defaults to true.\n"
)


def test_an_entry_titled_by_its_name_states_its_default_anywhere_in_its_section() -> None:
    # serve-static's README: an option's heading, what it does, its values, then its default.
    draft = answerer().answer("How are dotfiles treated when encountered?", passages(SERVE_STATIC))
    assert draft.text.startswith('Set how "dotfiles" are treated when encountered.')
    assert "The default value is `'ignore'`." in draft.text
    # A section titled in words is a chapter, not an entry: its default stays the paragraph's.
    chapter = SERVE_STATIC.replace("##### dotfiles", "##### Serving hidden files")
    draft = answerer().answer("How are dotfiles treated when encountered?", passages(chapter))
    assert "ignore" not in draft.text


@pytest.mark.parametrize(
    ("above", "lead_in"),
    [
        ("[Jump] {bool}", ""),  # fluxbox's apps file: a type in braces is no code statement
        ("*FvwmPager: ShapeLabels", ""),  # a mark glued to the name is no bullet
        ("**autoPrompt**", ""),  # a README's bold name
        ("WVDIAL_PROMPT", ""),  # capitals with "_": a setting's name
        ("WVPROMPT", "wvdial uses the following environment variables:\n\n"),  # announced by ":"
    ],
)
def test_an_entry_name_may_carry_marks_types_or_capitals(above: str, lead_in: str) -> None:
    """fluxbox's "[Jump] {bool}", FvwmPager's "*FvwmPager: ShapeLabels" and fbi(1)'s "FBGAMMA"
    (under "Fbi uses the following environment variables:") name the entry below them: the
    description alone did not say which setting the question asked for."""
    text = f"{lead_in}{above}\n\nBy setting this option wvdial will prompt for your password.\n"
    draft = answerer().answer("Which option makes wvdial prompt for your password?", passages(text))
    assert draft.text.startswith(f"{above} By setting this option"), draft.text
