"""Views of the records: pandas tables and HTML."""
