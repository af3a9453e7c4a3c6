"""Seed the public site: the page tree, a theme page per report theme, a case study per
published pilot, the workshop materials (private), the accessibility statement and privacy
notice (linked from every footer) and illustrative Arabic translations.
Idempotent: pages found by slug (case studies by pilot) are left as editors left them."""

from collections.abc import Iterable

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, PageViewRestriction

from cms.models import FooterLinks, HomePage
from cms.site import home_page_ensure
from designlab.models import Challenge, Lab, Session
from pilots.access.roles import CONVENORS, OFFICERS
from pilots.models import Pilot, SharedResource
from toolkit.models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    ContentPage,
    LabReportPage,
    OpenDataPage,
    ResourceLibraryPage,
    ResourceTheme,
    SessionMaterials,
    ThemePage,
    ToolkitIndexPage,
    WorkshopMaterialsPage,
)
from toolkit.seed_content import (
    DESCRIPTIONS,
    PUBLIC_RESOURCES,
    REPORT,
    THEMES,
    WELCOME_AR,
    WELCOME_EN,
)
from toolkit.seed_statutory import ACCESSIBILITY_AR, ACCESSIBILITY_EN, PRIVACY_AR, PRIVACY_EN

LAB_SLUG = "asylum-welcome-2023"
MATERIALS_COLLECTION = "Workshop materials (Lab participants)"


def _paragraphs(
    sections: Iterable[tuple[str, str]], quote_source: str | None = None
) -> list[tuple[str, dict | str]]:
    body = []
    for heading, text in sections:
        body.append(("heading", {"text": heading, "level": "h2"}))
        if quote_source:
            body.append(("quote", {"quote": text, "source": quote_source}))
        else:
            body.append(("paragraph", text))
    return body


def _child(parent: Page, page: Page) -> tuple[Page, bool]:
    """The live child of `parent` with `page`'s slug, or `page` added there and published."""
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing is not None:
        return existing.specific, False
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


@transaction.atomic
def toolkit_site_ensure() -> HomePage:
    home = home_page_ensure()
    lab = Lab.objects.get(slug=LAB_SLUG)
    sections = [
        _toolkit_ensure(home),
        _case_studies_ensure(home),
        _library_ensure(home),
        _report_ensure(home, lab),
        _open_data_ensure(home),
        _workshops_ensure(home, lab),
    ]
    welcome = _translations_ensure(home)
    if not home.body:
        home.body = [
            ("links", [{"page": page, "description": ""} for page in [*sections[:5], welcome]]),
        ]
        home.save_revision().publish()
    return home


def _section(home: HomePage, page: Page) -> Page:
    page.show_in_menus = True
    page.search_description = DESCRIPTIONS.get(page.slug, "")
    return _child(home, page)[0]


def _toolkit_ensure(home: HomePage) -> Page:
    index = _section(home, ToolkitIndexPage(
        title="Asylum Welcome Toolkit", slug="toolkit",
        intro="<p>Good practice from the Design Lab’s boroughs, by theme: the integration issues "
              "they faced and how they responded.</p>",
    ))  # fmt: skip
    resources = {r.title: r for r in SharedResource.objects.filter(lab__slug=LAB_SLUG)}
    for slug, title, challenge, summary, sections, resource_titles in THEMES:
        theme = ThemePage(
            title=title,
            slug=slug,
            summary=summary,
            challenge=Challenge.objects.filter(slug=challenge).first() if challenge else None,
            body=_paragraphs(sections, quote_source=REPORT),
        )
        theme.resource_links = [
            ResourceTheme(resource=resources[name]) for name in resource_titles if name in resources
        ]
        _child(index, theme)
    return index


def _case_studies_ensure(home: HomePage) -> Page:
    """A case study for every published pilot, of every Lab loaded."""
    index = _section(home, CaseStudyIndexPage(
        title="Pilot case studies", slug="case-studies",
        intro="<p>What each borough’s pilot set out to do, what it learned and how it is "
              "measured.</p>",
    ))  # fmt: skip
    covered = set(CaseStudyPage.objects.values_list("pilot_id", flat=True))
    for pilot in (
        Pilot.objects.published().select_related("borough").order_by("lab__starts_on", "pk")
    ):
        if pilot.pk in covered:
            continue
        title = f"{pilot.borough.name}: {pilot.title}"
        _child(index, CaseStudyPage(title=title, slug=slugify(title)[:80], pilot=pilot))
    return index


def _library_ensure(home: HomePage) -> Page:
    library, created = _child(home, ResourceLibraryPage(
        title="Resource library", slug="resources", show_in_menus=True,
        search_description=DESCRIPTIONS["resources"],
        intro="<p>Welcome packs, terms of reference and other resources the boroughs made "
              "public.</p>",
    ))  # fmt: skip
    if created:
        # The report publishes its welcome-pack guidance in the toolkit (§3.1).
        for title, description in PUBLIC_RESOURCES.items():
            SharedResource.objects.filter(
                lab__slug=LAB_SLUG, title=title, approved_at__isnull=True
            ).update(
                visibility=SharedResource.Visibility.PUBLIC,
                approved_at=timezone.now(),
                description=description,
            )
    return library


