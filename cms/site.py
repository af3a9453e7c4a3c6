"""The public site's root: a HomePage as the default Site's root, in place of Wagtail's
placeholder welcome page."""

from django.db import transaction
from wagtail.models import Page, Site

from cms.models import HomePage

INTRO = (
    "<p>The Borough Design Lab brings London boroughs together to design, run and evaluate "
    "pilot initiatives that improve the social integration of people seeking asylum. This "
    "site publishes what they learned.</p>"
)
SITE_NAME = "Borough Design Lab"


@transaction.atomic
def home_page_ensure() -> HomePage:
    home = (
        HomePage.objects.filter(locale__language_code="en-gb").first() or HomePage.objects.first()
    )
    placeholder = None
    if home is None:
        root = Page.get_first_root_node()
        placeholder = (
            root.get_children().exclude(content_type__model="homepage").filter(slug="home").first()
        )
        if placeholder is not None:
            placeholder.slug = "welcome-placeholder"
            placeholder.save()
        home = root.add_child(instance=HomePage(title=SITE_NAME, slug="home", intro=INTRO))
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True,
                            site_name=SITE_NAME)  # fmt: skip
    elif site.root_page.specific_class is not HomePage:  # still Wagtail's placeholder
        site.root_page = home
        site.site_name = SITE_NAME
        site.save()
    if placeholder is not None:
        placeholder.delete()
    return home
