"""Tests for :mod:`coprod_analysis.clean.redact`: removing identifiers from free text.

CONTRACT.md section 3: e-mail addresses, UK phone numbers, NHS numbers with a
valid check digit, postcodes and names where the text introduces one become
``[email]``, ``[phone]``, ``[nhs_number]``, ``[postcode]`` and ``[name]``.
Expected outputs are written by hand.
"""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from coprod_analysis import redact as public_redact
from coprod_analysis.clean.redact import is_valid_nhs_number, redact, redact_series

# --- NHS numbers: the Modulus 11 check, worked by hand --------------------------
#
# Multiply the first nine digits by 10, 9, ..., 2; add; take the remainder
# modulo 11; the check digit is 11 minus the remainder, where 11 becomes 0 and
# 10 means the number can never be valid.
#
# 943 476 591|9:
#   9*10 + 4*9 + 3*8 + 4*7 + 7*6 + 6*5 + 5*4 + 9*3 + 1*2
#   = 90 + 36 + 24 + 28 + 42 + 30 + 20 + 27 + 2 = 299
#   299 = 27*11 + 2, remainder 2, check 11 - 2 = 9: the last digit is 9, VALID.
VALID_NHS = "9434765919"
#   The same nine digits ending 8 instead of 9: INVALID.
INVALID_NHS = "9434765918"
# 401 023 213|7:
#   4*10 + 0*9 + 1*8 + 0*7 + 2*6 + 3*5 + 2*4 + 1*3 + 3*2
#   = 40 + 0 + 8 + 0 + 12 + 15 + 8 + 3 + 6 = 92
#   92 = 8*11 + 4, remainder 4, check 11 - 4 = 7: VALID.
VALID_NHS_2 = "4010232137"
# 200 000 001|0:
#   2*10 + 1*2 = 22 = 2*11 + 0, remainder 0, check 11 - 0 = 11, which becomes 0: VALID.
VALID_NHS_CHECK_ZERO = "2000000010"
# 123 456 789|?:
#   1*10 + 2*9 + 3*8 + 4*7 + 5*6 + 6*5 + 7*4 + 8*3 + 9*2
#   = 10 + 18 + 24 + 28 + 30 + 30 + 28 + 24 + 18 = 210
#   210 = 19*11 + 1, remainder 1, check 11 - 1 = 10: no last digit makes it valid.
CHECK_IS_TEN = "123456789"


@pytest.mark.parametrize("number", [VALID_NHS, VALID_NHS_2, VALID_NHS_CHECK_ZERO])
def test_numbers_with_a_correct_check_digit_are_valid_nhs_numbers(number):
    assert is_valid_nhs_number(number) is True


@pytest.mark.parametrize("last", "0123456789")
def test_a_number_whose_check_digit_computes_to_ten_is_never_valid(last):
    assert is_valid_nhs_number(CHECK_IS_TEN + last) is False


@pytest.mark.parametrize(
    "number",
    [
        INVALID_NHS,
        "4010232136",  # check should be 7
        "2000000011",  # check should be 0
        "943476591",  # nine digits
        "94347659190",  # eleven digits
        "94347659l9",  # a letter
        "",
    ],
)
def test_numbers_with_a_wrong_check_digit_or_length_are_not_nhs_numbers(number):
    assert is_valid_nhs_number(number) is False


# --- redact: each kind of identifier ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Email me at jo.bloggs@example.org please", "Email me at [email] please"),
        ("jo@example.org", "[email]"),
        ("Contact: J.O'Neil+coprod@nhs.net.", "Contact: [email]."),
        ("write to someone@leeds.ac.uk or other@example.co.uk",
         "write to [email] or [email]"),
        ("(marg@example.org)", "([email])"),
    ],
)
def test_email_addresses_are_redacted(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "number",
    [
        "943 476 5919",
        "9434765919",
        "943-476-5919",
        "401 023 2137",
        "2000000010",
    ],
)
def test_nhs_numbers_with_a_valid_check_digit_are_redacted_as_nhs_numbers(number):
    assert redact(f"My NHS number is {number}, thanks") == "My NHS number is [nhs_number], thanks"


