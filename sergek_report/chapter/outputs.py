"""Machine-readable outputs a chapter hands to the build (never shown in the report)."""

# Tables a chapter actually showed: the build checks them against notebooks/chapters.yaml.
INPUTS_MIMETYPE = "application/vnd.sergek.inputs+json"
# The name a chapter reports when it reads the computed results (not a table).
RESULTS = "results"
# Output metadata of a chart: the figure with its caption as the report prints it.
FIGURE_METADATA = "sergek_figure"
# A table builder lists the columns a chapter's table right-aligns under this key of its
# DataFrame.attrs (Chapter.table reads it).
NUMERIC_COLUMNS = "numeric"
