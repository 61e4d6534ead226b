"""Occasions: the event records that tell of one real-world event, within an article
(occasions) and across articles (link), by what the records say of it (signature)."""

from .link import Linked, Linker, link
from .occasions import with_occasions

__all__ = ["Linked", "Linker", "link", "with_occasions"]
