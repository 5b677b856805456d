"""Write a single-label patient-feedback codebook with labelled comments (synthetic).

The comments read like NHS patient feedback ("friends and family test" free
text): nine themes, each comment labelled with exactly one, written in varied
styles (short and long, praise and complaint, lower case, missing
punctuation, misspellings, text speak, a side remark about another theme; one
in five makes two points of
equal weight, where coders may differ on the theme, as they do with real
comments).
Everything is made up by a seeded generator, so the same seed writes the
same files; nothing comes from real patients.

It is benchmark data, used to show how ``coprod themes train`` compares with
a bare TF-IDF + LinearSVC on a single-label codebook (``docs/themes.md``);
it is kept out of the tests' fixtures.

Usage::

    python benchmarks/make_feedback_codebook.py            # 2,400 comments
    python benchmarks/make_feedback_codebook.py --rows 10000 --out /tmp/feedback
"""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "data" / "patient-feedback"

CODEBOOK = [
    ("staff_attitude", "Staff attitude", "Kindness, rudeness, respect and manner of staff"),
    ("waiting", "Waiting", "Waiting times, delays, queues and being kept waiting"),
    ("communication", "Communication", "Being told, listened to and kept informed"),
    ("access", "Access", "Getting appointments, phones, parking, getting there"),
    ("environment", "Environment", "Cleanliness, noise, comfort and the building"),
    ("food", "Food and drink", "Meals, drinks and help with eating"),
    ("medication", "Medication", "Medicines, pain relief and prescriptions"),
    ("discharge", "Discharge", "Leaving hospital, transport home, follow-up arrangements"),
    ("treatment", "Care and treatment", "The care, treatment and its results"),
]

STAFF = [
    "nurse",
    "nurses",
    "doctor",
    "doctors",
    "receptionist",
    "staff",
    "HCA",
    "porter",
    "consultant",
    "midwife",
    "sister on the ward",
    "the team",
    "physio",
    "paramedic",
]
WARD = [
    "the ward",
    "A&E",
    "outpatients",
    "the clinic",
    "the day unit",
    "ward 7",
    "maternity",
    "the surgery",
    "x-ray",
    "the fracture clinic",
    "the eye clinic",
    "the walk-in centre",
]

