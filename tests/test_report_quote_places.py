"""Quotes never name a group, a venue or a session: a quote that names its own group
("Seacroft PPG meetings clash with school pickup") is that group's answer, however
many groups answered, and one that names the venue of a session of three forms is
one of three people's (found by an auditor). Redaction keeps places, so the report
replaces every group and venue its inputs hold, and anything that reads like one,
with ``[group]`` or ``[venue]``.

Every expected value below was worked out by hand from the rules in
:mod:`coprod_analysis.report.quotes`.
"""

from __future__ import annotations

import re
import zipfile

import openpyxl
import pandas as pd
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from coprod_analysis.cli import main
from coprod_analysis.report.content import we_did
from coprod_analysis.report.quotes import Places, _common_words, choose_quotes, hide_places
from tests.conftest import REPO

GROUPS = ["Oakwood PPG", "Holt Park PPG", "Beeston Village PPG", "Armley PPG", "Seacroft PPG",
          "Park Surgery PPG", "CCG Volunteer Steering Group",
          "Mental Health Volunteers Steering Group", "Roundhay Carers' Forum"]
VENUES = ["Armley Moor Library", "Seacroft Hub", "St George's Centre", "Leeds Civic Hall"]
PLACES = Places(GROUPS, VENUES)


# -- names the inputs hold -------------------------------------------------------------

def test_the_auditors_quotes_name_no_group():
    assert hide_places("Seacroft PPG meetings clash with school pickup so there is never "
                       "enough time.", PLACES) == (
        "[group] meetings clash with school pickup so there is never enough time.")
    assert hide_places("At Oakwood PPG our meetings are at 2pm on a weekday, so nobody who "
                       "works can ever come.", PLACES) == (
        "At [group] our meetings are at 2pm on a weekday, so nobody who works can ever come.")
    assert hide_places("Beeston Village PPG members are too busy with work and caring to give "
                       "time to meetings.", PLACES) == (
        "[group] members are too busy with work and caring to give time to meetings.")


def test_a_role_with_its_group_names_neither():
    assert hide_places("As chair of the Holt Park PPG I never have time to prepare the papers "
                       "before meetings.", PLACES) == (
        "As chair of the [group] I never have time to prepare the papers before meetings.")


def test_the_auditors_quotes_name_no_venue():
    assert hide_places("The room at Armley Moor Library was freezing and the hearing loop did "
                       "not work.", PLACES) == (
        "The room at [venue] was freezing and the hearing loop did not work.")
    assert hide_places("Armley Moor Library has no parking and the lift was broken.",
                       PLACES) == "[venue] has no parking and the lift was broken."


def test_names_are_found_in_any_case_spacing_and_punctuation():
    assert hide_places("at  seacroft   ppg we never meet", PLACES) == "at  [group] we never meet"
    assert hide_places("OAKWOOD P.P.G. NEVER MEETS", PLACES) == "[group]. NEVER MEETS"
    assert hide_places("holt-park ppg's members", PLACES) == "[group] members"
    assert hide_places("the room at St Georges centre", PLACES) == "the room at [venue]"
    assert hide_places("Roundhay Carers Forum meets monthly", PLACES) == (
        "[group] meets monthly")


def test_names_are_found_without_or_with_other_words_for_what_they_are():
    # Without "PPG": the place the group is named after is still its name.
    assert hide_places("Nobody at Oakwood has a spare hour", PLACES) == (
        "Nobody at [group] has a spare hour")
    assert hide_places("Holt Park patient group meets monthly", PLACES) == (
        "[group] meets monthly")
    # What follows the name says which it is: Seacroft is a group and a venue.
    assert hide_places("Seacroft Hub was cold", PLACES) == "[venue] was cold"
    assert hide_places("the Seacroft group", PLACES) == "the [group]"
    assert hide_places("we meet in Seacroft", PLACES) == "we meet in [group]"
    # The longest name first: Armley Moor Library is not "[group] Moor Library".
    assert hide_places("Armley Moor was cold, Armley PPG was warm", PLACES) == (
        "[venue] was cold, [group] was warm")
    assert hide_places("Leeds Civic was cold", PLACES) == "[venue] was cold"


