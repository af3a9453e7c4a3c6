"""Data loaded by commands: the 2023 Lab from the report, a synthetic Lab at any scale, and
the demo accounts."""