def _report_ensure(home: HomePage, lab: Lab) -> Page:
    return _section(home, LabReportPage(
        title="Lab report: outcomes", slug="report", lab=lab,
        intro=f"<p>The tables of the {lab.name} report, computed from the published records.</p>",
    ))  # fmt: skip


def _open_data_ensure(home: HomePage) -> Page:
    return _section(home, OpenDataPage(
        title="Open data", slug="open-data",
        intro="<p>Counts from the tracker’s published records, by borough, to download.</p>",
    ))  # fmt: skip


def _materials_collection() -> Collection:
    collection = Collection.objects.filter(name=MATERIALS_COLLECTION).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=MATERIALS_COLLECTION)
    if not collection.view_restrictions.exists():
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.set(Group.objects.filter(name__in=[CONVENORS, OFFICERS]))
    return collection


def _session_document(session: Session, collection: Collection) -> Document:
    title = f"{session}: session outline"
    document = Document.objects.filter(title=title, collection=collection).first()
    if document is None:
        name = f"documents/workshop-materials/{session.kind}-{session.number}-outline.txt"
        document = Document(title=title, collection=collection)
        if default_storage.exists(name):  # left by an earlier run on this machine
            document.file.name = name
        else:
            text = (f"{session}\n\nSession outline (illustrative placeholder for the slides and "
                    f"templates shared with participants).\n")  # fmt: skip
            document.file.save(name.rsplit("/", 1)[1], ContentFile(text.encode()), save=False)
        document.save()
    return document


def _workshops_ensure(home: HomePage, lab: Lab) -> Page:
    page, created = _child(home, WorkshopMaterialsPage(
        title="Workshop materials", slug="workshop-materials",
        intro="<p>Slides and templates from the Lab’s workshops and webinars, for Lab "
              "participants.</p>",
    ))  # fmt: skip
    if not page.get_view_restrictions().exists():
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set(Group.objects.filter(name__in=[CONVENORS, OFFICERS]))
    if created:
        collection = _materials_collection()
        page.sessions = [
            SessionMaterials(
                session=session,
                materials=[
                    (
                        "material",
                        {"document": _session_document(session, collection), "description": ""},
                    )
                ],
            )  # fmt: skip
            for session in lab.sessions.filter(kind__in=["workshop", "webinar"])
        ]
        page.save_revision().publish()
    return page


def _content_ensure(home: HomePage, text: dict) -> ContentPage:
    return _child(home, ContentPage(
        title=text["title"], slug=text["slug"], search_description=text["description"],
        intro=text["intro"], body=_paragraphs(text["sections"]),
    ))[0]  # fmt: skip


def _translation_ensure(page: Page, locale: Locale, text: dict) -> Page:
    translated = page.get_translations().filter(locale=locale).first()
    if translated is None:
        translated = page.copy_for_translation(locale, copy_parents=True)
        translated.title = text["title"]
        translated.search_description = text["description"]
        translated.intro = text["intro"]
        translated.body = _paragraphs(text["sections"])
        translated.save_revision().publish()
    return translated.specific


def _translations_ensure(home: HomePage) -> ContentPage:
    """The welcome pack and the statutory pages, in English and Arabic; the footer links.
    Returns the English welcome pack."""
    arabic, _ = Locale.objects.get_or_create(language_code="ar")
    pages = {
        "welcome": (_content_ensure(home, WELCOME_EN), WELCOME_AR),
        "accessibility": (_content_ensure(home, ACCESSIBILITY_EN), ACCESSIBILITY_AR),
        "privacy": (_content_ensure(home, PRIVACY_EN), PRIVACY_AR),
    }
    translated = [_translation_ensure(page, arabic, text) for page, text in pages.values()]
    links = FooterLinks.for_site(home.get_site())
    if links.accessibility_statement is None and links.privacy_notice is None:
        links.accessibility_statement = pages["accessibility"][0]
        links.privacy_notice = pages["privacy"][0]
        links.save()
    # Copying the parents made the Arabic home an alias of the English one: English text
    # and links under lang="ar". Make it a page of its own, in Arabic.
    home_ar = translated[0].get_parent().specific
    if home_ar.alias_of_id is not None:
        ConvertAliasPageAction(home_ar).execute(skip_permission_checks=True)
        home_ar.title = WELCOME_AR["home_title"]
        home_ar.intro = WELCOME_AR["home_intro"]
        home_ar.body = [("links", [{"page": page, "description": ""} for page in translated])]
        home_ar.save_revision().publish()
    return pages["welcome"][0]
