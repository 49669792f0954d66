import pytest


@pytest.fixture
def page_tree(db):
    """The shop's fixed pages (home, /dienste/, legal pages), as seed_demo builds them."""
    from cms_pages.services import page_tree_ensure

    return page_tree_ensure()


@pytest.fixture
def wohngeld(page_tree):
    """A published profile "Wohngeld" and its service, orderable under the terms of use."""
    from shop.models import Dienst
    from tests.order_factories import terms_of_use_publish
    from tests.pages import service_page_create

    terms_of_use_publish()
    page = service_page_create(parent=page_tree.service_index, title="Wohngeld")
    return page, Dienst.objects.get(page_id=page.pk)


def migration_data_restore() -> None:
    """Put back what the migrations wrote (Wagtail's root page and Site, Django's Site, groups)
    after transactional tests flushed the database, for the tests that follow and for the
    database that `--reuse-db` keeps. Needs tests marked `serialized_rollback=True` in the run,
    so that the test database setup serialized that data, and database access."""
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents:
            connection.creation.deserialize_db_from_string(contents)
