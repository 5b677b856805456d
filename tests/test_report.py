"""The report: self-contained, escaped, suppressed, identifier-free; and it opens in a browser."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import openpyxl
import pandas as pd
import pytest

from coprod_analysis import load_evaluations, load_reviews
from coprod_analysis.cli import main
from coprod_analysis.report.render import ReportInputs, build_html, write_report
from tests.conftest import FIXTURES, REPO

SAMPLE = REPO / "data" / "sample"


@pytest.fixture(scope="module")
def sample_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    done = subprocess.run([sys.executable, "-m", "coprod_analysis", "report", "--out", str(out)],
                          capture_output=True, text=True, timeout=300, cwd=out)
    assert done.returncode == 0, done.stderr
    return out


def test_report_with_no_arguments_uses_the_sample_and_says_where_it_is(sample_report):
    html = (sample_report / "you-said-we-did.html").read_text()
    assert "<h1>You said, we did</h1>" in html
    assert "March 2018 to November 2019" in html
    for heading in ("At a glance", "What the sessions achieved", "Where patient groups sit",
                    "You said", "We did", "Still to do", "How this report was made"):
        assert heading in html


def test_the_report_says_what_it_read_and_which_action_cells_it_could_not(tmp_path, capsys):
    actions = tmp_path / "actions.csv"
    actions.write_text("theme,you_said,we_did,status,date,owner\n"
                       "time,Meetings clash with work,Evening meetings,done,15/07/2019,Chair\n"
                       "weather,It rained,Umbrellas,maybe,15/07/2019,Officer\n")
    assert main(["report", "--evaluations", str(FIXTURES / "googleforms.csv"),
                 "--actions", str(actions), "--out", str(tmp_path / "out")]) == 0
    lines = capsys.readouterr().out.splitlines()
    # googleforms.csv's 6 rows: Amy's first submission (replaced by her second), a blank
    # one, and four kept (two anonymous identical answers are two people).
    assert lines[0] == ("Read 6 evaluation responses from 1 file: 4 kept, 1 blank, "
                        "1 duplicate, 0 quarantined.")
    assert lines[1] == "Read 2 actions from actions.csv."
    assert lines[2:4] == [
        "actions.csv: row 2 (after the header), theme 'weather': not a theme code: weather; "
        "left empty.",
        "actions.csv: row 2 (after the header), status 'maybe': not one of: planned, "
        "in progress, done; left empty.",
    ]
    assert lines[4].startswith("The report is in ")


def test_the_report_says_which_responses_the_register_does_not_know(tmp_path, capsys):
    register = tmp_path / "sessions.csv"
    # googleforms.csv's four kept responses are all from 14 March 2019 at Leeds Civic Hall.
    register.write_text("session_date,venue,attended\n2019-03-21,Leeds Civic Hall,12\n")
    assert main(["report", "--evaluations", str(FIXTURES / "googleforms.csv"),
                 "--sessions", str(register), "--out", str(tmp_path / "out")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == ("sessions.csv: 4 responses are for sessions not in the register "
                        "(2019-03-14-leeds-civic-hall): they are left out of the response "
                        "rate; check the dates and venues match.")


def test_the_report_loads_nothing_from_anywhere(sample_report):
    html = (sample_report / "you-said-we-did.html").read_text()
    assert not re.findall(r"""(?:src|href)\s*=\s*["'](?!data:|#)""", html)
    assert "<script" not in html and "@import" not in html and "url(" not in html


