"""An article as text: a file or standard input, plain text or HTML (the page's visible text only).

HTML is read with the standard library's :class:`html.parser.HTMLParser` (tags dropped, entities decoded, the
contents of ``script``, ``style``, ``template``, ``noscript``, ``svg`` and ``head`` left out, block elements turned
into paragraph breaks). Offsets in the extraction refer to the text this module returns.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from html.parser import HTMLParser
from pathlib import Path

from gigawatt.errors import InputFileError
from gigawatt.limits import MAX_ARTICLE_BYTES

_HIDDEN = {"script", "style", "template", "noscript", "svg", "head", "iframe", "object"}
_BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article",
    "header", "footer", "tr", "table", "figcaption", "title", "main", "aside", "nav", "pre", "hr", "dd", "dt",
}  # fmt: skip
_LOOKS_HTML = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<p[\s>]|<div[\s>]|<article[\s>])", re.IGNORECASE)


class _Visible(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.address = ""

    def handle_starttag(self, tag, attrs):
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")
        a = dict(attrs)
        if tag == "link" and (a.get("rel") or "").lower() == "canonical" and a.get("href"):
            self.address = a["href"]
        if tag == "meta" and a.get("property") == "og:url" and a.get("content") and not self.address:
            self.address = a["content"]

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in _HIDDEN:
            self.hidden -= 1

    def handle_endtag(self, tag):
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def html_text(html: str) -> tuple[str, str]:
    """(the visible text of an HTML page, its canonical address or '')."""
    parser = _Visible()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip(), parser.address


def looks_like_html(text: str) -> bool:
    return bool(_LOOKS_HTML.match(text))


def _read_bytes(name: str) -> bytes:
    if name == "-":
        data = sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1)
    else:
        try:
            fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except FileNotFoundError:
            raise InputFileError(f"{name}: no such file; expected an article (text or HTML) or - for stdin") from None
        except IsADirectoryError:
            raise InputFileError(f"{name}: is a folder; expected an article file") from None
        except OSError as exc:
            raise InputFileError(
                f"{name}: cannot be opened ({exc.strerror or exc}); expected a readable file"
            ) from None
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            os.close(fd)
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file (a device, pipe or socket)"
            raise InputFileError(f"{name}: is {kind}; expected an article file (or - for stdin)")
        with os.fdopen(fd, "rb") as f:
            data = f.read(MAX_ARTICLE_BYTES + 1)
    return data


def _check_size(data: bytes, name: str) -> None:
    if len(data) > MAX_ARTICLE_BYTES:
        raise InputFileError(
            f"{name}: more than {MAX_ARTICLE_BYTES:,} bytes; expected one article (limits.MAX_ARTICLE_BYTES; a news "
            "page's HTML is under 1 MB)"
        )


def decode(data: bytes, name: str) -> str:
    """UTF-8 text (a BOM is dropped); binary data and other encodings are refused with what was found."""
    if b"\x00" in data[:8192]:
        raise InputFileError(f"{name}: binary data (NUL bytes); expected an article as UTF-8 text or HTML")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFileError(
            f"{name}: not UTF-8 (byte {exc.start}: {data[exc.start : exc.start + 1]!r}); expected UTF-8 text or HTML"
        ) from None
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 8:
        raise InputFileError(f"{name}: {controls} control characters; expected an article as text or HTML")
    return text


def read_article(name: str) -> tuple[str, str]:
    """(visible text, address) of the article in file ``name`` ('-': standard input)."""
    text, address = article_text(_read_bytes(name), name)
    if not address:
        address = "stdin" if name == "-" else f"file:{Path(name).name}"
    return text, address


def article_text(data: bytes, name: str) -> tuple[str, str]:
    """(visible text, canonical address or '') of an article's bytes, with the checks every source of an article
    shares (size, binary data, encoding, HTML, emptiness); ``name`` is what the messages call it (a file, ``-``, or
    the web request's ``text``)."""
    _check_size(data, name)
    text = decode(data, name)
    address = ""
    if looks_like_html(text):
        text, address = html_text(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputFileError(f"{name}: empty (no visible text); expected an article")
    return text, address
