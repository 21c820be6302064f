"""Broken markup in a web page, read as a browser reads it (readers/html.py), with the
words it hides listed, never dropped silently (a warning, `hidden-markup`: the page's
author may not know them hidden):

- a comment opened and never closed hides all that follows it (HTML's tokenizer ends
  the comment at the end of the file; HTMLParser would show it as text);
- a tag cut off at the end of the file (`<a href="...`) is no tag and shows nothing,
  nor do a `<!DOCTYPE`, `<!x` or `<?x` the file never closes;
- `<![CDATA[` in HTML (not SVG or MathML) opens a bogus comment that ends at the first
  `>`; HTMLParser reads it to `]]>` and drops all of it, where a browser shows what
  follows the first `>` ("<![CDATA[ <b>kept</b> ]]>" shows "kept ]]>"). So does every
  other `<![` ("<![cdata[", "<![TEMP[", "<![ x ]>", which HTMLParser drops whole or fails
  on with an AssertionError); Word's "<![if !supportLists]>" and "<![endif]>" hide no
  words, so they are not listed;
- a comment ends at its first `-->` or `--!>`, and `<!-->` and `<!--->` are empty
  comments (HTMLParser before Python 3.13 hid all that follows them).
"""

from __future__ import annotations

import re

HIDDEN_COMMENT = "words hidden by a comment the web page never closes ('<!--' to its end)"
HIDDEN_TAG = "a tag cut off at the end of the web page, which a browser does not show"
HIDDEN_CDATA = "words hidden by a CDATA section, which a browser reads in HTML as a comment"
HIDDEN_CODE = "words hidden by a script or style the web page never closes (to its end)"
HIDDEN = (HIDDEN_COMMENT, HIDDEN_TAG, HIDDEN_CDATA, HIDDEN_CODE)

_TAG_START = re.compile(r"</?[A-Za-z]|<[!?]")  # a tag, a doctype, a bogus comment
_MARKUP = re.compile(r"<[^<>]*>?")
# every `<![` to its first `>` (or the end of the file); what it hides starts after a
# "CDATA[" (any name and case) and ends before a closing "]]"
_MARKED = re.compile(r"<!\[([^>]*)(?:>|\Z)")
# ... but not inside a comment or a script or style, whose text HTMLParser does not read
# as markup (a script's "/* <![CDATA[ */", as every WordPress page prints it, is code,
# not a hidden word); each is passed over whole, as HTMLParser reads it (to its end, or
# to the end of the file). In any other element ('<textarea>', '<title>') HTMLParser
# reads '<![', so it is made a comment there too (HTMLParser failed on '<![foo[').
_PASSED_OVER = re.compile(
    r"<!--(?:-?>|.*?(?:--!?>|\Z))"
    r"|<(script|style)\b.*?(?:</\1\s*>|\Z)",
    re.S | re.I,
)
_MARKED_OR_PASSED = re.compile(f"{_PASSED_OVER.pattern}|{_MARKED.pattern}", re.S | re.I)
_MARKED_NAME = re.compile(r"\s*[A-Za-z0-9]*\s*\[")
_WORD_CONDITION = re.compile(r"\s*(?:if|else|endif)\b", re.IGNORECASE)
_COMMENT_END = re.compile(r"--!?>")
_SHOWN_AT_MOST = 200  # characters of a cut tag named in the report


def _words(markup: str) -> str:
    return " ".join(_MARKUP.sub(" ", markup).split())


def cut_at_the_end(rest: str, place: str, code: str | None = None) -> tuple[str, str, str] | None:
    """(reason, words, place) for what the file leaves open at its end (HTMLParser's
    unread rest), or None when nothing is. `code`: the <script> or <style> left open
    (HTMLParser's cdata_elem), whose rest a browser reads as code: the page's markup in
    it ('<p>1.2 ...') is hidden, a file cut off inside its code hides nothing."""
    if code:
        return (HIDDEN_CODE, _words(rest), place) if _TAG_START.search(rest) else None
    if rest.startswith("<!--"):
        return HIDDEN_COMMENT, _words(rest[4:]) or rest[:_SHOWN_AT_MOST], place
    if _TAG_START.match(rest):
        return HIDDEN_TAG, _words(rest) or rest.strip()[:_SHOWN_AT_MOST], place
    return None


def comment_end(rawdata: str, start: int) -> int:
    """Where the comment opened at `start` ('<!--') ends, as a browser reads it; -1 when
    the file never closes it (see `cut_at_the_end`)."""
    inside = start + 4
    for empty in (">", "->"):  # '<!-->', '<!--->': an empty comment
        if rawdata.startswith(empty, inside):
            return inside + len(empty)
    end = _COMMENT_END.search(rawdata, inside)
    return -1 if end is None else end.end()


def cdata_as_comments(text: str) -> tuple[str, list[tuple[str, str, str]]]:
    """The page with each `<![` opening (CDATA and the like) as the comment a browser
    reads (the same lines, so places stay right), and the words those comments hide,
    with their lines."""
    if "<![" not in text:
        return text, []
    hidden: list[tuple[str, str, str]] = []
    counted = [0, 1]  # where lines were counted up to, and the line there: one pass

    def comment(match: re.Match) -> str:
        if match.group(2) is None:  # a comment, a script: passed over as it is
            return match.group(0)
        inside = match.group(2)
        name = _MARKED_NAME.match(inside)
        words = _words(inside[name.end() if name else 0 :].rstrip().rstrip("]"))
        if words and not _WORD_CONDITION.match(inside):
            counted[1] += text.count("\n", counted[0], match.start())
            counted[0] = match.start()
            hidden.append((HIDDEN_CDATA, words, f"line {counted[1]}"))
        return "<!--" + "\n" * inside.count("\n") + "-->"

    return _MARKED_OR_PASSED.sub(comment, text), hidden
