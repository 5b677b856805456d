"""Plumbing for the notebooks: errors as one line, paths checked, the report in a frame.

A notebook's second cell calls :func:`start` with its parameters. From then on
a :class:`~coprod_analysis.errors.CoprodError` (a file that is not there, an
export that cannot be read) shows as one plain line instead of a traceback,
and stops *Run All* there, as an error should.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
from collections.abc import Iterable
from pathlib import Path

from coprod_analysis.errors import CoprodError

logger = logging.getLogger(__name__)

#: The style of the one-line error shown in a notebook.
_ERROR_STYLE = ("border-left:6px solid #d5281b;background:#fdecea;padding:0.5em 1em;"
                "margin:0.5em 0;color:#212b32")


def describe_error(error: CoprodError, folder: str | Path | None = None) -> str:
    """The one line a notebook shows for an error, with the folder for a missing path.

    A relative path is read from the folder the notebook runs in; when the
    path is not there, the line says which folder that is.

    Examples
    --------
    >>> describe_error(CoprodError("no such file or folder", "../data/nope"), "/home/me/notebooks")
    '../data/nope: no such file or folder (this notebook runs in /home/me/notebooks, \
and a path that does not start with / or a drive letter is read from there)'
    >>> describe_error(CoprodError("the file is empty", "/tmp"), "/home/me/notebooks")
    '/tmp: the file is empty'
    """
    line = str(error)
    folder = Path(folder) if folder is not None else Path.cwd()
    path = error.path
    if path is not None and not path.is_absolute() and not (folder / path).exists():
        line += (f" (this notebook runs in {folder.as_posix()}, and a path that does not "
                 f"start with / or a drive letter is read from there)")
    return line


def _show_error(shell: object, etype: type, value: BaseException, tb: object,
                tb_offset: int | None = None) -> None:
    """IPython's custom exception handler: one line, no traceback."""
    from IPython.display import HTML, display

    line = describe_error(value) if isinstance(value, CoprodError) else str(value)
    display(HTML(f'<div style="{_ERROR_STYLE}"><strong>Stopped:</strong> '
                 f'{html.escape(line)}</div>'), raw=False)
    return None


