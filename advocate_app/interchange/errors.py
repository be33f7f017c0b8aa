"""Errors reading the outside world's files; messages are translated, for the user."""


class UnreadableFileError(Exception):
    """The file cannot be read as what it claims to be; nothing was imported."""
