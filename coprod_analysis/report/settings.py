"""Who publishes the report: organisation, programme, contact, date, logo, other formats.

Settings come from a small TOML file (``report-settings.toml``; the sample
ships one) and/or the command's options, options winning. Every value is
checked here, so a mistake is a one-line error naming the file, never a
broken page:

- the contact is the team's e-mail address or phone number, and it must not
  be one a respondent gave (:func:`check_contact` looks for it in the exports);
- the logo is a PNG, JPEG or GIF of at most :data:`LOGO_MAX_BYTES`, decoded
  and written again as a PNG (so nothing but pixels reaches the page: no
  script as in an SVG, no camera or location data), at most
  :data:`LOGO_MAX_WIDTH` pixels wide, and embedded in the HTML;
- the publication date is a date (default: today).
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import logging
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from coprod_analysis.errors import CoprodError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

logger = logging.getLogger(__name__)

#: The file name looked for beside the actions log (or the sessions register).
SETTINGS_FILE = "report-settings.toml"
#: A logo file bigger than this is refused (it is embedded in every copy of the page).
LOGO_MAX_BYTES = 512 * 1024
#: A logo wider than this is scaled down before it is embedded.
LOGO_MAX_WIDTH = 600
#: The line on other formats when the settings give none; ``{contact}`` is filled in.
OTHER_FORMATS = ("This report is available in other formats, such as large print, easy "
                 "read or another language. To ask for one, contact {contact}.")
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?:\+44\s?|0)\d[\d\s-]{8,12}\d")
_KEYS = {"organisation", "programme", "title", "contact", "published", "logo",
         "other_formats"}


@dataclass(frozen=True)
class ReportSettings:
    """Who publishes the report and how to reach them.

    Examples
    --------
    >>> s = ReportSettings(organisation="NHS Example ICB", contact="team@example.nhs.uk",
    ...                    published=dt.date(2019, 12, 2))
    >>> s.published_text, s.other_formats_line
    ('2 December 2019', 'This report is available in other formats, such as large print, \
easy read or another language. To ask for one, contact team@example.nhs.uk.')
    """

    organisation: str = ""
    programme: str = "Patient champion co-production training"
    title: str = "You said, we did"
    contact: str = ""
    published: dt.date = field(default_factory=dt.date.today)
    other_formats: str = ""
    #: The logo as a base64 PNG (see :func:`read_logo`), or "".
    logo_png: str = ""
    logo_alt: str = ""

    @property
    def published_text(self) -> str:
        """The publication date in UK style, ``1 October 2019``."""
        return uk_date(self.published)

    @property
    def other_formats_line(self) -> str:
        """The "available in other formats" line, with the contact filled in."""
        line = self.other_formats or (OTHER_FORMATS if self.contact else "")
        return line.replace("{contact}", self.contact or "us")


def uk_date(value) -> str:
    """A date in the style GOV.UK and the NHS use: ``1 October 2019``, no leading zero.

    Examples
    --------
    >>> uk_date(dt.date(2019, 10, 1)), uk_date(None)
    ('1 October 2019', '')
    """
    if value is None or value != value:  # None or NaT
        return ""
    return f"{value.day} {value:%B %Y}"


def contact_parts(contact: str) -> list[str]:
    """The e-mail addresses and phone numbers in a contact line.

    Examples
    --------
    >>> contact_parts("Engagement team, team@example.nhs.uk or 0113 496 0000")
    ['team@example.nhs.uk', '0113 496 0000']
    """
    return _EMAIL.findall(contact) + [m.strip() for m in _PHONE.findall(contact)]


def check_contact(contact: str, inputs: Iterable[str | Path], origin: str | Path | None = None
                  ) -> None:
    """Refuse a contact that is not an address or number, or that a respondent gave.

    The exports hold respondents' e-mail addresses and phone numbers (used
    for de-duplication and never published); a contact found in one of them
    is a respondent's, not the team's.

    Raises
    ------
    CoprodError
        Naming the settings file (or the option) and, when found, the export.

    Examples
    --------
    >>> check_contact("", [])
    >>> check_contact("ring us", [])
    Traceback (most recent call last):
    coprod_analysis.errors.CoprodError: the contact 'ring us' holds no e-mail address or \