def test_every_chart_states_its_finding_in_alt_text_not_its_type(sample_report):
    html = (sample_report / "you-said-we-did.html").read_text()
    figures = re.findall(r"<figure>(.*?)</figure>", html, flags=re.DOTALL)
    # Outcomes, outcomes over time, the ladder, challenges ranked, improvements ranked.
    assert len(figures) == 5
    # Besides the charts, only the sample's logo, whose alt text names the organisation.
    others = [i for i in re.findall(r"<img [^>]*>", html) if not any(i in f for f in figures)]
    assert [re.search(r'alt="([^"]*)"', i).group(1) for i in others] == [
        "Example NHS Clinical Commissioning Group (synthetic sample) logo"]
    for figure in figures:
        alt = re.search(r'alt="([^"]*)"', figure).group(1)
        finding = re.search(r'<p class="finding">([^<]*)</p>', figure).group(1)
        caption = re.search(r"<figcaption>([^<]*)</figcaption>", figure).group(1)
        assert len(alt) >= 40 and re.search(r"\d", alt)  # a finding carries its numbers
        assert not re.match(r"(?i)(a |the )?(chart|bar|dot|line|graph|diverging|heat)", alt)
        assert caption and caption != alt and alt not in caption and caption not in alt
        assert finding and finding != caption


def test_no_identifier_reaches_the_report(sample_report):
    html = (sample_report / "you-said-we-did.html").read_text()
    for planted in ("jane.doe@example.org", "07911 123456", "943 476 5919", "Margaret",
                    "karen.brennan@example.org"):
        assert planted not in html


def hostile_inputs(tmp_path):
    """Twelve responses whose free text carries a script tag and formula payloads."""
    rows = ["Date,Venue,Overall,I feel more confident,How could we improve the session?"]
    payloads = ['<script>alert("x")</script> more time please', "=HYPERLINK(\"x\") jargon",
                "+1 more breaks needed", "@everyone slower pace please"]
    for i in range(12):
        rows.append(f'20/03/2019,Hub,Good,Agree,"{payloads[i % 4].replace(chr(34), chr(34) * 2)}"')
    path = tmp_path / "evaluations.csv"
    path.write_text("\n".join(rows) + "\n")
    return load_evaluations(path).data


def test_free_text_is_html_escaped(tmp_path):
    evaluations = hostile_inputs(tmp_path)
    actions = pd.DataFrame({"theme": ["time"], "you_said": ['<script>alert("x")</script>'],
                            "we_did": ["<b>bold</b> & more"], "status": ["done"],
                            "date": [pd.Timestamp("2019-06-01")]})
    html, _ = build_html(ReportInputs(evaluations, actions=actions))
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; more" in html


def test_xlsx_tables_have_formula_payloads_neutralised(tmp_path):
    evaluations = hostile_inputs(tmp_path)
    # "@1+1" is no handle (redaction leaves it); "@cmd" reads as one and is redacted
    actions = pd.DataFrame({"theme": ["time", "time"], "you_said": ["=1+1", "more"],
                            "we_did": ["@1+1", "@cmd"], "status": ["done", "done"],
                            "date": [pd.Timestamp("2019-06-01")] * 2})
    written = write_report(ReportInputs(evaluations, actions=actions), tmp_path / "out")
    book = openpyxl.load_workbook(written[1])
    cells = [c.value for sheet in book.worksheets for row in sheet.iter_rows() for c in row
             if isinstance(c.value, str)]
    assert "'=1+1" in cells and "'@1+1" in cells and "[name]" in cells
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)


def test_small_bases_are_not_shown_and_the_thresholds_can_change(tmp_path):
    evaluations = load_evaluations(FIXTURES / "googleforms.csv").data  # 4 responses
    html, tables = build_html(ReportInputs(evaluations))
    assert set(tables["Outcomes"]["Agreed"]) == {"not shown"}
    # With the base lowered, shares that would give away counts of 1 to 4 stay hidden.
    html, tables = build_html(ReportInputs(evaluations), min_base=1)
    assert set(tables["Outcomes"]["Agreed"]) <= {"not shown", "0%", "100%"}
    html, tables = build_html(ReportInputs(evaluations), min_base=1, min_count=1)
    assert "not shown" not in set(tables["Outcomes"]["Agreed"])


