"""The catalogs' gettext domain and the language Advocate's own text is written in.

Both the translation functions (``advocate_app.i18n``) and the catalog loader
(``catalogs.py``) need these, so they live below both.
"""

DOMAIN = "advocate_app"
SOURCE_LANGUAGE = "en"
