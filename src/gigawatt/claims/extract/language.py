"""Which language each paragraph and sentence is in, with lingua (lingua-language-detector: its models ship in the
package, nothing is downloaded), restricted to English, French and German; and, for the whole article, a wider
detector that can name a language outside the three."""

from __future__ import annotations

import re
from functools import cache

LANGS = ("en", "fr", "de")
# a sentence shorter than this keeps its paragraph's language (a name, a figure, "Er sagte:" say little)
MIN_SENTENCE_CHARS = 40
# a sentence's own language is taken over its paragraph's only when lingua is at least this sure of it
SENTENCE_CONFIDENCE = 0.9
# a paragraph's narration names its language when lingua gives it at least this: ", said Peng Xiao, chief executive of
# G42." is English at 0.86 and ", a déclaré en allemand Christian Bruch, ..." French at 0.74, while ", a dit le manager
# d'AWS Max Peterson." is English at only 0.54 (it is French: the article's language decides)
PARAGRAPH_CONFIDENCE = 0.7
# others the article-level check can name (the languages the news about these programmes also comes in)
_OTHERS = ("SPANISH", "ITALIAN", "PORTUGUESE", "DUTCH", "POLISH", "RUSSIAN", "ARABIC", "CHINESE", "JAPANESE",
           "KOREAN", "TURKISH", "SWEDISH")  # fmt: skip


@cache
def _detector(wide: bool):
    from lingua import Language, LanguageDetectorBuilder

    langs = [Language.ENGLISH, Language.FRENCH, Language.GERMAN]
    if wide:
        langs += [getattr(Language, name) for name in _OTHERS]
        return LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()
    return LanguageDetectorBuilder.from_languages(*langs).build()


# a capitalised word inside a sentence: a name in English and French (a noun in German, whose function words remain);
# names carry no language ("the Frankfurter Allgemeine Zeitung reported" is English, lingua alone says German at 1.0)
_INNER_CAPITALISED = re.compile(r"(?<![.!?:]\s)(?<!^)(?<![.!?:\"“„«]\s)\b[A-ZÀ-ÖØ-Þ][\w'’-]*")


def _without_names(text: str) -> str:
    """``text`` without its capitalised words inside sentences, where enough remains to tell its language."""
    rest = _INNER_CAPITALISED.sub("", text)
    return rest if len(rest.strip()) >= MIN_SENTENCE_CHARS else text


def _code(language) -> str:
    return language.iso_code_639_1.name.lower()


def detect(text: str) -> str:
    """'en', 'fr' or 'de' for a paragraph."""
    found = _detector(False).detect_language_of(text)
    return _code(found) if found is not None else "en"


def likely_language(text: str, fallback: str) -> str:
    """``text``'s language where lingua gives it at least PARAGRAPH_CONFIDENCE, else ``fallback``."""
    values = _detector(False).compute_language_confidence_values(_without_names(text))
    if values and values[0].value >= PARAGRAPH_CONFIDENCE:
        return _code(values[0].language)
    return fallback


def sentence_language(text: str, paragraph: str) -> str:
    """A sentence's language: its own where it is long enough and lingua is sure, else its paragraph's."""
    if len(text) < MIN_SENTENCE_CHARS:
        return paragraph
    values = _detector(False).compute_language_confidence_values(_without_names(text))
    if values and values[0].value >= SENTENCE_CONFIDENCE:
        return _code(values[0].language)
    return paragraph


def outside_language(text: str) -> str | None:
    """The language of the article when it is none of the three (its English name), else None."""
    found = _detector(True).detect_language_of(text[:5000])
    if found is None or _code(found) in LANGS:
        return None
    return found.name.capitalize()
