"""coprod-analysis: read, clean and analyse co-production training evidence.

The public Python interface (contract section 5):

>>> from coprod_analysis import load_evaluations, load_reviews, redact
>>> redact("ring me on 07911 123456")
'ring me on [phone]'
"""

from __future__ import annotations

__version__ = "0.1.0"

from coprod_analysis.clean.evaluations import load_evaluations
from coprod_analysis.clean.redact import redact
from coprod_analysis.clean.result import CleanResult
from coprod_analysis.clean.reviews import load_reviews
from coprod_analysis.clean.sessions import load_sessions
from coprod_analysis.errors import CoprodError

__all__ = ["CleanResult", "CoprodError", "__version__", "load_evaluations", "load_reviews",
           "load_sessions", "redact"]