# Per theme: (praise, complaint) phrases; {staff}, {ward}, {n} are filled in.
PHRASES = {
    "staff_attitude": (
        [
            "the {staff} were so kind and caring",
            "{staff} treated me with dignity and respect",
            "lovely friendly {staff}, nothing was too much trouble",
            "the {staff} made me feel at ease",
            "everyone was polite and patient with my mum",
            "really compassionate {staff}",
            "{staff} had a great sense of humour and cheered me up",
            "warm welcome from the {staff}",
        ],
        [
            "the {staff} was rude and dismissive",
            "felt like a nuisance to the {staff}",
            "{staff} rolled their eyes when I asked for help",
            "one {staff} was very abrupt with me",
            "no compassion at all from the {staff}",
            "{staff} were laughing and chatting and ignored us",
            "made to feel stupid by the {staff}",
            "the {staff} spoke to my dad like a child",
            "attitude of the {staff} was appalling",
        ],
    ),
    "waiting": (
        [
            "seen within {n} minutes of arriving",
            "hardly any wait at all",
            "no waiting, in and out quickly",
            "was seen on time for once",
            "the wait was shorter than I expected",
        ],
        [
            "waited {n} hours to be seen",
            "sat in {ward} for {n} hours with no update",
            "kept waiting over {n} hours past my appointment time",
            "the queue was ridiculous",
            "{n} hour wait in {ward} is not acceptable",
            "waiting list is far too long, {n} months",
            "waited ages for a bed",
            "delays all day, waited {n} hours for a scan",
            "had to wait {n} hours for the results",
        ],
    ),
    "communication": (
        [
            "the {staff} explained everything clearly",
            "kept informed at every step",
            "they listened to me and answered all my questions",
            "clear information about what would happen",
            "the {staff} took time to explain the procedure",
        ],
        [
            "nobody told us what was going on",
            "no one explained the results to me",
            "conflicting information from different {staff}",
            "the {staff} didnt listen to what I was saying",
            "letters arrive after the appointment date",
            "family were not kept updated",
            "used jargon I couldnt understand",
            "had to chase for information about my own treatment",
            "was not told about the change of plan",
        ],
    ),
    "access": (
        [
            "easy to get an appointment",
            "parking was easy and free for blue badge holders",
            "got through on the phone first time",
            "the online booking worked well",
            "good signs so easy to find {ward}",
        ],
        [
            "couldnt get through on the phone for days",
            "parking is a nightmare and costs a fortune",
            "no appointments available for {n} weeks",
            "had to ring at 8am and still no appointment",
            "impossible to find a parking space",
            "no wheelchair access to {ward}",
            "the bus doesnt go anywhere near the hospital",
            "appointment cancelled {n} times",
            "couldnt find {ward}, signs are useless",
        ],
    ),
    "environment": (
        [
            "the ward was spotless",
            "very clean and tidy",
            "bright comfortable room",
            "nice quiet space to rest",
            "the new building is lovely",
        ],
        [
            "the toilets were filthy",
            "{ward} was dirty and smelly",
            "too noisy to sleep at night",
            "the bay was freezing cold",
            "far too hot on the ward and no fan",
            "bins overflowing",
            "lights on all night and machines beeping",
            "the chairs in {ward} are broken and uncomfortable",
            "blood on the floor and nobody cleaned it",
        ],
    ),
    "food": (
        [
            "the food was lovely",
            "good choice of meals",
            "the meals were hot and tasty",
            "plenty of drinks and snacks",
            "the tea lady was a star",
        ],
        [
            "the food was cold and inedible",
            "no vegetarian option most days",
            "nobody helped my mum eat her dinner",
            "went without a drink for hours",
            "the sandwiches were stale",
            "no gluten free food available",
            "meals left out of reach",
            "food portions tiny and tasteless",
            "only cold toast for breakfast",
        ],
    ),
    "medication": (
        [
            "got my pain relief quickly",
            "pharmacist went through all my tablets",
            "my medication was sorted straight away",
            "the {staff} checked my medicines carefully",
        ],
        [
            "waited hours for pain relief",
            "given the wrong tablets",
            "my insulin was missed",
            "prescription not ready when I went to collect it",
            "ran out of my medication on the ward",
            "no one checked my allergies before giving antibiotics",
            "painkillers came {n} hours late",
            "nobody explained the side effects of the new tablets",
            "the pharmacy lost my prescription",
        ],
    ),
    "discharge": (
        [
            "discharge was well organised",
            "all the support at home was arranged before I left",
            "sent home with a clear plan",
            "follow up appointment booked before I left",
        ],
        [
            "waited all day for discharge papers",
            "sent home too early and had to come back",
            "discharged at midnight with no way home",
            "no follow up arranged after I left",
            "waited {n} hours for the discharge letter",
            "hospital transport never came to take me home",
            "care package not ready so stuck in hospital",
            "discharge letter went to the wrong GP",
        ],
    ),
    "treatment": (
        [
            "excellent care from start to finish",
            "the operation went really well",
            "my treatment was first class",
            "they saved my life",
            "the care my dad received was outstanding",
            "the physio really helped my recovery",
        ],
        [
            "the treatment did not help at all",
            "my wound got infected after the operation",
            "misdiagnosed twice before they found the problem",
            "care was rushed and careless",
            "nobody examined me properly",
            "the procedure was botched and had to be redone",
            "felt my symptoms were not taken seriously",
        ],
    ),
}

