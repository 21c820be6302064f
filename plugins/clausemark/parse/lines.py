"""Pass 1, lines: presentational HTML to Markdown; page-break marks, page numbers and running
page headers and footers dropped; blank-line chunks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model.document import Dropped, Issue
from ..numbering.glued import part_glued
from ..numbering.styles import read_number
from ..readers.layout import EMPTY_CELL
from ..readers.text import SourceText
from ..support.escaping import refused_link
from .drops import drop
from .inline import convert_inline, convert_superscript_markers
from .numbers_alone import reading_order
from .paragraph_numbers import paragraph_numbers
from .site_lines import site_about, site_nav_line, viewer_line

# a line opening on a clause's number ('1.', '2.3', '(a)'): the text has begun
_NUMBERED_LINE = re.compile(r"^\(?(?:\d{1,3}(?:\.\d{1,3})*[.)]?|[a-z][.)])\s+\S")
# (a Word or web page's rule of underscores or stars comes escaped: literal_words)
_PAGE_BREAK = re.compile(r"^\s*(?:[-–—_*=]|\\[_*]|-{2,}|(?:\\?_){3,}|(?:\\?\*){3,}|={3,}|\f)\s*$")


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# a table row whose last cell is empty ends in a tab and the readers' empty cell: kept,
# or the row would be one cell short and end its table
_EMPTY_LAST_CELL = "\t" + EMPTY_CELL


_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—]\s*)?(?:page\s+|page\s*\|\s*)?\d{1,4}(?:\s+of\s+\d{1,4})?(?:\s*[-–—])?"
    r"(?:\s*\|\s*p\s?a\s?g\s?e)?\s*$",
    re.I,
)  # "12", "Page 3 of 9", "- 2 -", "Page | 2", Word's "3 | P a g e"


_BREAK_MARKS = frozenset("-–—_*=\f")
_PAGE_NUMBER_LENGTH = 40  # "Page 12 of 140", "- 2 -", "3 | P a g e": never longer


@dataclass
class Line:
    number: int
    text: str
    indent: int
    table: bool = False  # a row of a table the reader read as one (see SourceText.table_lines)
    apart: bool = False  # starts a block the reader set apart (see SourceText.apart_lines)
    untitled: bool = False  # the first row of a table with no header row (a definitions list)
    plain_first: bool = False  # a row of a table printed with no headings (<td>s)


# A web page's own controls, copied with its text: never the adopted text.
_WEB_FURNITURE = re.compile(
    r"^(?:skip\s+to\s+(?:main\s+)?(?:content|navigation)|jump\s+to\s+(?:main\s+)?content"
    r"|loading\s+images\.*|back\s+to\s+top|(?:top|bottom)\s+of\s+page"
    r"|browse\s+(?:meetings|committees|decisions|documents|agendas|councillors|bodies)"
    r"|print(?:\s+this\s+page)?|share(?:\s+this\s+page)?|email\s+this\s+page"
    r"|(?:is|was)\s+this\s+(?:page|information)\s+(?:useful|helpful)\??"
    r"|(?:page\s+)?rating\s+button|rate\s+this\s+page"
    r"|(?:already\s+a\s+(?:subscriber|member)\?\s*)?(?:log|sign)\s*in"
    r"|report\s+(?:a\s+problem|an\s+issue)\s+(?:with|on)\s+this\s+page"
    # a free site builder's own lines: its logo's alt text, its back link, its advert
    # and abuse links, its offer of a site ('Get your free website from <builder>')
    # a Drupal page's table of attached files, its header row run together
    r"|attachment\s*size"
    r"|logo\s+image|return\s+to\s+(?:the\s+)?previous\s+page|report\s+offensive\s+content"
    r"|click\s+to\s+view\s+site\s+advert(?:\s+\d{1,2})?|text\s+version"
    r"|bookmark\s+this\s+website(?:\s+print\s+this\s+page)?"
    r"|get\s+your\s+(?:own\s+)?free\s+website(?:\s+(?:from|with|at)\s+\S+(?:\s\S+)?)?)$",
    re.I,
)


# A service or cookie notice over a web page's text ("… will be unavailable. We apologise
# for any inconvenience.", "We use cookies to …"), its buttons, and the short line that
# heads it ("Wednesday 23 to Thursday 24 April", "Cookies on this site").
_NOTICE = re.compile(
    r"\b(?:will\s+be\s+(?:temporarily\s+)?unavailable|apologi[sz]e\s+for\s+any\s+inconvenience"
    r"|(?:we|this\s+(?:web)?site)\s+uses?\s+(?:essential\s+|some\s+)?cookies"
    r"|(?:planned|scheduled)\s+maintenance)\b",
    re.I,
)
# A site's notice of its services over a holiday ("Bank holiday information for our services,
# including opening times ..."), under the site's menu: the site's banner on every page.
_SERVICE_NOTICE = re.compile(
    r"\b(?:bank\s+holiday|christmas|easter|festive)\s+(?:information|arrangements|opening"
    r"\s+(?:times|hours)|closures?|collections)\b",
    re.I,
)
_NOTICE_BUTTON = re.compile(
    r"^(?:(?:accept|reject|allow)(?:\s+(?:all|additional|analytics|optional))?\s+cookies"
    r"|cookie\s+settings|manage\s+cookies|hide\s+(?:this\s+)?message)$",
    re.I,
)
_BANNER_LOOK = 8  # a banner stands in the first lines of a page, before any text


_SKIP_LINK = re.compile(r"^(?:skip|jump)\s+to\s+(?:the\s+)?(?:main\s+)?content$", re.I)
_SKIP_LOOK = 60  # lines of a page a cookie panel may take above its skip link


def _skip_link(raws: list[str], offsets: list[int]) -> int | None:
    """The offset of a "Skip to main content" line among `offsets`, or None."""
    return next((o for o in offsets if _SKIP_LINK.match(raws[o].strip())), None)


def _heading_follows(raws: list[str], following: list[int]) -> bool:
    """Whether the line after a site's line about itself is the page's own heading (a short
    line with no number), so the site's line stands above the page. A statement that opens
    "This website is run by ..." and goes straight on to its text or its "1." is the
    document's own first paragraph (attack14 A8: an accessibility statement lost it)."""
    if not following:
        return False
    text = raws[following[0]].strip()
    return len(text) <= 120 and text[-1:] not in ".:;," and not read_number(text)


