"""Pure text processing for Khabar: no Dagster, no database, just functions on strings.

Dagster assets call these in bulk; unit tests call them directly.
"""
