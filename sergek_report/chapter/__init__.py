"""What a chapter uses: open_chapter, formatting, units, charts, tables, sentences."""
