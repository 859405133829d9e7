"""Pages without a content container (texinfo, DocBook) keep their headings and lists and lose
their step-through link bars."""

from __future__ import annotations

from pathlib import Path

from index.formats.html import read_html
from index.formats.htmlframe import prepare_html

# Ninja's manual was in docs_dev until the twenty-first round; it is a training document now.
TRAIN_CORPUS = Path(__file__).resolve().parents[2] / "evals" / "benchmarks" / "train_docs"

# The shape of a texinfo manual: no <main>/<article>/"content" container, a link bar above
# each section, headings and a definition list in plain divs.
TEXINFO = """<html><head><title>Time</title></head><body>
<div class="chapter" id="Resource-Measurement">
<div class="header"><p>Next: <a href="#bugs" rel="next">Reporting bugs</a>, Up: <a href="#Top"
rel="up">Time</a> &nbsp; [<a href="#SEC_Contents">Contents</a>]</p></div>
<span id="x"></span><h2 class="chapter">1 Measuring Program Resource Use</h2>
<p>The time command runs another program, then displays information about the resources used
by that program, collected by the system while the program was running.</p>
<ul><li>Memory resources are reported in kilobytes.</li><li>Elapsed time is wall clock time.</li></ul>
<div class="section" id="Redirecting">
<div class="header"><p>Next: <a href="#Examples">Examples</a>, Previous: <a href="#Format">The
Format String</a></p></div>
<h3 class="section">1.3 Redirecting Output</h3>
<p>By default, time writes the resource use statistics to the standard error stream.</p>
</div></div></body></html>"""


def test_a_page_without_a_content_container_keeps_headings_and_lists_not_link_bars() -> None:
    text = read_html(TEXINFO, "auto").text
    assert "## 1 Measuring Program Resource Use" in text
    assert "### 1.3 Redirecting Output" in text
    assert "Memory resources are reported in kilobytes." in text
    assert "standard error stream" in text
    assert "Next:" not in text and "Previous:" not in text


def test_a_page_with_a_content_container_is_handed_over_as_it_is() -> None:
    page = "<html><body><main><h2>Setup</h2><p>Run it.</p></main><nav><a href='/'>Home</a></nav></body></html>"
    assert "<main><h2>Setup</h2>" in prepare_html(page)
    assert prepare_html("") == ""
    # A paragraph that merely mentions "Next:" among its own words is not a link bar.
    prose = (
        "<html><body><main><p>Next: run <a href='#b' rel='next'>the build</a> and wait until "
        "the whole test suite has passed on every platform you support.</p></main></body></html>"
    )
    assert "the whole test suite" in read_html(prose, "auto").text


def test_a_definition_reads_with_its_terms_and_self_anchors_go() -> None:
    page = """<html><body><main><h2>Options<a href="#opts">¶</a></h2>
<dl><dt><code>-o file</code></dt><dt><code>--output=file</code><a href="#o">¶</a></dt>
<dd><p>Write the resource use statistics to file.</p></dd>
<dt>-a</dt><dd>Append to the file.</dd></dl></main></body></html>"""
    text = read_html(page, "auto").text
    assert "## Options\n" in text + "\n" and "¶" not in text
    assert "-o file --output=file Write the resource use statistics to file." in text
    assert "-a Append to the file." in text


def test_a_docbook_definition_of_text_alone_keeps_all_its_words() -> None:
    # Ninja's manual (asciidoc -> DocBook, from the training corpus): on the whole page trafilatura
    # dropped a <div>'s own text (a small page does not show it), so the definitions vanished
    # or kept only the words after their inline code.
    page = (TRAIN_CORPUS / "ninja-manual.html").read_text(encoding="utf-8")
    text = " ".join(read_html(page, "auto").text.split())
    assert "%s The number of started edges." in text
    assert "%c Current rate of finished edges per second (average over builds specified by -j or its default)" in text


