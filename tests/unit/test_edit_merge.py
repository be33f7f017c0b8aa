"""Two people saved one record: only a field both changed, differently, is a question; the
fields the person did not touch take the stored values."""

from __future__ import annotations

from dataclasses import dataclass

from advocate_app.domain.edit_conflicts import clashes, merged


@dataclass(frozen=True)
class Plan:
    title: str
    place: str
    status: str = "open"


NAMES = ("title", "place", "status")


def test_edits_to_different_fields_both_survive_without_a_question():
    base = Plan("Spring meeting", "Hall")
    mine, theirs = Plan("Spring board", "Hall"), Plan("Spring meeting", "Library", "full")
    assert clashes(base, mine, theirs, NAMES) == []
    assert merged(base, mine, theirs, NAMES) == Plan("Spring board", "Library", "full")


def test_the_same_field_changed_by_both_is_asked_unless_they_agree():
    base = Plan("Spring meeting", "Hall")
    mine, theirs = Plan("Spring board", "Hall"), Plan("Spring gathering", "Library")
    assert clashes(base, mine, theirs, NAMES) == ["title"]
    assert merged(base, mine, theirs, NAMES) == Plan("Spring board", "Library")
    assert clashes(base, mine, Plan("Spring board", "Hall", "full"), NAMES) == []
