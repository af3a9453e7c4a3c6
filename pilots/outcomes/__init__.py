"""A Lab's outcomes rated from its published records: the measure library, ratings and
snapshots, Table 1, and the 2023 Lab's thresholds."""