def _banner_lines(raws: list[str]) -> set[int]:
    """Offsets of a notice banner at the top of a page: left out as web furniture. A
    cookie panel of several paragraphs ends at the page's "Skip to main content" link:
    what stands above that link, under a notice, is the panel."""
    every = [offset for offset, raw in enumerate(raws[:200]) if raw.strip()]
    seen = every[:_BANNER_LOOK]
    found: set[int] = set()
    for index, offset in enumerate(seen):
        text = raws[offset].strip()
        if read_number(text):
            break  # the text has begun
        if not index and site_about(text) and _heading_follows(raws, seen[1:2]):
            found.add(offset)  # "This blog is where you will find ...": first, over a heading
            continue
        if (
            _NOTICE_BUTTON.match(text)
            or (len(text) <= 400 and _NOTICE.search(text))
            or (index and len(text) <= 400 and _SERVICE_NOTICE.search(text))
        ):
            found.add(offset)
            head = seen[index - 1] if index else None
            above = raws[head].strip() if head is not None else ""
            if (
                head is not None
                and all(
                    earlier in found or site_nav_line(raws[earlier].strip())
                    for earlier in seen[: index - 1]
                )
                and len(above) <= 60
                and above[-1:] not in ".:;,"
            ):
                found.add(head)
    skip = _skip_link(raws, every[:_SKIP_LOOK]) if found else None
    if skip is not None and skip > max(found):
        return {offset for offset in every if offset < skip}  # the whole panel
    return found


_PIPE_RULE = re.compile(r"^:?-{3,}:?$")
_PIPE_MOST = 400  # characters of a table row written with pipes


def _pipe_cells(raw: str) -> list[str] | None:
    """'| Planning | 5 |', 'Adopted | May 2022 |' or 'Version | 4': the cells of a row
    written with pipes (a Markdown table, with or without a pipe at either end as
    GitHub's Markdown allows; a web page's table copied as text), or None. A line with
    pipes inside only is a row unless it opens with a printed number ('1.1 The chair |
    the vice-chair presides.' is a clause)."""
    text = raw.strip()
    if len(text) > _PIPE_MOST:
        return None
    if "|" not in text[1:-1]:  # '| a |': one cell, a row only under a ruled header
        one = len(text) > 2 and text[0] == text[-1] == "|" and text[1:-1].strip()
        return [text[1:-1].strip()] if one else None
    cells = [cell.strip() for cell in text.strip("|").split("|")]
    if len(cells) < 2:
        return None
    if not (text[0] == "|" or text[-1] == "|") and read_number(cells[0]):
        return None
    return cells


