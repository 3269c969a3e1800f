"""Names matched one way everywhere: accelerators as the catalog writes them (case-insensitive), ``newest`` and
``newest:VENDOR`` parsed strictly, and countries as ISO 3166-1 alpha-2 codes (validated, upper case).

Each reader returns the canonical form (``"gb300"``, ``"newest:amd"``, ``"US"``) that every later comparison uses,
or raises ``ValueError`` with what was expected (pydantic adds the field path and the value).
"""

from __future__ import annotations

import functools

from gigawatt.data.catalog import catalog

NEWEST = "newest"


@functools.cache
def vendors() -> tuple[str, ...]:
    """The vendors in the catalog, lower case, sorted."""
    return tuple(sorted({a.vendor.lower() for a in catalog().values()}))


def _catalog_list() -> str:
    return ", ".join(sorted(catalog()))


def accelerator_name(value: str) -> str:
    """A catalog name in the catalog's own (lower) case: ``"GB300"`` and ``" gb300 "`` are ``"gb300"``."""
    key = value.strip().lower()
    if key not in catalog():
        raise ValueError(f"unknown accelerator {value!r}; expected one of: {_catalog_list()}")
    return key


def accelerator_choice(value: str) -> str:
    """What a phase orders: a catalog name, ``newest`` (the newest shipping, any vendor) or ``newest:VENDOR``.

    Returns the canonical form (``"h100"``, ``"newest"``, ``"newest:amd"``). ``newest-amd``, ``newestfoo`` and
    ``newest:`` are refused (they were read as ``newest`` of any vendor), as is a vendor the catalog does not have.
    """
    text = value.strip().lower()
    if text == NEWEST:
        return text
    if text.startswith(NEWEST):
        head, sep, vendor = text.partition(":")
        vendor = vendor.strip()
        if head.strip() == NEWEST and sep and vendor in vendors():
            return f"{NEWEST}:{vendor}"
        what = f"unknown vendor {vendor!r} in {value!r}" if head.strip() == NEWEST and vendor else f"{value!r}"
        raise ValueError(
            f"unknown accelerator choice: {what}; expected 'newest' (the newest shipping, any vendor), "
            f"'newest:VENDOR' with VENDOR one of {', '.join(vendors())}, or a catalog name"
        )
    if text not in catalog():
        raise ValueError(
            f"unknown accelerator {value!r}; expected one of: {_catalog_list()}, newest, newest:VENDOR "
            f"(VENDOR one of {', '.join(vendors())})"
        )
    return text


def newest_vendor(choice: str) -> str | None:
    """For a canonical choice: ``""`` for ``newest``, the vendor for ``newest:VENDOR``, None for a catalog name."""
    if choice == NEWEST:
        return ""
    if choice.startswith(NEWEST + ":"):
        return choice.partition(":")[2]
    return None


def country_code(value: str) -> str:
    """An ISO 3166-1 alpha-2 country code, upper case: ``"us"`` is ``"US"``; ``"ZZ"``, ``""`` and ``"USA"`` are
    refused (the last with its alpha-2 code)."""
    import pycountry

    code = value.strip().upper()
    if len(code) == 2 and code.isascii() and code.isalpha() and pycountry.countries.get(alpha_2=code) is not None:
        return code
    hint = ""
    if code == "UK":
        hint = " (the United Kingdom's ISO code is 'GB')"
    elif code:
        try:
            found = pycountry.countries.lookup(value.strip())
        except LookupError:
            found = None
        if found is not None:
            hint = f" ({found.name}'s ISO 3166-1 alpha-2 code is {found.alpha_2!r})"
    shown = "an empty country code" if not code else f"unknown country code {value!r}"
    raise ValueError(f"{shown}{hint}; expected an ISO 3166-1 alpha-2 code such as 'US', 'NO' or 'AE'")
