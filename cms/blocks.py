"""Body blocks shared by every public page: headings that keep the outline, prose,
quotations with their source, and call-outs."""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

PROSE_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=200)
    # Only h2 and h3: the page title is the one h1, and deeper levels break the outline.
    level = blocks.ChoiceBlock(choices=[("h2", "Heading 2"), ("h3", "Heading 3")], default="h2")

    class Meta:
        icon = "title"
        template = "cms/blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    source = blocks.CharBlock(required=False, help_text="Where the quotation comes from.")

    class Meta:
        icon = "openquote"
        template = "cms/blocks/quote.html"


class CalloutBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=200)
    text = blocks.RichTextBlock(features=PROSE_FEATURES)

    class Meta:
        icon = "help"
        template = "cms/blocks/callout.html"


class LinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock()
    description = blocks.CharBlock(required=False, max_length=300)

    class Meta:
        icon = "link"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=PROSE_FEATURES)
    quote = QuoteBlock()
    callout = CalloutBlock()
    document = DocumentChooserBlock(template="cms/blocks/document.html")
    links = blocks.ListBlock(LinkBlock(), template="cms/blocks/links.html")
