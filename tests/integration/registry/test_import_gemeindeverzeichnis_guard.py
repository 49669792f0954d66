"""The registry import refuses what would silently shrink or damage the registry: the shipped
Gemeindeverzeichnis cut off anywhere (at a line boundary, in the middle of a line, inside the last
column), bytes that are no UTF-8 text, and more deactivations than a yearly update brings, unless
--allow-deactivations says so; --dry-run shows the plan and writes nothing.

One import of the whole shipped file (181 Verwaltungen, 1,106 Gemeinden) serves the module; each
test runs in a savepoint inside it."""

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.management import CommandError
from django.core.management import call_command
from django.db import transaction

from shop.models import Gemeinde
from shop.models import Verwaltung
from shop.registry.gemeindeverzeichnis import DEFAULT_GEMEINDEVERZEICHNIS
from tests.manage import run_manage

pytestmark = pytest.mark.django_db

SHIPPED = DEFAULT_GEMEINDEVERZEICHNIS.read_bytes()
LINES = SHIPPED.splitlines(keepends=True)
NOT_IMPORTED = "Das Gemeindeverzeichnis wurde nicht importiert, der Bestand ist unverändert."
NO_LINE_BREAK = "Die letzte Zeile endet ohne Zeilenumbruch"


@pytest.fixture(scope="module")
def full_registry(django_db_setup, django_db_blocker) -> Iterator[None]:
    with django_db_blocker.unblock(), transaction.atomic():
        call_command(
            "import_gemeindeverzeichnis", str(DEFAULT_GEMEINDEVERZEICHNIS), stdout=io.StringIO()
        )
        yield
        transaction.set_rollback(True)


def registry_state() -> dict[str, list[tuple]]:
    """Every entry with its name, assignment and active flag (and when it last changed)."""
    return {
        "verwaltungen": list(
            Verwaltung.objects.order_by("regional_key").values_list(
                "regional_key", "name", "active", "updated_at"
            )
        ),
        "gemeinden": list(
            Gemeinde.objects.order_by("ags").values_list(
                "ags", "name", "verwaltung__regional_key", "active", "updated_at"
            )
        ),
    }


@pytest.fixture
def before(full_registry) -> dict[str, list[tuple]]:
    state = registry_state()
    assert len(state["verwaltungen"]) == 181
    assert len(state["gemeinden"]) == 1106
    return state