def test_common_words_of_a_name_alone_are_not_taken_for_it():
    for text in ("The car park was full.",  # "Park Surgery PPG"
                 "Letters from the CCG are full of jargon and acronyms.",  # CCG Volunteer...
                 "We need more on mental health.",  # Mental Health Volunteers Steering Group
                 "More real examples from Leeds.",  # Leeds Civic Hall: "Leeds" alone
                 "Explain what CCG and PPG stand for at the start.",
                 "Our PPG never has enough time.",
                 "Lovely library, but the room was cold.",
                 "We use a WhatsApp group to keep in touch."):
        assert hide_places(text, PLACES) == text
    assert hide_places("The Park Surgery PPG meets on Tuesdays", PLACES) == (
        "The [group] meets on Tuesdays")


# -- names that look like a group or venue, though the inputs do not hold them ---------

def test_a_misspelt_or_unknown_group_or_venue_is_hidden_too():
    assert hide_places("Great session at Kirkstal Health Centre, the loop worked.") == (
        "Great session at [venue], the loop worked.")
    assert hide_places("We meet at St Marys Surgery on Tuesdays.") == (
        "We meet at [venue] on Tuesdays.")
    assert hide_places("The Grange Practice PPG never meets.") == "The [group] never meets."
    assert hide_places("Seacrof PPG meetings clash with school pickup.") == (
        "[group] meetings clash with school pickup.")
    assert hide_places("Park Lane Surgery is too far away.") == "[venue] is too far away."
    assert hide_places("THE ROOM AT ARMLEY MOOR LIBRARY WAS FREEZING") == (
        "THE ROOM AT [venue] WAS FREEZING")


def test_words_that_only_start_a_sentence_are_not_a_name():
    for text in ("Lovely library, but the room was cold.", "Great Hub session.",
                 "Thursday group was better.", "The Health Centre was cold.",
                 "Patient Participation Group members need training."):
        assert hide_places(text) == text


# -- the quotes the report chooses ------------------------------------------------------

def auditor_reviews() -> tuple[pd.Series, pd.Series]:
    texts = pd.Series([
        "At Oakwood PPG our meetings are at 2pm on a weekday, so nobody who works can ever "
        "come.",
        "As chair of the Holt Park PPG I never have time to prepare the papers before meetings.",
        "Beeston Village PPG members are too busy with work and caring to give time to "
        "meetings.",
        "Seacroft PPG meetings clash with school pickup so there is never enough time.",
    ])
    return texts, pd.Series(["time"] * 4)


def test_chosen_quotes_name_no_group_and_keep_their_number_and_order():
    texts, themes = auditor_reviews()
    quotes = choose_quotes(texts, themes, ["time"], places=PLACES)
    # Single-theme answers, the nearest 90 characters first (87, 86, 87 and 77 long: the
    # first and third, then the second; ties in the table's order), as without places.
    assert quotes == {"time": [
        "At [group] our meetings are at 2pm on a weekday, so nobody who works can ever come.",
        "[group] members are too busy with work and caring to give time to meetings.",
        "As chair of the [group] I never have time to prepare the papers before meetings.",
    ]}


def test_a_quote_left_mostly_placeholders_is_dropped_for_the_next():
    texts = pd.Series(["Oakwood PPG versus Seacroft Hub time!",  # 13 characters of its own
                       "Nobody has a spare hour in the week to prepare for meetings."])
    quotes = choose_quotes(texts, pd.Series(["time", "time"]), ["time"], places=PLACES)
    assert quotes == {"time": ["Nobody has a spare hour in the week to prepare for meetings."]}


def test_you_said_in_the_actions_log_names_no_group():
    actions = pd.DataFrame({"theme": ["time"], "status": ["done"],
                            "you_said": ["Seacroft PPG said meetings clash with school pickup"],
                            "we_did": ["Evening meetings"], "date": [pd.Timestamp("2019-07-15")]})
    assert we_did(actions, {"time": "Time"}, places=PLACES)["You said"].tolist() == [
        "[group] said meetings clash with school pickup"]


# -- any name ---------------------------------------------------------------------------

COMMON = _common_words()  # the gazetteer's common words, "CCG", "NHS", days, months...
WORD = st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyz"), min_size=3, max_size=9)
KIND = st.sampled_from(["", " PPG", " Surgery PPG", " Patient Group", " Medical Practice",
                        " Library", " Hub", " Health Centre", " Community Centre"])


def variants(name: str) -> st.SearchStrategy[str]:
    return st.sampled_from([name, name.lower(), name.upper(), name.title(),
                            "  ".join(name.split()), name.replace(" ", "-")])


