from wagtail import hooks

from toolkit.cache import cached_serve

hooks.register("on_serve_page", cached_serve)
