"""The bulk rollout's CSV of live addresses: separators, BOM, header, bad rows."""

from shop.orders.bulk import bulk_csv_parse


def test_semicolon_with_bom_and_header():
    content = "\ufeffRegionalschlüssel;URL\n010565656;https://a.example/\n".encode()
    assert bulk_csv_parse(content=content) == ({"010565656": "https://a.example/"}, [])


def test_comma_without_header_and_blank_lines():
    content = b"010565656,https://a.example/\n\n010565657 , https://b.example/\r\n"
    urls, problems = bulk_csv_parse(content=content)
    assert problems == []
    assert urls == {"010565656": "https://a.example/", "010565657": "https://b.example/"}


def test_bad_rows_are_named_by_number():
    content = b"010565656;https://a.example/\nPinneberg;https://b.example/\n010565657\n" + (
        b"010565656;https://c.example/\n"
    )
    urls, problems = bulk_csv_parse(content=content)
    assert urls == {"010565656": "https://a.example/"}
    assert problems == [
        "Zeile 2: „Pinneberg“ ist kein Regionalschlüssel.",
        "Zeile 3: Erwartet werden zwei Spalten, Regionalschlüssel und URL.",
        "Zeile 4: Regionalschlüssel 010565656 steht doppelt in der Datei.",
    ]


def test_not_utf8_empty_and_too_large():
    assert bulk_csv_parse(content="010;Ä".encode("cp1252"))[1] == [
        "Die CSV-Datei ist nicht in UTF-8 gespeichert."
    ]
    assert bulk_csv_parse(content=b"Regionalschluessel;URL\n")[1] == [
        "Die CSV-Datei enthält keine Zeile mit Regionalschlüssel und URL."
    ]
    assert bulk_csv_parse(content=b"x" * 1_000_001)[1] == [
        "Die CSV-Datei ist zu groß (höchstens 1 MB)."
    ]