@settings(max_examples=150, deadline=None)
@given(st.lists(WORD, min_size=1, max_size=3), KIND, st.booleans(), st.data())
def test_any_group_or_venue_named_in_a_quote_is_never_published(words, kind, is_group, data):
    # A name of common words only, with nothing to say it is a group or a venue, is no
    # name ("Other", "Not sure", "February": what a venue question gets): not drawn.
    assume(not set(words) & {"group", "venue"} and any(w not in COMMON for w in words))
    name = " ".join(w.capitalize() for w in words) + kind
    places = Places([name] if is_group else [], [] if is_group else [name])
    written = data.draw(variants(name))
    before = data.draw(st.sampled_from(["", "At ", "As chair of the ", "Members of "]))
    text = f"{before}{written} meetings clash with school pickup so there is never time."
    published = [hide_places(text, places)]
    published += choose_quotes(pd.Series([text]), pd.Series(["time"]), ["time"],
                               places=places)["time"]
    for quote in published:
        for form in {name, " ".join(words)}:
            assert not re.search(rf"(?<!\w){re.escape(form)}(?!\w)", quote, re.IGNORECASE), (
                form, quote)
        assert "[group]" in quote or "[venue]" in quote


# -- the report -------------------------------------------------------------------------

def quotes_and_sheets(out) -> tuple[list[str], str, str]:
    html = (out / "you-said-we-did.html").read_text(encoding="utf-8")
    quotes = re.findall(r"<blockquote>(.*?)</blockquote>", html, flags=re.DOTALL)
    book = openpyxl.load_workbook(out / "you-said-we-did.xlsx")
    cells = " | ".join(str(c) for sheet in book for row in sheet.iter_rows(values_only=True)
                       for c in row if c is not None)
    with zipfile.ZipFile(out / "you-said-we-did.xlsx") as raw:
        cells += "".join(raw.read(n).decode("utf-8") for n in raw.namelist())
    return quotes, html, cells


def test_the_report_quotes_no_group_or_venue_by_name(tmp_path):
    # The auditor's inputs: 12 groups, 5 of which tick Time and write of it naming their
    # own group; a session of 30 forms at Seacroft Hub and one of 3 at Armley Moor
    # Library, whose 3 forms name it; an actions log retelling a group's words.
    header = ("Group,Type,Date,Co-design,Co-decision,Co-delivery,Co-evaluation,Overall,"
              "Challenges,Describe challenges,From start,Throughout,Equal partners,"
              "Roles agreed,You said we did,Evaluated together")
    names = ["Oakwood", "Holt Park", "Beeston Village", "Armley", "Seacroft", "Gipton",
             "Harehills", "Kippax", "Otley", "Wetherby", "Pudsey", "Yeadon"]
    time = ["At Oakwood PPG our meetings are at 2pm on a weekday, so nobody who works can "
            "ever come.",
            "As chair of the Holt Park PPG I never have time to prepare the papers before "
            "meetings.",
            "Beeston Village PPG members are too busy with work and caring to give time to "
            "meetings.",
            "Nobody at Armley PPG has a spare hour in the week to prepare for meetings.",
            "Seacroft PPG meetings clash with school pickup so there is never enough time."]
    rows = [header]
    for i, name in enumerate(names):
        text = time[i] if i < 5 else ("There is no money for room hire or travel expenses "
                                      "for our members.")
        rows.append(f'{name} PPG,ppg,2019-03-01,{",".join(["intermediate"] * 5)},'
                    f'{"time;funding" if i < 5 else "funding"},"{text}",y,y,y,y,y,y')
    (tmp_path / "reviews.csv").write_text("\n".join(rows) + "\n")
    forms = ["Date,Venue,You are,Role of champion,Levels,Outline benefits,Outline challenges,"
             "Examples,Critique,Steps,Confidence,Overall,Take away,Pledge,Improve"]
    small = ["The room at Armley Moor Library was freezing and the hearing loop did not work.",
             "Armley Moor Library has no parking and the lift was broken.",
             "The hearing loop at Armley Moor Library was switched off all morning."]
    big = ["Parking was difficult, I couldn't find a space.",
           "Step-free access please, the lift was out of order.", "The room was too hot.",
           "Hard to get to by bus."]
    improve = small + [big[i] if i < 4 else f"More breaks please number {i}" for i in range(30)]
    for k, text in enumerate(improve):
        where = "2019-06-11,Armley Moor Library" if k < 3 else "2019-03-20,Seacroft Hub"
        forms.append(f'{where},Patient,{",".join(["4"] * 8)},Good,Takeaway number {k} about '
                     f'meeting people,Pledge {k},"{text}"')
    (tmp_path / "evaluations.csv").write_text("\n".join(forms) + "\n")
    (tmp_path / "actions.csv").write_text(
        "theme,you_said,we_did,status,date\n"
        "time,Seacroft PPG said meetings clash with school pickup,Evening meetings,done,"
        "15/07/2019\n")
    for reviews, evaluations, out in (
            ("reviews.csv", REPO / "data" / "sample" / "evaluations", "f3"),
            (None, "evaluations.csv", "f4")):
        args = ["report", "--evaluations", str(tmp_path / evaluations
                                               if out == "f4" else evaluations),
                "--actions", str(tmp_path / "actions.csv"), "--out", str(tmp_path / out)]
        if reviews:
            args += ["--reviews", str(tmp_path / reviews)]
        assert main(args) == 0
        quotes, html, cells = quotes_and_sheets(tmp_path / out)
        assert quotes  # still quoted
        for name in names + ["Armley Moor Library", "Armley Moor", "Seacroft Hub"]:
            for text in quotes + [cells]:
                assert name.casefold() not in text.casefold(), (name, text[:200])
        assert "[group] said meetings clash with school pickup" in cells
        assert "Quotes never name a group or a venue" in html
    # The quotes are still there, with their places hidden.
    quotes, _, _ = quotes_and_sheets(tmp_path / "f3")
    assert ("[group] meetings clash with school pickup so there is never enough time."
            in quotes)
    quotes, _, _ = quotes_and_sheets(tmp_path / "f4")
    # the 3 forms of the small session are not quoted at all (under 10 forms), named or
    # not; the big session's are
    assert not any("parking and the lift was broken" in q or "hearing loop" in q
                   for q in quotes), quotes
    assert "Hard to get to by bus." in quotes


