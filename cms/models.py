from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from cms.blocks import BodyBlock
from cms.pages import PublicPageMixin, descendant_route


class HomePage(PublicPageMixin, Page):
    intro = RichTextField(blank=True)
    body = StreamField(BodyBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    # One per language: translations of the home page are its siblings under the root.
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = "home page"

    def route(self, request, path_components):
        return descendant_route(self, request, path_components)


class TwoFactorInvitationQuerySet(models.QuerySet):
    def usable(self) -> "TwoFactorInvitationQuerySet":
        return self.filter(used_at__isnull=True, expires_at__gt=timezone.now())


class TwoFactorInvitation(models.Model):
    """A one-time, expiring invitation to enrol an authenticator app (see
    cms/two_factor_invitations.py). Only a hash of its token is kept: the link exists only in
    the email, or in the hands of whoever was given it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    objects = TwoFactorInvitationQuerySet.as_manager()

    def __str__(self) -> str:
        return f"Two-factor invitation for {self.user}"


@register_setting(icon="link")
class FooterLinks(BaseSiteSetting):
    """The pages every public page links to from its footer, as UK public-sector sites
    must: each shows in the visitor's language where it is translated."""

    accessibility_statement = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    privacy_notice = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    select_related = ["accessibility_statement", "privacy_notice"]

    panels = [FieldPanel("accessibility_statement"), FieldPanel("privacy_notice")]

    class Meta:
        verbose_name = "footer links"
