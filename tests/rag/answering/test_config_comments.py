"""A sample configuration file's comments (rag.answering.config_comments)."""

from rag.answering.config_comments import commented_out, uncommented


def test_a_comment_block_loses_its_markers_and_keeps_its_offsets() -> None:
    text = "# The port to listen on.\n# Use 0 for any.\nport = 8080\n"
    read = uncommented(text)
    assert len(read) == len(text)
    assert read.splitlines()[0].strip() == "The port to listen on."
    assert read.splitlines()[2] == "port = 8080"


def test_markdown_headings_alone_stay_headings() -> None:
    text = "# Guide\n## Install\n\nRun the installer.\n"
    assert uncommented(text) == text


def test_a_short_comment_over_a_setting_left_commented_out_is_no_heading() -> None:
    """dnssec-trigger.conf: "# pidfile location" over "# pidfile: "/run/dnssec-triggerd.pid""
    had read as two headings, and the path as a heading of its own."""
    text = '# pidfile location\n# pidfile: "/run/dnssec-triggerd.pid"\n'
    read = uncommented(text).splitlines()
    assert [line.strip() for line in read[:2]] == ["pidfile location", 'pidfile: "/run/dnssec-triggerd.pid"']
    # A heading's first line may hold a colon; under it, only a name of code in lower case counts.
    assert uncommented("# Step 1: Install\n## Usage\n") == "# Step 1: Install\n## Usage\n"


def test_a_one_line_comment_above_a_setting_documents_it() -> None:
    text = "# Maximum number of entries in logfile.\nLOG_MAXIMUM_ENTRIES=500\n"
    assert not uncommented(text).startswith("#")


def test_a_default_left_commented_out_is_a_setting_not_prose() -> None:
    text = "# The port.\n#webagg.port: 8988\n# A sentence of prose.\n"
    assert commented_out(text, text.index("#webagg"))
    assert not commented_out(text, 0)
    assert not commented_out(text, text.index("# A sentence"))


def test_a_default_commented_out_after_a_space_is_a_setting_when_it_assigns() -> None:
    text = "#    Network port to listen (UDP).\n# port = 30000\n; framerate = 60\n# Note: see below.\n"
    assert commented_out(text, text.index("# port"))
    assert commented_out(text, text.index("; framerate"))
    assert not commented_out(text, 0)
    assert not commented_out(text, text.index("# Note"))
    assert not commented_out("# if a == b then\n", 0)


def test_a_default_commented_out_in_aligned_columns_is_a_setting() -> None:
    """nscd.conf: "#\tthreads\t\t\t4" and "#\tserver-user             <user …>" set their values
    in a column, which a sentence of prose does not (its "Done.  Next" ends in a full stop)."""
    text = "#\tthreads\t\t\t4\n#\tserver-user             nobody\n# Done.  Next comes the rest.\n"
    assert commented_out(text, 0)
    assert commented_out(text, text.index("#\tserver-user"))
    assert not commented_out(text, text.index("# Done"))
    alone = "#\trestart-interval\t3600\n\nparanoia no\n"
    assert not uncommented(alone).startswith("#")


def test_a_comment_indented_inside_a_section_is_no_markdown_heading() -> None:
    """DRBD's drbd.conf.example comments its settings inside "disk {" with tab-indented "#"
    lines: read as two Markdown headings, "with non volatile write cache (BBWC, flash)" was not
    the comment of "disk-flushes no;" it documents."""
    text = (
        "\tdisk {\n"
        "\t\t# If you have a resonable RAID controller\n"
        "\t\t# with non volatile write cache (BBWC, flash)\n"
        "\t\tdisk-flushes no;\n"
        "\t}\n"
    )
    assert "# with" not in uncommented(text)
    # A Markdown heading run at the margin stays one.
    assert uncommented("# Guide\n## Install\n") == "# Guide\n## Install\n"