OPENERS = [
    "",
    "",
    "",
    "",
    "Overall ",
    "To be honest ",
    "My experience: ",
    "I have to say ",
    "Visited {ward} last week and ",
    "Came in with chest pain, ",
    "As a carer, ",
    "My daughter was admitted and ",
    "On my last visit ",
    "Second time here and ",
    "Im 84 and ",
    "Brought my son in, ",
]
CLOSERS = [
    "",
    "",
    "",
    "",
    ".",
    ". Thank you.",
    ". Not good enough.",
    "!!",
    ". Would recommend.",
    ". Please sort this out.",
    " - very disappointed",
    ". 10/10",
    " :)",
    ". Well done all.",
    ". Would not recommend.",
    ".",
]
# Side remarks carry words of other themes without being the point of the comment.
ASIDES = [
    "even though the car park was full",
    "despite the food being average",
    "although we waited a bit",
    "the nurses were busy but",
    "apart from the noise",
    "though the room was a bit cold",
    "even if the tea was cold",
    "although nobody told us much",
    "and my tablets came on time",
    "once we got a bed",
    "the doctor was nice enough but",
]
MISSPELL = {
    "appointment": "appointmant",
    "received": "recieved",
    "waiting": "wating",
    "definitely": "definately",
    "because": "becuase",
    "medication": "medicaton",
    "explained": "explaned",
    "friendly": "freindly",
    "hospital": "hosptal",
    "nurses": "nurss",
    "discharge": "dischage",
    "parking": "parkin",
    "really": "realy",
    "was": "wos",
    "the": "teh",
    "hours": "hrs",
    "you": "u",
    "to be": "2 b",
    "minutes": "mins",
    "people": "ppl",
    "please": "pls",
}


def _fill(rng: random.Random, text: str) -> str:
    return text.format(
        staff=rng.choice(STAFF),
        ward=rng.choice(WARD),
        n=rng.choice([2, 3, 4, 5, 6, 8, 10, 12, 20, 45]),
    )


def _styled(rng: random.Random, text: str) -> str:
    style = rng.random()
    if rng.random() < 0.35:  # misspellings and text speak
        for right, wrong in MISSPELL.items():
            if right in text and rng.random() < 0.5:
                text = text.replace(right, wrong, 1)
    if style < 0.3:
        text = text.lower()
    elif style < 0.4:
        text = text.replace(",", "").replace(".", "").replace("'", "")
    elif style < 0.45:
        text = text.upper()
    elif text:
        text = text[0].upper() + text[1:]
    return " ".join(text.split())


def comment(rng: random.Random, theme: str) -> str:
    """One comment whose point is ``theme``."""
    praise, complaint = PHRASES[theme]
    negative = rng.random() < 0.6
    main = _fill(rng, rng.choice(complaint if negative else praise))
    parts = [_fill(rng, rng.choice(OPENERS)).lower() if rng.random() < 0.5 else ""]
    parts.append(main)
    roll = rng.random()
    if roll < 0.25:  # a second point on the same theme
        extra = _fill(rng, rng.choice(complaint if negative else praise))
        if extra != main:
            parts.append(rng.choice([", and ", ". Also ", " and ", ". ", "... "]) + extra)
    elif roll < 0.45:  # a side remark about something else
        parts.insert(1, rng.choice(ASIDES) + " ")
    elif roll < 0.55:  # mixed sentiment: a word of praise for something else
        other = rng.choice([t for t in PHRASES if t != theme])
        parts.append(". " + _fill(rng, rng.choice(PHRASES[other][0])) + " though")
    text = "".join(parts) + _fill(rng, rng.choice(CLOSERS))
    if rng.random() < 0.15:  # short: the phrase alone
        text = main
    return _styled(rng, text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=2400)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    weights = [14, 12, 13, 11, 9, 7, 8, 8, 18]  # as uneven as real feedback
    themes = [code for code, _, _ in CODEBOOK]
    rows, seen = [], set()
    while len(rows) < args.rows:
        theme = rng.choices(themes, weights)[0]
        text = comment(rng, theme)
        if rng.random() < 0.2:
            # Two points of equal weight: coders differ on which one is the theme,
            # as they do with real comments (about 3 in 10 such take the second).
            other = rng.choices([t for t in themes if t != theme])[0]
            text = f"{text} {rng.choice(['and', 'also', 'plus', 'but'])} {comment(rng, other)}"
            if rng.random() < 0.3:
                theme = other
        if text.lower() not in seen:  # every comment distinct, as in a real export
            seen.add(text.lower())
            rows.append((text, theme))
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / "codebook.csv", "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(
            [("code", "label", "description"), *CODEBOOK]
        )
    with open(args.out / "labelled.csv", "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows([("text", "themes"), *rows])
    print(f"wrote {len(rows)} comments in {len(themes)} themes to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
