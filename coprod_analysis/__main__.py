"""``python -m coprod_analysis`` is the ``coprod`` command."""

from coprod_analysis.cli import main

raise SystemExit(main())
