"""The build: chapter execution, rendering to HTML and PDF, publication, scenarios."""
