"""Stories' recordings and photos are kept in the database: with it encrypted, no file of the
data folder holds their bytes; a FIFO or a device chosen as one is refused at once; files an
earlier version kept in story_files/ are moved in at the next start; erasing the teller, or
removing the attachment, removes its bytes."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from advocate_app.app import open_services
from advocate_app.domain.member_views import MemberInput
from advocate_app.domain.story_views import StoryInput
from advocate_app.services.errors import UnreadableFileError
from advocate_app.storage import cipher
from tests.conftest import copy_sqlite_template

PASSPHRASE = "correct horse battery"
# A recording whose bytes cannot turn up by chance: an ID3 header, then a phrase repeated.
RECORDING = (b"ID3\x04\x00\x00\x00\x00\x00\x00\xff\xfb\x90\x64"
             + b"my voice, recorded at the clinic on a Tuesday; " * 400)
MARKERS = [RECORDING[200:260], RECORDING[-64:]]


@pytest.fixture
def private_temp(tmp_path, monkeypatch):
    """The system's temporary folder, where opened copies go, inside the test's folder."""
    import tempfile

    folder = tmp_path / "system-temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _files_holding(folder: Path, markers: list[bytes]) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*")
                  if path.is_file() and any(m in path.read_bytes() for m in markers))


def _story(services, teller_id: int | None = None) -> int:
    return services.stories.create(StoryInput(title="Seven years", text="I waited.",
                                              teller_id=teller_id))


def test_with_the_database_encrypted_no_file_in_the_data_folder_holds_a_recording(
        app_paths, sqlite_template, tmp_path, private_temp):
    url = copy_sqlite_template(sqlite_template, app_paths)
    key = cipher.DatabaseKey(PASSPHRASE)
    cipher.encrypt(app_paths.database_file, key)
    services = open_services(url, app_paths, key)
    try:
        source = tmp_path / "outside" / "interview.mp3"
        source.parent.mkdir()
        source.write_bytes(RECORDING)
        attachment_id = services.stories.attach(_story(services), source, "At the clinic")
        assert _files_holding(app_paths.data_dir, MARKERS) == []
        assert services.stories.attachment_path(attachment_id).read_bytes() == RECORDING
        assert _files_holding(app_paths.data_dir, MARKERS) == []
    finally:
        services.close()
    assert _files_holding(app_paths.data_dir, MARKERS) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_chosen_as_an_attachment_is_refused_at_once(services, tmp_path):
    fifo = tmp_path / "voice.mp3"
    os.mkfifo(fifo)
    story_id = _story(services)
    outcome: dict[str, BaseException] = {}

    def attach() -> None:
        try:
            services.stories.attach(story_id, fifo)
        except BaseException as exc:  # noqa: BLE001 - looked at below
            outcome["error"] = exc

    worker = threading.Thread(target=attach, daemon=True)
    worker.start()
    worker.join(5)
    if worker.is_alive():  # let the blocked open go, then fail
        with open(fifo, "wb"):
            pass
        pytest.fail("attaching a FIFO waited for something to write to it")
    error = outcome.get("error")
    assert isinstance(error, UnreadableFileError)
    assert "is not a file Advocate can read" in str(error) and "\n" not in str(error)
    assert services.stories.get(story_id).attachments == ()


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_chosen_as_an_attachment_is_refused_with_one_sentence(services):
    story_id = _story(services)
    with pytest.raises(UnreadableFileError, match="is not a file Advocate can read"):
        services.stories.attach(story_id, "/dev/zero")
    assert services.stories.get(story_id).attachments == ()


def test_files_an_earlier_version_kept_are_moved_into_the_database_at_start(
        app_paths, sqlite_template, private_temp):
    from advocate_app.domain.stories import StoryAttachment

    url = copy_sqlite_template(sqlite_template, app_paths)
    services = open_services(url, app_paths)
    try:
        story_id = _story(services)
        with services.uow() as uow:  # as an earlier version kept it: a row and a file
            row = StoryAttachment(story_id=story_id, kind="audio", original_name="a.mp3",
                                  stored_name="0123456789abcdef0123456789abcdef.mp3",
                                  size=len(RECORDING), sha256="")
            uow.session.add(row)
            uow.commit()
            attachment_id = row.id
    finally:
        services.close()
    folder = app_paths.story_files_dir
    folder.mkdir(mode=0o700)
    (folder / "0123456789abcdef0123456789abcdef.mp3").write_bytes(RECORDING)
    (folder / ".copy-cut-short").write_bytes(RECORDING[:300])  # a copy a crash cut short
    services = open_services(url, app_paths)
    try:
        assert not folder.exists()
        assert services.stories.attachment_path(attachment_id).read_bytes() == RECORDING
    finally:
        services.close()


def test_erasing_the_teller_or_removing_the_attachment_removes_its_bytes(services, tmp_path,
                                                                        app_paths):
    teller = services.members.create(MemberInput(given_name="Amina", family_name="Haddad")).id
    source = tmp_path / "interview.mp3"
    source.write_bytes(RECORDING)
    story_id = _story(services, teller)
    services.stories.attach(story_id, source)
    removed = services.stories.attach(_story(services), source)

    def kept() -> int:
        return services.database.reader.rows("SELECT count(*) FROM story_attachment_data")[0][0]

    assert kept() == 2
    services.stories.remove_attachment(removed)
    assert kept() == 1
    services.privacy.erase(teller)
    assert kept() == 0
    assert _files_holding(app_paths.data_dir, MARKERS) == []


def test_a_backup_holds_the_recording_and_a_restore_brings_it_back(services, tmp_path,
                                                                  private_temp):
    source = tmp_path / "interview.mp3"
    source.write_bytes(RECORDING)
    attachment_id = services.stories.attach(_story(services), source)
    backup = services.backups.back_up()
    services.stories.remove_attachment(attachment_id)
    services.backups.restore(backup.path)
    assert services.stories.attachment_path(attachment_id).read_bytes() == RECORDING
