"""Reproducible report on the Almaty "Sergek" traffic-camera PPP for the city maslikhat.

Layout: `edition` (the parameter file as one typed model), `datasets` (load and validate
data/), the calculations (`dates`, `deployment`, `prices`, `budget`, `lookups`,
`sensitivity`, `model`, `metrics`), `context` (an edition computed once, for the chapters),
presentation (`fmt`, `charts`, `notebook`), and the build (`chapters`, `build`, `render`,
`pdf`, `changes`, `scenarios`, `cli`). Every error derives from `errors.ReportError`.
"""

__version__ = "0.1.0"


def __getattr__(name: str):
    # `from sergek_report import open_chapter` in a chapter, without importing IPython and
    # matplotlib whenever the package is imported (the build's no-op check stays fast).
    if name == "open_chapter":
        from .notebook import open_chapter

        return open_chapter
    raise AttributeError(name)
