"""What the "you said, we did" report says, with the small-number rules applied.

Every function here returns a table of *text* ready to publish: counts of 1
to 4 are ``<5``, results on a base under ``min_base`` are "not shown", and
quotes are redacted free text with nothing that says who wrote them. The
HTML (and XLSX) renderers only lay these tables out.
"""

from __future__ import annotations

import pandas as pd

from coprod_analysis.analyse.challenges import challenge_counts
from coprod_analysis.analyse.outcomes import agreement_rates
from coprod_analysis.clean.redact import redact
from coprod_analysis.publish import MIN_BASE, MIN_COUNT, show_count, show_result


def at_a_glance(evaluations: pd.DataFrame, sessions: pd.DataFrame | None = None,
                min_base: int = MIN_BASE, min_count: int = MIN_COUNT) -> dict[str, str]:
    """The programme in numbers: period, sessions, participants, responses, response rate.

    Examples
    --------
    >>> e = pd.DataFrame({"session_id": ["a", "a", "b"],
    ...                   "session_date": pd.to_datetime(["2019-03-01"] * 2 + ["2019-05-01"])})
    >>> at_a_glance(e)["responses"], at_a_glance(e)["period"]
    ('<5', 'March 2019 to May 2019')
    """
    dates = evaluations["session_date"].dropna()
    period = (f"{dates.min():%B %Y} to {dates.max():%B %Y}" if len(dates) else "no dates")
    out = {
        "period": period,
        "sessions": show_count(evaluations["session_id"].nunique(), min_count),
        "responses": show_count(len(evaluations), min_count),
    }
    if sessions is not None and len(sessions):
        attended = int(sessions["attended"].fillna(0).sum())
        out["sessions"] = show_count(len(sessions), min_count)
        out["participants"] = show_count(attended, min_count)
        out["response_rate"] = show_result(len(evaluations) / attended if attended else
                                           float("nan"), attended, min_base)
    return out


def outcomes_table(evaluations: pd.DataFrame, min_base: int = MIN_BASE) -> pd.DataFrame:
    """Each outcome: the share agreeing and its 95% interval, or "not shown".

    Returns
    -------
    DataFrame
        ``Outcome``, ``Agreed``, ``95% interval``, ``Answered``.
    """
    rates = agreement_rates(evaluations)
    rows = []
    for row in rates.itertuples():
        shown = show_result(row.rate, row.n, min_base)
        interval = ("" if shown == "not shown" else
                    f"{round(100 * row.low)}% to {round(100 * row.high)}%")
        rows.append({"Outcome": row.label, "Agreed": shown, "95% interval": interval,
                     "Answered": str(row.n) if row.n >= min_base else f"<{min_base}"})
    return pd.DataFrame(rows, columns=["Outcome", "Agreed", "95% interval", "Answered"])


def representative_quotes(texts: pd.Series, themes: pd.Series, code: str, how_many: int = 3,
                          min_length: int = 25, max_length: int = 240) -> list[str]:
    """A few quotes that carry a theme: redacted, unattributed, neither tiny nor huge.

    Quotes are chosen deterministically: those whose length is nearest the
    middle of the theme's quotes first, so that neither a two-word nor a
    rambling answer speaks for everyone.

    Examples
    --------
    >>> texts = pd.Series(["We never have enough time to meet properly.", "Time.",
    ...                    "Call Jo on 07911 123456 about the meeting times please"])
    >>> themes = pd.Series(["time", "time", "time"])
    >>> for quote in representative_quotes(texts, themes, "time"):  # "Time." is too short
    ...     print(quote)
    Call Jo on [phone] about the meeting times please
    We never have enough time to meet properly.
    """
    tagged = themes.fillna("").astype(str).str.split(";").map(lambda codes: code in codes)
    quotes = texts[tagged.to_numpy()].dropna().astype(str).map(lambda t: " ".join(t.split()))
    quotes = quotes[(quotes.str.len() >= min_length) & (quotes.str.len() <= max_length)]
    quotes = pd.Series(pd.unique(quotes.map(redact)))
    if quotes.empty:
        return []
    middle = quotes.str.len().median()
    order = sorted(quotes, key=lambda q: (abs(len(q) - middle), q))
    return order[:how_many]


