"""Reproducible report on the Almaty "Sergek" traffic-camera PPP for the city maslikhat.

Modules: `datasets` (load and validate data/), `analysis` (calculations), `fmt` (Russian
formatting), `charts` (one chart style), `notebook` (helpers the chapter notebooks call),
`params` (parameter files), `build` (execute and render), `render` (nbconvert + WeasyPrint).
"""

__version__ = "0.1.0"
