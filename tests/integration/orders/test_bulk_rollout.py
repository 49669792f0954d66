"""The bulk rollout page through HTTP: filter, preview, confirm; all or nothing with a bad row;
one e-mail per order; only fulfilment may use it; CSRF."""

import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from shop.models import OrderedService
from shop.models import RolloutEvent
from tests.factories import KreisFactory
from tests.factories import UserFactory
from tests.factories import add_permission
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import orders_in_status
from tests.factories import terms_of_use_publish

URL = reverse("dashboard:order-bulk-rollout")


@pytest.fixture
def batch(db):
    """Three Ämter of Kreis Pinneberg with Wohngeld Im Test, one Amt elsewhere, and one Amt
    of Pinneberg with Wohngeld and Elterngeld in one order."""
    terms_of_use_publish()
    pinneberg = KreisFactory(name="Kreis Pinneberg")
    wohngeld, elterngeld = dienst_create(title="Wohngeld"), dienst_create(title="Elterngeld")
    orders = orders_in_status(count=3, dienste=[wohngeld], kreis=pinneberg, status="Im Test")
    other = orders_in_status(
        count=1, dienste=[wohngeld], kreis=KreisFactory(name="Kreis Nord"), status="Im Test"
    )
    both = orders_in_status(
        count=1, dienste=[wohngeld, elterngeld], kreis=pinneberg, status="Im Test"
    )
    return {
        "kreis": pinneberg,
        "wohngeld": wohngeld,
        "orders": orders,
        "other": other[0],
        "both": both[0],
    }


def lines_of(*orders):
    return [line for order in orders for line in order.lines.order_by("pk")]


def url_fields(lines):
    return {f"url_{line.pk}": f"https://dienst.example/{line.pk}" for line in lines}


def preview(client, lines, new_status, **extra):
    return client.post(
        URL,
        {
            "action": "preview",
            "selected_line": [line.pk for line in lines],
            "new_status": new_status,
            **extra,
        },
    )


def checked_lines(response) -> set[int]:
    pattern = r'name="selected_line" value="(\d+)" id="line-\d+" checked'
    return {int(pk) for pk in re.findall(pattern, response.content.decode())}


def selection_of(response) -> str:
    return re.search(r'name="selection" value="([^"]+)"', response.content.decode()).group(1)


def test_filter_lists_the_matching_lines(client, fulfilment, batch):
    client.force_login(fulfilment)
    response = client.get(
        URL,
        {"dienst": batch["wohngeld"].pk, "status": "Im Test", "kreis": batch["kreis"].pk},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "4 passende Positionen" in content
    assert batch["other"].number not in content
    for order in batch["orders"]:
        assert order.number in content


def test_only_lines_that_can_still_change_are_selected_at_first(client, fulfilment, batch):
    ended = orders_in_status(
        count=2, dienste=[batch["wohngeld"]], kreis=batch["kreis"], status="Storniert"
    )
    client.force_login(fulfilment)
    response = client.get(URL, {"kreis": batch["kreis"].pk})
    assert "7 passende Positionen" in response.content.decode()
    assert checked_lines(response) == {
        line.pk for line in lines_of(*batch["orders"], batch["both"])
    }
    assert not checked_lines(response) & {line.pk for line in lines_of(*ended)}


def test_bad_filter_is_reported_not_a_500(client, fulfilment, batch):
    client.force_login(fulfilment)
    response = client.get(URL, {"status": "Kaputt", "kreis": "999999"})
    assert response.status_code == 200
    assert "Diesen Status gibt es nicht." in response.content.decode()


def test_preview_then_confirm_moves_all_live_with_one_mail_per_order(
    client, fulfilment, batch, django_capture_on_commit_callbacks
):
    client.force_login(fulfilment)
    lines = lines_of(*batch["orders"], batch["both"])
    response = preview(client, lines, "Live", **url_fields(lines))
    content = response.content.decode()
    assert "Vorschau: 5 Positionen auf „Live“" in content
    assert f"https://dienst.example/{lines[0].pk}" in content
    assert OrderedService.objects.filter(service_url="").count() == 6  # nothing changed yet

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            URL, {"action": "confirm", "selection": selection_of(response)}, follow=True
        )
    assert "5 Positionen auf „Live“ gesetzt" in response.content.decode()
    for line in lines:
        line.refresh_from_db()
        assert line.status == "Live"
        assert line.ozg_service.service_url == f"https://dienst.example/{line.pk}"
    assert RolloutEvent.objects.filter(changed_by=fulfilment).count() == 5
    assert len(mail.outbox) == 4  # four orders, one of them with two services
    both = next(m for m in mail.outbox if batch["both"].number in m.subject)
    assert "2 Dienste" in both.subject
    assert "Elterngeld" in both.body
    assert "Wohngeld" in both.body

    # The second submit of the same confirmation changes nothing.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(
            URL, {"action": "confirm", "selection": selection_of(preview_token_for(lines))}
        )
    assert "Es wurde nichts geändert" in again.content.decode()
    assert RolloutEvent.objects.count() == 5
    assert mail.outbox == []


def preview_token_for(lines):
    """A validly signed selection of the lines, as the preview would have made it."""
    from shop.orders.bulk import bulk_selection_sign

    token = bulk_selection_sign(
        line_ids=[line.pk for line in lines],
        new_status="Live",
        urls={line.pk: f"https://dienst.example/{line.pk}" for line in lines},
        reason="",
    )

    class Response:
        content = f'name="selection" value="{token}"'.encode()

    return Response


