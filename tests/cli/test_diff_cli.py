"""`clausemark diff` and `clausemark anchors update`."""

from __future__ import annotations

import json
from pathlib import Path

from clausemark.cli import main

TOWN = (
    Path(__file__).resolve().parents[2]
    / "sources"
    / ("town-council-member-officer-relations-protocol")
)
OLD, NEW = str(TOWN / "2026.txt"), str(TOWN / "2027-draft.txt")


def _pair(folder: Path, doc_id: str, title: str):
    """The folder's two versions compared, as the site compares them for its changes page."""
    from clausemark.pages.versions import compare
    from clausemark.site_builder.library import ConversionCache, load_versions, source_entry

    entry = source_entry(folder)
    assert entry is not None
    old, new = load_versions(entry, ConversionCache())
    return compare(doc_id, title, old, new)


def test_summary_gives_counts_then_one_line_per_changed_clause(capsys):
    assert main(["diff", OLD, NEW]) == 0
    lines = capsys.readouterr().out.splitlines()
    # 33 unchanged: 28 clauses and paragraphs, 5 headings
    assert lines[1].startswith("1 added, 1 removed, 1 amended, 5 renumbered, 1 moved, 33 unchanged")
    # each change named as the changes page names it (versions/diff.change_words)
    assert any(
        line.startswith("renumbered and presentation only: para 2.2 -> para 2.3: ")
        for line in lines
    )
    assert "renumbered: para 2.5 -> para 2.6: " in "\n".join(lines)
    assert "moved and renumbered: para 1.4 -> para 1.3: " in "\n".join(lines)
    amended = next(line for line in lines if line.startswith("amended: "))
    assert "grievance [-policy-]{+procedure+}" in amended
    removed = next(line for line in lines if line.startswith("removed: "))
    assert removed.startswith("removed: para 5.3 -> (none): [-A Councillor")