def _pipe_tables(raws: list[str]) -> dict[int, str | None]:
    """Offsets of the rows of pipe tables -> the row with its cells a tab apart (None for
    the '| --- | --- |' rule under the header): two or more lines in a row with as many
    cells each. Under a header and its rule every row is the table's, whatever its cells
    (a row with one more is kept whole, as a tab table's is, not cut from the table and
    its rule lost). One pass."""
    found: dict[int, str | None] = {}
    run: list[tuple[int, list[str]]] = []

    def ruled() -> bool:
        return len(run) >= 2 and all(_PIPE_RULE.match(cell) for cell in run[1][1])

    def flush():
        if len(run) >= 2:
            for offset, cells in run:
                rule = all(_PIPE_RULE.match(cell) for cell in cells)
                row = "\t".join(cell or " " for cell in cells)
                # a row of one cell keeps an empty second, so it stays a row of the table
                found[offset] = None if rule else row if len(cells) > 1 else row + _EMPTY_LAST_CELL
        run.clear()

    for offset, raw in enumerate(raws):
        cells = _pipe_cells(raw) if "|" in raw else None
        if cells is not None and len(cells) == 1 and not ruled():
            cells = None  # '| a |' alone, or over a table with no rule: no row of one
        if cells is None or (run and len(run[-1][1]) != len(cells) and not ruled()):
            flush()
        if cells is not None:
            run.append((offset, cells))
    flush()
    return found


_WIDGET_MOST = 60  # characters of a page widget's line


def _widget_line(raws: list[str], left_out: set[int]) -> int | None:
    """A page widget's line over a web page's title ('test - content difficult to
    understand', 'print', 'share'): the page's first line, short, in lower case, no
    sentence and no number, a blank line and a capitalised heading line under it. A
    document's own first line (its title, a council, a label) starts with a capital."""
    seen: list[int] = []
    for offset, raw in enumerate(raws[:200]):
        if raw.strip() and offset not in left_out and not _WEB_FURNITURE.match(raw.strip()):
            seen.append(offset)
            if len(seen) == 2:
                break
    if len(seen) < 2 or seen[1] == seen[0] + 1:
        return None
    text, below = raws[seen[0]].strip(), raws[seen[1]].strip()
    if not text[:1].islower() or len(text) > _WIDGET_MOST or len(text.split()) > 8:
        return None
    if text[-1:] in ".;:,!?" or read_number(text) or read_number(below):
        return None
    heading = below[:1].isupper() and len(below) <= 100 and below[-1:] not in ".;:,!?"
    return seen[0] if heading else None


_VIEWER_LOOK = 12  # lines at the top of a copy a document site's viewer may take


def _viewer_lines(raws: list[str], left_out: set[int]) -> set[int]:
    """Offsets of a document-sharing site's viewer lines at the top of its copy of a file
    ('You are on page 1of 16', 'File Type:pdf, Size:1020Kb', '3,118 views', 'Download'):
    the run of them over the text, other web furniture between them, up to the first line
    that is neither (the file's own first line, numbered or not). A site that prints the
    file's title first, its viewer lines right under it, leaves the title out of the run."""
    found: set[int] = set()
    seen = 0
    title_at = -2  # the file's title printed right over the viewer's lines, no blank between
    for offset, raw in enumerate(raws[:200]):
        text = raw.strip()
        if not text or offset in left_out:
            continue
        seen += 1
        if seen > _VIEWER_LOOK or not viewer_line(text):
            if found and _widget_field(text) and _viewer_next(raws, offset):
                found.add(offset)  # 'Download23' / 'Stock' / 'File Size245.50 KB': its category
                continue
            if not (len(text) <= 40 and _WEB_FURNITURE.match(text)) and not site_nav_line(text):
                if seen == 1 and len(text) <= _TITLE_OVER_VIEWER:
                    title_at = offset
                    continue
                break
            continue
        if seen == 2 and title_at >= 0 and offset != title_at + 1:
            break  # 'Download' a blank line under the title: the document's own line
        found.add(offset)
    return found


