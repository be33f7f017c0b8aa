"""Find duplicates: the pair merged is the pair chosen, whatever its place in the list."""

from __future__ import annotations

from advocate_app.domain.member_views import MemberInput
from advocate_app.ui import prompts
from advocate_app.ui.dialogs.duplicates import DuplicatesDialog


def _add(services, given, family, email):
    return services.members.create(MemberInput(given_name=given, family_name=family,
                                               email=email)).id


def test_the_chosen_pair_is_the_one_merged(qtbot, services, monkeypatch):
    ana = (_add(services, "Ana", "Silva", "ana@example.org"),
           _add(services, "Ana", "Silva", "ana@example.org"))
    _add(services, "Tom", "Reed", "tom@example.org")
    _add(services, "Tom", "Reed", "tom@example.org")
    dialog = DuplicatesDialog(services)
    qtbot.addWidget(dialog)
    model = dialog.table.model()
    shown = [model.index(row, 1).data() for row in range(model.rowCount())]
    assert len(shown) == 2 and dialog.table.selectionModel().selectedRows()[0].row() == 0
    asked = []
    monkeypatch.setattr(prompts, "confirm", lambda _p, _t, text, **k: asked.append(text) or True)
    row = next(r for r, text in enumerate(shown) if "Tom Reed" in text)
    dialog.table.selectRow(row)
    dialog.merge_selected()
    qtbot.waitUntil(lambda: dialog.merged == 1, timeout=10_000)
    assert "Tom Reed" in asked[0] and "Ana Silva" not in asked[0]
    still = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert len(still) == 1 and "Ana Silva" in still[0]
    assert services.members.get(ana[0]) and services.members.get(ana[1])
