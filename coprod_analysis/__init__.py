"""coprod-analysis: read, clean and analyse co-production training evidence.

The public Python interface (contract section 5):

>>> from coprod_analysis import load_evaluations, load_reviews, redact
>>> redact("ring me on 07911 123456")
'ring me on [phone]'
"""

from __future__ import annotations

__version__ = "0.1.0"

from coprod_analysis.errors import CoprodError

#: The public names, imported when first used (so that ``coprod --version`` and the
#: command line start fast): name -> module.
_LAZY = {"CleanResult": "coprod_analysis.clean.result",
         "load_evaluations": "coprod_analysis.clean.evaluations",
         "load_reviews": "coprod_analysis.clean.reviews",
         "load_sessions": "coprod_analysis.clean.sessions",
         "redact": "coprod_analysis.clean.redact"}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = ["CleanResult", "CoprodError", "__version__", "load_evaluations", "load_reviews",
           "load_sessions", "redact"]
