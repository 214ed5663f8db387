"""The driving side of the hexagon: HTTP, the CLI and the composition root."""
