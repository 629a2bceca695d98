"""Live input: fetch pages (``riftwatch run URL``) and follow feeds (``riftwatch follow``).

``fetch`` is the polite HTTP client (robots.txt, rate limit per host, retries, conditional
requests), ``feeds`` reads RSS/Atom/JSON feeds, ``pages`` turns fetched pages into ingest drafts
and ``follow`` runs the poll → fetch → code → store → watch cycle. What the follower remembers
between cycles lives in the store (``store.feedstate``).
"""
