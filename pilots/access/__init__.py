"""Who may see and change what: roles, per-borough scoping, permission policies and the
scoped admin form base."""