def start(**parameters: object) -> None:
    """Get a notebook ready: errors as one line, then check the paths it was given.

    Parameters
    ----------
    **parameters:
        The parameters cell's paths by name (``EVALUATIONS=EVALUATIONS, …``);
        ``None`` is allowed (nothing to read). Other values are ignored.

    Raises
    ------
    CoprodError
        Naming the first parameter whose path does not exist, and the folder the
        notebook runs in (a relative path is read from there).

    Examples
    --------
    >>> start(EVALUATIONS=".", ACTIONS=None)
    >>> start(REVIEWS="no/such/folder")
    Traceback (most recent call last):
    ...
    coprod_analysis.errors.CoprodError: no/such/folder: no such file or folder (REVIEWS)
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with every notebook
        get_ipython = None
    shell = get_ipython() if get_ipython else None
    if shell is not None and hasattr(shell, "set_custom_exc"):
        shell.set_custom_exc((CoprodError,), _show_error)
    check_paths(**parameters)


def check_paths(**parameters: object) -> None:
    """Raise a :class:`CoprodError` for the first path parameter that does not exist.

    Strings and paths are checked; ``None``, numbers and anything else are not.
    A value that names several paths (a list) has each checked.
    """
    for name, value in parameters.items():
        values: Iterable[object] = value if isinstance(value, (list, tuple)) else [value]
        for item in values:
            if isinstance(item, (str, Path)) and not Path(item).exists():
                raise CoprodError(f"no such file or folder ({name})", item)


def existing_files(paths: Iterable[str | Path]) -> dict[Path, dt.datetime]:
    """Which of ``paths`` exist already, with when each was last written.

    Examples
    --------
    >>> existing_files(["no/such/report.html"])
    {}
    """
    out = {}
    for path in map(Path, paths):
        if path.is_file():
            out[path] = dt.datetime.fromtimestamp(path.stat().st_mtime)
    return out


def report_targets(out: str | Path) -> list[Path]:
    """The files :func:`coprod_analysis.report.render.write_report` writes into ``out``."""
    return [Path(out) / "you-said-we-did.html", Path(out) / "you-said-we-did.xlsx"]


def written_sentence(written: Iterable[str | Path],
                     earlier: dict[Path, dt.datetime]) -> list[str]:
    """Where the files went, and whether they replaced earlier ones (never silently).

    Parameters
    ----------
    written:
        The files written.
    earlier:
        From :func:`existing_files`, called on the same paths before writing.

    Examples
    --------
    >>> when = dt.datetime(2026, 11, 30, 10, 5)
    >>> for line in written_sentence(["/r/a.html", "/r/a.xlsx"], {Path("/r/a.html"): when}):
    ...     print(line)
    Wrote 2 files into /r: a.html and a.xlsx.
    They replace the earlier a.html (written 30 Nov 2026 at 10:05); to keep an earlier copy, rename it or choose another folder before you run this cell.
    >>> written_sentence(["/r/a.html"], {})[1]
    'Nothing was there before: nothing was replaced.'
    """  # noqa: E501
    from coprod_analysis.show import listing

    written = [Path(p) for p in written]
    if not written:
        return ["Nothing was written."]
    folders = sorted({p.resolve().parent.as_posix() for p in written})
    lines = [f"Wrote {len(written)} file{'s' if len(written) > 1 else ''} into "
             f"{listing(folders)}: {listing(sorted({p.name for p in written}), most=8)}."]
    replaced = [p for p in written if p in earlier]
    if replaced:
        first = min(earlier[p] for p in replaced)
        what = (("They replace" if len(written) > 1 else "It replaces") + " the earlier "
                + ("files of the same names" if len(replaced) == len(written) > 1
                   else listing([p.name for p in replaced])))
        lines.append(f"{what} (written {first.day} {first:%b %Y} at {first:%H:%M}); to keep "
                     f"an earlier copy, rename it or choose another folder before you run "
                     f"this cell.")
    else:
        lines.append("Nothing was there before: nothing was replaced.")
    return lines


def explorer(evaluations: object, reviews: object, min_base: int = 10) -> object:
    """Dropdowns for period, venue, respondent type and kind of group, and their slice.

    Each choice redraws :func:`coprod_analysis.show.slice_page` of
    :func:`coprod_analysis.analyse.slices.explore`, headed by the plain call
    that gives the same results. Without ``ipywidgets`` (the ``workbook``
    extra) it returns a note saying how to get them; the plain call still works.
    """
    from coprod_analysis import show
    from coprod_analysis.analyse.slices import explore, explore_call, slice_options

    try:
        import ipywidgets as widgets
    except ImportError:
        return show.Notes(["The dropdowns need ipywidgets, which comes with the workbook "
                           "extra (pip install -e \".[workbook]\"). Without them, change the "
                           "explore(...) call above: it gives the same results."], kind="info")
    from IPython.display import display

    options = slice_options(evaluations, reviews)  # type: ignore[arg-type]
    labels = {"period": "Period", "venue": "Venue", "respondent_type": "Respondent",
              "group_type": "Kind of group"}
    menus = {name: widgets.Dropdown(options=[("All", None), *((v, v) for v in values)],
                                    value=None, description=labels[name],
                                    style={"description_width": "initial"})
             for name, values in options.items()}
    out = widgets.Output()

    def redraw(**chosen: str | None) -> None:
        out.clear_output(wait=True)
        with out:
            part = explore(evaluations, reviews, min_base=min_base, **chosen)  # type: ignore
            call = explore_call(**chosen, **({"min_base": min_base} if min_base != 10 else {}))
            display(show.slice_page(part, call=call))

    for menu in menus.values():
        menu.observe(lambda _change: redraw(**{k: m.value for k, m in menus.items()}),
                     names="value")
    redraw(**{k: None for k in menus})
    return widgets.VBox([widgets.HBox(list(menus.values())), out])


class ReportFrame:
    """An HTML page shown in a notebook inside its own frame (``srcdoc``).

    The report's styles stay inside the frame, so they cannot restyle
    JupyterLab; the page is read from the file written, so what is shown is
    what was written.

    Examples
    --------
    >>> frame = ReportFrame.__new__(ReportFrame)
    >>> frame.page, frame.height, frame.name = "<h1 style='x'>Hi & bye</h1>", 400, "r.html"
    >>> frame._repr_html_()[:60]
    '<iframe title="r.html" sandbox="allow-popups" style="width:1'
    >>> "&lt;h1 style=&#x27;x&#x27;&gt;Hi &amp; bye" in frame._repr_html_()
    True
    """

    def __init__(self, path: str | Path, height: int = 900) -> None:
        path = Path(path)
        self.page = path.read_text(encoding="utf-8")
        self.height = height
        self.name = path.name

    def _repr_html_(self) -> str:
        # sandbox: no scripts and a unique origin, so nothing inside can reach the notebook.
        return (f'<iframe title="{html.escape(self.name)}" sandbox="allow-popups" '
                f'style="width:100%;height:{int(self.height)}px;border:1px solid #aeb7bd" '
                f'srcdoc="{html.escape(self.page, quote=True)}"></iframe>')

    def __repr__(self) -> str:
        return f"<the report {self.name}, shown in a frame in JupyterLab>"


__all__ = ["ReportFrame", "check_paths", "describe_error", "existing_files", "explorer",
           "report_targets", "start", "written_sentence"]