def write(tmp_path: Path, content: bytes, name: str = "gv.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def run_import(path: Path, *options: str) -> str:
    stdout = io.StringIO()
    call_command("import_gemeindeverzeichnis", str(path), *options, stdout=stdout)
    return stdout.getvalue()


def refusal(path: Path, *options: str) -> str:
    with pytest.raises(CommandError) as caught:
        run_import(path, *options)
    message = str(caught.value)
    assert message.startswith(NOT_IMPORTED)
    return message


def first_lines(count: int) -> bytes:
    return b"".join(LINES[:count])


def cut_at_share(share: float) -> bytes:
    """The file up to a byte in the middle of a line, at about `share` of its length."""
    offset = int(len(SHIPPED) * share)
    while SHIPPED[offset - 1 : offset + 1] in (b"\r\n", b"\n"):
        offset += 1
    return SHIPPED[:offset]


def cut_inside_last_column(line: int, *, keep_characters: int, line_break: bytes = b"") -> bytes:
    """The file up to `line`, whose last field (the Verstädterung, e.g. "gering besiedelt")
    keeps only its first characters; `line_break` as if the cut file had been saved again."""
    row = LINES[line - 1].rstrip(b"\r\n")
    last_field_start = row.rindex(b",") + 1
    return first_lines(line - 1) + row[: last_field_start + keep_characters] + line_break


def line_of(text: bytes) -> int:
    return LINES.index(next(line for line in LINES if text in line)) + 1


KREIS_RENDSBURG_ECKERNFOERDE = line_of(b"40,43,01,0,58,,,")
AMT_HUETTENER_BERGE = line_of(b"50,51,01,0,58,5890,,")
LAST = len(LINES)

CUTS = [
    pytest.param(first_lines(2), "keine Gemeinden für Land „01“", id="after-land-record"),
    pytest.param(
        first_lines(KREIS_RENDSBURG_ECKERNFOERDE),
        "Zum Kreis „Rendsburg-Eckernförde“ (01058) stehen keine Gemeindeverbände",
        id="after-a-kreis",
    ),
    pytest.param(
        first_lines(AMT_HUETTENER_BERGE),
        "Zum Gemeindeverband „Hüttener Berge“ (010585890) stehen keine Gemeinden",
        id="after-an-amt",
    ),
    pytest.param(first_lines(310), "aktiven Verwaltungen deaktivieren", id="line-310"),
    pytest.param(first_lines(900), "aktiven Gemeinden deaktivieren", id="line-900"),
    pytest.param(first_lines(LAST - 40), "Gemeinden, die der Import deaktivieren", id="line-1257"),
    pytest.param(
        first_lines(LAST - 1),
        "Die einzige Gemeinde, die der Import deaktivieren würde, folgt",
        id="before-the-last-line",
    ),
    *(
        pytest.param(cut_at_share(share), NO_LINE_BREAK, id=f"mid-line-at-{share:.0%}")
        for share in (0.1, 0.3, 0.5, 0.7, 0.9)
    ),
    pytest.param(
        cut_inside_last_column(600, keep_characters=6), NO_LINE_BREAK, id="inside-last-column"
    ),
    pytest.param(
        cut_inside_last_column(LAST, keep_characters=10),
        f"Zeile {LAST}: {NO_LINE_BREAK}",
        id="inside-last-column-of-the-last-line",
    ),
    pytest.param(
        cut_inside_last_column(LAST, keep_characters=10, line_break=b"\r\n"),
        f"Zeile {LAST}: Die Verstädterung „gering bes“ passt nicht zum Schlüssel 03",
        id="inside-last-column-saved-again",
    ),
    pytest.param(
        cut_inside_last_column(LAST, keep_characters=0, line_break=b"\r\n"),
        f"Zeile {LAST}: Die Verstädterung „“ passt nicht zum Schlüssel 03",
        id="before-last-column-saved-again",
    ),
]


def test_the_cut_points_cover_the_whole_file() -> None:
    lengths = sorted(len(param.values[0]) for param in CUTS)
    assert len(CUTS) >= 10
    assert lengths[0] < len(SHIPPED) * 0.01
    assert lengths[-1] > len(SHIPPED) * 0.99


# Files that are no text (or no UTF-8), each with what the refusal names.
NO_TEXT = [
    pytest.param(
        SHIPPED.replace(b",Ascheffel,", b",Asch\x00effel,"),
        f"Zeile {line_of(b',Ascheffel,')}: Die Datei enthält ein NUL-Byte",
        id="nul-byte",
    ),
    pytest.param(
        SHIPPED.replace(b",Ascheffel,", b",Asch\xffeffel,"),
        f"Zeile {line_of(b',Ascheffel,')}: Die Datei ist nicht UTF-8-kodiert",
        id="invalid-utf-8",
    ),
    pytest.param(
        SHIPPED.decode().encode("cp1252"),
        f"Zeile {line_of('Lübeck'.encode())}: Die Datei ist nicht UTF-8-kodiert",
        id="windows-1252",
    ),
    pytest.param(SHIPPED.decode().encode("utf-16"), "Die Datei ist UTF-16-kodiert", id="utf-16"),
    pytest.param(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "Zeile 3: Die Datei enthält ein NUL-Byte",
        id="binary",
    ),
    pytest.param(
        SHIPPED.replace(b",Ascheffel,", b",Asch\x1beffel,"),
        "Die Datei enthält das Steuerzeichen U+001B",
        id="control-character",
    ),
    pytest.param(b"", "Die Datei ist leer.", id="empty"),
]


@pytest.mark.parametrize(("content", "expected"), [*CUTS, *NO_TEXT])
def test_a_cut_off_file_or_bytes_that_are_no_text_are_refused_and_change_nothing(
    content: bytes, expected: str, before: dict, tmp_path: Path
) -> None:
    message = refusal(write(tmp_path, content))

    assert expected in message
    assert registry_state() == before


def test_manage_py_refuses_a_nul_byte_without_a_traceback(tmp_path: Path) -> None:
    path = write(tmp_path, SHIPPED.replace(b",Ascheffel,", b",Asch\x00effel,"))

    result = run_manage("import_gemeindeverzeichnis", str(path))

    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "NUL-Byte" in result.stderr


def yearly_update() -> bytes:
    """What a real yearly update looks like: Ascheffel renamed, Borgstedt merged away
    (deactivated), a new Gemeinde in the Amt Hüttener Berge."""
    rows = []
    for line in LINES:
        if b",Borgstedt," in line:
            continue
        line = line.replace(b",Ascheffel,", b",Ascheffel am Wittensee,")
        rows.append(line)
        if b",Ascheffel am Wittensee," in line:
            new_gemeinde = line.replace(b",008,", b",999,")
            rows.append(new_gemeinde.replace(b"Ascheffel am Wittensee", "Neu-Hütten".encode()))
    return b"".join(rows)


def test_dry_run_prints_the_changes_and_writes_nothing(before: dict, tmp_path: Path) -> None:
    output = run_import(write(tmp_path, yearly_update()), "--dry-run")

    lines = output.splitlines()
    assert lines[0].startswith("Probelauf (--dry-run)")
    assert "Neu: Gemeinde „Neu-Hütten“ (01058999)" in lines
    assert "Umbenannt: Gemeinde 01058008: „Ascheffel“ → „Ascheffel am Wittensee“" in lines
    assert "Deaktiviert: Gemeinde „Borgstedt“ (01058024)" in lines
    assert lines[-1] == "Probelauf: nichts wurde gespeichert."
    assert registry_state() == before


def test_a_yearly_update_passes_without_permission(before: dict, tmp_path: Path) -> None:
    report = json.loads(run_import(write(tmp_path, yearly_update()), "--json").splitlines()[-1])

    assert report["created"]["gemeinde"] == 1
    assert report["updated"]["gemeinde"] == 1
    assert report["deactivated"]["gemeinde"] == 1
    assert Gemeinde.objects.get(ags="01058008").name == "Ascheffel am Wittensee"
    assert Gemeinde.objects.get(ags="01058024").active is False
    assert Gemeinde.objects.get(ags="01058999").verwaltung.regional_key == "010585890"


def test_a_gemeinde_moved_to_another_amt_is_listed_with_both(before: dict, tmp_path: Path) -> None:
    """Osdorf (Amt Dänischer Wohld, 5824) joins the Amt Hüttener Berge (5890)."""
    moved = SHIPPED.replace(b"01,0,58,5824,121,Osdorf", b"01,0,58,5890,121,Osdorf")
    assert moved != SHIPPED

    output = run_import(write(tmp_path, moved), "--dry-run")

    assert (
        "Neu zugeordnet: Gemeinde „Osdorf“ (01058121): von Dänischer Wohld (010585824) "
        "zu Hüttener Berge (010585890)"
    ) in output.splitlines()
    assert registry_state() == before


def without_kreis(kreis: bytes) -> bytes:
    return b"".join(line for line in LINES if line.split(b",")[4] != kreis)


def test_deactivating_more_than_five_percent_needs_permission(before: dict, tmp_path: Path) -> None:
    path = write(tmp_path, without_kreis(b"54"))  # Nordfriesland
    nordfriesland = Verwaltung.objects.filter(regional_key__startswith="01054")

    message = refusal(path)

    assert f"{nordfriesland.count()} von 181 aktiven Verwaltungen deaktivieren" in message
    assert "höchstens 5 % erlaubt" in message
    assert "  Kreis „Nordfriesland“ (01054)" in message.splitlines()
    assert "  Gemeinde „Sylt“ (01054168)" in message.splitlines()
    assert "--allow-deactivations" in message
    assert registry_state() == before

    dry_run = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_gemeindeverzeichnis", str(path), "--dry-run", stdout=dry_run)
    assert "Deaktiviert: Kreis „Nordfriesland“ (01054)" in dry_run.getvalue()
    assert registry_state() == before

    run_import(path, "--allow-deactivations")

    assert not nordfriesland.filter(active=True).exists()
    assert not Gemeinde.objects.filter(ags__startswith="01054", active=True).exists()
    assert Verwaltung.objects.filter(active=True).count() == 181 - nordfriesland.count()
