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
# A table builder asks for its table printed as blocks on paper (one block per row, each
# value beside its column's name: print.css) under this key of its DataFrame.attrs, whatever
# `api.prints_as_blocks` says of its cells: a short grid of five narrow columns hyphenated
# nearly every word of its first column (the options compared, the risk register).
PRINT_AS_BLOCKS = "blocks"
# A table builder names a column whose value is shared by runs of rows under this key of its
# DataFrame.attrs: the value heads its group once (a row across the table) instead of
# repeating in each row (the peers: «Presight (Астана)» four cards in a row).
GROUP_COLUMN = "group"
# A table builder lists, under this key of its DataFrame.attrs, the words of a column that
# are printed marked ({column: words}): the high likelihood and impact of the risk register,
# bold and dark red, so the main risks are found by eye (in grey print too).
MARKED_WORDS = "marked"
