"""Report settings: who publishes the report, checked before anything is written."""

from __future__ import annotations

import base64
import datetime as dt
import io
import subprocess
import sys

import pytest
from PIL import Image

from coprod_analysis import load_evaluations
from coprod_analysis.errors import CoprodError
from coprod_analysis.report.render import ReportInputs, build_html
from coprod_analysis.report.settings import (
    LOGO_MAX_BYTES,
    ReportSettings,
    check_contact,
    find_settings,
    load_settings,
    read_logo,
    uk_date,
)
from tests.conftest import FIXTURES, REPO

SAMPLE = REPO / "data" / "sample"


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def png_bytes(width=40, height=20, colour=(0, 94, 184)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def test_settings_come_from_the_file_and_options_win(tmp_path):
    path = write(tmp_path / "report-settings.toml", """
[report]
organisation = "NHS Example ICB"
programme = "Champions   training"
contact = "team@example.org"
published = 2019-12-02
other_formats = "Ask {contact} for large print."
""")
    settings = load_settings(path)
    assert settings.organisation == "NHS Example ICB"
    assert settings.programme == "Champions training"  # white space tidied
    assert settings.published == dt.date(2019, 12, 2)
    assert settings.published_text == "2 December 2019"
    assert settings.other_formats_line == "Ask team@example.org for large print."
    settings = load_settings(path, organisation="Another Trust", published="2020-01-09",
                             contact=None)
    assert (settings.organisation, settings.published_text, settings.contact) == (
        "Another Trust", "9 January 2020", "team@example.org")


def test_the_publication_date_defaults_to_today():
    assert load_settings().published == dt.date.today()
    assert ReportSettings().published_text == uk_date(dt.date.today())


@pytest.mark.parametrize(("text", "problem"), [
    ("[report]\norganisation = 'x'\ncolour = 'red'\n", "unknown setting(s) 'colour'"),
    ("[report]\npublished = 'next Tuesday'\n", "is not a date like 2019-12-02"),
    ("[report]\norganisation = 12\n", "'organisation' must be text"),
    ("organisation = \"unclosed\n", "not a TOML settings file"),
])
def test_a_bad_settings_file_is_one_clear_error_naming_it(tmp_path, text, problem):
    path = write(tmp_path / "settings.toml", text)
    with pytest.raises(CoprodError) as error:
        load_settings(path)
    assert problem in str(error.value) and "settings.toml" in str(error.value)
    assert "\n" not in str(error.value)


def test_a_logo_is_decoded_and_written_again_as_a_plain_png(tmp_path):
    # A JPEG carrying camera metadata: only its pixels reach the page.
    image = Image.new("RGB", (1200, 300), (0, 48, 135))
    exif = Image.Exif()
    exif[0x010E] = "secret location 53.80N 1.55W"  # ImageDescription
    path = tmp_path / "logo.jpg"
    image.save(path, format="JPEG", exif=exif.tobytes())
    assert b"secret location" in path.read_bytes()
    data = base64.b64decode(read_logo(path))
    assert data.startswith(b"\x89PNG") and b"secret location" not in data
    with Image.open(io.BytesIO(data)) as logo:
        assert logo.size == (600, 150)  # scaled to 600 px wide, in proportion


def test_a_logo_that_is_not_a_safe_image_is_refused(tmp_path):
    svg = write(tmp_path / "logo.png", '<svg xmlns="http://www.w3.org/2000/svg">'
                "<script>alert(1)</script></svg>")
    with pytest.raises(CoprodError, match="not an image this can read"):
        read_logo(svg)
    big = tmp_path / "big.png"
    big.write_bytes(png_bytes() + b"\0" * LOGO_MAX_BYTES)
    with pytest.raises(CoprodError, match="at most 512 KB"):
        read_logo(big)
    with pytest.raises(CoprodError, match="not there"):
        read_logo(tmp_path / "missing.png")
    tiff = tmp_path / "logo.tif"
    Image.new("RGB", (10, 10)).save(tiff, format="TIFF")
    with pytest.raises(CoprodError, match="TIFF file: give a PNG, JPEG or GIF"):
        read_logo(tiff)


def test_a_respondent_s_address_or_number_is_refused_as_the_contact(tmp_path):
    # amy@example.org answered the form in googleforms.csv (as Amy@Example.org too).
    with pytest.raises(CoprodError, match="is in googleforms.csv"):
        check_contact("AMY@example.org", [FIXTURES / "googleforms.csv"])
    export = write(tmp_path / "export.csv", "Name,Phone\nBob,+44 (0)113-496 0123\n")
    for written in ("0113 496 0123", "01134960123", "+44 113 496 0123"):
        with pytest.raises(CoprodError, match="never a respondent's"):
            check_contact(f"Call {written}", [tmp_path])
    check_contact("team@example.org or 0113 496 0000", [FIXTURES / "googleforms.csv", export])
    with pytest.raises(CoprodError, match="holds no e-mail address or phone number"):
        check_contact("the engagement team", [])


def test_the_command_refuses_a_respondent_s_contact_without_a_traceback(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "coprod_analysis", "report", "--evaluations",
         str(FIXTURES / "googleforms.csv"), "--contact", "amy@example.org", "--out",
         str(tmp_path / "out")], capture_output=True, text=True, timeout=300)
    assert done.returncode != 0
    assert "amy@example.org' is in googleforms.csv" in done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out" / "you-said-we-did.html").exists()


def test_the_sample_ships_settings_found_beside_its_actions_log():
    found = find_settings(SAMPLE / "actions.csv")
    assert found == SAMPLE / "report-settings.toml"
    settings = load_settings(found)
    assert settings.organisation and settings.contact and settings.other_formats_line
    check_contact(settings.contact, [SAMPLE / "evaluations", SAMPLE / "reviews"])


def test_the_page_names_who_publishes_it_and_how_to_reach_them(tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(png_bytes())
    settings = load_settings(organisation="NHS Example <ICB>", contact="team@example.org",
                             published="2019-10-01", logo=logo)
    evaluations = load_evaluations(FIXTURES / "googleforms.csv").data
    html, _ = build_html(ReportInputs(evaluations, settings=settings, scorers={}))
    assert "NHS Example &lt;ICB&gt;" in html and "<ICB>" not in html
    assert "Published 1 October 2019" in html
    assert "available in other formats" in html and "contact team@example.org" in html
    assert f'src="data:image/png;base64,{settings.logo_png}" alt="NHS Example &lt;ICB&gt; logo"' \
        in html
