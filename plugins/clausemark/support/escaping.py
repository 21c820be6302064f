"""The one escaping rule: text from a source or a data file reaches HTML as text, never markup.

Everything a council's files say (source text, front matter, sidecars, glossary.yml,
documents.yml, version labels) is untrusted. Each place that puts such a string into
Markdown or HTML uses one of these functions, chosen by where the string lands:

- `html_text`: HTML text or a quoted attribute, in a template or an HTML string, and the
  `title` MkDocs and Material read as HTML (page titles, menu entries, `<title>`);
- `tree_text`: text or an attribute value set on Python-Markdown's element tree, whose
  serializer leaves anything that looks like an entity alone;
- `tooltip`: a `title` attribute on the element tree that Material's `content.tooltips`
  shows: the tooltip is built with innerHTML, so '&' and '<' are escaped once more (only
  those: the title still reads as plain text to a screen reader and a native tooltip);
- `markdown_text`: a string placed into Markdown, which must show as the same words;
- `markdown_block` / `markdown_inline`: a source's own inline Markdown, kept a paragraph
  of text: what would open a block, or an inline construct of an extension the site
  enables (`INLINE_MARKUP`, the build's `inline_markup` profile), becomes a character
  reference;
- `safe_link`: the only link targets kept are http, https, mailto and relative ones
  (a path on this site: never '//host', which a browser reads as another host, nor its
  backslash forms '\\\\host', '/\\host', '\\/host'), and only those that
  `urllib.parse.urlsplit` reads ('http://[::1', an IPv6 host left open, is refused: MkDocs
  and the built-site check split every href with it and would end the build).
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from urllib.parse import unquote, urlsplit

ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
# Browsers drop ASCII tabs and newlines anywhere in a URL and leading C0 controls and
# spaces, so "java\tscript:" and " javascript:" still run: the scheme is read the same way.
_IGNORED_IN_URL = re.compile(r"[\t\n\r]")
_LEADING = re.compile(r"^[\x00-\x20]+")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_URL_BREAKERS = re.compile(r"[\x00-\x20<>()\\\"'`]")
# Characters Python-Markdown (with attr_list, abbr, footnotes, tables) reads as inline
# syntax anywhere in a line ('<', '>' and '&' are entities by then); '(' and '!' mean
# nothing once '[' is escaped.
_INLINE_SYNTAX = re.compile(r"([\\`*_{}\[\]|#])")
# What a line's first characters open in Python-Markdown and the extensions a site may
# enable, when the line is source text: a heading (#), quote (>), table (|), definition
# (':', def_list), admonition (!!!), details (???), tabbed set or setext underline (=),
# display maths ($$, arithmatex), a pymdownx block (///), a fence (~~~,
# ```), a list item ('- ', '+ ', '* ', '1.', '1)'), a rule ('***', '- - -', '___'), an
# abbreviation ('*[X]: title'), a reference or footnote definition ('[r]: url', '[^1]: x'),
# the table-of-contents marker ('[TOC]') and a task box ('[x]', tasklist). A snippet
# ('--8<--') and raw HTML need '<', which is an entity by then. Emphasis, a link or a
# footnote marker at the start of a line are the text's own inline Markdown, and stay.
_BLOCK_OPENER = re.compile(
    r"""^(?:
        [\#>|:!?=$/~]                     # opens something whatever follows
      | [-+*](?=[ \t]|$)                   # a list item
      | \d+[.)](?=[ \t]|$)                 # a numbered list item: its '.' or ')' goes
      | [-*_](?=(?:[ \t]*[-*_]){2,}[ \t]*$)  # a rule
      | \*(?=\[)                            # an abbreviation
      | \[(?=[^\]]*\]:|[ xX]\])              # a definition, a task box
      | \\?\[(?=TOC\\?\]\s*$)                # the contents marker, escaped or not
      | `(?=``)                             # a fence
    )""",
    re.X,
)
_LEADING_SPACE = re.compile(r"^[ \t]+")  # four spaces open a code block
# Python-Markdown's abbreviation ('*[X]: title', abbr.py's own pattern): checked on a
# paragraph of one line, its text has no ']:' after '*[' (linear: one lazy scan)
_ABBREVIATION = re.compile(r"\*\[[^\\]*?\][ ]?:")


# Extensions whose inline syntax gives ordinary characters of a source a meaning of their
# own (the page would not read as the text adopted): what each reads, and the characters
# that open it. When a site enables one (SiteSettings.inline_markup, set around a build
# by `inline_markup`), each such character in a source's text is written as a character
# reference, which Markdown shows as that character and no extension reads as syntax.
# Not touched: a link's target, a footnote marker, a character reference already made.
INLINE_MARKUP: dict[str, tuple[str, str]] = {
    "pymdownx.arithmatex": ("'$x$' and '\\(x\\)' as maths", r"\$|\\(?=[()\[\]])"),
    "pymdownx.emoji": ("':name:' as a picture", r":(?=[+\-\w]+:)"),
    "pymdownx.magiclink": (
        "bare addresses as links",
        r":(?=//)|(?i:(?<=www))\.|@|[#!?](?=\d)",  # scheme://, www., mail, #123 refs
    ),
    "pymdownx.mark": ("'==x==' as highlighting", r"=(?==)"),
    "pymdownx.caret": ("'^^x^^' and '^x^' as insertion and superscript", r"\^"),
    "pymdownx.tilde": ("'~~x~~' and '~x~' as deletion and subscript", r"~"),
    "pymdownx.keys": ("'++x++' as keys", r"\+(?=\+)"),
    "pymdownx.critic": ("'{++x++}' as an edit", r"\\?\{(?=\+\+|--|==|>>|~~)"),
    "pymdownx.smartsymbols": (
        "'(c)', '1st', '1/2', 'c/o' as symbols",
        r"(?i:\((?=(?:c|r|tm)\))|(?<=\bc)/(?=o\b)|(?<=\d)[snrt](?=[tdh]\b))"
        r"|(?<=[+=\d])/|-(?=-)",  # (c) (r) (tm), c/o, 1st 2nd 3rd 4th, +/- =/= 1/2, --> <--
    ),
    # the emphasis it reads is the text's own (the readers' marks for bold and italic)
    "pymdownx.betterem": ("underscores and asterisks as emphasis", r"(?!)"),
    "pymdownx.inlinehilite": ("'`#!lang code`' as highlighted code", r"`"),
}
# What an opener is never looked for inside: a link target, a footnote marker, a
# character reference (its '#' and ';' are no text), a character literal_words escaped.
_NOT_TEXT = re.compile(r"(\]\([^()\s]*\)|\[\^[^\]\s]*\]|&#?\w+;|\\[\\`*_])")
_INLINE_MARKUP_READ: ContextVar[tuple[str, ...]] = ContextVar("inline_markup", default=())


