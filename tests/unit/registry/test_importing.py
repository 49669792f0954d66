"""What both importers share: reading bytes as CSV text (refusing what is no UTF-8 text or is cut
off, naming the line) and the limit on how much one import may retire."""

import io

import pytest

from shop.importing import REMOVAL_LIMIT_PERCENT
from shop.importing import CsvFileError
from shop.importing import read_csv_text
from shop.importing import removal_limit_problem


def read(content: bytes) -> str:
    return read_csv_text(io.BytesIO(content), document="die Datei")


def read_error(content: bytes) -> CsvFileError:
    with pytest.raises(CsvFileError) as caught:
        read(content)
    return caught.value


def test_text_with_byte_order_mark_and_either_line_end_is_read() -> None:
    assert read(b"\xef\xbb\xbfa,b\r\n1,\xc3\xbc\n") == "a,b\r\n1,ü\n"
    assert read(b"") == ""


@pytest.mark.parametrize(
    ("content", "line", "fragment"),
    [
        pytest.param(b"a,b\r\n1,2\r\n3,\x004\r\n", 3, "NUL-Byte (0x00)", id="nul-byte"),
        pytest.param(b"a\n\x1f\x8b\x08\x00\xff", 2, "NUL-Byte", id="gzip"),
        pytest.param(
            b"a,b\n1,\xfc\n", 2, "nicht UTF-8-kodiert (ungültiges Byte 0xFC)", id="latin-1"
        ),
        pytest.param("a,b\n1,ü\n".encode("utf-16"), 1, "UTF-16-kodiert", id="utf-16"),
        pytest.param(b"PK\x03\x04\x14\x00", 1, "Excel-Arbeitsmappe", id="excel"),
        pytest.param(b"a,b\n1,\x1b[2\n", 2, "Steuerzeichen U+001B", id="control-character"),
        pytest.param(b"a,b\r\n1,2\r\n3,gering bes", 3, "ohne Zeilenumbruch", id="cut-off"),
    ],
)
def test_bytes_that_are_no_complete_text_name_their_line(
    content: bytes, line: int, fragment: str
) -> None:
    error = read_error(content)

    assert error.line == line
    assert fragment in error.message


@pytest.mark.parametrize(
    ("removed", "existing", "refused"),
    [
        (0, 0, False),
        (9, 181, False),
        (10, 181, True),
        (55, 1106, False),
        (56, 1106, True),
        (1, 3, True),
    ],
)
def test_more_than_five_percent_need_permission(removed: int, existing: int, refused: bool) -> None:
    problem = removal_limit_problem(
        removed=removed, existing=existing, entries="aktiven Gemeinden", outcome="deaktivieren"
    )

    assert REMOVAL_LIMIT_PERCENT == 5
    assert ("höchstens 5 % erlaubt" in problem) is refused
    assert (problem == "") is not refused


def test_the_problem_uses_german_numbers() -> None:
    problem = removal_limit_problem(
        removed=771, existing=1106, entries="aktiven Gemeinden", outcome="deaktivieren"
    )

    assert "771 von 1.106 aktiven Gemeinden deaktivieren (69,7 %)" in problem
