"""Service profiles are created through Wagtail's admin forms; published ones are orderable, and
with the editorial workflow a second editor's approval publishes them (the workflow's rules:
test_editorial_workflow.py)."""

import pytest
from django.contrib.auth.models import Group

from cms_pages.models import ServicePage
from cms_pages.services import editorial_workflow_ensure
from shop.accounts.services import EDITORS_GROUP
from shop.models import Dienst
from tests.factories import OzgLeistungFactory
from tests.factories import UserFactory
from tests.factories import VerwaltungFactory
from tests.pages import add_url
from tests.pages import profile_form

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_tree_for_module")]


@pytest.fixture
def editors():
    group = Group.objects.get(name=EDITORS_GROUP)
    first, second = UserFactory(), UserFactory()
    for editor in (first, second):
        editor.groups.add(group)
    return first, second


def test_a_superuser_creates_and_publishes_a_profile_that_becomes_orderable(
    admin_client, page_tree
):
    ozg = OzgLeistungFactory(ozg_id="10562", name="Bewohnerparkausweis")
    client = admin_client

    response = client.post(
        add_url(page_tree.service_index), profile_form(ozg, **{"action-publish": "publish"})
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    page = ServicePage.objects.get(slug="bewohnerparkausweis")
    assert page.live
    assert page.ozg_ids == ["10562"]
    assert page.contacts.get().email == "parken@itvsh.de"
    dienst = Dienst.objects.get(page_id=page.pk)
    assert dienst.is_orderable
    assert client.get(page.url).status_code == 200


def test_missing_required_fields_are_refused_in_german_and_nothing_is_saved(
    admin_client, page_tree
):
    ozg = OzgLeistungFactory()
    client = admin_client
    form = profile_form(ozg, **{"action-publish": "publish"})
    form["short_description"] = ""
    form["provider"] = ""

    response = client.post(add_url(page_tree.service_index), form)

    assert response.status_code == 200
    assert "Dieses Feld ist zwingend erforderlich" in response.content.decode()
    assert not ServicePage.objects.exists()
    assert not Dienst.objects.exists()


def test_with_the_workflow_a_second_editor_approves_and_publishes(client, page_tree, editors):
    author, reviewer = editors
    editorial_workflow_ensure(approvers=Group.objects.get(name=EDITORS_GROUP))
    ozg = OzgLeistungFactory()
    client.force_login(author)

    client.post(add_url(page_tree.service_index), profile_form(ozg, **{"action-submit": "submit"}))

    page = ServicePage.objects.get(slug="bewohnerparkausweis")
    assert not page.live
    assert page.current_workflow_state.status == "in_progress"
    assert not Dienst.objects.exists()

    client.force_login(reviewer)
    task_state = page.current_workflow_task_state
    response = client.post(
        f"/cms/pages/{page.pk}/edit/",
        profile_form(
            ozg,
            link_id=page.ozg_links.get().pk,
            **{"action-workflow-action": "true", "workflow-action-name": "approve"},
        ),
    )

    assert response.status_code == 302
    page.refresh_from_db()
    task_state.refresh_from_db()
    assert task_state.status == "approved"
    assert page.live
    assert Dienst.objects.get(page_id=page.pk).is_orderable


def test_the_same_ozg_leistung_twice_is_refused(client, page_tree, editors):
    ozg = OzgLeistungFactory()
    client.force_login(editors[0])
    form = profile_form(ozg, **{"action-publish": "publish"})
    form.update(
        {
            "ozg_links-TOTAL_FORMS": "2",
            "ozg_links-1-ozg_leistung": str(ozg.pk),
            "ozg_links-1-ORDER": "2",
            "ozg_links-1-DELETE": "",
            "ozg_links-1-id": "",
        }
    )

    response = client.post(add_url(page_tree.service_index), form)

    assert response.status_code == 200
    assert "nur einmal zugeordnet" in response.content.decode()
    assert not ServicePage.objects.exists()


def test_editors_tick_who_is_responsible_and_publishing_syncs_it(admin_client, page_tree):
    ozg = OzgLeistungFactory()
    form = profile_form(ozg, **{"action-publish": "publish"})
    form["responsible_kinds"] = ["kreis", "kreisfreie_stadt"]

    response = admin_client.post(add_url(page_tree.service_index), form)

    assert response.status_code == 302, response.content.decode()[:2000]
    page = ServicePage.objects.get(slug="bewohnerparkausweis")
    assert page.responsible_kinds == ["kreisfreie_stadt", "kreis"]
    assert Dienst.objects.get(page_id=page.pk).responsible_kinds == ["kreisfreie_stadt", "kreis"]
    edit = admin_client.get(f"/cms/pages/{page.pk}/edit/").content.decode()
    assert 'type="checkbox" name="responsible_kinds" value="kreis"' in edit
    assert "Nichts angekreuzt: alle Verwaltungen." in edit


def test_an_unknown_kind_is_refused_and_nothing_is_saved(admin_client, page_tree):
    form = profile_form(OzgLeistungFactory(), **{"action-publish": "publish"})
    form["responsible_kinds"] = ["bundesland"]

    response = admin_client.post(add_url(page_tree.service_index), form)

    assert response.status_code == 200
    assert "bundesland" in response.content.decode()
    assert not ServicePage.objects.exists()
    assert not Dienst.objects.exists()


def test_editors_are_offered_the_kinds_of_the_registry_and_ticking_all_means_everyone(
    admin_client, page_tree
):
    VerwaltungFactory()  # an Amt in its Kreis
    form = profile_form(OzgLeistungFactory(), **{"action-publish": "publish"})
    form["responsible_kinds"] = ["kreis", "amt"]

    add_page = admin_client.get(add_url(page_tree.service_index)).content.decode()
    response = admin_client.post(add_url(page_tree.service_index), form)

    assert 'name="responsible_kinds" value="amt"' in add_page
    assert 'name="responsible_kinds" value="samtgemeinde"' not in add_page
    assert response.status_code == 302, response.content.decode()[:2000]
    assert ServicePage.objects.get(slug="bewohnerparkausweis").responsible_kinds == []