@pytest.mark.parametrize(
    "text",
    [
        "Reference 9434765918 on the letter",  # fails the check
        "Session code 1234567890",  # check computes to 10
        "Booking ref 943 476 5918",
    ],
)
def test_ten_digit_numbers_that_fail_the_check_are_kept(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    "phone",
    [
        "0113 496 0123",
        "01134960123",
        "0113-496-0123",
        "(0113) 496 0123",
        "+44 113 496 0123",
        "+44 (0)113 496 0123",
        "+441134960123",
        "07911 123456",
        "07911123456",
        "+44 7911 123456",
        "020 7946 0000",
    ],
)
def test_uk_phone_numbers_in_their_usual_written_forms_are_redacted(phone):
    assert redact(f"ring me on {phone} after 5") == "ring me on [phone] after 5"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I live at LS6 2QF", "I live at [postcode]"),
        ("ls6 2qf", "[postcode]"),
        ("LS62QF.", "[postcode]."),
        ("SW1A 1AA", "[postcode]"),
        ("M1 1AE", "[postcode]"),
        ("B33 8TH", "[postcode]"),
        ("CR2 6XH", "[postcode]"),
        ("DN55 1PT", "[postcode]"),
        ("EC1A 1BB", "[postcode]"),
        ("W1A 0AX", "[postcode]"),
        ("Seacroft, Leeds LS14 6JD, near the hub", "Seacroft, Leeds [postcode], near the hub"),
    ],
)
def test_full_uk_postcodes_are_redacted(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My name is Margaret and I loved it", "My name is [name] and I loved it"),
        ("my name is Jo Bloggs.", "my name is [name]."),
        ("My name's Priya", "My name's [name]"),
        ("I'm Priya and I care for my mum", "I'm [name] and I care for my mum"),
        ("I\u2019m Siobhan, a carer", "I\u2019m [name], a carer"),
        ("Dr Patel explained it well", "Dr [name] explained it well"),
        ("Dr. Okafor was great", "Dr. [name] was great"),
        ("Mrs Jane Smith ran the session", "Mrs [name] ran the session"),
        ("Thanks to Sarah for a great day", "Thanks to [name] for a great day"),
        ("Please speak to Ahmed about parking", "Please speak to [name] about parking"),
        ("Hi, my name is Margaret and thanks to Dr Patel",
         "Hi, my name is [name] and thanks to Dr [name]"),
    ],
)
def test_names_are_redacted_where_the_text_introduces_one(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I'm not sure the session was long enough",
        "I'm from Leeds",
        "People came from Leeds and Bradford",
        "The PPG meets in LS6",
        "LS6",
        "Thank you for a great session",
        "Thanks, it was great",
        "I am really pleased I came",
        "More time for questions please",
        "The session on 20/03/2018 ran from 10:00 to 12:30",
        "I'd give it 5 out of 5",
        "Co-production means equal partners",
        "",
    ],
)
def test_ordinary_sentences_are_left_alone(text):
    assert redact(text) == text


def test_several_identifiers_in_one_answer_are_all_redacted():
    text = ("I'm Jo, email jo@example.org or ring 07911 123456; "
            "NHS no 943 476 5919, postcode LS6 2QF")
    assert redact(text) == ("I'm [name], email [email] or ring [phone]; "
                            "NHS no [nhs_number], postcode [postcode]")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ring07911 123456", "ring[phone]"),
        ("mobile07911123456", "mobile[phone]"),
        ("tel:0113 496 0123", "tel:[phone]"),
    ],
)
def test_a_phone_number_typed_against_a_word_is_still_redacted(text, expected):
    assert redact(text) == expected


def test_an_nhs_number_is_not_taken_for_a_phone_number():
    assert redact("NHS 9434765919") == "NHS [nhs_number]"


def test_redact_is_importable_from_the_package():
    assert public_redact("jo@example.org") == "[email]"


# --- redact_series -----------------------------------------------------------------


def test_redact_series_redacts_every_cell_and_keeps_missing_cells_missing():
    column = pd.Series(["call 07911 123456", None, "fine", "call 07911 123456"],
                       index=[3, 4, 5, 6])
    out = redact_series(column)
    assert out.index.tolist() == [3, 4, 5, 6]
    assert out.isna().tolist() == [False, True, False, False]
    assert [out[3], out[5], out[6]] == ["call [phone]", "fine", "call [phone]"]


def test_redact_series_does_not_change_its_input():
    column = pd.Series(["jo@example.org"])
    redact_series(column)
    assert column.tolist() == ["jo@example.org"]


