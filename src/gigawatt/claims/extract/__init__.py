"""Claims from the news: the quantitative claims of an English, French or German article, proposed as entries of
the claims ledger (:mod:`gigawatt.claims.ledger`).

The libraries it uses (spaCy's blank pipelines and rule Matcher, text2num, dateparser, lingua) are imported inside
the functions that need them, so ``gigawatt claims`` without ``extract`` does not pay for them.
"""

from __future__ import annotations

from gigawatt.claims.extract.core import extract
from gigawatt.claims.extract.reading import read_article

__all__ = ["extract", "read_article"]
