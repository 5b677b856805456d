"""Progress bars that suit where the code runs.

- At a terminal (the command line): tqdm's text bar, on stderr, when asked.
- In a notebook with ``ipywidgets`` installed (the ``workbook`` extra): a
  widget bar.
- In a notebook without ``ipywidgets`` (the ``test`` extra, which runs the
  notebooks headless): no bar at all, rather than tqdm's warning and a text
  bar printed to stderr.
"""

from __future__ import annotations

import importlib.util
import sys

from tqdm import std


def in_notebook() -> bool:
    """True inside a Jupyter kernel (not a terminal IPython, not plain Python).

    Examples
    --------
    >>> in_notebook()
    False
    """
    shell = getattr(sys.modules.get("IPython"), "get_ipython", lambda: None)()
    return shell is not None and "IPKernelApp" in getattr(shell, "config", {})


def progress_bar(progress: bool, **options: object) -> std.tqdm:
    """A tqdm bar: shown when ``progress`` and the place it runs can draw it.

    Parameters
    ----------
    progress:
        Whether a bar is wanted at all.
    **options:
        Passed to tqdm (``total``, ``unit``, ``desc``…).

    Examples
    --------
    >>> with progress_bar(False, total=3) as bar:
    ...     bar.update(3)
    ...     bar.disable
    True
    """
    if progress and in_notebook():
        if importlib.util.find_spec("ipywidgets") is None:
            return std.tqdm(disable=True, **options)
        from tqdm.notebook import tqdm as notebook_tqdm

        return notebook_tqdm(**options)
    # disable=None: a text bar only where stderr is a terminal.
    return std.tqdm(disable=not progress or None, **options)


__all__ = ["in_notebook", "progress_bar"]
