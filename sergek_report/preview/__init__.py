"""The live preview: a session that rebuilds on every change, and its HTTP server."""
