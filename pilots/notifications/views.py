"""The officer's email choices."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

from pilots.admin.pages import admin_page
from pilots.notifications.forms import EmailPreferencesForm


def email_preferences(request: HttpRequest) -> HttpResponse:
    officer = getattr(request.user, "officer", None)
    if officer is None:
        raise Http404  # only borough officers receive these emails
    posted = request.POST if request.method == "POST" else None
    form = EmailPreferencesForm(posted, instance=officer)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your email choices are saved.")
        return redirect("pilots_email_preferences")
    return admin_page(
        request, "pilots/notifications/preferences.html", "Design Lab emails", form=form
    )
