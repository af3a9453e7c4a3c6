"""Labs compared side by side, and practice travelling between them (lineage)."""
