"""Pictures in outreach items are copied into the database when the item is imported or saved,
and read back from there when it is rendered; a picture path that is not a regular file (a
device such as /dev/zero, a FIFO, /proc), leads outside the folder it was chosen in, or is not
a real PNG or JPEG within the limits is refused in one sentence, at once, and nothing is kept.

Before, the path was kept and read at every rendering: /dev/zero grew memory without end and
a FIFO hung the app.
"""

from __future__ import annotations

import base64
import io
import json
import os
import subprocess
import sys
import threading

import pikepdf
import pytest
from PIL import Image

from advocate_app.domain.outreach_content import Block, ContentError, ItemKind, OutreachItem
from advocate_app.domain.print_profiles import ProfileKey
from tests import documents_checks as checks

_ITEM = {"format": "advocate-outreach/1", "kind": "leaflet", "title": "Our walk",
         "language": "en"}


def _png(path, size=(40, 30), color=(200, 30, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


def _item(picture: dict) -> OutreachItem:
    return OutreachItem(ItemKind.LEAFLET, "Our walk", "en", (
        Block("heading", {"level": 1, "text": "Our walk"}),
        Block("image", {**picture, "alt": "Members on the walk"})))


def _count(services, table: str) -> int:
    return services.database.reader.rows(f"SELECT count(*) FROM {table}")[0][0]


def _within(seconds: float, work):
    """Run ``work`` in a thread: a FIFO opened for reading would block it for ever."""
    outcome: dict = {}

    def run():
        try:
            outcome["value"] = work()
        except Exception as exc:  # noqa: BLE001 (handed to the test)
            outcome["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still reading the picture after {seconds} s"
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def _hostile(tmp_path, kind: str) -> str:
    if kind == "fifo":
        fifo = tmp_path / "picture.png"
        os.mkfifo(fifo)
        return str(fifo)
    if kind == "dev-zero":
        return "/dev/zero"
    if kind == "proc":
        return "/proc/self/environ"
    if kind == "symlink-out":  # a link in the folder, to a picture beside the folder
        outside = tmp_path.parent / f"private-{tmp_path.name}.png"
        _png(outside)
        (tmp_path / "walk.png").symlink_to(outside)
        return str(tmp_path / "walk.png")
    if kind == "not-a-picture":
        text = tmp_path / "walk.png"
        text.write_text("not a picture at all")
        return str(text)
    if kind == "damaged":  # a PNG's header, then the rest cut off and garbled
        damaged = tmp_path / "damaged.png"
        whole = _png(tmp_path / "whole.png", size=(200, 200))
        damaged.write_bytes(whole[:40] + b"\x13" * 200)
        return str(damaged)
    if kind == "too-many-pixels":
        huge = tmp_path / "huge.png"
        header = bytearray(_png(tmp_path / "small.png"))
        header[16:24] = (60_000).to_bytes(4, "big") + (60_000).to_bytes(4, "big")
        huge.write_bytes(bytes(header))
        return str(huge)
    raise AssertionError(kind)


_KINDS = ["fifo", "dev-zero", "proc", "symlink-out", "not-a-picture", "damaged",
          "too-many-pixels"]
_SAID = {"fifo": "not a file Advocate can read", "dev-zero": "a device or a system file",
         "proc": "a device or a system file", "symlink-out": "leads outside the folder",
         "not-a-picture": "not a PNG or JPEG", "damaged": "damaged",
         "too-many-pixels": "60000 × 60000 pixels"}


@pytest.mark.parametrize("kind", _KINDS)
def test_a_hostile_picture_is_refused_when_the_item_is_saved(services, tmp_path, kind):
    path = _hostile(tmp_path, kind)
    before = _count(services, "outreach_items")
    with pytest.raises(ContentError) as refused:
        _within(10, lambda: services.outreach.save(_item({"path": path})))
    assert _SAID[kind] in str(refused.value)
    assert str(refused.value).startswith("Block 2 (image):")
    assert (_count(services, "outreach_items"), _count(services, "outreach_pictures")) == (
        before, 0)


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "symlink-out"])
def test_the_command_line_refuses_a_hostile_picture_in_an_item_file(tmp_path, kind):
    """Importing or rendering an item file whose picture is hostile: one sentence, exit 1, in
    seconds (a separate process, its memory capped: before, /dev/zero filled it)."""
    folder = tmp_path / "item"
    folder.mkdir()
    path = _hostile(folder, kind)
    item_file = folder / "item.json"
    item_file.write_text(json.dumps({**_ITEM, "blocks": [
        {"type": "image", "path": os.path.relpath(path, folder) if kind != "dev-zero"
         else path, "alt": "Members on the walk"}]}))
    env = {k: v for k, v in os.environ.items() if not k.startswith("ADVOCATE_")}
    env["ADVOCATE_DATA_DIR"] = str(tmp_path / "data")
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30)); "
    for command in (["outreach", "import", str(item_file)],
                    ["outreach", "render", str(item_file), "-o", str(tmp_path / "out.pdf")]):
        result = subprocess.run(
            [sys.executable, "-c", limit + "import sys; from advocate_app.app import main; "
             "sys.exit(main(sys.argv[1:]))", *command],
            capture_output=True, text=True, env=env, timeout=120)
        assert result.returncode == 1, result.stdout + result.stderr
        assert _SAID[kind] in result.stderr
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert not (tmp_path / "out.pdf").exists()


