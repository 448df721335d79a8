"""The calculations, and the computed edition that a chapter or the build gets."""
