"""``create_app``: the ASGI application of ``riftwatch serve`` — the JSON API and the dashboard.

The dashboard is one static page (``static/index.html``) with plain ES modules and vendored
libraries (Leaflet, uPlot, topojson-client, Natural Earth countries from world-atlas; licences and
hashes in ``static/vendor/VENDOR.md``): no build step, nothing fetched from another host.  The
Content-Security-Policy header makes a browser refuse anything that is not from this server, so
a page that works here works offline.  Swagger's /docs page is off (it loads from a CDN); the
schema is at /openapi.json.

Errors are JSON ``{"error": ..., "parameter": ...}``: 400 for a bad parameter (naming it and the
problem), 404 for an unknown article, 503 with Retry-After while a writer holds the store.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, Final

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from riftwatch import __version__
from riftwatch.errors import InputError, StoreBusy, StoreError
from riftwatch.serve.api import Cache, router
from riftwatch.serve.reader import StoreReader

log = logging.getLogger(__name__)

CSP: Final = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'"
)
"""Leaflet and uPlot position elements with inline styles; every other inline thing is refused."""

LOCAL_HOSTS: Final = ("127.0.0.1", "localhost", "[::1]", "::1")


def static_dir() -> Path:
    """The dashboard's files inside the installed package."""
    return Path(str(resources.files("riftwatch.serve").joinpath("static")))


def _error(status: int, message: str, parameter: str | None = None, **headers: str) -> JSONResponse:
    body: dict[str, Any] = {"error": message}
    if parameter is not None:
        body["parameter"] = parameter
    return JSONResponse(body, status_code=status, headers=headers or None)


def _validation_message(exc: RequestValidationError) -> tuple[str, str | None]:
    """'since: Input should be a valid date ... (got 'x')' and the parameter's name."""
    problems = []
    first: str | None = None
    for e in exc.errors():
        loc = [str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body")]
        name = ".".join(loc) or "request"
        first = first or name
        got = e.get("input")
        problems.append(f"{name}: {e.get('msg', 'invalid')}" + (f" (got {got!r})" if isinstance(got, str) else ""))
    return "; ".join(problems), first


def create_app(
    store: str | Path,
    *,
    lock_wait: float = 2.0,
    cache_size: int = 256,
    allowed_hosts: Sequence[str] = (*LOCAL_HOSTS, "testserver"),
    poll_ms: int = 5000,
) -> FastAPI:
    """The app over ``store``: read-only, the file opened per request (see ``reader``).

    ``allowed_hosts`` guards against DNS rebinding (a web page making the browser call this API
    by another name); ``["*"]`` allows any.  ``poll_ms`` is how often the dashboard asks whether
    the store changed.
    """
    rd = StoreReader(store, lock_wait=lock_wait)
    try:
        rd.check()
    except StoreBusy as exc:  # a run is writing it now: serve anyway, requests retry
        log.warning("%s", exc)
    app = FastAPI(
        title="riftwatch",
        version=__version__,
        description="Read-only API over a riftwatch event store: events, dyad series, rift alerts, articles, places.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.reader = rd
    app.state.cache = Cache(cache_size)
    app.state.poll_ms = poll_ms
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))

    @app.middleware("http")
    async def headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        if request.url.path.startswith("/api/"):
            response.headers["Cache-Control"] = "no-store"
        return response

    @app.exception_handler(InputError)
    async def bad_input(request: Request, exc: InputError) -> JSONResponse:
        return _error(400, str(exc), exc.where.split()[0] if exc.where else None)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        message, parameter = _validation_message(exc)
        return _error(400, message, parameter)

    @app.exception_handler(StoreBusy)
    async def busy(request: Request, exc: StoreBusy) -> JSONResponse:
        return _error(503, str(exc), None, **{"Retry-After": "2"})

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> JSONResponse:
        return _error(500, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if isinstance(exc.detail, dict):
            return JSONResponse(exc.detail, status_code=exc.status_code)
        return _error(exc.status_code, str(exc.detail))

    app.include_router(router)
    static = static_dir()
    app.mount("/static", StaticFiles(directory=static), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(static / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/api/config", include_in_schema=False)
    def config() -> dict[str, Any]:
        return {"poll_ms": app.state.poll_ms, "store": str(rd.path), "version": __version__}

    return app