_TITLE_OVER_VIEWER = 250  # characters of a file's title a document site prints over its viewer


def _widget_field(text: str) -> bool:
    """A download widget's field between its lines ('Stock', a category): a word or two."""
    return len(text) <= 30 and len(text.split()) <= 2 and text[-1:].isalpha()


def _viewer_next(raws: list[str], offset: int) -> bool:
    """Whether the next line with words after `offset` is a viewer line."""
    following = next((raw.strip() for raw in raws[offset + 1 : offset + 4] if raw.strip()), "")
    return viewer_line(following)


# A breadcrumb a site marks up as an ordered list, copied as numbered lines ('1. Home',
# '2. »', '3. Council Business', '4. » Complaints'): its steps are the site's, never
# clauses. It opens on 'Home' near the top and prints a step separator as a step.
_TRAIL_STEP = re.compile(r"^\s*(\d{1,2})[.)]\s*(\S.{0,80})?$")
_TRAIL_HOME = re.compile(r"^(?:home|home\s*page)$", re.I)
_TRAIL_MARK = re.compile(r"^[»›>→/|]")
_TRAIL_MOST = 12  # steps of the longest breadcrumb


def _numbered_trail(raws: list[str]) -> set[int]:
    """Offsets of a breadcrumb copied as an ordered list at the top of a page."""
    lines = [offset for offset, raw in enumerate(raws[:200]) if raw.strip()][:_VIEWER_LOOK]
    for offset in lines:
        step = _TRAIL_STEP.match(raws[offset])
        if step is None or step.group(1) != "1" or not _TRAIL_HOME.match(step.group(2) or ""):
            continue
        run, marks = [offset], 0
        for later in range(offset + 1, min(len(raws), offset + 3 * _TRAIL_MOST)):
            if not raws[later].strip():
                continue
            found = _TRAIL_STEP.match(raws[later])
            if found is None or int(found.group(1)) != len(run) + 1:
                break
            run.append(later)
            marks += bool(_TRAIL_MARK.match((found.group(2) or "").strip()))
        return set(run) if len(run) >= 3 and marks else set()
    return set()


# A breadcrumb a site marks up as a bulleted list, copied as bullet lines ('• You are
# here:', '• Council', '• Constitution'): the site's lines, never the text.
_HERE_STEP = re.compile(r"^\s*[•·▪*-]\s*you\s+are\s+here\s*:?\s*$", re.I)
_BULLET_STEP = re.compile(r"^\s*[•·▪*-]\s*\S.{0,80}$")


def _bulleted_trail(raws: list[str]) -> set[int]:
    """Offsets of a 'You are here:' bullet near the top of a page and the bullet lines
    of the trail's steps right under it (blank lines between them allowed)."""
    lines = [offset for offset, raw in enumerate(raws[:200]) if raw.strip()][:_VIEWER_LOOK]
    for index, offset in enumerate(lines):
        if not _HERE_STEP.match(raws[offset]):
            continue
        run = {offset}
        for later in lines[index + 1 : index + 1 + _TRAIL_MOST]:
            if not _BULLET_STEP.match(raws[later]):
                break
            run.add(later)
        return run if len(run) >= 2 else set()
    return set()


# a Word table's column mark copied before a clause number ('● / 1.2 Subject to ...'):
# the bullet of the table's first column and the bar between its cells
_COLUMN_MARKS = frozenset("●•▪■")
_COLUMN_MARK = re.compile(r"^\s*[●•▪■]\s*/\s+(?=\(?\d{1,3}(?:\.\d{1,3})*[.)]?\s)")
COLUMN_MARK_LEFT_OUT = "a table's column mark before the clause number is left out"


