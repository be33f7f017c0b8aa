"""The moment the sample community is dated from, shared by the demo's people and its boards.

Sample dates lie in the three years before it; the sample boards are set up at it.
"""

from __future__ import annotations

from datetime import UTC, datetime

BASE_TIME = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
