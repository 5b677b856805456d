"""Quotes that belong: the right theme, a sentence or two, never twice, only when shown."""

from __future__ import annotations

import re

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from coprod_analysis.report.content import you_said
from coprod_analysis.report.quotes import _key, choose_quotes, split_sentences

#: A stand-in for the theme model: sure of a theme only where its words are.
WORDS = {"pace": r"\b(fast|slow|pace|rushed)\b", "jargon": r"\b(jargon|acronyms?)\b",
         "time": r"\b(time|hour|diaries)\b", "funding": r"\b(money|budget|pay)\b"}


def keyword_scorer(texts: list[str]) -> pd.DataFrame:
    return pd.DataFrame({code: [bool(re.search(p, t, re.I)) for t in texts]
                         for code, p in WORDS.items()})


def test_a_sentence_about_jargon_is_never_quoted_under_pace():
    texts = pd.Series(["Less jargon please, too many acronyms. The pace was far too fast "
                       "after lunch.",
                       "Less jargon please, too many acronyms in the slides we had."])
    themes = pd.Series(["pace;jargon", "pace"])  # the second tagged pace by mistake
    quotes = choose_quotes(texts, themes, ["pace", "jargon"], scorer=keyword_scorer)
    assert quotes == {"pace": ["The pace was far too fast after lunch."],
                      "jargon": ["Less jargon please, too many acronyms."]}


def test_an_unsure_classifier_gives_no_quote():
    texts = pd.Series(["We would like the sessions to be somewhat different next year."] * 3)
    quotes = choose_quotes(texts, pd.Series(["pace"] * 3), ["pace"], scorer=keyword_scorer)
    assert quotes == {"pace": []}


def test_a_paragraph_on_several_themes_gives_a_sentence_or_two_not_the_paragraph():
    paragraph = ("There is no money for room hire. Nobody has a spare hour in the week. "
                 "People's diaries are full weeks ahead. Meetings are too rushed to decide "
                 "anything. The budget was cut again.")
    quotes = choose_quotes(pd.Series([paragraph]), pd.Series(["time;funding"]),
                           ["time", "funding"], scorer=keyword_scorer)
    # Time: two sentences in a row about time; funding: the first about money.
    assert quotes == {"time": ["Nobody has a spare hour in the week. People's diaries are "
                               "full weeks ahead."],
                      "funding": ["There is no money for room hire."]}


def test_the_same_sentence_is_never_quoted_twice_however_it_is_written():
    texts = pd.Series(["We never have enough time to meet.", "we never have ENOUGH time "
                       "to meet!", "We never have enough time to meet. There is no money.",
                       "Meetings run out of time every month, so we never have enough time "
                       "to meet"])
    themes = pd.Series(["time", "time", "time;funding", "time"])
    quotes = choose_quotes(texts, themes, ["time", "funding"], scorer=keyword_scorer)
    flat = [q for qs in quotes.values() for q in qs]
    keys = [_key(q) for q in flat]
    assert len(keys) == len(set(keys))
    assert sum("never have enough time to meet" in k for k in keys) == 1


def test_quotes_already_used_under_another_heading_are_not_used_again():
    used: set[str] = set()
    texts = pd.Series(["The pace was far too fast for me."] * 2)
    first = choose_quotes(texts, pd.Series(["pace"] * 2), ["pace"], scorer=keyword_scorer,
                          used=used)
    again = choose_quotes(texts, pd.Series(["pace"] * 2), ["pace"], scorer=keyword_scorer,
                          used=used)
    assert first == {"pace": ["The pace was far too fast for me."]} and again == {"pace": []}


def test_quotes_are_redacted_even_if_the_table_was_not():
    texts = pd.Series(["Call Jo Bloggs on 07911 123456, the pace is too fast."])
    quotes = choose_quotes(texts, pd.Series(["pace"]), ["pace"], scorer=keyword_scorer)
    assert "07911" not in quotes["pace"][0] and "[phone]" in quotes["pace"][0]


def reviews_with(ticked: int, wrote: int, groups: int = 12) -> pd.DataFrame:
    """``groups`` groups; ``ticked`` ticked Time; ``wrote`` wrote of time in their words."""
    return pd.DataFrame({
        "group_id": [f"g{i}" for i in range(groups)],
        "challenges": ["time" if i < ticked else "funding" for i in range(groups)],
        "challenges_text": [f"Group {i} says there is never enough time for us to meet."
                            if i < wrote else f"Group {i} says there is no money to pay for "
                            "rooms." for i in range(groups)],
        "challenges_text_themes": ["time" if i < wrote else "funding" for i in range(groups)],
    })


def test_a_theme_shown_as_under_5_gets_no_quotes_however_many_wrote_of_it():
    # 4 groups ticked Time ("<5"), yet all 12 wrote of time: Time is not quoted.
    said = you_said(reviews_with(ticked=4, wrote=12), "challenges_text", "challenges",
                    {"time": "Time", "funding": "Funding"}, respondent="group_id",
                    quote_themes_column="challenges_text_themes",
                    scorer=keyword_scorer).set_index("code")
    assert said.loc["time", "Raised by"] == "<5" and said.loc["time", "quotes"] == []
    # 5 ticked it and 5 wrote of it: shown, and quoted.
    said = you_said(reviews_with(ticked=5, wrote=5), "challenges_text", "challenges",
                    {"time": "Time", "funding": "Funding"}, respondent="group_id",
                    quote_themes_column="challenges_text_themes",
                    scorer=keyword_scorer).set_index("code")
    assert said.loc["time", "Raised by"] == "5" and len(said.loc["time", "quotes"]) == 3


def test_the_work_does_not_grow_with_the_table():
    # 20,000 answers about time: only the pool (40 answers) is split and scored.
    seen: list[int] = []

    def counting(texts: list[str]) -> pd.DataFrame:
        seen.append(len(texts))
        return keyword_scorer(texts)

    texts = pd.Series([f"Answer {i}: we never have time to meet. We want more time."
                       for i in range(20_000)])
    quotes = choose_quotes(texts, pd.Series(["time"] * 20_000), ["time"], scorer=counting)
    assert len(quotes["time"]) == 3
    assert seen == [41]  # 40 answers' first sentences, and the one they share


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(
    st.lists(st.sampled_from(["The pace was too fast.", "Too many acronyms!",
                              "No money for rooms.", "We never have time.", "ok",
                              "- Rushed at the end", "People's diaries are full."]),
             min_size=1, max_size=4),
    st.sets(st.sampled_from(list(WORDS)), min_size=1)), min_size=1, max_size=25))
def test_every_quote_is_short_distinct_and_from_an_answer_tagged_with_its_theme(rows):
    texts = pd.Series([" ".join(parts) for parts, _ in rows])
    themes = pd.Series([";".join(sorted(codes)) for _, codes in rows])
    quotes = choose_quotes(texts, themes, list(WORDS), scorer=keyword_scorer)
    keys = [_key(q) for qs in quotes.values() for q in qs]
    assert len(keys) == len(set(keys))
    for code, chosen in quotes.items():
        assert len(chosen) <= 3
        for quote in chosen:
            assert 20 <= len(quote) <= 200
            assert re.search(WORDS[code], quote, re.I)  # the scorer was sure of it
            tagged = [t for t, th in zip(texts, themes, strict=True) if code in th.split(";")]
            sentences = [s for t in tagged for s in split_sentences(t)]
            assert any(s in quote for s in sentences)
