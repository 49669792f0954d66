"""Wagtail's moderation notifications take the outbox: with the SMTP server down when an editor
submits a page for approval, the reviewer's notification waits and is delivered later."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from cms_pages.models import ServicePage
from cms_pages.services import editorial_workflow_ensure
from shop.accounts.services import EDITORS_GROUP
from shop.mail.services import mail_sweep
from shop.models import OutgoingMail
from tests.factories import OzgLeistungFactory
from tests.factories import UserFactory
from tests.integration.catalogue.test_service_page_admin import add_url
from tests.integration.catalogue.test_service_page_admin import profile_form

pytestmark = pytest.mark.django_db


def test_a_submission_during_an_smtp_outage_notifies_the_reviewer_afterwards(
    client, page_tree, settings, django_capture_on_commit_callbacks
):
    editors = Group.objects.get(name=EDITORS_GROUP)
    author = UserFactory(email="autorin@itvsh.example")
    reviewer = UserFactory(email="pruefer@itvsh.example")
    for editor in (author, reviewer):
        editor.groups.add(editors)
    editorial_workflow_ensure(approvers=editors)
    settings.EMAIL_BACKEND = "tests.mail_backends.DisconnectedBackend"
    client.force_login(author)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            add_url(page_tree.service_index),
            profile_form(OzgLeistungFactory(), **{"action-submit": "submit"}),
        )

    assert response.status_code == 302
    assert ServicePage.objects.get(slug="bewohnerparkausweis").current_workflow_state
    notification = OutgoingMail.objects.get(recipients=[reviewer.email])
    assert notification.status == OutgoingMail.Status.PENDING
    assert notification.attempts == 1
    assert "SMTPServerDisconnected" in notification.last_error
    assert "Bewohnerparkausweis online" in notification.subject + notification.body

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    OutgoingMail.objects.update(next_attempt_at=notification.created_at)
    mail_sweep()

    notification.refresh_from_db()
    assert notification.status == OutgoingMail.Status.SENT
    assert [message.to for message in mail.outbox] == [[reviewer.email]]