def read_lines(
    source: SourceText, dropped: list[Dropped], issues: list[Issue] | None = None
) -> list[Line | None]:
    """Lines with HTML cleaned; None marks a blank line or a dropped page artefact.

    A link whose target is not http, https, mailto or relative is kept as its text and
    reported in `issues` with its line."""
    issues = [] if issues is None else issues
    result: list[Line | None] = []
    printed = source.text.split("\n")  # joined by line breaks: the text, never copied
    noted = web_footnotes(printed, source.text)
    raws = part_glued(noted, "\t", source.text if noted is printed else None)
    pipe_rows = _pipe_tables(raws) if "|" in source.text else {}
    running = _running_lines(raws)
    numbered = paragraph_numbers(raws)  # R33: '2 Declarations' / '1' / its paragraph
    banner = _banner_lines(raws) | _numbered_trail(raws) | _bulleted_trail(raws)
    # the text's numbered lines begin and end here: a control alone only outside them
    first, last = _numbered_span(raws)
    viewer = _viewer_lines(raws, banner)
    widget = _widget_line(raws, banner | viewer)  # under the viewer's lines too
    if widget is not None:
        banner.add(widget)
    literal = source.source_format == "text"  # its backslashes as printed
    # one scan of the text (the lines add none): most hold no control character, and
    # each line's own sub is then skipped
    controls = _CONTROL.search(source.text) is not None
    # a stack of numbers alone is read with the lines it owns (R14: one reading, shared
    # with the nothing-lost proof)
    order = reading_order(source.text, printed)
    for offset in range(len(raws)) if order is None else order:
        raw = raws[offset]
        number = source.first_line + offset
        if controls:
            raw = _CONTROL.sub(" ", raw)
        kept = raw.rstrip(" \r\n")
        raw = kept if kept.endswith(_EMPTY_LAST_CELL) else raw.rstrip()
        stripped = raw.strip()
        if not stripped:
            result.append(None)
            continue
        if stripped[:1] in _COLUMN_MARKS and (mark := _COLUMN_MARK.match(raw)):
            said = raw[: mark.end()].strip()
            issues.append(Issue(number, f"{COLUMN_MARK_LEFT_OUT} ('{said}')", "column-mark"))
            raw = raw[mark.end() :]  # '● / 1.2 Subject to ...': a Word table's column mark
            stripped = raw.strip()
        outside = not first <= offset <= last  # over the text or under it
        if len(stripped) <= 160 and site_nav_line(stripped, outside):
            dropped.append(drop(number, stripped, "web-furniture"))  # the site's own links
            result.append(None)
            continue
        if offset in viewer:  # "You are on page 1of 16" over a document site's copy
            dropped.append(drop(number, stripped, "viewer-line"))
            result.append(None)
            continue
        if offset in pipe_rows:
            if pipe_rows[offset] is None:  # "| --- | --- |" under a table's header row
                dropped.append(drop(number, stripped, "table-rule"))
                continue
            raw = pipe_rows[offset] or raw  # "| Planning | 5 |": its cells, a tab apart
        if (len(stripped) <= 40 and _WEB_FURNITURE.match(stripped)) or offset in banner:
            dropped.append(drop(number, stripped, "web-furniture"))
            result.append(None)
            continue
        if offset in running:  # left out without a break: the text around it joins up
            dropped.append(drop(number, stripped, "running-header"))
            continue
        if stripped[0] in _BREAK_MARKS and _PAGE_BREAK.match(raw):
            dropped.append(drop(number, stripped, "page-break"))
            result.append(None)
            continue
        if (
            len(stripped) <= _PAGE_NUMBER_LENGTH
            and _PAGE_NUMBER.match(raw)
            and not _heads_numbered_lines(raw, raws[offset + 1 : offset + 5])
            and offset not in numbered
        ):
            dropped.append(drop(number, stripped, "page-number"))
            result.append(None)
            continue
        expanded = raw.expandtabs(4)
        indent = len(expanded) - len(expanded.lstrip(" "))
        converted, refused = convert_inline(raw.strip(" \t"), literal)
        for target in refused:
            message = f"link {refused_link(target)}; shown as plain text"
            issues.append(Issue(number, message, "link"))
        at = offset + 1
        row, apart = at in source.table_lines, at in source.apart_lines or offset in numbered
        untitled = at in source.untitled_lines
        text = convert_superscript_markers(converted)
        plain = at in source.plain_first_rows
        result.append(Line(number, text, indent, row, apart, untitled, plain))
    return result


_DIGITS = re.compile(r"\d+")


_PAGE_MARK = re.compile(r"\bpage\s*#|# of #|[|–—-]\s*#$", re.I)


