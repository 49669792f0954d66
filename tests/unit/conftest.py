import pytest


@pytest.fixture(autouse=True)
def _without_database(request):
    """Unit tests run without the database (pytest-django blocks it) and so without its setup;
    a test that needs it belongs in tests/integration/<subdomain>/."""
    if request.node.get_closest_marker("django_db") or "_django_db_helper" in request.fixturenames:
        pytest.fail("Unit-Tests laufen ohne Datenbank: dieser Test gehört nach tests/integration/.")