@contextmanager
def inline_markup(names: Iterable[str]) -> Iterator[None]:
    """Escape, while in this block, the inline openers of these extensions (the site's)."""
    token = _INLINE_MARKUP_READ.set(tuple(sorted(set(names) & set(INLINE_MARKUP))))
    try:
        yield
    finally:
        _INLINE_MARKUP_READ.reset(token)


def inline_markup_read() -> tuple[str, ...]:
    """The extensions whose inline openers are escaped now (part of every cache key)."""
    return _INLINE_MARKUP_READ.get()


@functools.lru_cache(maxsize=16)
def _openers(names: tuple[str, ...]) -> re.Pattern | None:
    patterns = [INLINE_MARKUP[name][1] for name in names]
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


def markdown_inline(markdown: str) -> str:
    """A source's inline Markdown with every opener of the enabled inline extensions as a
    character reference (`INLINE_MARKUP`); unchanged when the site enables none."""
    openers = _openers(inline_markup_read())
    if openers is None:
        return markdown
    parts = _NOT_TEXT.split(markdown)  # text, kept, text, kept, ...
    for position in range(0, len(parts), 2):
        parts[position] = openers.sub(lambda m: _as_entity_at_end(m.group(0)), parts[position])
    return "".join(parts)


# What inline Markdown reads as emphasis, code or an escape in a line of words: in the
# words of a Word, web or PDF file (which are not Markdown), each is written escaped.
_LITERAL_INLINE = str.maketrans({c: f"\\{c}" for c in "\\`*_"})


def literal_words(text: str) -> str:
    """Words a reader took from a file that is not Markdown (a Word run, a web page's
    text), as Markdown that shows them as printed: 'a*b*c' keeps its stars and
    '__init__' its underscores, instead of reading as emphasis, and '[here](https://...)'
    its brackets and address, instead of reading as a link. The reader's own marks
    (emphasis from bold runs, links) are added around these words, never inside them."""
    if "\\" in text or "`" in text or "*" in text or "_" in text:
        text = text.translate(_LITERAL_INLINE)
    if "](" in text:  # "[here](https://...)" printed on a web page: words, not a link
        text = text.replace("](", "]\\(")
    if "<" in text or "&" in text:  # "<br>" or "&lt;" printed: text, never a tag or entity
        text = _TAG_OR_ENTITY_OPENER.sub(_as_reference, text)
    if "[^" in text:  # "[^1]" printed: words, never the text form's footnote mark
        text = text.replace("[^", "&#91;^")
    return text  # most runs: eight scans in C, where translate looks up every character


