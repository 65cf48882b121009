"""Images people send with a report: proven to be images, re-encoded without metadata.

A photo from a phone carries EXIF data — the GPS position where it was taken,
the device's serial number, the time — which can identify and endanger the
person who sent it. So an upload is never stored as sent: Pillow must decode
every pixel of it (a script or archive posing as ``.jpg`` fails here), and
the pixels alone are written again as a new JPEG (or PNG, when the image has
transparency), which carries no EXIF, XMP, ICC or text chunks. Images are
stored under random names that say nothing about the sender or the report.
"""

from __future__ import annotations

import io
import secrets
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from picketline.errors import InputError

ACCEPTED_FORMATS = frozenset({"JPEG", "PNG", "GIF", "WEBP"})
MAX_PIXELS = 40_000_000
"""Refuse images above 40 megapixels: a small file can decode to gigabytes."""
MAX_SIDE = 4096
"""Longer sides are scaled down to this: enough to read a placard, and small to keep."""
JPEG_QUALITY = 85


class ImageRefused(InputError):
    """An upload that is not an image we accept; the message says why, for the sender."""


@dataclass(frozen=True)
class CleanImage:
    """An image re-encoded from its pixels alone."""

    data: bytes
    media_type: str
    suffix: str
    width: int
    height: int


def clean_image(data: bytes, name: str = "the image") -> CleanImage:
    """Decode an upload fully and re-encode it without metadata, or raise ``ImageRefused``."""
    if not data:
        raise ImageRefused(f"{name} is empty")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                kind = probe.format
                if kind not in ACCEPTED_FORMATS:
                    raise ImageRefused(f"{name} is not a JPEG, PNG, GIF or WebP image")
                if probe.width * probe.height > MAX_PIXELS:
                    raise ImageRefused(f"{name} has too many pixels")
                probe.seek(0)
                probe.load()  # decodes every pixel: a truncated or fake file fails here
                image = ImageOps.exif_transpose(probe)  # keep the orientation, drop the EXIF
                image.load()
    except ImageRefused:
        raise
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError,
            Image.DecompressionBombError, Image.DecompressionBombWarning):  # fmt: skip
        raise ImageRefused(f"{name} is not a readable image") from None
    return _encode(image)


def _encode(image: Image.Image) -> CleanImage:
    image.thumbnail((MAX_SIDE, MAX_SIDE))
    has_alpha = image.mode in ("RGBA", "LA") or (
        image.mode == "P" and "transparency" in image.info
    )
    out = io.BytesIO()
    if has_alpha:
        pixels = image.convert("RGBA")
        _without_metadata(pixels).save(out, format="PNG", optimize=True)
        media_type, suffix = "image/png", ".png"
    else:
        pixels = image.convert("RGB")
        _without_metadata(pixels).save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
        media_type, suffix = "image/jpeg", ".jpg"
    return CleanImage(out.getvalue(), media_type, suffix, pixels.width, pixels.height)


def _without_metadata(image: Image.Image) -> Image.Image:
    """A fresh image holding only the pixels (no info dict, so nothing is carried over)."""
    fresh = Image.new(image.mode, image.size)
    fresh.paste(image)
    return fresh


def store_image(image: CleanImage, directory: Path) -> str:
    """Write a cleaned image under a new random name in ``directory``; the name."""
    directory.mkdir(parents=True, exist_ok=True)
    name = secrets.token_hex(16) + image.suffix
    partial = directory / (name + ".part")
    partial.write_bytes(image.data)
    partial.replace(directory / name)
    return name


def image_path(directory: Path, file_name: str) -> Path | None:
    """The stored file for a name we generated, or None (no path tricks get through)."""
    stem, dot, suffix = file_name.partition(".")
    if not (dot and suffix in ("jpg", "png") and len(stem) == 32):
        return None
    if any(c not in "0123456789abcdef" for c in stem):
        return None
    path = directory / file_name
    return path if path.is_file() else None