def test_a_section_named_after_its_heading_is_not_taken_for_a_menu() -> None:
    # Sphinx names each section after its heading; trafilatura drops ids with "menu" or "nav".
    page = """<html><body><div class="body" role="main"><section id="idle"><h1>IDLE</h1>
<p>IDLE is Python's Integrated Development and Learning Environment.</p>
<section id="menus"><h2>Menus<a class="headerlink" href="#menus">¶</a></h2>
<p>IDLE has two main window types, the Shell window and the Editor window.</p>
<section id="file-menu-shell-and-editor"><h3>File menu (Shell and Editor)</h3>
<dl><dt>New File</dt><dd><p>Create a new file editing window.</p></dd></dl></section></section>
<section id="editing-and-navigation"><span id="id2"></span><h2>Editing and Navigation</h2>
<p>Editor windows have their own keys.</p></section></section></div>
<div id="navigation"><a href="a.html">previous</a> <a href="b.html">next</a></div></body></html>"""
    text = read_html(page, "auto").text
    for kept in ("## Menus", "two main window types", "New File Create a new file editing window.",
                 "## Editing and Navigation", "Editor windows have their own keys."):
        assert kept in text, kept
    assert "previous" not in text


def test_loose_text_between_blocks_reads_as_paragraphs_with_its_spaces() -> None:
    # zlib's "zlib_how.html": text and <tt>/<em> lie in <body> between <pre> blocks.
    page = """<html><body><h1>Usage</h1>
<pre><b>#define CHUNK 16384</b></pre><!-- -->
<tt>CHUNK</tt> is simply the buffer size for feeding data to and pulling data
from the <em>zlib</em> routines.<a name="x"></a>
<pre><b>int ret;</b></pre>
The <tt>def()</tt> routine compresses data.
</body></html>"""
    text = read_html(page, "auto").text
    assert "CHUNK is simply the buffer size for feeding data to and pulling data\nfrom the zlib routines." in text
    assert "The def() routine compresses data." in text
    assert "\n\n\n" not in text


def test_a_table_inside_a_list_item_or_quotation_keeps_its_rows() -> None:
    """trafilatura reads such a table as one run of text ("type No Possible values: file,
    linkmatch-case No"); set between the halves of the list, it is read as rows, in order."""
    table = (
        "<table><tr><th>Attribute</th><th>Required?</th></tr>"
        "<tr><td>type</td><td>Possible values: <kbd>file</kbd>, <kbd>link</kbd></td></tr>"
        "<tr><td>match-case</td><td>No</td></tr></table>"
    )
    intro = "<p>" + "The database lists every type a file can have and how it is found. " * 4 + "</p>"
    page = (
        f"<html><body><main>{intro}<ul><li>First item.</li><li><p>Each element has attributes:"
        f"<div>{table}</div>Last words of the item.</p></li><li>Third item.</li></ul>"
        f"<blockquote>{table}</blockquote></main></body></html>"
    )
    lines = read_html(page, "auto").text.splitlines()
    assert lines.count("| type | Possible values: file, link |") == 2
    assert lines.count("| match-case | No |") == 2
    order = [next(i for i, line in enumerate(lines) if line.startswith(start)) for start in
             ("- First item.", "- Each element has attributes:", "| Attribute |", "- Last words", "- Third item.")]
    assert order == sorted(order)


def test_markup_inside_inline_code_keeps_the_text_after_it() -> None:
    """trafilatura dropped " z and more." after <code><em>x</em>.y</code>, and moved Sphinx's
    <code><span class="pre">…</span></code> text after the next code span."""
    intro = "<p>" + "The policy says how packages install their modules for every runtime. " * 4 + "</p>"
    page = (
        f"<html><body><main>{intro}<p>A <code><em>x</em>.y</code> z and more.</p>"
        '<p>Run <code class="file"><span class="pre">/usr/share/</span><em><span class="pre">*</span>'
        '</em><span class="pre">.rtinstall</span></code>: the first argument is <code><span '
        'class="pre">rtinstall</span></code>, the second the runtime.</p></main></body></html>'
    )
    text = " ".join(read_html(page, "auto").text.split())
    assert "A x.y z and more." in text
    assert "Run /usr/share/*.rtinstall: the first argument is rtinstall, the second" in text


def test_an_xhtml_page_with_an_encoding_declaration_is_prepared_too() -> None:
    """lxml refuses a decoded page that declares its encoding, and Expat's manual had gone to
    trafilatura unprepared: each term and definition a list item of its own, and inline code
    broken over lines made fenced blocks mid-sentence ("otherwise, ```unsigned short``` is")."""
    page = """<?xml version="1.0" encoding="iso-8859-1"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "xhtml1-strict.dtd">
<html><head><title>Expat</title></head><body><div class="content">
<p>""" + "Expat is a library, written in C, for parsing XML documents. " * 4 + """</p>
<dl><dt>XML_CONTEXT_BYTES</dt><dd>The number of input bytes of markup context. This is
normally set to 1024.</dd>
<dt>XML_UNICODE_WCHAR_T</dt><dd>If defined, uses the wchar_t type; otherwise, <code>unsigned
short</code> is used.</dd></dl></div></body></html>"""
    text = " ".join(read_html(page, "auto").text.split())
    assert "XML_CONTEXT_BYTES The number of input bytes of markup context." in text
    assert "otherwise, unsigned short is used." in text



