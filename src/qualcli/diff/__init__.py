"""``qualcli diff``: what changed between two versions of a specification.

:func:`qualcli.diff.compare.diff_documents` aligns two :class:`SpecDocument`
objects (qualifications by number, units by code / Ofqual reference / content,
outcomes and criteria by ref and wording) and returns a
:class:`qualcli.diff.changes.DiffReport`; the ``render_*`` modules turn a
report into text, Markdown or JSON (``schemas/diff.schema.json``).
"""
