"""The checklist through HTTP: the members' form under Meine Dienste renders each field type and
saves versions; bad input changes nothing; uploads are checked for size and type and served
only through the permission-checked view (404 for everybody else); the overview and the order
page point to "Noch benötigte Angaben"; the dashboard's order page shows completeness and the
history; the dashboard refuses "In Umsetzung" with the missing fields."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from shop.generations import ORDER_OVERVIEWS
from shop.models import OnboardingAnswer
from shop.models import RolloutStatus
from shop.onboarding.services import onboarding_answers_save
from shop.orders.rollout import lines_status_change
from tests.factories import UserFactory
from tests.factories import amt_with_gemeinden
from tests.factories import member_create
from tests.factories import staff_create
from tests.responses import page_text
from tests.responses import queries_for

from .conftest import PDF
from .conftest import complete_values
from .conftest import form_url
from .conftest import pdf_upload

pytestmark = pytest.mark.django_db


def gemeinde_ids(amt) -> list[int]:
    return list(amt.gemeinden.order_by("name").values_list("pk", flat=True))


def form_data(amt, **changes) -> dict:
    """What a member posts: every required text value (not the file)."""
    data = {
        "f-eintrag-im-zuständigkeitsfinder": "https://zufi.example/gewerbe",
        "f-funktionspostfach": "gewerbe@amt.example",
        "f-fachverfahren": "Migewa",
        "f-epayment-gewünscht": "Ja",
        "f-testtermin": "2027-01-15",
    }
    for pk in gemeinde_ids(amt):
        data[f"f-dvdv-adresse-{pk}"] = f"dvdv:{pk}"
    return data | changes


def test_the_form_renders_each_field_type_with_help_text_and_a_fieldset_per_gemeinde_field(
    client, member, order, line, amt
):
    client.force_login(member)
    response = client.get(form_url(order, line))
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'<input type="url" name="f-eintrag-im-zuständigkeitsfinder"', html)
    assert 'type="email" name="f-funktionspostfach"' in html
    assert '<select name="f-fachverfahren"' in html and ">OK.VORWERK</option>" in html
    assert 'type="radio" name="f-epayment-gewünscht" value="Ja"' in html
    assert 'type="date" name="f-testtermin"' in html
    assert 'type="file" name="f-anbindungsformular" accept=".pdf,.png"' in html
    assert "Adresse der Leistung" in html  # help text
    assert "PDF, PNG, höchstens 1 MB." in html
    text = page_text(response)
    assert "Noch benötigte Angaben" in text
    assert "DVDV-Adresse" in text
    for name in amt.gemeinden.values_list("name", flat=True):
        assert f">{name}<" in html or f">{name} " in html
    # Only the one field that is not required says so.
    assert html.count("– optional") == 1
    assert "DVDV-Eintrag prüfen" in text  # the steps


@pytest.mark.object_storage
def test_a_member_saves_values_and_a_file_and_the_line_becomes_complete(
    client, member, order, line, amt, django_capture_on_commit_callbacks
):
    client.force_login(member)
    data = form_data(amt, **{"f-anbindungsformular": pdf_upload()})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(form_url(order, line), data, follow=True)
    assert response.status_code == 200
    text = page_text(response)
    assert "Ihre Angaben sind gespeichert. Alle Pflichtangaben liegen vor" in text
    assert "Gespeicherte Datei herunterladen: anbindung.pdf" in text
    assert OnboardingAnswer.objects.filter(is_current=True).count() == 9
    date = OnboardingAnswer.objects.get(field_key="testtermin")
    assert date.value == "2027-01-15"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"f-funktionspostfach": "kein-at"}, "gültige E-Mail-Adresse"),
        ({"f-fachverfahren": "Eigenbau"}, "eine der angebotenen Möglichkeiten"),
        ({"f-testtermin": "31.02.2027"}, "Bitte geben Sie ein Datum an"),
        ({"f-epayment-gewünscht": "Vielleicht"}, "eine der angebotenen Möglichkeiten"),
        ({"f-eintrag-im-zuständigkeitsfinder": "http://"}, "gültige Internetadresse"),
        ({"f-funktionspostfach": "a" * 300 + "@amt.example"}, "höchstens 254 Zeichen"),
    ],
)
def test_bad_input_gets_a_german_message_and_nothing_is_saved(
    client, member, order, line, amt, changes, message
):
    client.force_login(member)
    response = client.post(form_url(order, line), form_data(amt, **changes))
    assert response.status_code == 200
    assert message in page_text(response)
    assert not OnboardingAnswer.objects.exists()


@pytest.mark.object_storage
@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("formular.exe", PDF), "keinen erlaubten Dateityp. Erlaubt: PDF, PNG"),
        (SimpleUploadedFile("formular.pdf", b"MZ\x90\x00 not a pdf"), "dem Inhalt nach keine PDF"),
        (SimpleUploadedFile("bild.png", PDF), "dem Inhalt nach keine PNG"),
        (
            SimpleUploadedFile("gross.pdf", PDF + b"0" * (1024 * 1024)),
            "erlaubt sind höchstens 1 MB",
        ),
        (SimpleUploadedFile("leer.pdf", b""), "leer"),
    ],
)
def test_an_upload_of_the_wrong_type_or_size_is_refused_and_nothing_is_saved(
    client, member, order, line, amt, upload, message
):
    client.force_login(member)
    response = client.post(
        form_url(order, line), form_data(amt, **{"f-anbindungsformular": upload})
    )
    assert response.status_code == 200
    assert message in page_text(response)
    assert not OnboardingAnswer.objects.exists()


def test_a_reading_member_sees_the_values_but_may_not_change_them(client, reader, order, line, amt):
    client.force_login(reader)
    response = client.get(form_url(order, line))
    assert response.status_code == 200
    assert '<form method="post" enctype' not in response.content.decode()
    assert "noch nicht angegeben" in page_text(response)
    assert client.post(form_url(order, line), form_data(amt)).status_code == 403
    assert not OnboardingAnswer.objects.exists()


def test_members_of_other_verwaltungen_and_outsiders_get_404(client, order, line, amt):
    other = member_create(verwaltung=amt_with_gemeinden(count=1, name="Amt Anderswo"))
    for user in (other, UserFactory()):
        client.force_login(user)
        assert client.get(form_url(order, line)).status_code == 404
        assert client.post(form_url(order, line), form_data(amt)).status_code == 404
    assert not OnboardingAnswer.objects.exists()


def test_a_line_without_checklist_has_no_form(client, member, amt):
    from tests.factories import dienst_create
    from tests.factories import order_place

    order = order_place(user=member, verwaltung=amt, dienste=[dienst_create()])
    client.force_login(member)
    assert client.get(form_url(order, order.lines.get())).status_code == 404


# Private files


def file_url(order, line, answer) -> str:
    return reverse(
        "shop_orders:onboarding_file",
        kwargs={"number": order.number, "line_id": line.pk, "answer_id": answer.pk},
    )


@pytest.fixture
def uploaded(service, member):
    onboarding_answers_save(
        ordered_service=service,
        user=member,
        values={("anbindungsformular", None): pdf_upload("Anbindung Gewerbe.pdf")},
    )
    return OnboardingAnswer.objects.get(field_key="anbindungsformular")


@pytest.mark.object_storage
def test_the_file_is_served_to_members_and_fulfilment_as_an_attachment(
    client, member, reader, fulfilment, order, line, uploaded
):
    for user in (member, reader, fulfilment):
        client.force_login(user)
        response = client.get(file_url(order, line, uploaded))
        assert response.status_code == 200, user
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"].startswith("attachment;")
        assert "Anbindung" in response["Content-Disposition"]
        assert response["Cache-Control"] == "private, no-store"
        assert b"".join(response.streaming_content) == PDF


@pytest.mark.object_storage
def test_the_file_is_404_for_everybody_else_and_never_under_a_public_media_url(
    client, order, line, uploaded, amt, editor
):
    other = member_create(verwaltung=amt_with_gemeinden(count=1, name="Amt Anderswo"))
    staff_without_orders = staff_create(group="Redaktion", is_staff=True)
    for user in (other, UserFactory(), editor, staff_without_orders):
        client.force_login(user)
        assert client.get(file_url(order, line, uploaded)).status_code == 404, user
    # The right answer id under another order or line is no way in either.
    client.force_login(other)
    assert (
        client.get(
            reverse(
                "shop_orders:onboarding_file",
                kwargs={"number": "999999", "line_id": line.pk, "answer_id": uploaded.pk},
            )
        ).status_code
        == 404
    )
    client.logout()
    assert client.get(file_url(order, line, uploaded)).status_code == 302  # to the login
    assert client.get(f"/media/{uploaded.file.name}").status_code == 404


# Where members and fulfilment see it


def test_meine_dienste_and_the_order_page_point_to_the_missing_data(client, member, order, line):
    client.force_login(member)
    overview = client.get(reverse("shop_orders:overview"))
    assert "Noch benötigte Angaben (6)" in page_text(overview)
    assert form_url(order, line) in overview.content.decode()
    order_page = client.get(reverse("shop_orders:order", kwargs={"number": order.number}))
    assert "Angaben zur Einrichtung" in page_text(order_page)
    assert "0 von 8 Pflichtangaben vorhanden" in page_text(order_page)


@pytest.mark.object_storage
def test_the_dashboard_shows_completeness_values_and_history_and_refuses_in_umsetzung(
    client, fulfilment, member, order, line, service, amt
):
    onboarding_answers_save(
        ordered_service=service,
        user=member,
        values={("funktionspostfach", None): "alt@amt.example", **complete_values(amt)}
        | {("funktionspostfach", None): None, ("fachverfahren", None): ""},
    )
    onboarding_answers_save(
        ordered_service=service,
        user=member,
        values={("funktionspostfach", None): "neu@amt.example"},
    )
    lines_status_change(lines=[line], new_status=RolloutStatus.IN_REVIEW, user=fulfilment)
    client.force_login(fulfilment)
    url = reverse("dashboard:order-detail", kwargs={"number": order.number})
    text = page_text(client.get(url))
    assert "7 von 8 Pflichtangaben" in text
    assert "es fehlen: „Fachverfahren“" in text
    assert "neu@amt.example" in text and "Alle Fassungen der Angaben" in text
    assert "hanna@amt.example" in text  # who supplied it
    assert "Schritte der Einrichtung" in text
    order_list = page_text(client.get(reverse("dashboard:order-list")))
    assert "Gewerbeanmeldung (In Prüfung)<br><small>1 Angabe der Kommune fehlt" in order_list

    response = client.post(
        url,
        {
            "line_action": "change_line_statuses",
            "selected_line": [line.pk],
            "new_status": RolloutStatus.IN_PROGRESS,
        },
        follow=True,
    )
    assert "Es fehlen noch Angaben der Kommune: „Fachverfahren“" in page_text(response)
    line.refresh_from_db()
    assert line.status == RolloutStatus.IN_REVIEW


@pytest.mark.object_storage
def test_meine_dienste_and_the_order_page_cost_the_same_for_one_and_many_checklists(
    client, member, amt, order, service
):
    from tests.factories import ONBOARDING_CHECKLIST
    from tests.factories import dienst_create
    from tests.factories import order_place

    client.force_login(member)
    order_url = reverse("shop_orders:order", kwargs={"number": order.number})
    overview_url = reverse("shop_orders:overview")

    def computed(url: str) -> int:
        return queries_for(client, url, computed=ORDER_OVERVIEWS)

    small = [computed(overview_url), computed(order_url)]
    more = order_place(
        user=member,
        verwaltung=amt,
        dienste=[dienst_create(onboarding_fields=ONBOARDING_CHECKLIST) for _ in range(5)],
    )
    for line in more.lines.all():
        onboarding_answers_save(
            ordered_service=line.ozg_service, user=member, values=complete_values(amt)
        )
    onboarding_answers_save(ordered_service=service, user=member, values=complete_values(amt))
    more_url = reverse("shop_orders:order", kwargs={"number": more.number})
    large = [computed(overview_url), computed(more_url)]
    assert small == large