def test_headings_and_list_items_opening_with_an_empty_anchor_are_kept() -> None:
    # DocBook writes an anchor with nothing inside at the start of each heading.
    section = """<div class="section"><div class="titlepage"><div><div><h2 class="title">
<a id="{id}"></a>{title}</h2></div></div></div><p>Install the <code>libpaper1</code><a id="idm1"
class="indexterm"></a> package, and it will ask you for a system-wide default paper size.</p>
<div class="itemizedlist"><ul><li><p>Execute:</p><pre class="screen">dpkg-divert --divert /bin/login.debian /bin/login
</pre></li><li><p>Then execute:</p><pre>cp login-local /bin/login</pre></li></ul></div></div>"""
    page = "<html><body><div class=\"chapter\">" + "".join(
        section.format(id=i, title=t)
        for i, t in (("papersize", "11.1. How can I set the paper size?"), ("divert", "11.2. How do I override a file?"))
    ) + "</div></body></html>"
    text = read_html(page, "auto").text
    assert "## 11.1. How can I set the paper size?" in text
    assert "## 11.2. How do I override a file?" in text
    assert "dpkg-divert --divert /bin/login.debian /bin/login" in text and "cp login-local" in text
    assert "Install the libpaper1 package, and it" in text


def test_a_heading_inside_a_link_is_kept() -> None:
    # pod2html makes every section title a link back to the top of the page.
    sections = "".join(
        f'<a href="#_podtop_"><h1 id="{t}">{t}</h1></a>\n<p>{t.title()} of stunnel: ' + "it wraps a daemon in TLS. " * 6 + "</p>\n"
        for t in ("DESCRIPTION", "OPTIONS", "SIGNALS")
    )
    text = read_html(f"<html><body><ul><li><a href='#NAME'>NAME</a></li></ul>{sections}</body></html>", "auto").text
    assert "# DESCRIPTION" in text and "# OPTIONS" in text and "# SIGNALS" in text
    assert text.index("# OPTIONS") < text.index("Options of stunnel") < text.index("# SIGNALS")


def test_an_unclosed_name_anchor_keeps_the_rest_of_its_list() -> None:
    # Alpine's command-line page leaves "<A NAME=...>" open in a term: the parser nests the
    # rest of the list inside it.
    page = """<html><body><h1>Command Line Arguments</h1>
<p>Alpine and PC-Alpine can accept quite a few command-line arguments.</p>
<DL>
<DT> -attach <EM>file</EM>
<DD> Go directly into composer with given file attached.
<P>
<DT>  <A NAME="copy_abook">-copy_abook <EM>&lt;local_abook_file&gt;</EM>
<DD> Copy an address book file to a remote address book folder.
<P>
<DT> -d <EM>debug-level</EM>
<DD> Debug Level: Sets the level of debugging information written by Alpine.
<EM>Debug-level</EM> can be set to any integer 0-9.
<P>
<DT> -i <EM>keystrokes</EM>
<DD> Initial keystrokes: Alpine executes this command list upon startup.
</DL>
<p>Pico accepts a few more.</p></body></html>"""
    text = read_html(page, "auto").text
    assert "-copy_abook <local_abook_file> Copy an address book file" in text
    assert "-d debug-level Debug Level: Sets the level" in " ".join(text.split())
    assert "can be set to any integer 0-9." in text
    assert "-i keystrokes Initial keystrokes" in " ".join(text.split())


