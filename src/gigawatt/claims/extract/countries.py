"""The world's countries by name in English, French and German, from pycountry's ISO 3166-1 list and its
translations (the Debian iso-codes project): "Albanien", "Liban", "Lebanon" are places, never a speaker."""

from __future__ import annotations

import functools
import gettext
import re

# short names that are also common words or first names ("Christmas Island", German "Island" for Iceland, "Jersey",
# the French name of Mauritius): kept out
_AMBIGUOUS = {"Christmas", "Island", "Jersey", "Maurice", "Norfolk"}


@functools.lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Every country's short name in the three languages (its common name too: "South Korea", "Iran"), without the
    qualifier ISO adds after a comma or in brackets ("Korea, Republic of", "Bolivie (État plurinational de)")."""
    import pycountry

    translations = [gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]) for lang in ("fr", "de")]
    out = set()
    for country in pycountry.countries:
        english = [country.name, getattr(country, "common_name", country.name)]
        for name in english + [t.gettext(n) for t in translations for n in english]:
            short = re.split(r"\s*[,(]", name)[0].strip()
            if short and not short.endswith("-") and short not in _AMBIGUOUS:  # "Kokos-(Keeling-)Inseln"
                out.add(short)
    return frozenset(out)
