"""English stemming for the site search on SQLite, as PostgreSQL has with SEARCH_CONFIG
"english" (settings): Wagtail's SQLite backend creates its FTS5 table with the default
tokenizer, which matches only whole words, so "volunteering" would not find "Volunteer".
The table is made again with FTS5's porter tokenizer and refilled from the index entries
(Wagtail's triggers keep it in step from then on; its rebuilds do not recreate it)."""

from django.db import migrations

TABLE = "wagtailsearch_indexentry_fts"


def _fts_table(tokenize: str):
    def recreate(apps, schema_editor):
        connection = schema_editor.connection
        if connection.vendor != "sqlite":
            return
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM sqlite_master WHERE name = %s", [TABLE])
            if cursor.fetchone() is None:
                return  # SQLite without FTS5: Wagtail uses its plain fallback search
            cursor.execute(f"DROP TABLE {TABLE}")
            cursor.execute(
                f"CREATE VIRTUAL TABLE {TABLE} USING fts5(autocomplete, body, title{tokenize})"
            )
            cursor.execute(
                f"INSERT INTO {TABLE}(rowid, title, body, autocomplete) "
                "SELECT id, title, body, autocomplete FROM wagtailsearch_indexentry"
            )

    return recreate


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0005_footer_links"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.RunPython(
            _fts_table(", tokenize = 'porter unicode61'"), _fts_table("")
        ),
    ]
