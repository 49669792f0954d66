"""shop.orders.services.order_place, the one place where orders are created: what it writes,
every rule it refuses by field, the double submit of a basket, the basket's lock and that a
failure after Oscar's order keeps nothing."""

import dataclasses
import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db.models.query import QuerySet
from django.utils import timezone

from shop import models
from shop.agreements.selectors import agreements_required_for
from shop.orders import services
from shop.orders.services import OrderAlreadyPlaced
from shop.orders.services import OrderSubmission
from shop.orders.services import order_place
from shop.oscar_models import Basket
from shop.oscar_models import Order
from tests.factories import DEFAULT_CONTACTS
from tests.factories import AgreementVersionFactory
from tests.factories import GemeindeFactory
from tests.factories import UserFactory
from tests.factories import amt_with_gemeinden
from tests.factories import dienst_create
from tests.factories import orders as order_factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def dienst(amt):
    return dienst_create(title="Hundesteuer online")


def submission_for(*, member, amt, dienste, **changes) -> OrderSubmission:
    submission = OrderSubmission(
        user=member,
        verwaltung=amt,
        gemeinden=tuple(amt.gemeinden.order_by("name")),
        contacts=DEFAULT_CONTACTS,
        wished_start_date=timezone.localdate() + datetime.timedelta(days=30),
        accepted_version_ids=tuple(v.pk for v in agreements_required_for(dienste=dienste)),
        remarks="  Bitte zuerst Ascheffel.  ",
        ip_address="192.0.2.7",
    )
    return dataclasses.replace(submission, **changes)


def nothing_saved() -> bool:
    return not (
        Order.objects.exists()
        or models.OrderDetails.objects.exists()
        or models.OrderedService.objects.exists()
        or models.ServiceCoverage.objects.exists()
        or models.AcceptanceRecord.objects.exists()
        or models.OutgoingMail.objects.exists()
    )


def open_basket(*, member, dienste) -> "Basket":
    basket = Basket.objects.create(owner=member)
    basket.strategy = services.Selector().strategy(user=member)
    for dienst in dienste:
        basket.add_product(dienst.product, 1)
    return basket


def test_everything_of_an_order_is_written_and_mailed_after_the_commit(
    amt, member, dienst, django_capture_on_commit_callbacks
):
    basket = open_basket(member=member, dienste=[dienst])
    submission = submission_for(member=member, amt=amt, dienste=[dienst])

    with django_capture_on_commit_callbacks(execute=True):
        order = order_place(submission=submission, basket=basket)

    details = order.ozg_details
    assert order.basket_id == basket.pk and order.user == member
    assert details.verwaltung == amt and details.remarks == "Bitte zuerst Ascheffel."
    assert {row.gemeinde for row in models.ServiceCoverage.objects.all()} == set(
        amt.gemeinden.all()
    )
    assert sorted(models.OrderContact.objects.values_list("role", flat=True)) == sorted(
        contact.role for contact in DEFAULT_CONTACTS
    )
    (record,) = models.AcceptanceRecord.objects.all()
    assert (record.order, record.ip_address) == (order, "192.0.2.7")
    basket.refresh_from_db()
    assert basket.status == Basket.SUBMITTED
    (message,) = mail.outbox
    assert message.subject == f"Ihre Bestellung {order.number} im OZG-Dienste-Shop"


def test_without_a_basket_one_is_made_from_the_services(amt, member, dienst):
    other = dienst_create(title="Wohngeld online")
    submission = submission_for(member=member, amt=amt, dienste=[dienst, other])

    order = order_place(submission=submission, dienste=[dienst, other])

    assert [line.product_id for line in order.lines.order_by("pk")] == [
        dienst.product_id,
        other.product_id,
    ]
    assert Basket.objects.get(pk=order.basket_id).status == Basket.SUBMITTED


