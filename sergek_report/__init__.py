"""Reproducible report on the Almaty "Sergek" traffic-camera PPP for the city maslikhat.

The parts, in import order (a part imports only from the parts before it; the test
tests/test_architecture.py checks it): `errors` and `paths` (the shared base), `inputs`
(loading and validating the parameter file and data/), `model` (the calculations, and the
computed edition), `chapter` (what a chapter uses: `open_chapter`, formatting, units, charts,
tables), `build` (execution, rendering, PDF, publication, scenarios), `preview` (the live
preview), and `cli` on top. Every error derives from `errors.ReportError`.
"""

__version__ = "0.1.0"


def __getattr__(name: str):
    # `from sergek_report import open_chapter` in a chapter, without importing IPython and
    # matplotlib whenever the package is imported (the build's no-op check stays fast).
    if name == "open_chapter":
        from sergek_report.chapter.api import open_chapter

        return open_chapter
    raise AttributeError(name)
