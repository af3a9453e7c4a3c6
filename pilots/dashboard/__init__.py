"""The convenors' dashboard: every borough of a Lab at a glance, with charts."""
