"""Framing measures: distinctive terms, frames, word choice in shared statements, headline and
lead, tone (see docs/framing.md)."""
