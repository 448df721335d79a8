"""The one error family of the project: anything the CLI reports as a one-paragraph message.

Every error an analyst can cause (bad data, a bad parameter file, a failed chapter) derives
from `ReportError`; the command line prints its message and exits 1 without a traceback.
"""

from __future__ import annotations


class ReportError(Exception):
    """Base class: the message names the file, row, column or parameter and what was expected."""


class DataValidationError(ReportError, ValueError):
    """A table in data/ breaks a rule (the message names the file, line and column)."""


class MissingDataError(ReportError, ValueError):
    """A table lacks a row the calculation needs (the message names it)."""


class ParameterError(ReportError, ValueError):
    """A parameter file or a notebook parameter is not what the report expects."""


class BuildError(ReportError, RuntimeError):
    """The build could not produce the report (a chapter failed, a file is missing, …)."""
