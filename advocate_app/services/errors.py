"""Errors services raise. Their messages are already translated and fit to show a user."""

from __future__ import annotations


class ServiceError(Exception):
    """Base for errors a user can act on."""


class NotFoundError(ServiceError):
    pass


class ConcurrentEditError(ServiceError):
    """Someone else saved the record since it was opened.

    ``theirs``: the record as it is stored now (the same plain view the editor opened), when
    the service could read it; ``version``: its version now. Saving again with that version
    keeps the editor's values over theirs.
    """

    def __init__(self, message: str, theirs: object | None = None,
                 version: int | None = None):
        super().__init__(message)
        self.theirs = theirs
        self.version = version


class ValidationError(ServiceError):
    """Input that cannot be saved. ``errors`` maps field names to messages."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("\n".join(self.errors.values()))


class UnreadableFileError(ServiceError):
    """A file cannot be read as what it claims to be; nothing was imported."""


class AccessDeniedError(ServiceError):
    """The account acting may not do this (its role does not allow it); nothing was done."""
