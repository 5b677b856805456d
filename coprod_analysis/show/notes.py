"""Prose for a notebook: warnings in an amber box, lines of information, code, pages."""

from __future__ import annotations

import html
from collections.abc import Iterable

from pandas.io.formats.style import Styler


class Notes:
    """Lines of prose for a notebook: warnings (amber) or information (plain).

    Shown as HTML in JupyterLab and as plain lines anywhere else.

    Examples
    --------
    >>> print(repr(Notes(["Two sessions have no forms."])))
    Warning: Two sessions have no forms.
    >>> print(repr(Notes([], empty="Nothing to warn about.")))
    Nothing to warn about.
    """

    def __init__(self, lines: Iterable[str], kind: str = "warning",
                 empty: str = "Nothing to warn about: every check passed.") -> None:
        self.lines = [str(line) for line in lines]
        self.kind = kind
        self.empty = empty

    def __repr__(self) -> str:
        if not self.lines:
            return self.empty
        prefix = "Warning: " if self.kind == "warning" else ""
        return "\n".join(prefix + line for line in self.lines)

    def _repr_html_(self) -> str:
        if not self.lines:
            return f'<p style="color:#007f3b">\u2714 {html.escape(self.empty)}</p>'
        if self.kind == "warning":
            style = ("border-left:6px solid #ffb81c;background:#fff9e6;padding:0.5em 1em;"
                     "margin:0.5em 0;color:#212b32")
            items = "".join(f"<li>{html.escape(line)}</li>" for line in self.lines)
            return (f'<div style="{style}"><strong>Before you read on</strong>'
                    f'<ul style="margin:0.3em 0">{items}</ul></div>')
        return "".join(f"<p>{html.escape(line)}</p>" for line in self.lines)


def warnings(*groups: Iterable[str]) -> Notes:
    """All the warnings for the top of a notebook, as one amber box.

    Examples
    --------
    >>> warnings(["a"], [], ["b"]).lines
    ['a', 'b']
    """
    return Notes([line for group in groups for line in group])


class Code:
    """A line of Python shown as code (the call that reproduces a widget's result)."""

    def __init__(self, source: str) -> None:
        self.source = source

    def __repr__(self) -> str:
        return self.source

    def _repr_html_(self) -> str:
        return (f'<p>Same as: <code style="background:#f0f4f5;padding:0.1em 0.3em">'
                f'{html.escape(self.source)}</code></p>')


class Page:
    """Several tables and lines shown as one output (a widget redraws it whole).

    Examples
    --------
    >>> import pandas as pd
    >>> page = Page(["<b>x</b> is escaped", pd.DataFrame({"a": [1]}).style])
    >>> "&lt;b&gt;" in page._repr_html_(), "<table" in page._repr_html_()
    (True, True)
    """

    def __init__(self, parts: Iterable[object]) -> None:
        self.parts = list(parts)

    def _repr_html_(self) -> str:
        out = []
        for part in self.parts:
            if isinstance(part, Styler):
                out.append(part.to_html())
            elif hasattr(part, "_repr_html_"):
                out.append(part._repr_html_())
            else:
                out.append(f"<p>{html.escape(str(part))}</p>")
        return "\n".join(out)

    def __repr__(self) -> str:
        return "\n\n".join(part.data.to_string(index=False) if isinstance(part, Styler)
                           else repr(part) if isinstance(part, Notes) else str(part)
                           for part in self.parts)


__all__ = ["Code", "Notes", "Page", "warnings"]
