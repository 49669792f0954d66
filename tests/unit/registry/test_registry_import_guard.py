"""When the registry import asks for explicit permission (--allow-deactivations): more than 5 %
of the active Verwaltungen or Gemeinden deactivated, or only Gemeinden after the file's last one
in key order, as a file cut at a line boundary looks."""

import pytest

from shop.registry.gemeindeverzeichnis import DEFAULT_GEMEINDEVERZEICHNIS
from shop.registry.gemeindeverzeichnis import parse_gemeindeverzeichnis
from shop.registry.services import ImportReport
from shop.registry.services import registry_import_refusal_reasons

SHIPPED = parse_gemeindeverzeichnis(DEFAULT_GEMEINDEVERZEICHNIS)
LAST_ARS = max(gemeinde.ars for gemeinde in SHIPPED.gemeinden)


def report(*, verwaltungen: int = 0, gemeinden_ars: tuple[str, ...] = ()) -> ImportReport:
    result = ImportReport(active_verwaltungen_before=181, active_gemeinden_before=1106)
    result.deactivated["amt"] = verwaltungen
    result.deactivated["gemeinde"] = len(gemeinden_ars)
    result.deactivated_gemeinde_ars = list(gemeinden_ars)
    return result


def reasons(**kwargs: object) -> tuple[str, ...]:
    return registry_import_refusal_reasons(records=SHIPPED, report=report(**kwargs))


def test_the_last_gemeinde_of_the_shipped_file_closes_stormarn() -> None:
    last = next(gemeinde for gemeinde in SHIPPED.gemeinden if gemeinde.ars == LAST_ARS)
    assert (last.line, last.kreis_key) == (1297, "01062")


def test_a_yearly_update_needs_no_permission() -> None:
    assert reasons() == ()
    assert reasons(verwaltungen=9, gemeinden_ars=("010585890024", "010515163001")) == ()


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        (
            {"verwaltungen": 10},
            "10 von 181 aktiven Verwaltungen deaktivieren (5,5 %)",
        ),
        (
            {"gemeinden_ars": tuple(f"010585890{n:03d}" for n in range(56))},
            "56 von 1.106 aktiven Gemeinden deaktivieren (5,1 %)",
        ),
        (
            {"gemeinden_ars": (f"{LAST_ARS[:-3]}999",)},
            f"Die einzige Gemeinde, die der Import deaktivieren würde, folgt im "
            f"Regionalschlüssel auf die letzte Gemeinde der Datei („Witzhave“, ARS {LAST_ARS}, "
            "Zeile 1297)",
        ),
        (
            {"gemeinden_ars": ("010629999001", "010629999002")},
            "Alle 2 Gemeinden, die der Import deaktivieren würde, folgen",
        ),
    ],
)
def test_signs_of_a_wrong_or_cut_off_file_need_permission(kwargs: dict, fragment: str) -> None:
    found = reasons(**kwargs)

    assert len(found) == 1
    assert fragment in found[0]


def test_a_gemeinde_before_the_end_among_the_deactivated_is_no_cut() -> None:
    assert reasons(gemeinden_ars=("010629999001", "010585890024")) == ()
