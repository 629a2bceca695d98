"""``riftwatch serve``: a read-only JSON API and a dashboard over a store, on this machine.

``create_app(store)`` builds the ASGI app (FastAPI); ``riftwatch serve`` runs it with uvicorn on
127.0.0.1. See ``app`` for the API's conventions and ``reader`` for how it shares the store file
with a process writing it.
"""

from riftwatch.serve.app import create_app

__all__ = ["create_app"]
