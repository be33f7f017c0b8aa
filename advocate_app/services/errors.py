"""Errors services raise. Their messages are already translated and fit to show a user."""

from __future__ import annotations


class ServiceError(Exception):
    """Base for errors a user can act on."""


class NotFoundError(ServiceError):
    pass


class ConcurrentEditError(ServiceError):
    """Someone else saved the record since it was opened."""


class ValidationError(ServiceError):
    """Input that cannot be saved. ``errors`` maps field names to messages."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("\n".join(self.errors.values()))


class UnreadableFileError(ServiceError):
    """A file cannot be read as what it claims to be; nothing was imported."""


class AccessDeniedError(ServiceError):
    """The account acting may not do this (its role does not allow it); nothing was done."""
