"""An officer who keeps figures in CSV uploads a .csv return through the admin, as with
.xlsx: it is imported, and a bad one is refused with each problem in plain words."""

import datetime as dt
from decimal import Decimal

from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pilots.models import KPIReading, ReturnUpload


def upload_and_read_status(client, content: bytes, name: str, capture) -> BeautifulSoup:
    with capture(execute=True):
        response = client.post(
            reverse("pilots_returns_borough", args=["barnet"]),
            {"file": SimpleUploadedFile(name, content)},
        )
    assert response.status_code == 302
    return BeautifulSoup(client.get(response.url).content, "html.parser")


def test_csv_return_through_the_admin(
    client, barnet_officer, barnet_monthly_kpi, django_capture_on_commit_callbacks,
    tasks_in_process,
):  # fmt: skip
    client.force_login(barnet_officer)
    text = (
        "KPI ID,Period start,Value,Note\n"
        f"{barnet_monthly_kpi.pk},2023-07-01,32.5,\n"
        f'{barnet_monthly_kpi.pk},01/08/2023," 45.5 ",big month\n'
    )
    status = upload_and_read_status(
        client, text.encode(), "barnet.csv", django_capture_on_commit_callbacks
    )
    assert "Imported. 2 new readings, 0 changed, 0 unchanged." in " ".join(
        status.get_text().split()
    )
    assert dict(
        KPIReading.objects.filter(kpi=barnet_monthly_kpi).values_list("period_start", "value")
    ) == {dt.date(2023, 7, 1): Decimal("32.50"), dt.date(2023, 8, 1): Decimal("45.50")}

    returns = client.get(reverse("pilots_returns_borough", args=["barnet"])).content.decode()
    assert "barnet.csv" in returns and "Imported" in returns


def test_bad_csv_return_lists_each_problem_in_plain_words(
    client, barnet_officer, barnet_monthly_kpi, django_capture_on_commit_callbacks,
    tasks_in_process,
):  # fmt: skip
    client.force_login(barnet_officer)
    text = (
        "KPI ID,Period start,Value\n"
        f"{barnet_monthly_kpi.pk},2023-07-01,12\n"
        f"{barnet_monthly_kpi.pk},July,5\n"
        f"{barnet_monthly_kpi.pk},2023-09-01,about 40\n"
    )
    status = upload_and_read_status(
        client, text.encode(), "barnet.csv", django_capture_on_commit_callbacks
    )
    assert "Refused: nothing was recorded." in status.get_text()
    rows = [[td.get_text() for td in tr.select("td")] for tr in status.select("tbody tr")]
    assert rows == [
        ["–", "3", "Period start (B)",
         "“July” is not a date. Write the first day of the period, such as 2023-07-01."],
        ["–", "4", "Value (C)",
         "“about 40” is not a number. Type a number only, such as 12 or 45.5."],
    ]  # fmt: skip
    assert ReturnUpload.objects.get().status == ReturnUpload.Status.REFUSED
    assert not KPIReading.objects.filter(kpi=barnet_monthly_kpi).exists()


def test_csv_saved_in_a_windows_encoding_is_refused_with_a_fix(
    client, barnet_officer, barnet_monthly_kpi,
):  # fmt: skip
    client.force_login(barnet_officer)
    text = f"KPI ID,Period start,Value,Note\n{barnet_monthly_kpi.pk},2023-07-01,12,café\n" * 2
    response = client.post(
        reverse("pilots_returns_borough", args=["barnet"]),
        {"file": SimpleUploadedFile("barnet.csv", text.encode("cp1252"))},
    )
    assert response.status_code == 200
    assert "is not UTF-8 text. Save it as CSV UTF-8. Nothing was changed." in (
        response.content.decode()
    )
    assert not ReturnUpload.objects.exists()