def test_few_groups_and_few_forms_show_no_chart_and_no_exact_small_count():
    evaluations = load_evaluations(FIXTURES / "googleforms.csv").data  # 4 kept
    reviews = load_reviews([FIXTURES / "reviews-googleforms.csv", FIXTURES / "reviews-paper.csv",
                            FIXTURES / "reviews-surveymonkey.csv"],
                           aliases=FIXTURES / "group-aliases.csv").data  # 5 reviews, 2 groups
    html, _ = build_html(ReportInputs(evaluations, reviews=reviews))
    assert "<strong>&lt;5</strong> evaluation forms returned" in html
    assert "<strong>&lt;5</strong> patient groups reviewed" in html
    assert "Made from &lt;5 evaluation forms and the reviews of &lt;5 patient groups" in html
    assert "Not shown: fewer than 10 patient groups were reviewed." in html
    assert "No chart: too few people answered" in html
    assert "<img" not in html


def test_the_outcome_chart_draws_only_what_the_table_shows(tmp_path):
    evaluations = load_evaluations(SAMPLE / "evaluations").data
    html, tables = build_html(ReportInputs(evaluations))
    shown = (tables["Outcomes"]["Agreed"] != "not shown").sum()
    alt = re.search(r'<img src="data:image/png;base64,[^"]+"[^>]* alt="([^"]+)"', html).group(1)
    assert f"the most of {shown} outcomes" in alt
    # Hide one outcome: 3 of its answers left agreeing would be given away.
    evaluations["outcome_critique"] = pd.Categorical(
        [5] * 3 + [2] * (len(evaluations) - 3), dtype=evaluations["outcome_critique"].dtype)
    html, tables = build_html(ReportInputs(evaluations))
    assert tables["Outcomes"].set_index("Outcome").loc["Critique initiatives",
                                                       "Agreed"] == "not shown"
    alt = re.search(r'<img src="data:image/png;base64,[^"]+"[^>]* alt="([^"]+)"', html).group(1)
    assert f"the most of {shown - 1} outcomes" in alt
    assert "critique" not in alt.lower()


def test_when_nothing_was_raised_the_report_says_so_once():
    evaluations = load_evaluations(FIXTURES / "googleforms.csv").data
    html, _ = build_html(ReportInputs(evaluations))
    assert "No themes were raised." in html and "Nothing: no themes were raised." in html
    assert "Every theme raised has an action" not in html


def test_review_quotes_are_never_attributed(sample_report):
    html = (sample_report / "you-said-we-did.html").read_text()
    reviews = load_reviews(SAMPLE / "reviews", aliases=SAMPLE / "group-aliases.csv").data
    quotes = re.findall(r"<blockquote>(.*?)</blockquote>", html, flags=re.DOTALL)
    assert quotes
    for name in reviews["group"].unique():
        assert not any(name in q for q in quotes)


CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]
#: Added to a copy of the report only for the test: records script errors and, once the
#: page has loaded, the viewport, the document's width, each image's decoded width and the
#: width it is drawn at, and whether the stylesheet has print rules and an A4 @page rule.
PROBE = """<script>
window.__errors = [];
window.addEventListener('error', e => window.__errors.push(String(e.message || e)));
window.addEventListener('load', () => {
  const images = [...document.images].filter(i => i.closest('figure')).map(
    i => [i.naturalWidth, i.getBoundingClientRect().width]);
  const rules = [...document.styleSheets].flatMap(s => [...s.cssRules]);
  const print = rules.some(r => r.media && [...r.media].includes('print'));
  const page = rules.filter(r => r.constructor.name === 'CSSPageRule').map(r => r.cssText);
  const root = document.documentElement;
  parent.postMessage(JSON.stringify({
    images, errors: window.__errors, viewport: window.innerWidth,
    width: Math.max(root.scrollWidth, document.body.scrollWidth), print, page}), '*');
});
</script>"""
#: Headless Chromium's window is at least 500 px wide: the page is loaded in a frame of
#: the width wanted, which reports back what the probe found.
HARNESS = """<!DOCTYPE html><html><body style="margin:0">
<iframe src="{src}" width="{width}" height="{height}" style="border:0;display:block"></iframe>
<script>addEventListener('message', e => document.body.setAttribute('data-probe', e.data));
</script></body></html>"""


