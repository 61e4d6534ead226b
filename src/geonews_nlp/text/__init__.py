"""The text before any model: the publication date and its header, long articles in pieces."""
