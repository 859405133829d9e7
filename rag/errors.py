"""The one helper for a one-line error message: what users see of any failure.

Errors the user can fix are reported as one plain line (naming the thing and the reason); a
library's multi-line message or traceback text is cut to its first line, and long lines are
cut so a message never floods a terminal or a page.
"""

from __future__ import annotations

MAX_CHARS = 200


def one_line(error: BaseException | str, limit: int = MAX_CHARS) -> str:
    """The first non-empty line of an error (its type name if it has no message), at most
    `limit` characters."""
    text = str(error).strip()
    first = text.splitlines()[0].strip() if text else type(error).__name__
    return first if len(first) <= limit else first[: limit - 1] + "…"
