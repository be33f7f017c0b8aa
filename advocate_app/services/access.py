"""The one guard every service method calls before it reads or changes what a role protects."""

from __future__ import annotations

from advocate_app.domain.access import Permission, refusal
from advocate_app.domain.people import Actor
from advocate_app.services.errors import AccessDeniedError


def require(actor: Actor, permission: Permission) -> None:
    """Raise :class:`AccessDeniedError` (one translated sentence) unless ``actor`` may."""
    message = refusal(actor.role, permission)
    if message is not None:
        raise AccessDeniedError(message)