def test_a_numbered_section_named_after_its_heading_is_kept() -> None:
    # docutils numbers its headings ("2.3   Lintian Tags") and names each section after the
    # title alone; trafilatura drops an element whose id says "tags" as a tag cloud.
    sections = "".join(
        f'<div class="section" id="{sid}"><h2><a class="toc-backref" href="#toc-{n}">{n}&nbsp;&nbsp;&nbsp;{title}</a></h2>'
        f"<p>{title} is the part of Lintian's manual that " + "explains what the checker does. " * 5 + "</p></div>"
        for n, sid, title in (("2.2", "running-lintian", "Running Lintian"), ("2.3", "lintian-tags", "Lintian Tags"), ("2.4", "overrides", "Overrides"))
    )
    toc = '<div class="contents topic" id="contents"><p class="topic-title">Contents</p><ul>' + "".join(
        f'<li><a href="#toc-{n}">{n} {t}</a></li>' for n, t in (("2.2", "Running Lintian"), ("2.3", "Lintian Tags"), ("2.4", "Overrides"))
    ) + "</ul></div>"
    page = f'<html><body><div class="document" id="lintian-user-s-manual"><h1 class="title">Lintian User\'s Manual</h1>{toc}{sections}</div></body></html>'
    text = read_html(page, "auto").text
    for kept in ("Running Lintian is the part", "Lintian Tags is the part", "Overrides is the part"):
        assert kept in text, text[:600]


def test_an_empty_main_frame_does_not_hide_the_real_one() -> None:
    # ImageMagick's pages: an empty <div role="main"> under the navbar, the text in <main>.
    advice = "".join(
        f"<li>{item}</li>\n" for item in (
            "keeping ImageMagick up-to-date;",
            "sanitizing any filenames or command line options you pass to ImageMagick;",
            "explicitly setting the image file type, as in <code>png:image.png</code> rather than <code>image.png</code>.",
        )
    )
    page = f"""<html><body><nav class="navbar"><ul class="navbar-nav">
<li class="nav-item"><a class="nav-link" href="../index.html">Home</a></li>
<li class="nav-item"><a class="nav-link" href="download.html">Download</a></li></ul></nav>
<div role="main" class="container">
  </div>
<main class="container"><div class="magick-template"><h1>Security Policy</h1>
<p>ImageMagick best practices strongly encourage you to configure a security policy that suits
your local environment. The policy is open by default.</p>
<h2>Other Security Considerations</h2>
<p>In addition to the security policy, you can make ImageMagick safer by ...</p>
<ul>
{advice}</ul></div></main>
<footer><p><a href="news.html">News</a> • <a href="sitemap.html">Sitemap</a></p></footer></body></html>"""
    text = read_html(page, "auto").text
    assert "- sanitizing any filenames or command line options you pass to ImageMagick;" in text
    assert "- keeping ImageMagick up-to-date;" in text


def test_a_code_block_inside_a_list_item_keeps_its_lines_and_the_items_after_it() -> None:
    """Sphinx sets an example's command inside its item: trafilatura read the item as one line,
    "Download a collection of files. $ davix-get -r20 dav://… mydir davix-get will crawl …".
    Set out after the item's text, the command is a block of its own lines; the item's text
    after it and the next item (whose links had made it look like a link bar once cut off
    from the list) follow in order. A numbered list is left whole: trafilatura would number
    the items after the block from 1 again."""
    intro = "<p>" + "davix-get allows you to download files using any of the supported protocols. " * 3 + "</p>"
    code = '<div class="highlight"><pre><span></span>$ davix-get -r20 dav://example.org/dir mydir\n$ ls mydir\n</pre></div>'
    page = (
        f"<html><body><main>{intro}<ul><li><p>Save a remote file locally.</p></li>"
        f"<li><p>Download a collection (directory) of files.</p>{code}"
        "<p>davix-get will crawl through the directory tree with 20 threads.</p></li>"
        '<li><p>Be careful with <a href="#and">And</a> and <a href="#or">Or</a>.</p></li></ul>'
        f"<ol><li><p>Install it:</p>{code}</li><li><p>Run it.</p></li></ol></main></body></html>"
    )
    lines = read_html(page, "auto").text.splitlines()
    at = lines.index("$ davix-get -r20 dav://example.org/dir mydir")
    assert lines[at + 1] == "$ ls mydir"
    order = [next(i for i, line in enumerate(lines) if line.startswith(start)) for start in (
        "- Save a remote file", "- Download a collection", "$ davix-get", "davix-get will crawl", "- Be careful with And and Or.",
    )]
    assert order == sorted(order)
    assert "1. Install it: $ davix-get -r20 dav://example.org/dir mydir $ ls mydir" in lines
    assert "2. Run it." in lines
