import pytest


@pytest.fixture
def tasks_in_process(tasks_in_process, settings, tmp_path):
    """Tasks in this process, and exported files in a temporary folder."""
    settings.EXPORTS_ROOT = tmp_path