def literal_backslashes(text: str) -> str:
    """A text file's words, whose backslashes are characters as printed ('C:\\Users',
    'a \\* b'), as the Markdown that shows them: each backslash escaped, as
    `literal_words` escapes a Word run's. Its other characters are the text file's own
    light Markdown (emphasis, links, code spans), read as before."""
    return text.replace("\\", "\\\\")


# What the inline converter (parse/inline.py) and Markdown would read as a tag or a
# character reference: a whole tag ("<br>", both its brackets escaped, as the converter
# escapes a tag it does not know), '<' before a name, '/', '!' or '?', and '&' opening
# "&name;" or "&#..."; and either at the end of the words, as the next run may go on
# with "br>" (Word splits typed text into runs anywhere). Any other '<', '>' or '&'
# ("a < b", "F&E") stays as written: each shows as printed.
_TAG_OR_ENTITY_OPENER = re.compile(
    r"<[A-Za-z/!?][^<>]*>|<(?=[A-Za-z/!?]|$)|&(?=#[0-9xX]|[A-Za-z0-9]{1,32};|$)"
)


def _as_reference(match: re.Match) -> str:
    found = match.group(0)
    if found[0] == "&":
        return "&amp;"
    return found.replace("<", "&lt;").replace(">", "&gt;")


def html_text(text: object) -> str:
    """Escape &, <, > and both quotes: safe as HTML text and in any quoted attribute."""
    return html.escape(str(text), quote=True)


# Markdown's inline syntax as character references: words the site writes into HTML it
# places in Markdown (a version label, a clause's name) stay words, and no footnote marker.
_INLINE_AS_ENTITIES = str.maketrans({c: f"&#{ord(c)};" for c in "[]*_`\\"})


def site_words(text: object) -> str:
    """Words the site writes into raw HTML inside Markdown: escaped as HTML, and inert as
    Markdown too (an item's change mark is an inline span, which Markdown still reads)."""
    return html_text(text).translate(_INLINE_AS_ENTITIES)


def tree_text(text: object) -> str:
    """For Python-Markdown's tree: its serializer keeps '&lt;' as written, so '&' goes first."""
    return html_text(text)


def tooltip(text: object) -> str:
    """A tree `title` that Material's tooltip renders with innerHTML: shown as the same text.

    The title's value (what a screen reader and the browser's own tooltip read) has only
    '&' and '<' as references, the two characters innerHTML reads as markup in text; quotes
    and '>' stay as written, so "council's" reads "council's" everywhere."""
    return html_text(str(text).replace("&", "&amp;").replace("<", "&lt;"))


def markdown_text(text: object) -> str:
    """A string for inline Markdown: no syntax, no HTML, no entity; the reader sees `text`."""
    escaped = html.escape(" ".join(str(text).split()), quote=False)
    return markdown_block(_INLINE_SYNTAX.sub(r"\\\1", escaped))


LINE_BREAK = "\u2028"  # a line break inside a block, as printed (a web page's <br>)


def line_breaks(markdown: str) -> str:
    """Escaped Markdown whose LINE_BREAKs (a reader's mark, never source markup: a source's
    '<' is an entity by now) become the hard line break '<br>', in a paragraph or a cell."""
    return markdown.replace(LINE_BREAK, "<br>")


def markdown_block(markdown: str, alone: bool = True) -> str:
    """A paragraph of source text (inline Markdown, '<' already an entity) that stays a
    paragraph, in every extension a site may enable: on each line, the character that
    would open a block is written as a character reference, which Markdown shows as that
    character and never reads as syntax (a backslash would show where it escapes nothing).
    A line of several may end an abbreviation begun on one above: in a block of lines,
    every line starting '*[' is taken for one (`alone` False)."""
    if "\n" in markdown:
        return "\n".join(markdown_block(line, alone=False) for line in markdown.split("\n"))
    line = _LEADING_SPACE.sub("", markdown)
    if alone and line.startswith("*[") and not _ABBREVIATION.match(line):
        return markdown_inline(line)  # '*[Not used]*' is the text's italics, no abbreviation
    line = _BLOCK_OPENER.sub(lambda start: _as_entity_at_end(start.group(0)), line, count=1)
    return markdown_inline(line)