def _running_lines(raws: list[str]) -> set[int]:
    """Offsets of running page headers and footers: a line printed on every page with its
    page number ("Ashvale Standing Orders Page 2"), or the title or a heading-shaped line
    printed again and again. A clause, however often its words repeat, is never one."""
    found: set[int] = set()
    first = next((index for index, raw in enumerate(raws) if raw.strip()), None)
    title = raws[first].strip() if first is not None else None
    two_line = None  # a title printed over two lines, repeated on one line in page headers
    if first is not None and first + 1 < len(raws) and raws[first + 1].strip():
        two_line = _words_key(f"{title} {raws[first + 1].strip()}")
    verbatim: dict[str, list[int]] = {}
    shapes: dict[str, list[int]] = {}
    for offset, raw in enumerate(raws):
        text = raw.strip()
        if not text or len(text) > 100:
            continue
        if (
            two_line
            and first is not None
            and offset > first + 1
            and len(two_line) <= len(text) <= len(two_line) + 12  # separators only added
            and _words_key(text) == two_line
        ):
            found.add(offset)
            continue
        verbatim.setdefault(text, []).append(offset)
        if text[-1].isdigit() or "page" in text.lower():
            shapes.setdefault(" ".join(_DIGITS.sub("#", text).split()).lower(), []).append(offset)
    for shape, offsets in shapes.items():
        if (
            len(offsets) >= 2
            and _PAGE_MARK.search(shape)
            and not read_number(raws[offsets[0]].strip())
        ):
            found.update(offsets)
    for text, offsets in verbatim.items():
        if len(offsets) < 3:
            continue
        if text == title:
            found.update(offsets[1:])  # the title stays; its repeats are page headers
        elif _heading_shaped(text):
            found.update(offsets)  # printed on page after page: a header from the first
    for text, offsets in verbatim.items():
        # "Updated May 2025" under each "… Page 2 of 4": part of the same page footer
        if (
            len(offsets) >= 3
            and not read_number(text)
            and all(_next_to(offset, found, raws) for offset in offsets)
        ):
            found.update(offsets)
    return found


def _next_to(offset: int, found: set[int], raws: list[str]) -> bool:
    """Whether the line at `offset` sits right above or below a page header or footer."""
    return (offset - 1 in found and raws[offset - 1].strip() != "") or offset + 1 in found


_NOT_WORD = re.compile(r"[\W_]+")


def _words_key(text: str) -> str:
    """The words of a line, whatever joins them: a two-line title comes back in page
    headers as 'Council – Code of Conduct' or 'Council | Code of Conduct'."""
    return " ".join(_NOT_WORD.sub(" ", text).lower().split())


def _heading_shaped(text: str) -> bool:
    """'Part 5 – Codes and Protocols' on every page: four words or more, no sentence, no
    clause number; a short heading such as 'Purpose' may rightly come again."""
    if len(text.split()) < 4 or text[-1:] in ".;:," or read_number(text):
        return False
    return text[:1].isupper()


def _heads_numbered_lines(raw: str, following: list[str]) -> bool:
    """'1' alone above 'Introduction' and '1.1 ...' is section 1 (PDF copy-paste), not a
    page number: the lines right after it, with no blank between, number under it."""
    number = raw.strip()
    if not number.isdigit() or not following or not following[0].strip():
        return False
    for line in following:
        text = line.strip()
        if not text:
            return False
        after = text[len(number) : len(number) + 2]
        if text.startswith(number) and after[:1] in (".", ":") and after[1:].isdigit():
            return True
    return False


def chunks(lines: list[Line | None]) -> list[list[Line]]:
    groups: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line is None:
            if current:
                groups.append(current)
            current = []
        else:
            current.append(line)
    if current:
        groups.append(current)
    return groups


def _table_cells(line: Line) -> list[str]:
    return [cell.strip() for cell in line.text.split("\t")]


def _numbered_span(raws: list[str]) -> tuple[int, int]:
    """(first, last) offsets of the lines opening on a clause's number, (len, -1) when
    none does: read from each end, so that the lines between are never matched."""
    first = next((i for i, line in enumerate(raws) if _NUMBERED_LINE.match(line.strip())), None)
    if first is None:
        return len(raws), -1
    last = next(
        i for i in range(len(raws) - 1, first - 1, -1) if _NUMBERED_LINE.match(raws[i].strip())
    )
    return first, last


