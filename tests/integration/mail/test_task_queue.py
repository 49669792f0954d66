"""Production's task queue (django-tasks-db): the confirmation mail is stored with the order,
the task that attaches the order document (PDF) and delivers it is queued when the order commits,
and the mail leaves when the worker runs, not before."""

from django.core import mail
from django.core.management import call_command
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from shop.models import OutgoingMail
from tests.checkout import basket_add
from tests.checkout import checkout_complete
from tests.factories import amt_with_gemeinden
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import terms_of_use_publish


def test_order_confirmation_goes_through_the_database_queue(
    client, database_queue, django_capture_on_commit_callbacks, monkeypatch
):
    terms_of_use_publish()
    amt = amt_with_gemeinden(count=2)
    dienst = dienst_create()
    client.force_login(member_create(verwaltung=amt, email="person@amt.example"))
    basket_add(client, dienst)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        checkout_complete(
            client, verwaltung=amt, dienste=[dienst], gemeinden=list(amt.gemeinden.all())
        )
    tasks = DBTaskResult.objects.filter(
        task_path="shop.orders.services.order_confirmation_document_task"
    )
    assert not tasks.exists()  # nothing is queued before the commit
    (stored,) = OutgoingMail.objects.filter(subject__startswith="Ihre Bestellung")

    for callback in callbacks:
        callback()
    (task,) = tasks
    assert mail.outbox == []

    # The worker closes idle connections between tasks; here the test's own transaction is open
    # on that connection and must stay so.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    call_command("db_worker", batch=True, verbosity=0)

    (message,) = mail.outbox
    assert "person@amt.example" in message.to
    assert [mimetype for _, _, mimetype in message.attachments] == ["application/pdf"]
    task.refresh_from_db()
    assert task.status == "SUCCESSFUL"
    stored.refresh_from_db()
    assert stored.status == OutgoingMail.Status.SENT