def test_a_picture_is_copied_in_and_rendered_from_the_database(any_services, tmp_path):
    services = any_services
    picture = tmp_path / "walk.png"
    data = _png(picture)
    item_id = services.outreach.save(_item({"path": str(picture)}))
    stored = services.outreach.get(item_id)
    assert "path" not in stored.blocks[1].data
    assert stored.blocks[1].data["digest"] == __import__("hashlib").sha256(data).hexdigest()
    assert str(picture) not in services.database.reader.rows(
        "SELECT content FROM outreach_items WHERE id = :id", {"id": item_id})[0][0]
    picture.unlink()  # the file is gone: the database has the picture
    out = tmp_path / "walk.pdf"
    services.outreach.render_pdf(stored, ProfileKey.STANDARD, out, item_id=item_id)
    with pikepdf.open(out) as pdf:
        images = [name for page in pdf.pages for name in page.get_images()]
    assert images
    assert checks.problems(out) == []
    if checks.shared_checker() is not None:
        result = subprocess.run([sys.executable, str(checks.shared_checker()), str(out)],
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stdout + result.stderr
    html = services.outreach.render_html(stored, ProfileKey.STANDARD, tmp_path / "walk.html",
                                         item_id=item_id).read_text()
    assert "data:image/png;base64," + base64.b64encode(data).decode() in html
    assert "file:" not in html


def test_an_export_carries_its_pictures_to_another_database(services, tmp_path):
    picture = tmp_path / "walk.png"
    data = _png(picture)
    item_id = services.outreach.save(_item({"path": str(picture)}))
    exported = json.loads(services.outreach.export_json(item_id))
    assert base64.b64decode(exported["blocks"][1]["data"]) == data
    services.database.reader.rows("SELECT 1")  # the same database: importing it keeps one copy
    again = services.outreach.import_json(json.dumps(exported))
    assert services.outreach.get(again).blocks[1].data["digest"] == exported["blocks"][1][
        "digest"]
    assert _count(services, "outreach_pictures") == 1


def test_an_embedded_picture_is_checked_like_a_file(services):
    fake = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\0" * 24).decode()  # no real header
    with pytest.raises(ContentError, match="Block 2 \\(image\\).*damaged"):
        services.outreach.save(_item({"data": fake}))
    with pytest.raises(ContentError, match="not valid base64"):
        services.outreach.save(_item({"data": "%%%"}))


def test_an_item_kept_with_a_path_prints_a_plain_note_when_the_picture_is_gone(
        services, tmp_path):
    """Items saved before pictures were kept name a path; it is read with the same checks at
    each rendering until the item is saved again. A FIFO there is not waited on."""
    fifo = tmp_path / "old.png"
    os.mkfifo(fifo)
    item = _item({"path": str(fifo)})
    item_id = services.outreach.save(_item({"pictogram": "people"}))
    from sqlalchemy import text

    with services.uow() as uow:  # as an older version of Advocate kept it
        uow.session.execute(text("UPDATE outreach_items SET content = :content WHERE id = :id"),
                            {"content": item.to_json(), "id": item_id})
        uow.commit()
    stored = services.outreach.get(item_id)
    problems = _within(10, lambda: services.outreach.preflight(
        stored, ProfileKey.STANDARD, item_id=item_id))
    assert [p.code for p in problems if p.code == "picture-missing"] == ["picture-missing"]
    pdf = _within(10, lambda: services.outreach.preview_pdf(stored, ProfileKey.STANDARD,
                                                            item_id=item_id))
    path = tmp_path / "old.pdf"
    path.write_bytes(pdf)
    assert "Picture missing: Members on the walk" in " ".join(checks.pdftotext(path).split())
    print("A FIFO, /dev/zero and a link out of the chosen folder are refused at once, and "
          "pictures print from the database.")


@pytest.mark.parametrize("kind", ["dev-zero", "fifo", "nul"])
def test_the_item_file_itself_is_read_as_hostile_input(tmp_path, kind):
    if kind == "dev-zero":
        item_file = "/dev/zero"
    elif kind == "fifo":
        item_file = str(tmp_path / "item.json")
        os.mkfifo(item_file)
    else:
        item_file = str(tmp_path / "item.json")
        (tmp_path / "item.json").write_bytes(json.dumps({**_ITEM, "blocks": []}).encode()
                                             + b"\x00\x00")
    env = {k: v for k, v in os.environ.items() if not k.startswith("ADVOCATE_")}
    env["ADVOCATE_DATA_DIR"] = str(tmp_path / "data")
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30)); "
    result = subprocess.run(
        [sys.executable, "-c", limit + "import sys; from advocate_app.app import main; "
         "sys.exit(main(sys.argv[1:]))", "outreach", "import", item_file],
        capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 1
    said = {"dev-zero": "a device or a system file", "fifo": "not a file Advocate can read",
            "nul": "NUL characters"}[kind]
    assert said in result.stderr and "Traceback" not in result.stderr, result.stderr
