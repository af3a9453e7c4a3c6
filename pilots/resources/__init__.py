"""Shared resources: recording a reuse, a convenor's approval for the public, and who may
download a resource's document."""