def test_no_quote_comes_from_a_session_of_fewer_than_min_base_respondents():
    # A reader's attack: a session of 3 forms wrote "The session on 10 September went
    # too fast"; quoted, the date ties it to those 3. By hand: 20 forms from session A
    # (3 of them on pace), 3 from session B (all on pace): pace is raised by 6, quoted
    # from A's three answers only.
    from coprod_analysis.report.content import you_said

    a_pace = ["Slow down please, the pace was far too fast.",
              "Far too fast for me, I could not keep up.",
              "It was rushed and the pace was too quick for everyone."]
    b_pace = ["The session on 10 September went too fast.",
              "The Tuesday evening session was too fast for me.",
              "Much too fast, please slow down next time round."]
    texts = a_pace + ["Nothing to change, it was great thanks."] * 17 + b_pace
    table = pd.DataFrame({
        "session_id": ["2019-03-20-a"] * 20 + ["2019-09-10-b"] * 3,
        "improvements": texts,
        "improvement_themes": ["pace"] * 3 + [""] * 17 + ["pace"] * 3,
    })
    said = you_said(table, "improvements", "improvement_themes", {"pace": "Pace"},
                    unit="session_id").set_index("code")
    assert said.loc["pace", "Raised by"] == "6"
    quotes = said.loc["pace", "quotes"]
    assert quotes and set(quotes) <= set(a_pace), quotes
    # without the unit (as before), the small session's answers could be quoted
    every = you_said(table, "improvements", "improvement_themes", {"pace": "Pace"})
    assert set(every.set_index("code").loc["pace", "quotes"]) & set(b_pace)


def test_old_names_from_the_aliases_file_are_hidden_too():
    # A reader's attack (session 11): a review wrote "At Bramley Friends the staff are
    # always rushing", Bramley Friends being the group's old name in the aliases file;
    # the reviews keep only the final name, so the quote named the group.
    from coprod_analysis.report.inputs import load_report_inputs
    from coprod_analysis.report.render import ReportInputs, report_places

    inputs = ReportInputs(evaluations=pd.DataFrame({"venue": ["Seacroft Hub"]}),
                          reviews=pd.DataFrame({"group": ["Bramley Village PPG"]}),
                          group_names=("Bramley Friends", "Bramley Village PPG"))
    assert hide_places("At Bramley Friends the staff are always rushing",
                       report_places(inputs)) == "At [group] the staff are always rushing"
    # the loader reads every spelling of the aliases file (both columns)
    sample = REPO / "data" / "sample"
    read, _ = load_report_inputs(sample / "evaluations", sample / "reviews",
                                 aliases=sample / "group-aliases.csv")
    pairs = [line.split(",") for line in
             (sample / "group-aliases.csv").read_text().splitlines()[1:] if line.strip()]
    assert {name.strip() for pair in pairs for name in pair} <= set(read.group_names)