def you_said(table: pd.DataFrame, text_column: str, themes_column: str,
             codes: dict[str, str] | None = None, min_base: int = MIN_BASE,
             min_count: int = MIN_COUNT, quotes: int = 3,
             quote_themes_column: str | None = None) -> pd.DataFrame:
    """Themes raised, most often first, each with its count, share and a few quotes.

    Quotes are offered only when the table has at least ``min_base`` rows, so
    that a quote cannot be traced to a small session or group. A quote for a
    theme is a text that speaks of it (``quote_themes_column``: the themes
    inferred from the text, when the counts come from ticked boxes), and no
    quote is used for two themes.

    Returns
    -------
    DataFrame
        ``code``, ``Theme``, ``Raised by`` (count), ``Share``, ``quotes`` (list).
    """
    counts = challenge_counts(table, column=themes_column, codes=codes)
    counts = counts[counts["count"] > 0]
    quoting = table[quote_themes_column or themes_column]
    used: set[str] = set()
    rows = []
    for row in counts.itertuples():
        chosen = []
        if len(table) >= min_base:
            candidates = representative_quotes(table[text_column], quoting, row.code,
                                               quotes + len(used))
            chosen = [q for q in candidates if q not in used][:quotes]
            used.update(chosen)
        rows.append({
            "code": row.code, "Theme": row.label,
            "Raised by": show_count(row.count, min_count),
            # A share beside a hidden count would give the count away: hide it too.
            "Share": (show_result(row.share, row.n, min_base)
                      if row.count >= min_count else f"<{min_count}"),
            "quotes": chosen,
        })
    return pd.DataFrame(rows, columns=["code", "Theme", "Raised by", "Share", "quotes"])


def we_did(actions: pd.DataFrame, codes: dict[str, str]) -> pd.DataFrame:
    """The actions, by theme: what was said, what was done, its status and date.

    "You said" retells what people said, so it is redacted like a quote;
    "We did" is the organisation's own word and is shown as written.

    Examples
    --------
    >>> actions = pd.DataFrame({"theme": ["time"], "status": ["done"],
    ...     "you_said": ["Mrs Patel said meetings clash with work"],
    ...     "we_did": ["Evening meetings"], "date": [pd.Timestamp("2019-07-15")]})
    >>> we_did(actions, {"time": "Time"}).iloc[0].tolist()
    ['Time', 'Mrs [name] said meetings clash with work', 'Evening meetings', 'done', '15 July 2019']
    """
    rows = []
    for action in actions.itertuples():
        labels = [codes.get(c, c) for c in filter(None, str(action.theme).split(";"))]
        said = "" if pd.isna(action.you_said) else redact(str(action.you_said))
        rows.append({"Theme": "; ".join(labels), "You said": said,
                     "We did": action.we_did,
                     "Status": "" if pd.isna(action.status) else str(action.status),
                     "Date": "" if pd.isna(action.date) else f"{action.date:%d %B %Y}"})
    return pd.DataFrame(rows, columns=["Theme", "You said", "We did", "Status", "Date"])


def still_to_do(raised: pd.DataFrame, actions: pd.DataFrame) -> pd.DataFrame:
    """Themes raised that no action answers yet.

    Examples
    --------
    >>> raised = pd.DataFrame({"code": ["time", "funding"], "Theme": ["Time", "Funding"],
    ...                        "Raised by": ["12", "<5"]})
    >>> actions = pd.DataFrame({"theme": ["time"]})
    >>> still_to_do(raised, actions)["Theme"].tolist()
    ['Funding']
    """
    answered = {c for value in actions["theme"].fillna("") for c in str(value).split(";") if c}
    return raised.loc[~raised["code"].isin(answered), ["Theme", "Raised by"]].reset_index(
        drop=True)
