"""StreamField blocks of the toolkit pages: the shared body plus a workshop-material list."""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from cms.blocks import BodyBlock


class MaterialBlock(blocks.StructBlock):
    """A document from the private workshop collection, served by the permission-checked view."""

    document = DocumentChooserBlock()
    description = blocks.CharBlock(required=False, max_length=300)

    class Meta:
        icon = "doc-full"
        template = "toolkit/blocks/material.html"


__all__ = ["BodyBlock", "MaterialBlock"]