def _chromium(*args: str, profile) -> subprocess.CompletedProcess:
    return subprocess.run(["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=180)


@pytest.mark.parametrize("width", [390, 1280])
def test_the_report_fits_a_phone_and_a_desktop_in_headless_chromium(sample_report, width):
    import json

    from coprod_analysis.charts.report import DPI, TEXT

    if shutil.which("chromium") is None:
        # .ci/run installs it, so in CI a missing browser is a failure, not a skip.
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is missing in CI: .ci/run should have installed it")
        pytest.skip("Debian's chromium is not installed on this machine "
                    "(apt-get install chromium)")
    report = sample_report / "you-said-we-did.html"
    probe = sample_report / f"probe-{width}.html"
    probe.write_text(report.read_text().replace("</body>", PROBE + "</body>"))
    harness = sample_report / f"harness-{width}.html"
    harness.write_text(HARNESS.format(src=probe.name, width=width, height=1000))
    profile = sample_report / f"profile-{width}"
    done = _chromium("--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000",
                     f"--window-size={max(width, 500)},1000", "--dump-dom", harness.as_uri(),
                     profile=profile)
    assert done.returncode == 0, done.stderr
    found = re.search(r'data-probe="([^"]*)"', done.stdout)
    assert found, "the page did not finish loading"
    result = json.loads(found.group(1).replace("&quot;", '"'))
    assert result["viewport"] == width
    assert result["errors"] == []
    assert not [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    # No sideways scrolling of the page: wide tables scroll in their own box or stack.
    assert result["width"] <= width
    # Five charts, each decoded; on a phone each at least 300 px wide, and its smallest
    # text (TEXT points at DPI dots an inch, scaled to the drawn width) at least 11 px.
    assert len(result["images"]) == 5
    for decoded, drawn in result["images"]:
        assert decoded > 0 and drawn > 0
        assert TEXT / 72 * DPI * drawn / decoded >= 11
        if width < 600:
            assert drawn >= 300
    assert result["print"], "no print stylesheet"
    assert any("a4" in rule.lower() for rule in result["page"]), result["page"]
    # Screenshots, kept as the test's artifacts in test-artifacts/ (not committed).
    artifacts = REPO / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    shot = artifacts / f"report-{width}.png"
    height = 2400 if width < 600 else 1800
    framed = sample_report / f"framed-{width}.html"
    framed.write_text(HARNESS.format(src=report.name, width=width, height=height))
    done = _chromium(f"--window-size={max(width, 500)},{height}", "--hide-scrollbars",
                     f"--screenshot={shot}", framed.as_uri(), profile=profile)
    assert done.returncode == 0, done.stderr
    from PIL import Image

    with Image.open(shot) as image:
        image.crop((0, 0, width, height)).save(shot)
    assert shot.stat().st_size > 50_000  # a page with text and charts, not a blank one


def test_the_report_prints_on_a4_with_chart_text_of_9_points_or_more(sample_report):
    if shutil.which("chromium") is None:
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is missing in CI: .ci/run should have installed it")
        pytest.skip("Debian's chromium is not installed on this machine")
    from coprod_analysis.charts.report import DPI, TEXT

    pdf = sample_report / "report.pdf"
    done = _chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}",
                     (sample_report / "you-said-we-did.html").as_uri(),
                     profile=sample_report / "profile-pdf")
    assert done.returncode == 0, done.stderr
    data = pdf.read_bytes()
    # A4 is 595 x 842 points (210 x 297 mm): every page's MediaBox says so.
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    assert boxes and all(abs(float(w) - 595.3) < 1 and abs(float(h) - 841.9) < 1
                         for w, h in boxes)
    # Printed, a chart is drawn at most so many mm wide (the template says), its natural
    # width being 5 inches (127 mm): TEXT points scaled by that ratio stay at 9 or more.
    template = (REPO / "coprod_analysis" / "report" / "templates" /
                "you-said-we-did.html.j2").read_text()
    printed_mm = float(re.search(r"figure img \{ max-width: (\d+)mm", template).group(1))
    natural_mm = 5.0 * 25.4
    assert DPI >= 150 and TEXT * min(1, printed_mm / natural_mm) >= 9


def contrast(foreground: str, background: str) -> float:
    """WCAG 2.1 contrast ratio of two #RRGGBB colours."""
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
                  for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_worked_by_hand():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)


