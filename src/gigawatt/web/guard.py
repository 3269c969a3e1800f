"""Two ASGI middlewares: a cap on request bodies (413 before the app reads more than the cap, whether the client
sent a Content-Length or not) and the security headers of every answer (a Content-Security-Policy that allows only
the app's own scripts; no CORS headers are ever sent, so a page of another origin cannot read an answer)."""

from __future__ import annotations

import json

# scripts and connections: this origin only (no inline script, no eval). Styles: plotly.js writes its own style
# rules and style attributes at run time, so inline styles are allowed; nothing else is.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class SecurityHeaders:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *_HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers)


class BodyLimit:
    """413 for a body over ``max_bytes``: at once when its Content-Length says so, else as soon as the bytes
    received pass the cap (the app never sees more)."""

    def __init__(self, app, max_bytes: int):
        self.app, self.max_bytes = app, max_bytes

    async def _refuse(self, send, size: str) -> None:
        body = json.dumps(
            {
                "detail": f"request body of {size} bytes; expected at most {self.max_bytes:,} "
                "(limits.WEB_MAX_BODY_BYTES)",
                "problems": [],
            }
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"connection", b"close"), *_HEADERS],
            }
        )
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            return await self._refuse(send, f"{int(length):,}" if length.isdigit() else repr(length.decode()))
        seen = 0
        state = {"started": False, "refused": False}

        async def limited():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:  # answer 413 now; the app sees a client that went away
                    if not state["started"]:
                        state["refused"] = True
                        await self._refuse(send, f"over {self.max_bytes:,}")
                    return {"type": "http.disconnect"}
            return message

        async def tracking(message):
            if state["refused"]:
                return  # the 413 was the answer: whatever the app says after it is dropped
            state["started"] = state["started"] or message["type"] == "http.response.start"
            await send(message)

        await self.app(scope, limited, tracking)
