"""Reading and writing the outside world's files (CSV, XLSX, vCard, iCalendar, DOCX).

Streaming, validated and transactional. Filled in by the members, boards and outreach areas.
"""
