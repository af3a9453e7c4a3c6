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


@transaction.atomic
def home_page_ensure() -> HomePage:
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        placeholder = (
            root.get_children().exclude(content_type__model="homepage").filter(slug="home").first()
        )
        if placeholder is not None:
            placeholder.slug = "welcome-placeholder"
            placeholder.save()
        home = root.add_child(
            instance=HomePage(title="Borough Design Lab", slug="home", intro=INTRO)
        )
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(hostname="localhost", root_page=home, is_default_site=True,
                                site_name="Borough Design Lab")  # fmt: skip
        else:
            site.root_page = home
            site.site_name = "Borough Design Lab"
            site.save()
        if placeholder is not None:
            placeholder.delete()
    return home
