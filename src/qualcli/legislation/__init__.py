"""Legislation: the currency table, finding references in text, and checking them.

Stable library surface: :func:`find_references` and :class:`Reference`.
"""

from __future__ import annotations

from qualcli.legislation.finder import Reference, find_references

__all__ = ["Reference", "find_references"]
