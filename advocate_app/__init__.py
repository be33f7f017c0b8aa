"""Advocate: a local, private, accessible home for patient advocacy groups.

Nothing is done at import time; :mod:`advocate_app.app` wires the layers together at start-up.
"""

__version__ = "0.1.0"
