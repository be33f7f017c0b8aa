"""Services: one public method per user intention, over a unit of work, returning plain data."""
