"""Reading documents into clean, citable text (loaders) and removing page boilerplate (cleaning)."""

import rag.offline  # noqa: F401,E402  (telemetry off before any dependency is imported)
