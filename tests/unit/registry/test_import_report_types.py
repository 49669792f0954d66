"""The import's report lists Schleswig-Holstein's kinds always (the JSON that scripts read) and
another Land's kinds when it has them; the command has a German label for every kind."""

from shop.management.commands.import_gemeindeverzeichnis import TYPE_LABELS
from shop.registry.services import REPORT_TYPES
from shop.registry.services import ImportReport
from tests.integration.registry.test_import_gemeindeverzeichnis import (
    REPORT_TYPES as SH_REPORT_TYPES,
)


def test_schleswig_holsteins_kinds_are_always_reported():
    assert ImportReport().report_types == SH_REPORT_TYPES


def test_another_lands_kinds_are_reported_when_counted():
    report = ImportReport()
    report.created["samtgemeinde"] = 2
    report.deactivated["landkreis"] = 1

    assert report.report_types == [
        "kreisfreie_stadt",
        "kreis",
        "amt",
        "kirchspielslandgemeinde",
        "amtsfreie_gemeinde",
        "landkreis",
        "samtgemeinde",
        "gemeinde",
    ]
    assert list(report.as_dict()["unchanged"]) == report.report_types
    assert report.counted_types == ["landkreis", "samtgemeinde", "gemeinde"]
    assert report.as_dict()["created"]["samtgemeinde"] == 2


def test_every_kind_has_a_german_label():
    assert set(TYPE_LABELS) == set(REPORT_TYPES)
