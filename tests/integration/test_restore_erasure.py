"""An erasure outlives a restore: restoring a backup made before someone was erased does not
bring them back; they are erased again in the restored data, and the result says so."""

from __future__ import annotations

from advocate_app.app import main, open_services
from advocate_app.domain.member_views import MemberInput
from advocate_app.paths import AppPaths

GIVEN, FAMILY = "Zorwenna", "Plimscothe"
EMAIL = "zorwenna.plimscothe@example.org"
NEEDLES = (GIVEN, FAMILY, EMAIL)


def _found(data_dir) -> dict[str, list[str]]:
    """File (relative to the data folder) -> the needles its raw bytes hold."""
    found = {}
    for path in sorted(data_dir.rglob("*")):
        if not path.is_file():
            continue
        raw = path.read_bytes().lower()
        hits = [n for n in NEEDLES if n.lower().encode() in raw]
        if hits:
            found[str(path.relative_to(data_dir))] = hits
    return found


def test_a_person_erased_after_a_backup_is_not_back_after_restoring_it(tmp_path, capsys):
    data_dir = tmp_path / "data"
    assert main(["--data-dir", str(data_dir), "demo", "--members", "15"]) == 0
    paths = AppPaths(data_dir)
    services = open_services(paths.default_database_url(), paths)
    try:
        member_id = services.members.create(MemberInput(
            given_name=GIVEN, family_name=FAMILY, email=EMAIL, phone="+44 7700 900555",
            notes="Seen at the clinic in March", country="GB")).id
        kept_id = services.members.create(MemberInput(
            given_name="Quintavia", family_name="Ambersole", country="GB")).id
        backup = services.backups.back_up(tmp_path / "before-erasure.sqlite3").path
        services.privacy.erase(member_id)
        assert _found(data_dir) == {}

        result = services.backups.restore(backup)

        assert result.erased_again == 1
        assert result.erasures_sentence == ("1 person erased since this backup was erased "
                                             "again.")
        assert services.database.reader.rows(
            "SELECT erased_at IS NOT NULL FROM members WHERE id = :i", {"i": member_id}) == [(1,)]
        # the rest of the backup's data is back as it was
        assert services.members.get(kept_id).family_name == "Ambersole"
        assert services.members.reader.rows(
            "SELECT count(*) FROM member_search WHERE member_search MATCH :w",
            {"w": FAMILY.lower()}) == [(0,)]
        assert _found(data_dir) == {}
    finally:
        services.close()
    assert _found(data_dir) == {}
    # the backup itself, outside the data folder, still holds them: it is what was restored
    assert FAMILY.encode() in backup.read_bytes()


def test_the_command_line_says_how_many_were_erased_again(tmp_path, capsys):
    data_dir = tmp_path / "data"
    assert main(["--data-dir", str(data_dir), "demo", "--members", "10"]) == 0
    paths = AppPaths(data_dir)
    services = open_services(paths.default_database_url(), paths)
    try:
        first = services.members.create(MemberInput(given_name=GIVEN, family_name=FAMILY)).id
        second = services.members.create(MemberInput(given_name="Ulfrida",
                                                     family_name="Kestermoor")).id
        backup = services.backups.back_up(tmp_path / "office.sqlite3").path
        services.privacy.erase_all([first, second])
    finally:
        services.close()
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "restore", str(backup), "--yes"]) == 0
    said = capsys.readouterr().out
    assert "2 people erased since this backup were erased again." in said
    assert _found(data_dir) == {}
    assert b"Kestermoor" not in b"".join(p.read_bytes() for p in data_dir.rglob("*")
                                         if p.is_file())

    # a backup made after the erasures brings nobody back and says nothing of them
    services = open_services(paths.default_database_url(), paths)
    try:
        later = services.backups.back_up(tmp_path / "later.sqlite3").path
        result = services.backups.restore(later)
    finally:
        services.close()
    assert result.erased_again == 0 and result.erasures_sentence is None
