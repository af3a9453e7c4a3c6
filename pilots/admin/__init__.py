"""The tracker's Wagtail admin: snippet viewsets closed per borough, the pilot editor, the
Lab's reference data and the officer's home panel."""