@pytest.mark.parametrize(
    ("change", "field", "says"),
    [
        (
            lambda s: {"verwaltung": amt_with_gemeinden(count=1, name="Amt Fremd")},
            "verwaltung",
            "Sie dürfen nicht für Amt Fremd bestellen.",
        ),
        (
            lambda s: {"user": UserFactory()},
            "verwaltung",
            "Ihr Konto ist noch keiner Verwaltung zugeordnet.",
        ),
        (
            lambda s: {"gemeinden": (GemeindeFactory(),)},
            "gemeinden",
            "wird nicht von Hüttener Berge verwaltet",
        ),
        (lambda s: {"gemeinden": ()}, "gemeinden", "Bitte wählen Sie mindestens eine Gemeinde."),
        (
            lambda s: {"accepted_version_ids": ()},
            "accepted_version_ids",
            "Bitte nehmen Sie „Allgemeine Nutzungsbedingungen“ an, um zu bestellen.",
        ),
        (
            lambda s: {"contacts": DEFAULT_CONTACTS[1:]},
            "contacts",
            "Bitte geben Sie die E-Mail-Adresse (Fachliche Ansprechperson) an.",
        ),
        (
            lambda s: {
                "contacts": (
                    *DEFAULT_CONTACTS,
                    services.ContactData(
                        role=models.ContactRole.DIGITALISATION, email="keine-adresse"
                    ),
                )
            },
            "contacts",
            "Bitte geben Sie auch den Namen (Digitalisierungsbeauftragte/r) an.",
        ),
        (
            lambda s: {"wished_start_date": timezone.localdate() - datetime.timedelta(days=1)},
            "wished_start_date",
            "darf nicht in der Vergangenheit liegen",
        ),
        (
            lambda s: {"wished_start_date": None},
            "wished_start_date",
            "Bitte geben Sie den gewünschten Starttermin an.",
        ),
    ],
    ids=[
        "foreign Verwaltung",
        "no membership",
        "foreign Gemeinde",
        "no Gemeinde",
        "terms not accepted",
        "contact missing",
        "optional contact begun",
        "start in the past",
        "no start",
    ],
)
def test_each_rule_is_refused_by_its_field_and_nothing_is_kept(
    amt, member, dienst, change, field, says
):
    submission = submission_for(member=member, amt=amt, dienste=[dienst])
    submission = dataclasses.replace(submission, **change(submission))
    basket = open_basket(member=submission.user, dienste=[dienst])

    with pytest.raises(ValidationError) as refused:
        order_place(submission=submission, basket=basket)

    assert any(says in message for message in refused.value.message_dict[field])
    assert nothing_saved()
    basket.refresh_from_db()
    assert basket.status == Basket.OPEN


def test_all_problems_are_named_at_once(amt, member, dienst):
    submission = submission_for(
        member=member, amt=amt, dienste=[dienst], gemeinden=(), wished_start_date=None
    )
    with pytest.raises(ValidationError) as refused:
        order_place(submission=submission, dienste=[dienst])
    assert set(refused.value.message_dict) == {"gemeinden", "wished_start_date"}
    assert not Basket.objects.exists()


def test_services_that_cannot_be_ordered_are_refused(amt, member, dienst):
    submission = submission_for(member=member, amt=amt, dienste=[dienst])
    with pytest.raises(ValidationError) as empty:
        order_place(submission=submission, dienste=[])
    assert empty.value.message_dict["dienste"] == [services.BASKET_EMPTY]

    basket = open_basket(member=member, dienste=[dienst])
    models.Dienst.objects.filter(pk=dienst.pk).update(is_published=False)
    with pytest.raises(ValidationError) as unpublished:
        order_place(submission=submission, basket=basket)
    assert unpublished.value.message_dict["dienste"] == [
        "„Hundesteuer online“: Dieser Dienst wird derzeit nicht angeboten."
    ]
    assert nothing_saved()


def test_an_agreement_without_a_valid_version_is_refused(amt, member):
    draft = AgreementVersionFactory(agreement__title="Noch ungeklärt")
    dienst = dienst_create(agreement_ids=[draft.agreement_id])
    with pytest.raises(ValidationError) as refused:
        order_place(
            submission=submission_for(member=member, amt=amt, dienste=[dienst]), dienste=[dienst]
        )
    assert refused.value.message_dict["accepted_version_ids"] == [
        "Für „Noch ungeklärt“ ist noch keine gültige Fassung veröffentlicht. Bitte wenden Sie "
        "sich an den ITVSH; bis dahin kann nicht bestellt werden."
    ]


