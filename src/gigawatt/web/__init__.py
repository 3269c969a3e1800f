"""The web page and its JSON API (``gigawatt serve``).

:mod:`~gigawatt.web.app` builds the FastAPI app from a router per area (:mod:`~gigawatt.web.scenarios`,
:mod:`~gigawatt.web.runs`, :mod:`~gigawatt.web.montecarlo`; :mod:`~gigawatt.web.answers` holds what they share),
:mod:`~gigawatt.web.inputs` reads requests as the command line reads its arguments, :mod:`~gigawatt.web.jobs` runs
Monte Carlo work off the event loop, :mod:`~gigawatt.web.guard` caps bodies and sets the security headers,
:mod:`~gigawatt.web.controls` lists a scenario's key assumptions for the page, ``static/`` holds the page.

Nothing below this tier imports it; :mod:`gigawatt.__main__` imports :mod:`~gigawatt.web.serve` to add the command.
FastAPI and uvicorn are imported only here.
"""
