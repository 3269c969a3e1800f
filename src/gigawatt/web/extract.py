"""``POST /api/claims/extract``: ``gigawatt claims extract`` on an article sent as text, built by the code the command
line uses (``--json``, or ``--yaml`` for ``format: yaml``) with the same checks and limits.

The article's bytes go through the same reader as a file's (:func:`gigawatt.claims.extract.reading.article_text`:
at most ``limits.MAX_ARTICLE_BYTES``, no binary data, HTML reduced to its visible text, not empty); the request body
itself is capped before it is read (``limits.WEB_MAX_BODY_BYTES``, 413). Bad input is a 422 whose ``detail`` is the
command line's message, the request's ``text`` standing where the command line names the file. Extraction runs in a
worker thread, one at a time (spaCy's pipelines are shared and load on first use), so the event loop stays free.
"""

from __future__ import annotations

import threading
from typing import Literal

from fastapi import APIRouter
from fastapi.responses import Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from gigawatt.errors import GigawattError
from gigawatt.web.answers import JSON, dumps
from gigawatt.web.inputs import problem_from

router = APIRouter(prefix="/api", tags=["checks"])

ADDRESS = "web request"  # the article's address (a ledger entry's source) when the text names none
YAML = "application/yaml; charset=utf-8"
_ONE_AT_A_TIME = threading.Lock()


class ExtractRequest(BaseModel):
    """``gigawatt claims extract FILE [--date D] [--lang L] [--json | --yaml]`` with the file's text in ``text``."""

    text: str = Field(
        description="the article: plain text or HTML (the page's visible text is read), at most "
        "limits.MAX_ARTICLE_BYTES in UTF-8",
        examples=["SoftBank has well under $10B secured, Musk wrote on X."],
    )
    date: str | None = Field(
        None, description="publication date, YYYY-MM-DD: relative dates resolve against it", examples=["2025-01-23"]
    )
    lang: str = Field("auto", description="en, fr, de, or auto (detected per paragraph and sentence)")
    format: Literal["json", "yaml"] = Field(
        "json", description="json: the --json contract; yaml: the --yaml ledger entries (needs date)"
    )


def extract_answer(body: ExtractRequest) -> tuple[bytes, str]:
    """(the answer's bytes, its media type): what ``claims extract --json`` or ``--yaml`` prints for the text."""
    from gigawatt.claims.extract.reading import article_text
    from gigawatt.cli.claims import extract_options, extraction, extraction_yaml

    try:
        when = extract_options(body.date, body.lang)
        # a lone surrogate in the JSON string stays an undecodable byte: the reader refuses it as not UTF-8
        text, address = article_text(body.text.encode("utf-8", errors="surrogatepass"), "text")
        address = address or ADDRESS
        with _ONE_AT_A_TIME:
            result = extraction(text, address, when, body.lang)
        if body.format == "yaml":
            return extraction_yaml(result, when, address).encode("utf-8"), YAML
        return dumps(result), JSON
    except GigawattError as exc:
        problem = problem_from(exc, None, "text")
        for f in problem.fields:
            if f["field"] == "yaml":  # "--yaml needs --date": what the request lacks is its date
                f["field"] = "date"
        raise problem from None


@router.post(
    "/claims/extract",
    responses={200: {"content": {JSON: {}, YAML: {}}, "description": "the --json contract, or --yaml's entries"}},
)
async def claims_extract(body: ExtractRequest):
    """``gigawatt claims extract --json`` (``format: yaml``: ``--yaml``) on the article in ``text``: each claim's
    quote and offsets, speaker, quantity in base units, comparator, deadline, kind and ledger match (docs/claims.md).
    Text with no claims is an empty list."""
    data, media = await run_in_threadpool(extract_answer, body)
    return Response(data, media_type=media)
