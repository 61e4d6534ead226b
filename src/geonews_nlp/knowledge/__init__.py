"""What the package knows as data: reading its data files, and the known actors by any of
their names (the gazetteer)."""
