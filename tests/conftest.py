"""Make ``partner_cadence.domain`` importable without Odoo.

The addon's own ``__init__`` imports its models, and so odoo; the domain package must not need
it. A bare package object standing for the addon lets Python find ``domain`` beneath it.
"""

import pathlib
import sys
import types

ADDON = pathlib.Path(__file__).resolve().parent.parent / "partner_cadence"

if "partner_cadence" not in sys.modules:
    package = types.ModuleType("partner_cadence")
    package.__path__ = [str(ADDON)]
    sys.modules["partner_cadence"] = package
