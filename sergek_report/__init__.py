"""Reproducible report on the Almaty "Sergek" traffic-camera PPP for the city maslikhat.

Layout: `edition` (the parameter file as one typed model), `datasets` (load and validate
data/), the calculations (`dates`, `deployment`, `prices`, `budget`, `lookups`,
`sensitivity`, `model`, `metrics`), `context` (an edition computed once, for the chapters),
presentation (`fmt`, `charts`, `notebook`), and the build (`chapters`, `build`, `render`,
`pdf`, `changes`, `scenarios`, `cli`). Every error derives from `errors.ReportError`.
"""

__version__ = "0.1.0"
