"""Backups: the database in its own native format plus the media files, in one archive with
a manifest of per-table row counts and checksums that a restore must reproduce.

PostgreSQL is dumped with `pg_dump -Fc` from the same snapshot the manifest is computed in,
and restored with `pg_restore`; SQLite is copied with its online backup API. Both copy the
schema with the data, so a restore needs an empty database and no migrations.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, transaction

MANIFEST = "manifest.json"
DATABASE = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
# Archive folder and manifest key of each file tree: public uploads and private documents.
MEDIA = {"media": "MEDIA_ROOT", "private_media": "PRIVATE_MEDIA_ROOT"}


class BackupError(Exception):
    pass


def row_digest(row: tuple[Any, ...]) -> int:
    values = [bytes(value) if isinstance(value, memoryview) else value for value in row]
    return int.from_bytes(hashlib.sha256(repr(values).encode()).digest(), "big")


def table_fingerprints() -> dict[str, dict]:
    """Row count and checksum of every table. The checksum is the sum of the rows' SHA-256
    digests, so it does not depend on the order rows come back in."""
    fingerprints = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            rows, total = 0, 0
            while batch := cursor.fetchmany(2000):
                rows += len(batch)
                total = (total + sum(row_digest(row) for row in batch)) % 2**256
            fingerprints[table] = {"rows": rows, "checksum": f"{total:064x}"}
    return fingerprints


def media_fingerprints(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def pg_environment() -> dict[str, str]:
    db = connection.settings_dict
    env = {**os.environ, "PGDATABASE": db["NAME"], "PGUSER": db["USER"] or ""}
    if db["HOST"]:
        env["PGHOST"] = db["HOST"]
    if db["PORT"]:
        env["PGPORT"] = str(db["PORT"])
    if db["PASSWORD"]:
        env["PGPASSWORD"] = db["PASSWORD"]
    return env


def run(command: list[str]) -> None:
    result = subprocess.run(command, env=pg_environment(), capture_output=True, text=True)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def database_dump(target: Path) -> dict[str, dict]:
    """Write the database to `target`; return the fingerprints of exactly what was written."""
    if connection.vendor == "postgresql":
        # One REPEATABLE READ snapshot for both the dump and the fingerprints.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            run(["pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={target}"])
            return table_fingerprints()
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with transaction.atomic():  # no writes between the copy and the fingerprints
            copy = sqlite3.connect(target)
            connection.connection.backup(copy)
            copy.close()
            return table_fingerprints()
    raise BackupError(f"Backups of {connection.vendor} databases are not supported.")


def media_roots() -> dict[str, Path]:
    return {key: Path(getattr(settings, setting)) for key, setting in MEDIA.items()}


def backup_create(*, archive: Path) -> dict:
    """Write a backup archive (.tar.gz) of the database, MEDIA_ROOT and PRIVATE_MEDIA_ROOT.
    Returns the manifest."""
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / DATABASE.get(connection.vendor, "database")
        manifest = {"vendor": connection.vendor, "tables": database_dump(dump)}
        for key, root in media_roots().items():
            manifest[key] = media_fingerprints(root) if root.is_dir() else {}
        with tarfile.open(archive, "w:gz") as tar:
            data = json.dumps(manifest, indent=1).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
            tar.add(dump, arcname=dump.name)
            for key, root in media_roots().items():
                for name in manifest[key]:
                    tar.add(root / name, arcname=f"{key}/{name}")
    return manifest


def database_is_empty() -> bool:
    return not connection.introspection.table_names()


def backup_restore(*, archive: Path) -> dict:
    """Restore `archive` into the (empty) configured database and MEDIA_ROOT, then check every
    table's row count and checksum and every media file against the manifest."""
    if not database_is_empty():
        raise BackupError(
            "The database is not empty. Restore into a new, empty database (create it, point "
            "DATABASE_URL at it, and run restore again); nothing has been changed."
        )
    with tempfile.TemporaryDirectory() as work, tarfile.open(archive, "r:gz") as tar:
        tar.extractall(work, filter="data")  # refuses absolute paths and "..": safe to open
        manifest = json.loads((Path(work) / MANIFEST).read_text())
        if manifest["vendor"] != connection.vendor:
            raise BackupError(
                f"This backup is of a {manifest['vendor']} database; the configured database "
                f"is {connection.vendor}."
            )
        dump = Path(work) / DATABASE[connection.vendor]
        if connection.vendor == "postgresql":
            run(["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error",
                 f"--dbname={connection.settings_dict['NAME']}", str(dump)])  # fmt: skip
        else:
            connection.ensure_connection()
            source = sqlite3.connect(dump)
            source.backup(connection.connection)
            source.close()
        for key, root in media_roots().items():
            if (Path(work) / key).is_dir():
                shutil.copytree(Path(work) / key, root, dirs_exist_ok=True)
    backup_verify(manifest)
    return manifest


def backup_verify(manifest: dict) -> None:
    tables = table_fingerprints()
    wrong = sorted(name for name, fp in manifest["tables"].items() if tables.get(name) != fp)
    for key, root in media_roots().items():
        files = media_fingerprints(root) if root.is_dir() else {}
        wrong += sorted(f"{key}/{name}" for name, digest in manifest.get(key, {}).items()
                        if files.get(name) != digest)  # fmt: skip
    if wrong:
        raise BackupError(f"The restored copy differs from the backup in: {', '.join(wrong)}.")


def media_file_count(manifest: dict) -> int:
    return sum(len(manifest.get(key, {})) for key in MEDIA)
