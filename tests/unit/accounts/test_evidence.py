"""Records kept as evidence (shop.models.evidence): the ORM refuses to change or delete them, in
German and before any query, whichever way it is asked."""

import pytest
from django.apps import apps

from shop.models import AcceptanceRecord
from shop.models import ContactChange
from shop.models import ImmutableError
from shop.models import MembershipDecision
from shop.models.evidence import Evidence

REFUSALS = {
    AcceptanceRecord: "Annahmenachweise werden nie",
    ContactChange: "Änderungen der Ansprechpersonen werden nie",
    MembershipDecision: "Entscheidungen über Mitgliedschaften werden nie",
}


def test_every_kind_of_evidence_is_named_here():
    evidence = {model for model in apps.get_models() if issubclass(model, Evidence)}

    assert evidence == set(REFUSALS)


@pytest.mark.parametrize("model", REFUSALS, ids=lambda model: model.__name__)
def test_a_stored_record_is_neither_saved_again_nor_deleted(model):
    stored = model(pk=1)

    with pytest.raises(ImmutableError, match=f"{REFUSALS[model]} geändert"):
        stored.save()
    with pytest.raises(ImmutableError, match=f"{REFUSALS[model]} gelöscht"):
        stored.delete()


@pytest.mark.parametrize("model", REFUSALS, ids=lambda model: model.__name__)
def test_querysets_neither_update_nor_delete(model):
    with pytest.raises(ImmutableError, match=f"{REFUSALS[model]} geändert"):
        model.objects.filter(pk=1).update(pk=2)
    with pytest.raises(ImmutableError, match=f"{REFUSALS[model]} gelöscht"):
        model.objects.all().delete()