def test_the_command_and_the_changes_page_say_one_thing(tmp_path, capsys):
    """3.5 -> 3.6 with new words: "renumbered and amended" in both, and one summary."""

    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "2025.txt").write_text("Rules\n\n3. Things\n\n3.4 One.\n\n3.5 Two things happen.\n")
    (folder / "2026.txt").write_text(
        "Rules\n\n3. Things\n\n3.4 One.\n\n3.5 A new clause.\n\n3.6 Two things happen at once.\n"
    )
    assert main(["diff", str(folder / "2025.txt"), str(folder / "2026.txt")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1] == (
        "1 added, 0 removed, 0 amended, 1 renumbered (1 also amended), 0 moved, "
        "2 unchanged, 0 changed in presentation only"  # 3.4 and the heading "3. Things"
    )
    assert out[3].startswith("renumbered and amended: para 3.5 -> para 3.6: ")
    from clausemark.pages.versions import diff_page_markdown

    page = diff_page_markdown(_pair(folder, "rules", "Rules"))
    assert "para 3.5 → para 3.6: renumbered and amended" in page
    assert "<dt>Renumbered</dt><dd>1 (1 also amended)</dd>" in page


def test_json_is_the_diff_format_plus_metadata_changes(capsys):
    assert main(["diff", OLD, NEW, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["format"] == "clausemark-diff"
    assert data["counts"]["renumbered"] == 5
    assert data["metadata_changes"]["status"] == {"old": "adopted", "new": "draft"}
    assert data["new"]["version"] == "2027"
    clause = next(c for c in data["clauses"] if c["old_anchor"] == "sec_2__para_2-2")
    assert clause["new_anchor"] == "sec_2__para_2-3" and clause["renumbered"] is True


def test_a_bad_file_is_one_line_on_stderr_and_exit_1(tmp_path, capsys):
    missing = tmp_path / "missing.txt"
    assert main(["diff", str(missing), NEW]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and "missing.txt" in captured.err


def test_anchors_update_writes_every_version(tmp_path, capsys):
    sources = tmp_path / "sources"
    (sources / "protocol").mkdir(parents=True)
    (sources / "protocol" / "2026.txt").write_text(Path(OLD).read_text())
    (sources / "protocol" / "2027-draft.txt").write_text(Path(NEW).read_text())
    assert main(["anchors", "update", "--sources", str(sources)]) == 0
    data = json.loads((sources / "anchors.json").read_text())
    versions = data["documents"]["protocol"]["versions"]
    assert [v["version"] for v in versions] == ["2026", "2027"]
    assert versions[1]["anchors"]["sec_2__para_2-3"] == "sec_2__para_2-2"
    assert "wrote" in capsys.readouterr().out


def test_anchors_update_names_the_published_addresses_it_cannot_keep(tmp_path, capsys):
    """A recorded version whose clauses changed in number (a converter change): the old
    ids it cannot pair with new ones are named, on one line, never dropped unsaid."""
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "rules.txt").write_text("Rules\n\n1. One.\n\n2. Two.\n")
    recorded = {"para_1": "para_1", "para_1__subpara_a": "para_1__subpara_a", "para_2": "para_2"}
    (sources / "anchors.json").write_text(
        json.dumps(
            {
                "format": "clausemark-anchors",
                "version": 1,
                "documents": {"rules": {"versions": [{"version": "rules", "anchors": recorded}]}},
            }
        )
    )
    assert main(["anchors", "update", "--sources", str(sources)]) == 0
    err = capsys.readouterr().err
    assert "rules: 1 published address(es) now lead nowhere (#para_1__subpara_a)" in err
    assert err.count("\n") == 1


def _versioned_folder(root):
    folder = root / "rules"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "---\nversion: '2025'\nadopted: 2025-01-10\n---\nRules\n\n1. One\n\n1.1 First.\n"
    )
    (folder / "b.txt").write_text(
        "---\nversion: '2026'\nadopted: 2026-01-10\n---\nRules\n\n1. One\n\n1.1 First, now.\n"
    )
    (folder / "document.yml").write_text("label: Part 4 Rules\ncouncil: Example Borough Council\n")
    return folder


def test_the_commands_read_a_folder_by_the_sites_rules(tmp_path, capsys):
    """document.yml applies to every version, for `convert` and `diff` as for the site."""
    folder = _versioned_folder(tmp_path)
    assert main(["convert", "--json", str(folder)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["metadata"]["label"] == "Part 4 Rules"
    assert data["metadata"]["version"] == "2026"
    assert main(["diff", str(folder / "a.txt"), str(folder), "--json"]) == 0
    diff = json.loads(capsys.readouterr().out)
    assert diff["new"]["version"] == "2026"
    assert "label" not in diff.get("metadata_changes", {})


def test_convert_reads_a_files_sidecar_as_the_site_does(tmp_path, capsys):
    source = tmp_path / "code.txt"
    source.write_text("Members' Code\n\n1. Duties\n\n1.1 Be fair.\n")
    (tmp_path / "code.yml").write_text("label: Part 5 Code 1\n")
    out = tmp_path / "out"
    assert main(["convert", str(source), "--out", str(out)]) == 0
    assert "label: Part 5 Code 1" in (out / "code.md").read_text()


def test_convert_takes_a_whole_sources_folder_as_the_site_finds_it(tmp_path, capsys):
    sources = tmp_path / "sources"
    sources.mkdir()
    _versioned_folder(sources)
    (sources / "code.txt").write_text("Members' Code\n\n1. Duties\n\n1.1 Be fair.\n")
    (sources / "glossary.yml").write_text("terms: []\n")
    out = tmp_path / "out"
    assert main(["convert", str(sources), "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["code.md", "rules.md"]
    rules = (out / "rules.md").read_text()
    assert "  version: '2026'\n" in rules and "  source: sources/rules/b.txt\n" in rules
    capsys.readouterr()
    assert main(["convert", "--json", str(sources)]) == 1
    error = capsys.readouterr().err
    assert error == f"clausemark: error: {sources}: holds 2 documents; name one of them\n"


def test_unrelated_texts_in_a_folder_are_each_a_document(tmp_path, capsys):
    """Without a document.yml a folder is not taken for one document's versions, so no
    text in it is left out."""
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "gifts.txt").write_text("Gifts Policy\n\n1. Gifts\n\n1.1 Declare them.\n")
    (folder / "petitions.txt").write_text("Petitions Scheme\n\n1. Petitions\n\n1.1 Sign.\n")
    out = tmp_path / "out"
    assert main(["convert", str(folder), "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["gifts.md", "petitions.md"]
    capsys.readouterr()
    assert main(["diff", str(folder / "gifts.txt"), str(folder)]) == 1
    assert capsys.readouterr().err == (
        f"clausemark: error: {folder}: holds 2 documents; name one of them (if they are "
        "versions of one document, add document.yml to the folder, as a command reads a "
        "folder of versions only with it)\n"
    )
    (folder / "document.yml").write_text("title: Gifts Policy\n")  # the hint, followed
    assert main(["diff", str(folder / "gifts.txt"), str(folder)]) == 0


def test_a_changed_paragraph_outside_the_clauses_is_in_the_command_as_on_the_page(tmp_path, capsys):
    """An unnumbered paragraph (an approval line under the title) is text the changes
    page compares and counts: the command lists and counts it too, so both say '1 amended'."""
    from clausemark.pages.versions import diff_page_markdown

    folder = tmp_path / "hire"
    folder.mkdir()
    (folder / "2025.txt").write_text(
        "Hall Hire Rules\n\nThese rules were agreed by the trustees of Wellow Green Hall.\n\n"
        "1. Bookings\n\n1.1 A booking is made with the warden.\n"
    )
    (folder / "2026.txt").write_text(
        "Hall Hire Rules\n\nThese rules were agreed by the committee of Wellow Green Hall.\n\n"
        "1. Bookings\n\n1.1 A booking is made with the warden.\n"
    )
    assert main(["diff", str(folder / "2025.txt"), str(folder / "2026.txt")]) == 0
    out = capsys.readouterr().out.splitlines()
    # unchanged: 1.1 and the heading "1. Bookings"
    assert out[1].startswith("0 added, 0 removed, 1 amended, 0 renumbered, 0 moved, 2 unchanged")
    assert any("agreed by the [-trustees-]{+committee+} of" in line for line in out)
    page = diff_page_markdown(_pair(folder, "hire", "Hall Hire Rules"))
    assert "<dt>Amended</dt><dd>1</dd>" in page
    assert "<dt>Unchanged</dt><dd>2</dd>" in page


def test_an_amended_bullet_at_the_top_is_named_as_the_bullet_the_page_shows(tmp_path, capsys):
    """A bullet counted at the top (a list before clause 1) is shown as a bullet: the
    command and the changes page name it 'bullet 2', never 'paragraph 2'."""
    from clausemark.pages.versions import diff_page_markdown

    folder = tmp_path / "pitches"
    folder.mkdir()
    rules = (
        "Market Pitch Rules\n\nThese rules cover:\n\n- the letting of pitches;\n"
        "- the sale of {goods};\n- litter.\n\n1. Pitches\n\n1.1 A pitch is let by the day.\n"
    )
    (folder / "2025.txt").write_text(rules.format(goods="food"))
    (folder / "2026.txt").write_text(rules.format(goods="hot food"))
    assert main(["diff", str(folder / "2025.txt"), str(folder / "2026.txt")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert any(line.startswith("amended: bullet 2 -> bullet 2: the sale of ") for line in out)
    page = diff_page_markdown(_pair(folder, "pitches", "Market Pitch Rules"))
    assert "bullet 2" in page and "paragraph 2" not in page


def test_a_changed_cell_of_a_table_outside_the_clauses_is_an_amendment(tmp_path, capsys):
    """A fees table under a heading, in no clause: a new fee in the annual review is a
    change the command and the changes page show (it was '0 amended', nothing listed)."""
    from clausemark.pages.versions import diff_page_markdown

    folder = tmp_path / "fees"
    folder.mkdir()
    page = (
        "<html><body><main><h1>Pavilion Charges</h1><h2>1. Charges</h2><p>The charges are:</p>"
        "<table><tr><th>Booking</th><th>Charge</th></tr><tr><td>Changing rooms</td>"
        "<td>£{}</td></tr><tr><td>Tea bar</td><td>£15</td></tr></table>"
        "<h2>2. Paying</h2><p>2.1 Charges are paid when booking.</p></main></body></html>"
    )
    (folder / "2025.html").write_text(page.format(30), encoding="utf-8")
    (folder / "2026.html").write_text(page.format(35), encoding="utf-8")
    assert main(["diff", str(folder / "2025.html"), str(folder / "2026.html")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1].startswith("0 added, 0 removed, 1 amended, "), out
    assert any(
        line.startswith("amended: table -> table: ") and "Changing rooms | £[-30-]{+35+}" in line
        for line in out
    ), out
    markdown = diff_page_markdown(_pair(folder, "fees", "Pavilion Charges"))
    assert "<dt>Amended</dt><dd>1</dd>" in markdown
    assert "#sec_1__table_1" in markdown  # the links go to the table in each version
    assert "table → table: amended" in markdown


def test_a_renamed_heading_is_a_change_the_command_and_the_page_show(tmp_path, capsys):
    """A cross-heading reworded ('Meetings in public' -> 'Meetings in private') and a
    section renamed are changes of the adopted text: they were '0 amended', nothing
    listed, on the command and the changes page alike."""
    from clausemark.pages.versions import diff_page_markdown

    folder = tmp_path / "meetings"
    folder.mkdir()
    text = (
        "Meeting Rules\n\n1. Scope\n\n1.1 These rules apply to every meeting.\n\n"
        "Meetings in {}\n\n1.2 Every meeting is open to the press.\n\n"
        "2. Voting by members\n\n2.1 Votes are taken by a show of hands{}.\n"
    )
    (folder / "2025.txt").write_text(text.format("public", ""), encoding="utf-8")
    (folder / "2026.txt").write_text(
        text.format("private", "").replace("2. Voting by members", "2. Voting by councillors"),
        encoding="utf-8",
    )
    assert main(["diff", str(folder / "2025.txt"), str(folder / "2026.txt")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1].startswith("0 added, 0 removed, 2 amended, "), out
    assert "amended: cross-heading -> cross-heading: Meetings in [-public-]{+private+}" in out
    assert "amended: heading 2 -> heading 2: Voting by [-members-]{+councillors+}" in out
    markdown = diff_page_markdown(_pair(folder, "meetings", "Meeting Rules"))
    assert "<dt>Amended</dt><dd>2</dd>" in markdown
    assert "heading 2 → heading 2: amended" in markdown
    assert "cross-heading → cross-heading: amended" in markdown
    assert "#sec_2" in markdown  # the links go to the heading in each version


def test_a_heading_renumbered_with_its_clauses_is_no_renumbered_clause(tmp_path):
    """A section inserted before section 2: its heading is renumbered on the changes page,
    but the page's "N clauses were renumbered" counts the clauses alone."""
    from clausemark.pages.document import renumbered_from

    folder = tmp_path / "votes"
    folder.mkdir()
    head = "Voting Rules\n\n1. Scope\n\n1.1 These rules apply to every meeting.\n\n"
    tail = "Votes\n\n{}.1 Votes are taken by a show of hands.\n"
    (folder / "2025.txt").write_text(head + "2. " + tail.format(2), encoding="utf-8")
    inserted = "2. Notice\n\n2.1 Notice of a vote is given a day before.\n\n"
    (folder / "2026.txt").write_text(head + inserted + "3. " + tail.format(3), encoding="utf-8")
    pair = _pair(folder, "votes", "Voting Rules")
    headings = {
        c.new.anchor: c.status for c in pair.diff.changes if c.new and c.new.kind == "heading"
    }
    assert headings["sec_3"] == "renumbered"  # "heading 2 -> heading 3" on the changes page
    assert renumbered_from(pair) == {"sec_3__para_3-1": "para 2.1"}
