"""Machine-readable outputs a chapter hands to the build (never shown in the report)."""

# Key figures of the edition, collected into metrics.json.
METRICS_MIMETYPE = "application/vnd.sergek.metrics+json"
# Tables a chapter actually read: the build checks them against notebooks/chapters.yaml.
INPUTS_MIMETYPE = "application/vnd.sergek.inputs+json"
