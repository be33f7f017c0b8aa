"""The domain: what the advocacy world is made of, and the rules that belong to it.

``people`` and ``text`` are plain Python. The SQLAlchemy models (``base``, ``accounts``,
``members``, gathered in ``models``) are imported only by storage and services that write.
"""
