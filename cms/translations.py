"""The site's own words in other languages. Each of our apps keeps its catalogue in
`<app>/locale/<language>/LC_MESSAGES/django.po`; Django reads the compiled `.mo` beside it.
polib compiles them in Python, so `make setup` and the tests need no GNU gettext (only
`makemessages`, which extracts new strings into the .po files, does: a developer's tool)."""

from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings


def translation_catalogues() -> list[Path]:
    """The .po files of the project's own apps and LOCALE_PATHS, not of installed packages."""
    roots = [Path(path) for path in settings.LOCALE_PATHS]
    roots += [
        Path(app.path) / "locale"
        for app in apps.get_app_configs()
        if Path(app.path).parent == settings.BASE_DIR
    ]
    return sorted(po for root in roots for po in root.glob("*/LC_MESSAGES/*.po"))


def translations_compile() -> list[Path]:
    """Write the .mo of every catalogue whose .mo is missing or older; returns those written.
    Fuzzy and untranslated entries are left out, as msgfmt does: they show in English."""
    written = []
    for po in translation_catalogues():
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        polib.pofile(str(po)).save_as_mofile(str(mo))
        written.append(mo)
    return written
