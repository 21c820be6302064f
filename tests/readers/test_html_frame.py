"""A web page's frame (menus, banners, footers, asides, all outside <main>) is left out
of the document's text and listed in the drop report with its words and place: never a
silently dropped word. An aside inside the main text may be the text's own note, so it is
a warning until acknowledged."""

from __future__ import annotations

from clausemark.convert import convert_file
from clausemark.readers import html

PAGE = """<html><head><title>Rules</title><style>p {}</style></head><body>
<header class="site-header"><a href="/">Home</a> <a href="/who">Councillors</a></header>
<nav><ul><li><a href="/a">Agendas</a></li><li>Minutes</li></ul></nav>
<main>
<h1>Oakvale Parish Council Standing Orders</h1>
<h2>1. Meetings</h2>
<p>1.1 The council shall meet four times a year.</p>
<aside><p>Amended by resolution of the council in May 2025.</p></aside>
<p>1.2 Meetings are open to the public.</p>
<div hidden>draft words nobody sees</div>
<script>var shown = "never";</script>
</main>
<footer>Copyright Oakvale Parish Council. Privacy notice.</footer>
</body></html>
"""


def _drops(tmp_path, page: str = PAGE):
    path = tmp_path / "rules.html"
    path.write_text(page, encoding="utf-8")
    document = convert_file(path)
    return document, [(d.kind, d.level, d.place, d.text) for d in document.dropped]


def test_the_frame_words_are_listed_with_their_place(tmp_path):
    document, drops = _drops(tmp_path)
    assert drops == [
        ("site-frame", "info", "line 2", "Home Councillors Agendas Minutes"),
        ("aside-text", "warning", "line 8", "Amended by resolution of the council in May 2025."),
        ("site-frame", "info", "line 13", "Copyright Oakvale Parish Council. Privacy notice."),
    ]
    warning = [w.message for w in document.warnings if w.code == "dropped"]
    assert len(warning) == 1 and "dropped: [aside-text]" in warning[0]


def test_words_a_browser_does_not_show_are_not_listed(tmp_path):
    _document, drops = _drops(tmp_path)
    listed = " ".join(text for *_rest, text in drops)
    for unseen in ("draft words", "never", "Rules", "p {}"):
        assert unseen not in listed


def test_the_text_itself_is_kept_whole(tmp_path):
    source = html.read(PAGE.encode(), "rules.html")
    assert "1.1 The council shall meet four times a year." in source.text
    assert "1.2 Meetings are open to the public." in source.text
    assert "Amended" not in source.text and "Agendas" not in source.text


def test_an_aside_outside_the_main_text_is_frame(tmp_path):
    page = "<body><aside>Related pages: Budget</aside><p>1. The rule applies.</p></body>"
    document, drops = _drops(tmp_path, page)
    assert drops == [("site-frame", "info", "line 1", "Related pages: Budget")]
    assert not [w for w in document.warnings if w.code == "dropped"]


def test_a_banner_without_the_title_is_listed(tmp_path):
    page = (
        "<body><header><p>Oakvale Parish Council website</p></header>"
        "<p>1. The rule applies.</p></body>"
    )
    _document, drops = _drops(tmp_path, page)
    assert ("site-frame", "info", "line 1", "Oakvale Parish Council website") in drops


SHOWN_APART = """<html><body><main><h1>Oakvale Parish Council Standing Orders</h1>
<form id="aspnetForm">
<p>1.1 The plan <svg><text>Ward map key</text><script>var no = 1;</script></svg> is
attached: <object data="plan.pdf">plan fallback words</object>.</p>
<p>1.2 Vote <button>Show more</button> <textarea>typed words</textarea>
<select><option>first choice</option></select> by hand.</p>
</form>
<p><span aria-hidden="true">expand_more</span>1.3 Icons stay unlisted.</p>
</main></body></html>"""


def test_words_a_browser_shows_in_drawings_objects_and_controls_are_listed_as_warnings(tmp_path):
    document, drops = _drops(tmp_path, SHOWN_APART)
    assert [(kind, level, text) for kind, level, _place, text in drops] == [
        ("shown-apart", "warning", "Ward map key"),
        ("shown-apart", "warning", "plan fallback words"),
        ("shown-apart", "warning", "Show more"),
        ("shown-apart", "warning", "typed words"),
        ("shown-apart", "warning", "first choice"),
    ]
    warning = [w.message for w in document.warnings if w.code == "dropped"]
    assert len(warning) == 1 and "dropped: [shown-apart]" in warning[0]
    # a <form> is a block a browser shows (a site may wrap its whole page in one): its
    # words are the text; an icon font's aria-hidden ligature name is no word of it
    text = html.read(SHOWN_APART.encode(), "rules.html").text
    assert "1.1 The plan is\nattached: ." in text or "1.1 The plan is attached: ." in text
    assert "1.2 Vote by hand." in text and "expand_more" not in text


NOTED = """<html><body><main><h1>Oakvale Parish Council Standing Orders</h1>
<p>1.1 Residents may speak.<a href="#_ftn1" name="_ftnref1"><span
class="MsoFootnoteReference">[1]</span></a></p>
<p>1.2 Deputations are heard.<a href="#_ftn2" name="_ftnref2">[2] and late words</a></p>
<div id="ftn1"><p><a href="#_ftnref1" name="_ftn1">[1]</a> Students count as residents.</p></div>
</main></body></html>"""


def test_a_printed_footnote_label_is_the_mark_not_the_frame(tmp_path):
    document, drops = _drops(tmp_path, NOTED)
    text = html.read(NOTED.encode(), "rules.html").text
    assert "1.1 Residents may speak.[^1]" in text
    assert "[^1]: Students count as residents." in text
    # the label "[1]" is the mark written, listed nowhere; words beyond a label are listed
    assert [text for *_rest, text in drops] == ["[2] and late words"]
