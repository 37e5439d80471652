"""How instrument names are written and compared.

Teaching material writes the same title many ways: "and" or "&", with or
without "etc.", in any case, with or without brackets, broken across lines.
:func:`name_key` reduces a name to one comparable form.
"""

from __future__ import annotations

from qualcli.lazyre import lazy_compile

#: Whitespace between two words of a citation (e.g. a name and its year): spaces, or one line
#: break (a wrapped line; a Markdown quote marker may follow it). A blank line ends a paragraph.
SEP = r"(?:[^\S\n]*\n[^\S\n>]*>?[^\S\n]*|[^\S\n]+)"

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
_PUNCT = lazy_compile(r"[^\w\s']")
_NI = lazy_compile(r"\bnorthern ireland\b|\bn i\b")
_ETC = lazy_compile(r"\betc\b\.?")

#: Words that name a part of the UK in a title ("... (Northern Ireland) Order", "... (Scotland) Act"), as keyed.
TERRITORIES = frozenset({"ni", "scotland", "wales", "england"})


def name_key(name: str) -> str:
    """A name reduced for comparison: lower case, "&" as "and", no "etc.", no punctuation, "NI" for Northern Ireland."""
    text = name.translate(_APOSTROPHES).lower().replace("&", " and ")
    if "etc" in text:
        text = _ETC.sub(" ", text)
    text = " ".join(_PUNCT.sub(" ", text).split())
    return _NI.sub("ni", text) if " i" in text or "ireland" in text else text


def is_abbreviation(name: str) -> bool:
    """True for a short form matched case-sensitively (``SOGA``, ``COSHH``, ``UK GDPR``)."""
    return sum(ch.isupper() for ch in name) >= 2 and len(name) <= 12
