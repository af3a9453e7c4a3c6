"""What every public page type shares to be built from few queries, however deep it sits
and whichever hooks ask about it."""

from django.db.models import Q
from django.http import Http404
from wagtail.models import Page, PageViewRestriction


class PublicPageMixin:
    """Listed before `Page` among a page type's bases."""

    # Its content is the same for every request until the next publish, so base.html keeps
    # it rendered for the generation ({% public_content %}): False for a page whose
    # content varies with the request (a query string's filters, a sub-route).
    content_kept_until_publish = True

    def get_view_restrictions(self):
        # Wagtail's privacy check and the page cache's hook (toolkit.cache) both ask, for
        # the same page in the same request: one query, evaluated once; the queryset then
        # answers iteration and .exists() from its cache. As Wagtail's own, an alias
        # (itself or an ancestor) has its source page's restrictions.
        memo = self.__dict__.get("_view_restrictions_memo")
        if memo is None:
            paths = [self.path[:n] for n in range(self.steplen, len(self.path) + 1, self.steplen)]
            memo = PageViewRestriction.objects.filter(
                Q(page__path__in=paths, page__alias_of__isnull=True)
                | Q(page__aliases__path__in=paths)
            ).distinct()
            list(memo)
            self.__dict__["_view_restrictions_memo"] = memo
        return memo


def descendant_route(root: Page, request, path_components: list[str]):
    """Route from `root` (a home page) in two queries whatever the depth: the pages whose
    URL paths are prefixes of the request's, then the deepest one's own `route` with the
    rest. Wagtail's `Page.route` walks one level at a time, two queries a level. Same
    answer: a URL path is its parent's plus its slug, so the deepest prefix is the page
    that walk reaches; a routable page's sub-routes still get the rest. (Only a routable
    page with a child whose slug is also one of its sub-routes would differ.)"""
    if not path_components:
        return Page.route(root, request, path_components)
    prefixes = [
        root.url_path + "".join(f"{c}/" for c in path_components[:n])
        for n in range(1, len(path_components) + 1)
    ]
    found = list(
        Page.objects.filter(url_path__in=prefixes, path__startswith=root.path).order_by("-depth")
    )
    if not found:
        raise Http404
    page = found[0].specific
    # Its parent came with it (or is the root): breadcrumbs ask for it.
    parents = {p.path: p for p in [root, *found[1:]]}
    page._cached_parent_obj = parents.get(page.path[: -page.steplen])
    if page._cached_parent_obj is None:
        del page._cached_parent_obj
    return page.route(request, path_components[page.depth - root.depth :])
