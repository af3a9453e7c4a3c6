"""Follow-up check-ins months after a Lab ends: which are due, the officers' short return,
the reminders and the convenors' review."""