# --- properties -----------------------------------------------------------------------

FRAGMENTS = [
    "jo@example.org", "943 476 5919", "9434765918", "0113 496 0123", "07911 123456",
    "+44 113 496 0123", "LS6 2QF", "LS6", "my name is Margaret", "I'm Jo", "Dr Patel",
    "thanks to Sarah", "I'm not sure", "from Leeds", "the session", "20/03/2018", "10:00",
    "(", ")", ",", ".", "-", "@", "+44", "0", "12", "[name]", "Mrs", "Smith",
]
#: Text made from identifiers, near misses and punctuation, joined at random.
identifier_soup = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=12
).flatmap(lambda parts: st.sampled_from(["", " ", "  ", "\n"]).map(lambda sep: sep.join(parts)))


@given(st.one_of(st.text(), identifier_soup))
@example("my name is Margaret0113 496 0123")  # a phone typed against an introduced name
def test_redacting_twice_changes_nothing_more(text):
    once = redact(text)
    assert redact(once) == once


@given(st.one_of(st.text(), identifier_soup))
def test_redacting_never_adds_digits_or_at_signs(text):
    out = redact(text)
    assert sum(c.isdigit() for c in out) <= sum(c.isdigit() for c in text)
    assert out.count("@") <= text.count("@")


#: Surrounding words: letters, spaces and punctuation, with no digits or @ signs.
plain_words = st.text(alphabet="abcdefghij klmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ,.!?'",
                      max_size=30)
email_local = st.from_regex(r"[a-z0-9]([a-z0-9._+-]{0,10}[a-z0-9])?", fullmatch=True)
email_domain = st.from_regex(r"[a-z0-9]{1,10}(\.[a-z]{2,6}){1,2}", fullmatch=True)


@given(plain_words, email_local, email_domain, plain_words)
def test_any_email_address_in_any_text_is_redacted(before, local, domain, after):
    email = f"{local}@{domain}"
    out = redact(f"{before} {email} {after}")
    assert email not in out
    assert "@" not in out
    assert "[email]" in out


@given(plain_words, st.lists(st.integers(0, 9), min_size=9, max_size=9),
       st.sampled_from(["", " ", "-"]), plain_words)
def test_any_valid_nhs_number_in_any_text_is_redacted(before, nine, sep, after):
    total = sum(d * w for d, w in zip(nine, range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    assume(check != 10)
    digits = "".join(map(str, nine)) + str(check)
    written = f"{digits[:3]}{sep}{digits[3:6]}{sep}{digits[6:]}"
    out = redact(f"{before} {written} {after}")
    assert written not in out
    assert "[nhs_number]" in out
    assert not any(c.isdigit() for c in out)


# --- Found in review --------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("ring 07911 123456 or 07800 123456", "ring [phone] or [phone]"),
    ("call 0113 496 0123 or 0113 496 0124", "call [phone] or [phone]"),
    ("my number is 07911 123456 2 kids", "my number is [phone] 2 kids"),
    ("room 12 07911 123456", "room 12 [phone]"),
    ("(0113) 496 0123", "[phone]"),
])
def test_phone_numbers_beside_other_numbers_are_each_redacted(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("my name is Sarah McDonald", "my name is [name]"),
    ("Thanks to Dr. McKenzie", "Thanks to Dr. [name]"),
    ("My name is Zo\u00eb Smith", "My name is [name]"),
    ("I'm Siobhan O'Brien", "I'm [name]"),
    ("My name is sarah", "My name is [name]"),
    ("Name: JOHN SMITH", "Name: [name]"),
    ("call me back please", "call me back please"),
    ("my name is not important", "my name is not important"),
])
def test_names_with_mc_o_accents_or_any_case_are_redacted_whole(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ["LS6  2QF", "EC1A-1BB"])
def test_postcodes_written_with_two_spaces_or_a_hyphen_are_redacted(text):
    assert redact(text) == "[postcode]"


@pytest.mark.parametrize("text", ["x" * 100_000, "1." * 50_000, "1" * 100_000,
                                  "All good. " * 10_000])
def test_a_very_long_answer_without_identifiers_comes_back_unchanged(text):
    # These inputs once took quadratic time (16 s and more); speed itself is measured
    # by the benchmarks, not asserted here.
    assert redact(text) == text