def test_a_service_ordered_for_every_gemeinde_is_a_conflict(amt, member, dienst):
    order_factories.order_place(user=member, verwaltung=amt, dienste=[dienst])
    count = Order.objects.count()

    already = "ist für alle gewählten Gemeinden bereits bestellt"
    with pytest.raises(services.OrderConflict, match=already):
        order_place(
            submission=submission_for(member=member, amt=amt, dienste=[dienst]), dienste=[dienst]
        )

    assert Order.objects.count() == count


def test_a_plan_other_than_the_one_confirmed_is_refused(amt, member, dienst):
    first, *others = amt.gemeinden.order_by("name")
    submission = submission_for(
        member=member, amt=amt, dienste=[dienst], confirmed_plan={dienst.pk: [first.pk]}
    )
    with pytest.raises(services.OrderPlanChanged, match="für sie zusätzlich enthalten"):
        order_place(submission=submission, dienste=[dienst])
    assert nothing_saved()

    confirmed = dataclasses.replace(
        submission, confirmed_plan={dienst.pk: [first.pk, *(g.pk for g in others)]}
    )
    assert order_place(submission=confirmed, dienste=[dienst]).ozg_details.verwaltung == amt


def test_a_basket_submitted_twice_names_the_order_placed_the_first_time(amt, member, dienst):
    basket = open_basket(member=member, dienste=[dienst])
    submission = submission_for(member=member, amt=amt, dienste=[dienst])
    order = order_place(submission=submission, basket=basket)

    with pytest.raises(OrderAlreadyPlaced) as again:
        order_place(submission=submission, basket=basket)

    assert again.value.order == order
    assert str(again.value) == services.ORDER_ALREADY_PLACED
    assert Order.objects.count() == 1


def test_another_persons_basket_is_never_ordered(amt, member, dienst):
    colleague = order_factories.member_create(verwaltung=amt)
    basket = open_basket(member=colleague, dienste=[dienst])

    with pytest.raises(OrderAlreadyPlaced) as refused:
        order_place(
            submission=submission_for(member=member, amt=amt, dienste=[dienst]), basket=basket
        )

    assert refused.value.order is None
    assert nothing_saved()


def test_the_basket_row_is_locked_before_anything_is_checked(amt, member, dienst, monkeypatch):
    """On PostgreSQL the lock makes a second submit wait for the first (see
    test_concurrent_ordering); here: the basket is read with select_for_update, first."""
    locked = []
    original = QuerySet.select_for_update

    def spy(queryset, *args, **kwargs):
        locked.append((queryset.model, Order.objects.count()))
        return original(queryset, *args, **kwargs)

    monkeypatch.setattr(QuerySet, "select_for_update", spy)
    basket = open_basket(member=member, dienste=[dienst])

    order_place(submission=submission_for(member=member, amt=amt, dienste=[dienst]), basket=basket)

    assert locked[0] == (Basket, 0)


def test_a_failure_after_oscars_order_keeps_nothing(amt, member, dienst, monkeypatch):
    basket = open_basket(member=member, dienste=[dienst])

    def refuse(**kwargs):
        assert Order.objects.count() == 1  # Oscar's order exists at this point
        raise ValidationError("Die Vereinbarung wurde inzwischen geändert.")

    monkeypatch.setattr(services, "acceptance_records_create", refuse)

    with pytest.raises(ValidationError):
        order_place(
            submission=submission_for(member=member, amt=amt, dienste=[dienst]), basket=basket
        )

    assert nothing_saved()
    assert not models.OrderContact.objects.exists()
    basket.refresh_from_db()
    assert basket.status == Basket.OPEN


def test_a_read_only_member_may_not_order(amt, dienst):
    reader = order_factories.member_create(verwaltung=amt, role=models.Membership.Role.READ_ONLY)
    with pytest.raises(ValidationError) as refused:
        order_place(
            submission=submission_for(member=reader, amt=amt, dienste=[dienst]), dienste=[dienst]
        )
    assert "nur mit Leserecht" in refused.value.message_dict["verwaltung"][0]
