"""Whether a picture's bytes really draw: decoded once, whole, when the picture is taken in,
so a file whose header says PNG or JPEG but whose content is damaged is refused then, not met
half-way through a rendering."""

from __future__ import annotations

import io
import warnings

from advocate_app.domain.outreach_pictures import MAX_PIXELS, Picture, PictureError
from advocate_app.i18n import _


def check_decodes(picture: Picture, what: str) -> None:
    """PictureError naming ``what`` when the picture cannot be decoded whole."""
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a decompression bomb warning is a refusal too
            with Image.open(io.BytesIO(picture.data)) as image:
                if image.width * image.height > MAX_PIXELS or image.format not in ("PNG",
                                                                                    "JPEG"):
                    raise PictureError(_("The picture {what} is not a PNG or JPEG within the "
                                         "limits.").format(what=what))
                image.load()
    except PictureError:
        raise
    except Exception as exc:  # noqa: BLE001 (whatever the decoder says: damaged)
        raise PictureError(_("The picture {what} is damaged: it cannot be drawn.").format(
            what=what)) from exc