def _as_entity_at_end(marker: str) -> str:
    """'1.' -> '1&#46;', '#' -> '&#35;', an escaped '\\[' -> '&#91;': a character reference
    is text to Markdown."""
    return f"{marker[:-1].lstrip(chr(92))}&#{ord(marker[-1])};"


def markdown_url(url: str) -> str:
    """A checked URL as a Markdown link target: characters that would end it are encoded."""
    return _URL_BREAKERS.sub(lambda m: f"%{ord(m.group(0)):02X}", url.strip())


# A target that names another host without a scheme: '//host/share' (and, since browsers
# read a backslash as a slash in web and file addresses, '\\\\host', '/\\host', '\\/host').
# From the file:// bundle it opens file://host/share: on Windows, a network share.
_OTHER_HOST = re.compile(r"^[/\\]{2}")
OTHER_HOST = "//"  # what link_scheme() calls such a target


# Python-Markdown's placeholder for a backslash-escaped character ('\\' -> STX 92 ETX), in an
# href until its last treeprocessor: read back as the character the address will hold
_MARKDOWN_ESCAPE = re.compile("\x02(\\d{1,7})\x03")


def _escapes_read(url: str) -> str:
    return _MARKDOWN_ESCAPE.sub(lambda m: chr(min(int(m.group(1)), 0x10FFFF)), url)


def link_scheme(url: str) -> str | None:
    """The scheme a browser would read from `url` (lower case), '//' for a target on another
    host with no scheme, or None for a relative one (a path on this site)."""
    # A target that opens with a scheme keeps it through the reading below: what that
    # decodes or drops ('&' an entity, '%' an escape, STX a Markdown placeholder, tabs,
    # newlines, leading spaces) never stands in a scheme, so it only changes what follows
    # the colon. Most links are read by this one match (a decoding costs 14 µs a link).
    if plain := _SCHEME.match(url):
        return plain.group(1).lower()
    decoded = html.unescape(_escapes_read(url))
    for _ in range(3):  # "java%0ascript:" in an href that is decoded again on the way
        cleaned = _IGNORED_IN_URL.sub("", _LEADING.sub("", decoded))
        if _OTHER_HOST.match(cleaned):
            return OTHER_HOST
        if "%" not in cleaned:
            break
        decoded = unquote(cleaned)
    match = _SCHEME.match(cleaned)
    if match:
        return match.group(1).lower()
    return "unknown" if ":" in re.split(r"[/?#\\]", cleaned, maxsplit=1)[0] else None


def safe_link(url: str) -> bool:
    """True for http, https, mailto and relative targets (paths, '#fragment', '?query')
    that are addresses at all (`unsplittable`)."""
    scheme = link_scheme(url)
    return (scheme is None or scheme in ALLOWED_SCHEMES) and not unsplittable(url)


# What urlsplit can reject: a '[' or ']' (an IPv6 host: 'http://[::1'), or a host of other
# than ASCII that Unicode normalisation turns into '/', '?', '#', '@' or ':'
_SPLIT_RISK = re.compile(r"[\[\]]|[^\x00-\x7f]")


def unsplittable(url: str) -> bool:
    """True when `urllib.parse.urlsplit` raises on the target as written or as the page's
    href will hold it (entities and Markdown's escapes read): MkDocs (`path_to_url`), the
    page linker and the built-site check all split every href with it, so one such link
    in a source would end the build in a traceback."""
    if not _SPLIT_RISK.search(url) and "&" not in url and "\x02" not in url:
        return False
    for form in (url, html.unescape(_escapes_read(url))):
        try:
            urlsplit(form.strip())
        except ValueError:
            return True
    return False


def shown_link(url: str) -> str:
    """A source's link target as a warning quotes it: printable, one line, at most 60
    characters."""
    shown = "".join(ch if ch.isprintable() else " " for ch in html.unescape(_escapes_read(url)))
    shown = " ".join(shown.split())
    return shown if len(shown) <= 60 else shown[:59] + "…"


def refused_link(url: str) -> str:
    """Why a target was refused, for a warning: "'javascript:…' is not http, https, …"."""
    if unsplittable(url):
        return f"'{shown_link(url)}' is not a valid address"
    return f"'{shown_link(url)}' is not an http, https, mailto or relative address"
