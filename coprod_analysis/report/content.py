"""What the "you said, we did" report says, with the small-number rules applied.

Every function here returns a table of *text* ready to publish: counts of 1
to 4 are ``<5``, results on a base under ``min_base`` are "not shown", and
quotes are redacted free text with nothing that says who wrote them. The
HTML (and XLSX) renderers only lay these tables out.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from coprod_analysis.analyse.challenges import challenge_counts
from coprod_analysis.analyse.ladder import (
    LEVEL_LABELS,
    ladder_distribution,
    ladder_movement,
    movement_summary,
)
from coprod_analysis.analyse.outcomes import OUTCOME_LABELS, agreement_rates, response_rates
from coprod_analysis.clean.redact import PLACEHOLDERS, redact
from coprod_analysis.publish import (
    MIN_BASE,
    MIN_COUNT,
    NOT_SHOWN,
    half_up,
    percent,
    show_count,
    show_result,
    show_share,
    suppress_table,
)
from coprod_analysis.report.quotes import Places, Scorer, choose_quotes, hide_places
from coprod_analysis.report.settings import uk_date
from coprod_analysis.report.story import label_detail, sentence_case, short_label
from coprod_analysis.vocab import LADDER_FIELD_NAMES


def at_a_glance(evaluations: pd.DataFrame, sessions: pd.DataFrame | None = None,
                min_base: int = MIN_BASE, min_count: int = MIN_COUNT,
                reviews: pd.DataFrame | None = None) -> dict[str, str]:
    """The programme in numbers: period, sessions, participants, responses, response rate
    and groups reviewed.

    Counts of people (and of groups, the review form's respondents) follow the
    small-number rules; sessions are events, not people, and are counted as
    they are, except where fewer than ``min_count`` forms came back: each
    session counted from the forms, or in the register and not named as having
    none, has at least one, so the number of sessions beside "<5" forms could
    give the forms away (4 sessions, "<5" forms: 4; found by a red-team
    reader). Then sessions counted from the forms are shown as a small count
    too, and the sessions without forms are not named. The response rate is
    worked out over the sessions whose attendance the register gives:
    responses to those sessions over the people who attended them; where it is
    not shown, the sessions without forms are not named either (each session
    named would bound the responses from below).

    Examples
    --------
    >>> e = pd.DataFrame({"session_id": ["a", "a", "b"],
    ...                   "session_date": pd.to_datetime(["2019-03-01"] * 2 + ["2019-05-01"])})
    >>> glance = at_a_glance(e)
    >>> glance["responses"], glance["sessions"], glance["period"]
    ('<5', '<5', 'March 2019 to May 2019')
    """
    few = 0 < len(evaluations) < min_count  # "<5" forms: no session count may pin them
    dates = evaluations["session_date"].dropna()
    period = (f"{dates.min():%B %Y} to {dates.max():%B %Y}" if len(dates) else "no dates")
    out = {
        "period": period,
        "sessions": (show_count(evaluations["session_id"].nunique(), min_count) if few
                     else str(evaluations["session_id"].nunique())),
        "responses": show_count(len(evaluations), min_count),
    }
    if sessions is not None and len(sessions):
        out["sessions"] = str(len(sessions))
        out["participants"] = show_count(int(sessions["attended"].fillna(0).sum()), min_count)
        known = response_rates(evaluations, sessions)
        known = known[known["attended"].fillna(0) > 0]
        responses, attended = int(known["responses"].sum()), int(known["attended"].sum())
        # Beside the participants, the rate would give a small number of responses away
        # (12% of 25 is 3); beside the forms returned, it gives away how many forms are
        # for sessions left out of it (188 forms, 89% of 211 is 187 or 188): neither
        # may be 1 to min_count - 1. Those who did not respond can be had anyway.
        left_out = len(evaluations) - responses
        out["response_rate"] = (NOT_SHOWN if 0 < responses < min_count
                                or 0 < left_out < min_count else
                                show_result(responses / attended if attended else float("nan"),
                                            attended, min_base))
        # Named, each session not named has a form: "11 sessions" beside "12 forms"
        # and a rate not shown (so responses or the forms left out are 1 to 4) says
        # 11 responses and 1 left out (an independent reader's attack, session 14).
        # Not named where the rate is not shown, nor beside "<5" forms.
        out["sessions_without_forms"] = "" if few or out["response_rate"] == NOT_SHOWN \
            else ", ".join(sessions_without_forms(evaluations, sessions))
    if reviews is not None and len(reviews):
        out["groups"] = show_count(reviews["group_id"].nunique(), min_count)
        if again := reviews_in_all(reviews, min_count, min_base):
            out["reviews"] = again
    return out


def reviews_in_all(reviews: pd.DataFrame, min_count: int = MIN_COUNT,
                   min_base: int = MIN_BASE) -> str:
    """Whether some group was reviewed more than once, as the report says it:
    ``"some more than once"``, or ``""`` (each group once).

    The number of reviews is never given. Beside the groups reviewed it bounds
    the groups reviewed more than once (at most the reviews beyond each group's
    first), which the ladder movement's groups compared bound from below: "15
    groups, 29 reviews" beside 14 groups compared says 1 group was reviewed
    once; and a rule that gave the number only when no such count was small
    said, when it did not, that one was (both found by readers' linear
    programming attacks). Nor is "some more than once" said where, beside "fewer
    than ``min_base`` reviewed more than once" (the movement table not shown), it
    would say exactly 1 (``--min-base 2``). ``min_count`` is kept for callers.

    Examples
    --------
    >>> reviews_in_all(pd.DataFrame({"group_id": [*"abcdefghij", *"abcde"]}))
    'some more than once'
    >>> reviews_in_all(pd.DataFrame({"group_id": list("abcdef")}))
    ''
    >>> reviews_in_all(pd.DataFrame({"group_id": list("abcdefa")}), min_base=2)  # 1 again
    ''
    """
    again = reviews.loc[reviews["group_id"].duplicated(), "group_id"].nunique()
    if not again or (again < min_base <= 2):
        return ""
    return "some more than once"


def sessions_without_forms(evaluations: pd.DataFrame, sessions: pd.DataFrame) -> list[str]:
    """Sessions the register lists with people attending but no evaluation form at all.

    They count in the response rate as none returned; the report names them
    so that a forgotten export does not pull the rate down unnoticed.

    Examples
    --------
    >>> e = pd.DataFrame({"session_id": ["a", "a"]})
    >>> s = pd.DataFrame({"session_id": ["a", "b", "c"], "attended": [2, 12, None]})
    >>> sessions_without_forms(e, s)
    ['b']
    """
    ids = set(evaluations["session_id"].dropna().astype(str))
    listed = sessions[sessions["attended"].fillna(0) > 0]["session_id"].astype(str)
    return sorted(set(listed) - ids)


def outcomes_table(evaluations: pd.DataFrame, min_base: int = MIN_BASE,
                   min_count: int = MIN_COUNT, *,
                   rates: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each of the eight outcomes: the share agreeing and its 95% interval, or "not shown".

    The share is shown only where it gives away no small count (see
    :func:`~coprod_analysis.publish.show_share`); an outcome nobody answered
    is listed as answered by 0. ``rates``: :func:`shown_agreement` of
    ``evaluations`` for every outcome, if the caller has it already.

    Returns
    -------
    DataFrame
        ``Outcome``, ``Agreed``, ``95% interval``, ``Answered``.
    """
    if rates is None:
        rates = shown_agreement(evaluations, min_base, min_count, every_outcome=True)
    rows = []
    for row in rates.itertuples():
        interval = (f"{percent(row.low)} to {percent(row.high)}" if row.shown
                    else "")
        rows.append({"Outcome": row.label, "Agreed": row.published, "95% interval": interval,
                     "Answered": show_count(row.n, min_count)})
    return pd.DataFrame(rows, columns=["Outcome", "Agreed", "95% interval", "Answered"])


def shown_agreement(evaluations: pd.DataFrame, min_base: int = MIN_BASE,
                    min_count: int = MIN_COUNT, every_outcome: bool = False) -> pd.DataFrame:
    """:func:`~coprod_analysis.analyse.outcomes.agreement_rates` with what may be published.

    Adds ``published`` (the share as text, or "not shown") and ``shown``; a shown
    outcome's ``rate``, ``low`` and ``high`` are rounded to the whole percents
    published (half up), so that nothing drawn or ordered from them says more than
    the table. Without ``every_outcome`` only the outcomes whose share may be shown
    are returned (what a chart may draw).

    Examples
    --------
    >>> from coprod_analysis.vocab import OUTCOME_NAMES, SCORE_DTYPE
    >>> scores = [5] * 9 + [2] * 3  # 9 of 12 agreed: 3 did not, too few to show
    >>> df = pd.DataFrame({o: pd.Categorical(scores, dtype=SCORE_DTYPE) for o in OUTCOME_NAMES})
    >>> shown_agreement(df, every_outcome=True)["published"].unique().tolist()
    ['not shown']
    >>> len(shown_agreement(df, min_count=3))
    8
    >>> scores = [5] * 161 + [2] * 25  # 161 of 186: 86.6%, published 87%
    >>> df = pd.DataFrame({o: pd.Categorical(scores, dtype=SCORE_DTYPE) for o in OUTCOME_NAMES})
    >>> row = shown_agreement(df).iloc[0]
    >>> float(row["rate"]), float(row["low"]), float(row["high"]), row["published"]
    (0.87, 0.81, 0.91, '87%')
    """
    rates = agreement_rates(evaluations).set_index("outcome")
    rates = rates.reindex(list(OUTCOME_LABELS))
    rates["label"] = list(OUTCOME_LABELS.values())
    rates["n"] = rates["n"].fillna(0).astype("int64")
    rates["agreed"] = rates["agreed"].fillna(0).astype("int64")
    rates["published"] = [show_share(a, n, min_base, min_count)
                          for a, n in zip(rates["agreed"], rates["n"], strict=True)]
    rates["shown"] = rates["published"] != NOT_SHOWN
    # The share and its interval as published, whole percents, for whatever draws or
    # orders them: a chart's dot at the exact share said 161 of 186 agreed where "87%"
    # leaves 161 or 162 (a reader's attack, session 16); ties go by label.
    for column in ("rate", "low", "high"):
        rates[column] = [int(half_up(v, scale=100)) / 100 if shown else v
                         for v, shown in zip(rates[column], rates["shown"], strict=True)]
    rates = rates.reset_index()
    return rates if every_outcome else rates[rates["shown"]].reset_index(drop=True)


def ladder_tables(reviews: pd.DataFrame, min_base: int = MIN_BASE,
                  min_count: int = MIN_COUNT) -> dict[str, pd.DataFrame | None]:
    """Where groups sit on the ladder, and how re-reviewed groups moved, as publishable tables.

    Groups are the review form's respondents, so their counts follow the
    small-number rules: each table needs ``min_base`` groups (``None`` if not),
    counts of 1 to ``min_count - 1`` are ``<5``, and beside each level's total
    more cells are hidden (``*``) by :func:`~coprod_analysis.publish.suppress_table`.
    (The workbook's ladder chart, one dot a group, is for officers, not for
    publishing.)

    Returns
    -------
    dict
        ``where`` (levels by rung at each group's latest review, with the
        number of groups) and ``moved`` (levels by moved up / stayed / moved
        down, first review to latest), each a table of text or ``None``.

    Examples
    --------
    >>> from coprod_analysis.vocab import LADDER_DTYPE, LADDER_FIELD_NAMES
    >>> rungs = ["descriptive"] * 6 + ["intermediate"] * 7 + ["transformative"] * 2
    >>> reviews = pd.DataFrame({"group_id": list("abcdefghijklmno"), "review_number": 1,
    ...     **{c: pd.Categorical(rungs, dtype=LADDER_DTYPE) for c in LADDER_FIELD_NAMES},
    ...     **{f"{c}_not_involved": False for c in LADDER_FIELD_NAMES}})
    >>> tables = ladder_tables(reviews)
    >>> tables["where"].loc["Co-design"].tolist()
    ['*', '7', '<5', '0', '15']
    >>> tables["moved"] is None  # nobody was reviewed twice
    True
    """
    out: dict[str, pd.DataFrame | None] = {"where": None, "moved": None}
    rungs = {"descriptive": "Descriptive", "intermediate": "Intermediate",
             "transformative": "Transformative", "not_involved": "Not involved"}
    levels = [LEVEL_LABELS[c].capitalize() for c in LADDER_FIELD_NAMES]
    def publishable(counts: pd.DataFrame, total: str) -> pd.DataFrame:
        # A reader can take a level's total to be the groups reviewed (every group
        # answers every level): known_totals.
        table = suppress_table(counts, column_totals=False, min_count=min_count,
                               known_totals=True)
        # A level that fewer than min_base groups answered is a distribution on too
        # small a base: its total is shown, its breakdown is not.
        table.loc[counts.sum(axis=1) < min_base, list(counts.columns)] = NOT_SHOWN
        return table.rename(columns={"Total": total})

    if reviews["group_id"].nunique() >= min_base:
        dist = ladder_distribution(reviews)
        counts = (dist.pivot(index="label", columns="answer", values="count")
                  .reindex(index=list(LEVEL_LABELS.values()), columns=list(rungs)).fillna(0))
        counts.index, counts.columns = levels, list(rungs.values())
        counts = counts.astype(int)
        # "Overall" has three answers, never "not involved": a reader knows its 0, so
        # its line is protected as the three cells it is (as four, "not shown" beside
        # 15 groups said 5, 5, 5 at --min-count 6: a reader's attack, session 14).
        levels_four = publishable(counts.drop(index=OVERALL_LEVEL), "Groups")
        three = publishable(counts.loc[[OVERALL_LEVEL], list(rungs.values())[:3]], "Groups")
        three.insert(3, "Not involved", "0")
        where = pd.concat([levels_four, three])
        where.attrs["rule_says"] = (levels_four.attrs.get("rule_says", [])
                                    + three.attrs.get("rule_says", []))
        out["where"] = where
    again = reviews.loc[reviews["review_number"] > 1, "group_id"].nunique()
    if again >= min_base:
        summary = movement_summary(ladder_movement(reviews)).set_index("label")
        counts = summary[["up", "same", "down"]].reindex(list(LEVEL_LABELS.values())).fillna(0)
        counts.index, counts.columns = levels, ["Moved up", "Stayed", "Moved down"]
        out["moved"] = publishable(counts.astype(int), "Groups compared")
        if out["where"] is not None:
            _movement_beside_hidden_not_involved(out)
            _withhold_in_pairs(out, min_base)
            _protect_together(out, reviews, min_base, min_count)
    return out


#: The ladder's overall level, as the report's tables name it.
OVERALL_LEVEL = LEVEL_LABELS["ladder_overall"].capitalize()


def _breakdown(table: pd.DataFrame, level: str) -> list[str]:
    """The columns of a level's line that it breaks down into (not its total; for the
    overall level on the ladder, not "Not involved", which is always 0)."""
    return [c for c in table.columns[:-1]
            if not (level == OVERALL_LEVEL and c == "Not involved")]


def _movement_beside_hidden_not_involved(out: dict[str, pd.DataFrame]) -> None:
    """Publish no movement (groups compared neither) for a level whose "not involved"
    on the ladder is not shown as a number.

    A group not involved at a level, at either review, is not compared at that level's
    movement, so groups compared beside the groups reviewed again bounds the level's
    "not involved": 10 compared of 11 says at most 1, and a hidden "<6" says at least
    1. Hiding the movement only where it gave the count away told a reader, who knows
    the rule, that it had (an independent reader's attack, session 15: at
    ``--min-count 6 --min-base 11``, 1 not involved recovered from a level withheld in
    both tables). So the movement goes wherever the count is hidden, which a reader
    sees anyway, whatever the counts."""
    where, moved = out["where"], out["moved"]
    for level in where.index:
        if level != OVERALL_LEVEL and level in moved.index \
                and not str(where.loc[level, "Not involved"]).isdigit():
            moved.loc[level] = NOT_SHOWN


def _withhold_in_pairs(out: dict[str, pd.DataFrame], min_base: int) -> None:
    """Where a level's place on the ladder, or its movement, is published without its
    breakdown beside a total of ``min_base`` or more (a line whose total the rule
    would hide: :func:`~coprod_analysis.publish.suppress_table` with ``known_totals``),
    publish neither breakdown, nor the groups compared.

    The rule is public, so "not shown" beside 15 groups says the line is one of the
    few it treats so (3, 4, 4, 4 in some order); the movement beside it says how many
    groups are on a rung (12 compared: at most 3 not involved), which leaves one of
    them: 4, 4, 4, 3 (an independent reader's attack, session 14). With the
    movement not shown, groups compared too, and the other way round, the reader
    is left with what the one line says, which pins nothing
    (:func:`~coprod_analysis.publish.disclosure.withheld_totals`)."""
    where, moved = out["where"], out["moved"]

    def by_rule(table: pd.DataFrame, level: str) -> bool:
        total = str(table.loc[level, table.columns[-1]])
        return bool((table.loc[level, _breakdown(table, level)] == NOT_SHOWN).all()
                    and total.isdigit() and int(total) >= min_base)

    for level in where.index:
        if by_rule(where, level) or by_rule(moved, level):
            _withhold_level(out, level)


def _withhold_level(out: dict[str, pd.DataFrame], level: str) -> None:
    """Publish neither a level's breakdown on the ladder nor its movement (groups
    compared too): its number of groups alone."""
    out["where"].loc[level, _breakdown(out["where"], level)] = NOT_SHOWN
    out["moved"].loc[level] = NOT_SHOWN


def _protect_together(out: dict[str, pd.DataFrame], reviews: pd.DataFrame,
                      min_base: int, min_count: int) -> None:
    """Hide more where the ladder and its movement, beside the groups and reviews the
    page counts, give a hidden count away (:func:`~coprod_analysis.report.audit.
    report_leaks`: "Moved up 10" says a ladder row's "<5" transformative is 4 if
    only 4 more could be on a higher rung): that level's movement, whole (its
    breakdown and groups compared, "not shown"), and its breakdown on the ladder,
    as :func:`_withhold_in_pairs` does. Each table was protected on its own
    already; this is what they say together."""
    from coprod_analysis.report.audit import glance_table, report_leaks

    glance = {"groups": show_count(reviews["group_id"].nunique(), min_count)}
    if again := reviews_in_all(reviews, min_count, min_base):
        glance["reviews"] = again
    where, moved = out["where"], out["moved"]
    for _ in range(2 * len(where) + 1):
        leaks = report_leaks({"At a glance": glance_table(glance),
                              "Ladder": where.rename_axis("Level").reset_index(),
                              "Ladder movement": moved.rename_axis("Level").reset_index()},
                             min_count, min_base)
        levels = {str(n).split("(", 1)[1].split(",")[0] for n in leaks["name"]
                  if str(n).startswith("Ladder")}
        if not levels:
            return
        for level in levels:  # (both at once: the movement alone hidden would say
            # that the two leaked together, which pins the line: 0 | 0 | * | <5 | 12
            # with its movement hidden could only be 11 and 1, found by a reader
            # who knows the rule, session 14)
            _withhold_level(out, level)


def representative_quotes(texts: pd.Series, themes: pd.Series, code: str, how_many: int = 3,
                          min_length: int = 20, max_length: int = 200,
                          scorer: Scorer | None = None) -> list[str]:
    """A few quotes that carry a theme: a sentence or two, redacted, unattributed.

    One theme's share of :func:`~coprod_analysis.report.quotes.choose_quotes`
    (which picks for every theme in one pass: use that for several themes).
    Without a ``scorer`` only answers tagged with this theme alone are quoted,
    so a comment on jargon never speaks for pace.

    Examples
    --------
    >>> texts = pd.Series(["We never have enough time to meet properly.", "Time.",
    ...                    "Call Jo on 07911 123456 about the meeting times please",
    ...                    "Meetings are too short and there is no money for a room"])
    >>> themes = pd.Series(["time", "time", "time", "time;funding"])
    >>> for quote in representative_quotes(texts, themes, "time"):  # "Time." is too short
    ...     print(quote)
    Call [name] on [phone] about the meeting times please
    We never have enough time to meet properly.
    """
    return choose_quotes(texts, themes, [code], how_many, scorer, min_length,
                         max_length)[code]


def _codes_by(table: pd.DataFrame, respondent: str, column: str) -> pd.DataFrame:
    """One row per respondent, with every code any of their rows carries."""
    def union(values: pd.Series) -> str:
        return ";".join(sorted({c for v in values.dropna() for c in str(v).split(";") if c}))

    return table.groupby(respondent, observed=True, sort=True)[column].agg(union).to_frame()


def you_said(table: pd.DataFrame, text_column: str, themes_column: str,
             codes: dict[str, str] | None = None, min_base: int = MIN_BASE,
             min_count: int = MIN_COUNT, quotes: int = 3,
             quote_themes_column: str | None = None,
             respondent: str | None = None, scorer: Scorer | None = None,
             used: set[str] | None = None, places: Places | None = None,
             unit: str | None = None) -> pd.DataFrame:
    """Themes raised, most often first, each with its count, share and a few quotes.

    Counts are of respondents: each row of the table, or each value of
    ``respondent`` (``group_id`` for reviews: a group that raised a theme at
    two reviews raised it once). Quotes are offered only when at least
    ``min_base`` respondents wrote an answer, and for a theme only when at
    least ``min_count`` of them wrote of it, so that no quote can be traced
    to one of a few people. A quote for a theme is a text that speaks of it
    (``quote_themes_column``: the themes inferred from the text, when the
    counts come from ticked boxes), and no quote is used for two themes.

    Returns
    -------
    DataFrame
        ``code``, ``Theme`` (the label's first phrase: :func:`short_label`),
        ``About`` (the rest of the label: :func:`label_detail`), ``Raised by``
        (count), ``Share``, ``quotes``
        (list: :func:`~coprod_analysis.report.quotes.choose_quotes`, with
        ``scorer`` saying which sentences surely speak of a theme; ``used``
        holds the sentences quoted already, under another heading; ``places``,
        the groups and venues no quote may name; ``unit``, a column such as
        ``session_id``: no answer of a session of fewer than ``min_base``
        respondents is quoted).

    Examples
    --------
    Time (2 groups) and Funding (1) are both "<5": alphabetical, not by count. On a
    base of fewer than ``min_base`` respondents no count is shown (9 groups: 6 and 2).

    >>> nine = pd.DataFrame({"group_id": list("abcdefghi"),
    ...                      "challenges": ["time"] * 6 + ["funding"] * 2 + [""],
    ...                      "challenges_text": [None] * 9})
    >>> you_said(nine, "challenges_text", "challenges", {"time": "Time", "funding": "Funding"},
    ...          respondent="group_id")[["Theme", "Raised by", "Share"]].values.tolist()
    [['Funding', 'not shown', 'not shown'], ['Time', 'not shown', 'not shown']]

    >>> rows = pd.DataFrame({"group_id": ["a", "a", "b"] + list("cdefghijkl"),
    ...                      "challenges": ["time", "time;funding"] + [""] * 11,
    ...                      "challenges_text": [None] * 13})
    >>> you_said(rows, "challenges_text", "challenges", {"time": "Time", "funding": "Funding"},
    ...          respondent="group_id")[["Theme", "Raised by", "Share"]].values.tolist()
    [['Funding', '<5', 'not shown'], ['Time', '<5', 'not shown']]
    """
    # Who wrote of each theme: each distinct set of themes is split once, not every
    # row's themes once a theme. The themes quoted from, as their distinct sets (the
    # functions below find them again from these, without hashing every row's text).
    which, distinct = pd.factorize(table[quote_themes_column or themes_column],
                                   use_na_sentinel=True)
    quoting = pd.Series(pd.Categorical.from_codes(which, categories=distinct),
                        index=table.index)
    if respondent is None:
        counted = pd.DataFrame({themes_column: quoting if quote_themes_column is None
                                else table[themes_column]})
    else:
        counted = _codes_by(table, respondent, themes_column)
    counts = challenge_counts(counted, column=themes_column, codes=codes)
    counts = counts[counts["count"] > 0]
    texts = table[text_column].astype("string").str.strip()
    written = texts.fillna("").ne("").to_numpy()
    people = (table[respondent] if respondent else pd.Series(range(len(table)),
                                                             index=table.index))
    # Each row is a respondent of its own unless ``respondent`` says otherwise.
    may_quote = (people[written].nunique() if respondent else int(written.sum())) >= min_base
    used = set() if used is None else used
    sets = [set(str(t).split(";")) for t in distinct]
    writers = {}
    for code in counts["code"]:
        has = np.array([code in s for s in sets] + [False])[which] & written
        writers[code] = (int(has.sum()) if respondent is None
                         else people[has].nunique())
    # Counts on a base under min_base are a distribution on too small a base: "8 groups
    # reviewed" beside "Funding 7" gives the share withheld (88%) and the 1 group that
    # did not tick it (found by a red-team reader). Then the themes raised are listed,
    # alphabetically, without their counts.
    small_base = bool(len(counts)) and int(counts["n"].max()) < min_base
    rows = []
    for row in counts.itertuples():
        rows.append({
            "code": row.code, "Theme": short_label(row.label), "About": label_detail(row.label),
            "Raised by": NOT_SHOWN if small_base else show_count(row.count, min_count),
            # The share beside a hidden count would give it away: then it is not shown.
            "Share": (show_result(row.share, row.n, min_base) if row.count >= min_count
                      else NOT_SHOWN),
            "quotes": [],
        })
    out = pd.DataFrame(rows, columns=["code", "Theme", "Raised by", "Share", "About", "quotes"])
    counts_by_code = dict(zip(counts["code"], counts["count"], strict=True))
    out = order_without_leaking(out, [0 if small_base else counts_by_code[c]
                                      for c in out["code"]], min_count)
    # A theme is quoted only when its count is shown (not "<5" or "*") and at least
    # min_count of those who wrote an answer wrote of it, and only when min_base wrote;
    # in the table's order, so that a theme higher up has first pick of a sentence.
    wanted = [code for code, shown in zip(out["code"], out["Raised by"], strict=True)
              if str(shown).isdigit() and int(writers.get(code, 0)) >= min_count
              ] if may_quote else []
    quotable = table[text_column]
    if unit is not None:
        # No quote from a session of fewer than min_base respondents: a date or a
        # facilitator's name in it would tie it to the few who were there (found by a
        # reader: "The session on 10 September went too fast", from a session of 3).
        sizes = table.groupby(unit, dropna=True, observed=True)[unit].transform("size")
        quotable = quotable.where(sizes.fillna(0).to_numpy() >= min_base)
    chosen = choose_quotes(quotable, quoting, wanted, quotes, scorer, used=used,
                           places=places)
    out["quotes"] = [chosen.get(code, []) for code in out["code"]]
    return out


def order_without_leaking(table: pd.DataFrame, counts: list[int],
                          min_count: int = MIN_COUNT) -> pd.DataFrame:
    """Rows by count, most first, but those shown ``<5`` after, alphabetically by theme.

    Ordering the ``<5`` rows by their true count would say which is 4 and
    which is 1; so they follow the rows with counts, in an order that does
    not depend on the data. Ties among counts shown are alphabetical too.

    Examples
    --------
    >>> t = pd.DataFrame({"Theme": ["Time", "Pace", "Jargon", "Venue", "Money"]})
    >>> order_without_leaking(t, [3, 12, 1, 12, 4])["Theme"].tolist()
    ['Pace', 'Venue', 'Jargon', 'Money', 'Time']
    """
    counts = pd.Series(counts, index=table.index, dtype="int64")
    small = (counts > 0) & (counts < min_count)
    key = pd.DataFrame({"small": small, "count": counts.where(~small, 0),
                        "theme": table["Theme"].astype(str).str.casefold()})
    order = key.sort_values(["small", "count", "theme"], ascending=[True, False, True],
                            kind="stable").index
    return table.loc[order].reset_index(drop=True)


def small_themes_line(themes: list[str], unit: str, min_count: int = MIN_COUNT) -> str:
    """The one line that names the themes raised by fewer than ``min_count`` each.

    Alphabetical (never by their true counts), each theme once.

    Examples
    --------
    >>> small_themes_line(["Motivation", "intimidation", "Motivation"], "groups")
    'Also raised by fewer than 5 groups each: intimidation, Motivation'
    >>> small_themes_line(["Pace"], "people", min_count=3)
    'Also raised by fewer than 3 people each: Pace'
    """
    names = sorted(dict.fromkeys(str(t) for t in themes), key=str.casefold)
    return f"Also raised by fewer than {min_count} {unit} each: {', '.join(names)}"


def themes_table(said: pd.DataFrame, unit: str, min_count: int = MIN_COUNT) -> pd.DataFrame:
    """The published table of themes: those with counts, then the small ones on one line.

    ``said`` is :func:`you_said`'s table (rows with counts first, by count;
    ``<5`` rows after). The rows shown ``<N`` become one last row: its
    ``Theme`` is :func:`small_themes_line`, ``Raised by`` is ``<N each`` (as
    in "Still to do") and ``Share`` "not shown". Themes nobody raised are not
    in ``said``, so they are not listed (zeros are no secret: a theme of the
    form that is not listed was raised by none).

    Returns
    -------
    DataFrame
        ``Theme``, ``Raised by``, ``Share``, ``About`` (the page and the workbook's table).

    Examples
    --------
    >>> said = pd.DataFrame({"Theme": ["Time", "Pace", "Funding"],
    ...                      "Raised by": ["12", "<5", "<5"],
    ...                      "Share": ["80%", "not shown", "not shown"],
    ...                      "About": ["", "", "money"]})
    >>> themes_table(said, "groups").values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['Time', '12', '80%', ''],
     ['Also raised by fewer than 5 groups each: Funding, Pace', '<5 each', 'not shown', '']]
    """
    columns = ["Theme", "Raised by", "Share", "About"]
    small = said["Raised by"].astype(str) == f"<{min_count}"
    out = said.loc[~small, columns].reset_index(drop=True)
    if small.any():
        line = small_themes_line(said.loc[small, "Theme"].tolist(), unit, min_count)
        out.loc[len(out)] = [line, f"<{min_count} each", NOT_SHOWN, ""]
    return out


def we_did(actions: pd.DataFrame, codes: dict[str, str], *,
           keep_staff_names: bool = False, places: Places | None = None) -> pd.DataFrame:
    """The actions, by theme: what was said, what was done, its status and date.

    "You said" and "We did" are redacted like any quote (names, e-mail
    addresses, phone numbers, NHS numbers, postcodes, street addresses). With
    ``keep_staff_names`` the names in "We did" are shown as written (an
    officer who needs a member of staff named), contact details still
    removed; "You said" retells what people said and is always redacted, and,
    like a quote, names no group or venue (``places``:
    :func:`~coprod_analysis.report.quotes.hide_places`). The log's owner and
    notes are never shown.

    Examples
    --------
    >>> actions = pd.DataFrame({"theme": ["time"], "status": ["done"],
    ...     "you_said": ["Mrs Patel said meetings clash with work"],
    ...     "we_did": ["Evening meetings"], "date": [pd.Timestamp("2019-07-15")]})
    >>> we_did(actions, {"time": "Time"}).iloc[0].tolist()
    ['Time', 'Mrs [name] said meetings clash with work', 'Evening meetings', 'Done', '15 July 2019']
    >>> actions["we_did"] = ["Dr Ahmed now runs evening meetings (jo@example.org)"]
    >>> we_did(actions, {"time": "Time"})["We did"].iloc[0]
    'Dr [name] now runs evening meetings ([email])'
    >>> we_did(actions, {"time": "Time"}, keep_staff_names=True)["We did"].iloc[0]
    'Dr Ahmed now runs evening meetings ([email])'
    """
    rows = []
    for action in actions.itertuples():
        labels = [short_label(codes.get(c, c))
                  for c in filter(None, str(action.theme).split(";"))]
        said = ("" if pd.isna(action.you_said)
                else redact(hide_places(str(action.you_said), places)))
        rows.append({"Theme": "; ".join(labels), "You said": said,
                     "We did": _staff_text(action.we_did, keep_staff_names),
                     "Status": "" if pd.isna(action.status) else sentence_case(action.status),
                     "Date": "" if pd.isna(action.date) else uk_date(action.date)})
    return pd.DataFrame(rows, columns=["Theme", "You said", "We did", "Status", "Date"])


def still_to_do(raised: pd.DataFrame, actions: pd.DataFrame,
                min_count: int = MIN_COUNT) -> pd.DataFrame:
    """Themes raised that no action answers yet: by size, the small ones on one line.

    Themes raised by ``min_count`` or more are listed by how many raised them
    (as "You said" orders them); those raised by fewer are collapsed into
    one last row, alphabetically, so that their order says nothing of their
    size.

    Examples
    --------
    >>> raised = pd.DataFrame({"code": ["time", "funding", "venue", "pace"],
    ...                        "Theme": ["Time", "Funding", "Venue", "Pace"],
    ...                        "Raised by": ["12", "<5", "7", "<5"]})
    >>> actions = pd.DataFrame({"theme": ["time"]})
    >>> still_to_do(raised, actions).values.tolist()
    [['Venue', '7'], ['Funding, Pace', '<5 each']]
    """
    answered = {c for value in actions["theme"].fillna("") for c in str(value).split(";") if c}
    todo = raised.loc[~raised["code"].isin(answered), ["Theme", "Raised by"]]
    small = todo["Raised by"] == f"<{min_count}"
    counted = todo[~small].copy()
    counted["n"] = pd.to_numeric(counted["Raised by"], errors="coerce")
    counted = counted.sort_values(["n", "Theme"], ascending=[False, True], kind="stable")
    rows = counted[["Theme", "Raised by"]].values.tolist()
    if small.any():
        names = sorted(dict.fromkeys(todo.loc[small, "Theme"].astype(str)), key=str.casefold)
        rows.append([", ".join(names), f"<{min_count} each"])
    return pd.DataFrame(rows, columns=["Theme", "Raised by"])



#: What :func:`~coprod_analysis.clean.redact.redact` puts in place of what it removes.
_PLACEHOLDER = re.compile(f"({'|'.join(re.escape(p) for p in PLACEHOLDERS)})")


def keep_names(original: str, redacted: str) -> str:
    """``redacted`` with every ``[name]`` put back as ``original`` had it.

    Only names come back: e-mail addresses, phone numbers and the rest stay
    removed. If the two texts cannot be lined up, ``redacted`` is returned.

    Examples
    --------
    >>> keep_names("Ask Dr Ahmed on 0113 496 0123", "Ask Dr [name] on [phone]")
    'Ask Dr Ahmed on [phone]'
    >>> keep_names("Amena and Rob (rob@example.org)", "[name] and [name] ([email])")
    'Amena and Rob ([email])'
    """
    parts = _PLACEHOLDER.split(redacted)
    if "[name]" not in parts[1::2]:
        return redacted
    pattern = "".join(re.escape(p) if i % 2 == 0 else "(.+?)" for i, p in enumerate(parts))
    lined_up = re.fullmatch(pattern, original, flags=re.DOTALL)
    if lined_up is None:
        return redacted
    spans = iter(lined_up.groups())
    out = []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            out.append(part)
        else:
            span = next(spans)
            out.append(span if part == "[name]" else part)
    return "".join(out)


def _staff_text(text: object, keep_staff_names: bool) -> str:
    """Text the organisation wrote (the actions log's "We did"), redacted for publishing."""
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return ""
    text = str(text)
    redacted = redact(text)
    return keep_names(text, redacted) if keep_staff_names else redacted
