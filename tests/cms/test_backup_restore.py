"""`manage.py backup` then `manage.py restore` into an empty database gives back the same
rows (per-table counts and checksums) and the same media files; restoring over a database
that has data is refused and changes nothing."""

import json
import os
import subprocess
import sys
import uuid

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from cms.backup import table_fingerprints
from tests.conftest import ROOT

PROBE = """
import json, sys, django
django.setup()
from django.core.management import call_command
from cms.backup import table_fingerprints
call_command("restore", sys.argv[1])
print(json.dumps(table_fingerprints()))
"""


# Committed data, so that the backup sees it; the migrations' own rows (Wagtail's root page,
# groups, workflow) are put back after each test's flush.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def lab_with_media(settings, tmp_path):
    from wagtail.models import Collection

    from cms.site import home_page_ensure
    from pilots.seed.demo_accounts import demo_accounts_ensure
    from pilots.seed.lab_2023 import load_asylum_welcome_2023

    # The serialized rollback puts the root collection back as the migrations left it,
    # childless, beside the session's collections; demo accounts add borough collections.
    Collection.fix_tree()
    home_page_ensure()
    load_asylum_welcome_2023()
    demo_accounts_ensure()
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "documents").mkdir(parents=True)
    (settings.MEDIA_ROOT / "documents" / "minutes-3f2a.pdf").write_bytes(b"%PDF-1.7 minutes")
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    (settings.PRIVATE_MEDIA_ROOT / "documents").mkdir(parents=True)
    (settings.PRIVATE_MEDIA_ROOT / "documents" / "outline-9c1d.txt").write_bytes(b"Outline")


@pytest.fixture
def empty_database(tmp_path):
    """DATABASE_URL of a new, empty database of the same kind as the test database."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    db = connection.settings_dict
    name = f"designlab_restore_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{name}"
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_backup_restores_into_an_empty_database_with_the_same_rows(
    lab_with_media, empty_database, tmp_path
):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive))
    before = table_fingerprints()
    assert before["pilots_pilot"]["rows"] == 14  # the 2023 Lab is in the backup

    restored_media, restored_private = tmp_path / "restored-media", tmp_path / "restored-private"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings",
           "DATABASE_URL": empty_database, "MEDIA_ROOT": str(restored_media),
           "PRIVATE_MEDIA_ROOT": str(restored_private)}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(archive)], cwd=ROOT, env=env, capture_output=True,
        text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("Restored and verified")
    after = json.loads(lines[-1])
    assert after == before  # every table: same row count, same checksum
    restored = restored_media / "documents" / "minutes-3f2a.pdf"
    assert restored.read_bytes() == b"%PDF-1.7 minutes"
    assert (restored_private / "documents" / "outline-9c1d.txt").read_bytes() == b"Outline"


def test_restore_refuses_a_database_that_has_data(lab_with_media, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive))
    before = table_fingerprints()
    with pytest.raises(CommandError, match="The database is not empty"):
        call_command("restore", str(archive))
    assert table_fingerprints() == before


def test_backup_checksums_notice_a_changed_row(lab_with_media):
    from pilots.models import Pilot

    before = table_fingerprints()
    Pilot.objects.filter(pk=Pilot.objects.first().pk).update(title="Changed")
    after = table_fingerprints()
    assert after["pilots_pilot"]["rows"] == before["pilots_pilot"]["rows"]
    assert after["pilots_pilot"]["checksum"] != before["pilots_pilot"]["checksum"]