def test_one_bad_row_refuses_the_whole_batch(client, fulfilment, batch):
    client.force_login(fulfilment)
    lines = lines_of(*batch["orders"])
    urls = url_fields(lines)
    urls[f"url_{lines[1].pk}"] = "http://unsicher.example/"
    del urls[f"url_{lines[2].pk}"]
    response = preview(client, lines, "Live", **urls)
    content = response.content.decode()
    assert "Es wurde nichts geändert" in content
    assert "Bitte geben Sie eine https-Adresse an." in content
    assert "Für „Live“ ist die dauerhafte Adresse des Dienstes nötig." in content
    assert batch["orders"][1].number in content
    assert batch["orders"][2].number in content
    # The list below shows the person's own selection again, not every line.
    assert checked_lines(response) == {line.pk for line in lines}
    assert OrderedService.objects.exclude(service_url="").count() == 0
    assert set(OrderedService.objects.values_list("line__status", flat=True)) == {"Im Test"}


def test_invalid_transition_refuses(client, fulfilment, batch):
    client.force_login(fulfilment)
    response = preview(client, lines_of(*batch["orders"]), "Eingegangen")
    assert "kann nicht von „Im Test“ auf „Eingegangen“ gesetzt" in response.content.decode()


def test_confirm_revalidates_a_signed_selection(client, fulfilment, batch):
    """Between preview and confirmation a line moved on: the whole batch is refused."""
    client.force_login(fulfilment)
    lines = lines_of(*batch["orders"])
    response = preview(client, lines, "In Umsetzung")
    lines[0].set_status("Live")
    response = client.post(URL, {"action": "confirm", "selection": selection_of(response)})
    assert "kann nicht von „Live“ auf „In Umsetzung“" in response.content.decode()
    assert lines[1].__class__.objects.filter(status="In Umsetzung").count() == 0


def test_forged_selection_is_refused(client, fulfilment, batch):
    client.force_login(fulfilment)
    response = client.post(URL, {"action": "confirm", "selection": "gefälscht"})
    assert "Die Auswahl ist ungültig" in response.content.decode()


def test_csv_gives_the_addresses(client, fulfilment, batch, django_capture_on_commit_callbacks):
    client.force_login(fulfilment)
    lines = lines_of(*batch["orders"])
    rows = "\n".join(
        f"{line.ozg_service.verwaltung.regional_key};https://csv.example/{line.pk}"
        for line in lines
    )
    upload = SimpleUploadedFile(
        "adressen.csv", ("\ufeffRegionalschlüssel;URL\n" + rows).encode(), "text/csv"
    )
    response = preview(client, lines, "Live", csv_file=upload)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, {"action": "confirm", "selection": selection_of(response)})
    assert sorted(
        OrderedService.objects.exclude(service_url="").values_list("service_url", flat=True)
    ) == sorted(f"https://csv.example/{line.pk}" for line in lines)


def test_csv_with_unknown_and_unselected_keys_refuses(client, fulfilment, batch):
    client.force_login(fulfilment)
    lines = lines_of(*batch["orders"])
    rows = [f"{line.ozg_service.verwaltung.regional_key},https://csv.example/x" for line in lines]
    rows.append("010999999999,https://csv.example/unbekannt")
    rows.append(f"{batch['other'].ozg_details.verwaltung.regional_key},https://csv.example/o")
    upload = SimpleUploadedFile("a.csv", "\n".join(rows).encode(), "text/csv")
    content = preview(client, lines, "Live", csv_file=upload).content.decode()
    assert "010999999999: Diese Verwaltung gibt es nicht." in content
    assert "keine der ausgewählten Positionen" in content
    assert OrderedService.objects.exclude(service_url="").count() == 0


def test_municipal_member_gets_403(client, batch):
    member = member_create(verwaltung=batch["orders"][0].ozg_details.verwaltung)
    client.force_login(member)
    assert client.get(URL).status_code == 403
    assert preview(client, lines_of(*batch["orders"]), "Live").status_code == 403


def test_post_without_csrf_token_is_refused(fulfilment, batch):
    client = Client(enforce_csrf_checks=True)
    client.force_login(fulfilment)
    assert preview(client, lines_of(*batch["orders"]), "In Umsetzung").status_code == 403
    assert set(OrderedService.objects.values_list("line__status", flat=True)) == {"Im Test"}


def test_order_list_links_the_page(client, fulfilment, batch):
    client.force_login(fulfilment)
    response = client.get(reverse("dashboard:order-list"))
    assert f'href="{URL}"' in response.content.decode()


def test_staff_who_may_only_view_orders_get_403_and_no_link(client, batch):
    viewer = UserFactory(is_staff=True)
    add_permission(viewer, "order.view_order")
    client.force_login(viewer)
    assert client.get(URL).status_code == 403
    listing = client.get(reverse("dashboard:order-list"))
    assert listing.status_code == 200
    assert f'href="{URL}"' not in listing.content.decode()


def test_more_lines_than_the_limit_are_capped_with_a_message(
    client, fulfilment, batch, monkeypatch
):
    from shop.orders import bulk

    monkeypatch.setattr(bulk, "BULK_LIMIT", 2)
    client.force_login(fulfilment)
    content = client.get(URL).content.decode()
    assert "Es passen mehr als 2 Positionen; gezeigt werden die ersten 2." in content
    assert content.count('name="selected_line"') == 2


def test_storniert_needs_one_reason_for_the_batch(client, fulfilment, batch):
    client.force_login(fulfilment)
    content = preview(client, lines_of(*batch["orders"]), "Storniert").content.decode()
    assert content.count("Für „Storniert“ ist eine Begründung nötig") == 1
    assert set(OrderedService.objects.values_list("line__status", flat=True)) == {"Im Test"}
