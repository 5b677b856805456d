"""How much of the held-out set redaction catches, and how often it changes clean text.

Run ``python benchmarks/eval_redaction.py`` (``-v`` lists every miss and every
changed identifier-free comment). It reads ``benchmarks/data/redaction-heldout.csv``
(see ``benchmarks/data/README.md``), redacts each comment with
:func:`coprod_analysis.redact` and prints, per kind of identifier, how many were
redacted, and the share of comments without identifiers that were changed at all.

The scoring is strict: an identifier counts as redacted only when no part of it
survives in the output: no run of three or more of its digits (phone and NHS
numbers), not the postcode with its spaces taken out, and no word of a name or an
e-mail address (other than "at", "dot" and common domain words). A part that also
stands elsewhere in the comment, outside every identifier, is not held against it.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from collections import Counter
from pathlib import Path

from coprod_analysis import redact

HELDOUT = Path(__file__).parent / "data" / "redaction-heldout.csv"
_COMMON = {"at", "dot", "com", "net", "org", "uk", "co", "nhs", "gmail", "yahoo", "hotmail",
           "outlook", "aol"}


def identifier_parts(kind: str, text: str) -> list[str]:
    """The parts of an identifier that must not survive redaction (lower case)."""
    if kind in ("phone", "nhs_number"):
        return [p for p in re.findall(r"\d+", text) if len(p) >= 3]
    if kind == "postcode":
        return [re.sub(r"\s", "", text).lower()]
    return [w for w in re.findall(r"[^\W\d_]+|\d+", text.lower())
            if len(w) >= 2 and w not in _COMMON]


def leaked_parts(kind: str, identifier: str, original: str, redacted: str) -> list[str]:
    """The parts of ``identifier`` still in ``redacted`` (and not elsewhere in ``original``)."""
    elsewhere = original.replace(identifier, " ").lower()
    haystack = redacted.lower()
    if kind == "postcode":
        haystack, elsewhere = re.sub(r"\s", "", haystack), re.sub(r"\s", "", elsewhere)
    return [p for p in identifier_parts(kind, identifier)
            if re.search(rf"(?<!\w){re.escape(p)}(?!\w)", haystack) and p not in elsewhere]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=HELDOUT)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    with args.path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    caught, total = Counter(), Counter()
    changed = clean = 0
    for row in rows:
        text, ids = row["text"], json.loads(row["identifiers"])
        out = redact(text)
        if not ids:
            clean += 1
            changed += out != text
            if out != text and args.verbose:
                print(f"changed: {text!r} -> {out!r}")
        for ident in ids:
            total[ident["kind"]] += 1
            if leaked_parts(ident["kind"], ident["text"], text, out):
                if args.verbose:
                    print(f"missed {ident['kind']}: {ident['text']!r} in {out!r}")
            else:
                caught[ident["kind"]] += 1
    print(f"{len(rows)} comments ({sum(total.values())} identifiers, {clean} without any)")
    for kind in sorted(total):
        print(f"  {kind:<11} {caught[kind]:>3} of {total[kind]:>3} redacted "
              f"({caught[kind] / total[kind]:.0%})")
    print(f"  comments without identifiers changed: {changed} of {clean} "
          f"({changed / clean:.1%})")


if __name__ == "__main__":
    main()
