"""Rendering outreach material and minutes as accessible, tagged PDFs.

reportlab and pikepdf are imported only here. Filled in by the outreach area.
"""