phone number: give the team's
    """
    if not contact:
        return
    parts = contact_parts(contact)
    if not parts:
        raise CoprodError(f"the contact {contact!r} holds no e-mail address or phone number: "
                          "give the team's", origin)
    patterns = []
    for part in parts:
        if "@" in part:
            patterns.append(re.compile(re.escape(part.lower()).encode()))
        else:
            digits = re.sub(r"\D", "", part)
            digits = "0" + digits[2:] if digits.startswith("44") else digits
            patterns.append(re.compile(rb"[\s().-]{0,2}".join(
                re.escape(d.encode()) for d in digits[1:])))
    for path in _files(inputs):
        data = path.read_bytes().lower()
        for part, pattern in zip(parts, patterns, strict=True):
            if pattern.search(data):
                raise CoprodError(f"the contact {part!r} is in {path.name}, an export of the "
                                  "respondents' answers: give the team's own address or "
                                  "number, never a respondent's", origin)


def _files(inputs: Iterable[str | Path]) -> list[Path]:
    out = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            out += sorted(p for p in path.rglob("*") if p.is_file()
                          and p.suffix.lower() in {".csv", ".xlsx", ".txt", ".tsv"})
        elif path.is_file():
            out.append(path)
    return out


def read_logo(path: str | Path) -> str:
    """A logo file checked and written again as a PNG, base64-encoded for a ``data:`` URL.

    Raises
    ------
    CoprodError
        If the file is missing, too big, or not a PNG, JPEG or GIF image.
    """
    from PIL import Image, UnidentifiedImageError

    path = Path(path)
    if not path.is_file():
        raise CoprodError("the logo file is not there", path)
    size = path.stat().st_size
    if size > LOGO_MAX_BYTES:
        raise CoprodError(f"the logo is {size // 1024} KB: at most {LOGO_MAX_BYTES // 1024} KB, "
                          "as it is embedded in the page", path)
    try:
        with Image.open(path) as image:
            if image.format not in {"PNG", "JPEG", "GIF"}:
                raise CoprodError(f"the logo is a {image.format} file: give a PNG, JPEG or "
                                  "GIF image", path)
            image.load()
            picture = image.convert("RGBA")
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise CoprodError("the logo is not an image this can read (give a PNG, JPEG or GIF "
                          "file)", path) from error
    if picture.width > LOGO_MAX_WIDTH:
        height = max(1, round(picture.height * LOGO_MAX_WIDTH / picture.width))
        picture = picture.resize((LOGO_MAX_WIDTH, height))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")  # pixels only: no metadata is copied
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def load_settings(path: str | Path | None = None, **overrides) -> ReportSettings:
    """Report settings from a TOML file (optional) with options on top.

    The file holds a ``[report]`` table (or the keys at its top level):
    ``organisation``, ``programme``, ``title``, ``contact``, ``published``
    (a date, ``2019-12-02``), ``logo`` (a path, relative to the file) and
    ``other_formats``. An override of ``None`` is ignored.

    Raises
    ------
    CoprodError
        For an unreadable file, an unknown key, a value of the wrong kind or a bad logo.

    Examples
    --------
    >>> load_settings(organisation="NHS Example ICB", contact=None).organisation
    'NHS Example ICB'
    """
    values: dict = {}
    origin = Path(path) if path is not None else None
    if origin is not None:
        try:
            document = tomllib.loads(origin.read_text(encoding="utf-8"))
        except FileNotFoundError as error:
            raise CoprodError("the report settings file is not there", origin) from error
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise CoprodError(f"not a TOML settings file ({error})", origin) from error
        values = document.get("report", document)
        unknown = sorted(set(values) - _KEYS)
        if unknown:
            raise CoprodError(f"unknown setting(s) {', '.join(map(repr, unknown))}; known: "
                              f"{', '.join(sorted(_KEYS))}", origin)
        if values.get("logo"):
            values["logo"] = origin.parent / str(values["logo"])
    values.update({k: v for k, v in overrides.items() if v is not None})
    settings = ReportSettings()
    for key in ("organisation", "programme", "title", "contact", "other_formats"):
        if key in values:
            if not isinstance(values[key], str):
                raise CoprodError(f"the setting {key!r} must be text", origin)
            settings = replace(settings, **{key: " ".join(values[key].split())})
    if "published" in values:
        settings = replace(settings, published=_as_date(values["published"], origin))
    if values.get("logo"):
        settings = replace(settings, logo_png=read_logo(values["logo"]),
                           logo_alt=f"{settings.organisation or 'Organisation'} logo")
    return settings


def _as_date(value, origin) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError as error:
        raise CoprodError(f"the publication date {value!r} is not a date like 2019-12-02",
                          origin) from error


def find_settings(*beside: str | Path | None) -> Path | None:
    """The ``report-settings.toml`` in the folder of the first of these files that has one."""
    for item in beside:
        if item is None:
            continue
        folder = Path(item) if Path(item).is_dir() else Path(item).parent
        if (folder / SETTINGS_FILE).is_file():
            return folder / SETTINGS_FILE
    return None
