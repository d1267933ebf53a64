"""Readers turn a draft (.docx, .pdf, .txt/.md, JSON deal) into a :class:`Document`."""

from contractkit.readers.model import Block, Document, Location

__all__ = ["Block", "Document", "Location"]