# A web page copied as text prints its footnotes as "interests[12]" and, at the end,
# "[12] These interests are ...": a marker glued to the word before it, a note line
# starting with the same label. Both must be printed for either to be read as such.
# A note may be an item of a bulleted list ("• [13] Local Government Act ..."), as a web
# page's list of notes is copied: its bullet is no part of it.
_WEB_NOTE = re.compile(r"^\s*(?P<bullet>[•·▪◦*-][ \t]+)?\[(\d{1,3})\]\s+(?=\S)")
# a note at a line's start, scanned for after each line break (a literal: scanned in C) and
# matched at the text's start
_WEB_NOTE_START = r"[ \t]*(?:[•·▪◦*-][ \t]+)?\[\d{1,3}\][ \t]+\S"
_ANY_WEB_NOTE = re.compile("\n" + _WEB_NOTE_START)
_FIRST_WEB_NOTE = re.compile(_WEB_NOTE_START)
_NOTE_STARTS = " [\t•·▪◦*-"
_WEB_MARKER = re.compile(r"(?<=[\w.,;:)”’\"'])\[(\d{1,3})\]")
# "the council [13]": a space before it. A bracketed number after a space may be the text's
# own ("paragraph [3]"): it is a marker only when its note stands in the notes at the end.
_SPACED_MARKER = re.compile(r"(?<=[\w.,;:)”’\"'] )\[(\d{1,3})\]")


def _end_notes(raws: list[str]) -> int:
    """Where the notes printed at the end of the text begin (len(raws) if none): the last
    '[n] text' lines, with their wrapped lines and blank lines between them, after the
    last paragraph that is not a note."""
    start = len(raws)
    for offset in range(len(raws) - 1, -1, -1):
        raw = raws[offset]
        if not raw.strip():
            continue
        if raw[:1] in _NOTE_STARTS and _WEB_NOTE.match(raw):
            start = offset
        elif offset == 0 or not raws[offset - 1].strip():
            break  # a paragraph of its own that is no note: the text before the notes
    return start


def web_footnotes(raws: list[str], joined: str | None = None) -> list[str]:
    """'[13]' markers and '[13] text' notes copied from a web page, as footnotes ('[^13]',
    '[^13]: text'); a bracketed number with no note, or a note with no marker before it,
    is left as printed (`raws` itself: the same list). `joined`: the lines joined by line
    breaks, when the caller holds that text."""
    joined = "\n".join(raws) if joined is None else joined
    if _ANY_WEB_NOTE.search(joined) is None and _FIRST_WEB_NOTE.match(joined) is None:
        return raws  # one scan of the text: most texts print no such note
    notes: dict[str, int] = {}
    bulleted: set[str] = set()  # "• [13] ...": a note wherever it stands, as at the end
    for offset, raw in enumerate(raws):
        if raw[:1] in _NOTE_STARTS and (found := _WEB_NOTE.match(raw)):
            notes.setdefault(found.group(2), offset)
            if found.group("bullet") and notes[found.group(2)] == offset:
                bulleted.add(found.group(2))
    if not notes:
        return raws
    marked: set[str] = set()
    end = _end_notes(raws)
    end_notes = {label for label, offset in notes.items() if offset >= end} | bulleted
    spaced: set[str] = set()
    for offset, raw in enumerate(raws):
        if "[" in raw and not _WEB_NOTE.match(raw):
            for found in _WEB_MARKER.finditer(raw):
                if notes.get(found.group(1), -1) > offset:
                    marked.add(found.group(1))
            for found in _SPACED_MARKER.finditer(raw) if end_notes else ():
                if found.group(1) in end_notes and notes[found.group(1)] > offset:
                    spaced.add(found.group(1))
    marked |= spaced
    if not marked:
        return raws

    def marker(found: re.Match) -> str:
        return f"[^{found.group(1)}]" if found.group(1) in marked else found.group(0)

    def spaced_marker(found: re.Match) -> str:
        return f"[^{found.group(1)}]" if found.group(1) in spaced else found.group(0)

    result: list[str] = []
    for offset, raw in enumerate(raws):
        note = _WEB_NOTE.match(raw)
        if note and notes.get(note.group(2)) == offset and note.group(2) in marked:
            indent = raw[: len(raw) - len(raw.lstrip(" \t"))] if note.group("bullet") else ""
            result.append(f"{indent}[^{note.group(2)}]: {raw[note.end() :]}")  # its items in
        elif "[" in raw:
            raw = _WEB_MARKER.sub(marker, raw)
            result.append(_SPACED_MARKER.sub(spaced_marker, raw) if spaced else raw)
        else:
            result.append(raw)
    return result
