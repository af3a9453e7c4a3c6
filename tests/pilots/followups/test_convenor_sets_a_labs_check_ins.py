"""A convenor sets the months of a Lab's check-ins on the Lab's edit page, posted as a
browser does; a list that is not whole months is refused and nothing changes."""

from django.urls import reverse

from designlab.models import Lab
from tests.pilots.admin.page_forms import browser, post_as_browser


def edit(convenor, lab, months: str):
    url = reverse("wagtailsnippets_designlab_lab:edit", args=[lab.pk])
    return post_as_browser(
        browser(convenor), url, "form[data-edit-form]", data={"follow_up_months": months}
    )


def test_a_convenor_sets_the_months(convenor, lab):
    response = edit(convenor, lab, "[3, 9, 36]")
    assert response.status_code == 302
    assert Lab.objects.get(pk=lab.pk).follow_up_months == [3, 9, 36]


def test_months_that_are_not_whole_numbers_are_refused(convenor, lab):
    response = edit(convenor, lab, "[6, 6.5]")
    assert response.status_code == 200
    assert "whole numbers" in response.content.decode()
    assert Lab.objects.get(pk=lab.pk).follow_up_months == [6, 12, 24]
