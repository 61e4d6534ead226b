"""Errors raised by geonews_nlp, each with a message that says what to do."""


class GeonewsError(Exception):
    """Base class of the package's own errors."""


class ExtensionConflict(GeonewsError):
    """A ``Doc._`` extension name of ours is already taken by another package."""


class PatternError(GeonewsError, ValueError):
    """A rule or lexicon entry is malformed; raised when the rule set is built."""