@pytest.mark.parametrize(("text", "background"), [
    ("#231F20", "#FFFFFF"),  # body text
    ("#003087", "#FFFFFF"),  # headings
    ("#425563", "#FFFFFF"),  # captions and notes
    ("#231F20", "#E8EDEE"),  # table header cells
    ("#003087", "#E8EDEE"),  # at-a-glance numbers
])
def test_the_report_s_colours_pass_wcag_aa(text, background):
    template = (REPO / "coprod_analysis" / "report" / "templates" /
                "you-said-we-did.html.j2").read_text()
    assert text in template and background.lower() in template.lower() or background == "#FFFFFF"
    assert contrast(text, background) >= 4.5


def _drawn_colours(figure) -> set[str]:
    """Every colour a figure draws with (faces, edges, lines, text, hatches), as #RRGGBB."""
    from matplotlib.colors import to_hex, to_rgba
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.text import Text

    figure.canvas.draw()  # so that ticks and legends exist
    found = set()

    def add(colour) -> None:
        rgba = to_rgba(colour)
        if rgba[3] > 0:
            found.add(to_hex(rgba).upper())

    for artist in figure.findobj():
        if not artist.get_visible() or artist is figure.patch:
            continue
        if isinstance(artist, Text) and artist.get_text().strip():
            add(artist.get_color())
        elif isinstance(artist, Line2D) and len(artist.get_xdata()):
            add(artist.get_color())
            if artist.get_marker() not in (None, "None", ""):
                add(artist.get_markerfacecolor())
        elif isinstance(artist, Patch) and artist.axes is not None and \
                artist is not artist.axes.patch:
            add(artist.get_facecolor())
            if artist.get_hatch():
                add(artist.get_edgecolor())
        elif hasattr(artist, "get_colors"):  # LineCollection (interval bars)
            for colour in artist.get_colors():
                add(colour)
    return found - {"#FFFFFF"}  # white is the background, and the gaps between marks


def test_every_mark_in_the_report_s_charts_is_at_least_3_to_1_on_white():
    from coprod_analysis.charts.report import (
        chart_agreement,
        chart_counts,
        chart_ladder,
        chart_over_time,
    )

    rates = pd.DataFrame({"label": ["Give examples", "Critique initiatives"],
                          "rate": [0.69, 0.38], "low": [0.62, 0.31], "high": [0.75, 0.45],
                          "n": [187, 184], "published": ["69%", "38%"]})
    ladder = pd.DataFrame({"Descriptive": ["*", "7"], "Intermediate": ["7", "5"],
                           "Transformative": ["<5", "6"], "Not involved": ["0", "0"],
                           "Groups": ["15", "18"]}, index=["Co-design", "Overall"])
    over_time = pd.DataFrame({"Give examples": ["50%", "not shown", "70%"]},
                             index=["Jan–Jun 2018", "Jul–Dec 2018", "Jan–Jun 2019"])
    figures = [chart_agreement(rates), chart_counts(["Time", "Funding"], ["12", "7"], "groups"),
               chart_ladder(ladder, "Groups"), chart_over_time(over_time)]
    colours = set().union(*(_drawn_colours(f) for f in figures))
    assert {"#005EB8", "#003087", "#7C2855"} <= colours  # bars, dots, a rung: all drawn
    for colour in colours:
        assert contrast(colour, "#FFFFFF") >= 3.0, colour
    # The light blue the issue found (2.3:1) is not among them.
    assert "#41B6E6" not in colours and contrast("#41B6E6", "#FFFFFF") < 3
