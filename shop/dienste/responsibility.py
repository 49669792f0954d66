"""Which kinds of Verwaltung may order a service (its responsibility), and how the shop says so.

A service names the kinds of the registry (shop.models.registry.VerwaltungKind) that are
responsible for it, as a list of their values; an empty list means every kind, so a kind added
later (another Land's registry) may order the services that are for everyone. Nothing here
queries the database.
"""

from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError

from shop.models.registry import Verwaltung, VerwaltungKind

ALL_KINDS = "alle Verwaltungen"

# Per kind: the plural without and with the definite article ("kreisfreie Städte", "die
# kreisfreien Städte") and how a body of that kind is named ("das Amt Hüttener Berge"). A kind
# without an entry is named by its label.
_PLURAL = {
    VerwaltungKind.KREIS: ("Kreise", "die Kreise"),
    VerwaltungKind.KREISFREIE_STADT: ("kreisfreie Städte", "die kreisfreien Städte"),
    VerwaltungKind.AMT: ("Ämter", "die Ämter"),
    VerwaltungKind.KIRCHSPIELSLANDGEMEINDE: (
        "Kirchspielslandgemeinden",
        "die Kirchspielslandgemeinden",
    ),
    VerwaltungKind.AMTSFREIE_GEMEINDE: (
        "amtsfreie Gemeinden und Städte",
        "die amtsfreien Gemeinden und Städte",
    ),
    VerwaltungKind.LANDKREIS: ("Landkreise", "die Landkreise"),
    VerwaltungKind.STADTKREIS: ("Stadtkreise", "die Stadtkreise"),
    VerwaltungKind.REGIONALVERBAND: ("Regionalverbände", "die Regionalverbände"),
    VerwaltungKind.SAMTGEMEINDE: ("Samtgemeinden", "die Samtgemeinden"),
    VerwaltungKind.VERBANDSGEMEINDE: ("Verbandsgemeinden", "die Verbandsgemeinden"),
    VerwaltungKind.VERWALTUNGSGEMEINSCHAFT: (
        "Verwaltungsgemeinschaften",
        "die Verwaltungsgemeinschaften",
    ),
    VerwaltungKind.VERWALTUNGSVERBAND: ("Verwaltungsverbände", "die Verwaltungsverbände"),
    VerwaltungKind.ERFUELLENDE_GEMEINDE: ("erfüllende Gemeinden", "die erfüllenden Gemeinden"),
    VerwaltungKind.VERBANDSFREIE_GEMEINDE: (
        "verbandsfreie Gemeinden und Städte",
        "die verbandsfreien Gemeinden und Städte",
    ),
}
_ARTICLE = {
    VerwaltungKind.KREIS: "der Kreis",
    VerwaltungKind.AMT: "das Amt",
    VerwaltungKind.KIRCHSPIELSLANDGEMEINDE: "die Kirchspielslandgemeinde",
    VerwaltungKind.LANDKREIS: "der Landkreis",
    VerwaltungKind.REGIONALVERBAND: "der Regionalverband",
    VerwaltungKind.SAMTGEMEINDE: "die Samtgemeinde",
    VerwaltungKind.VERBANDSGEMEINDE: "die Verbandsgemeinde",
    VerwaltungKind.VERWALTUNGSGEMEINSCHAFT: "die Verwaltungsgemeinschaft",
    VerwaltungKind.VERWALTUNGSVERBAND: "der Verwaltungsverband",
}


def _label(kind: str) -> str:
    return dict(VerwaltungKind.choices).get(kind, kind)


def responsible_kinds_clean(values: Iterable[str]) -> list[str]:
    """The kinds in the registry's order, each once; ValidationError (German) for a value that
    is no kind of Verwaltung. Every kind chosen is stored as the empty list (all kinds)."""
    values = list(values or ())
    unknown = [value for value in values if value not in VerwaltungKind.values]
    if unknown:
        raise ValidationError(
            "Unbekannte Art von Verwaltung: %(kinds)s.", params={"kinds": ", ".join(unknown)}
        )
    chosen = [kind for kind in VerwaltungKind.values if kind in values]
    return [] if len(chosen) == len(VerwaltungKind.values) else chosen


def kind_is_responsible(*, kinds: Sequence[str], kind: str) -> bool:
    """Whether a Verwaltung of `kind` may order a service for `kinds` (empty: all may)."""
    return not kinds or kind in kinds


def _joined(parts: Sequence[str]) -> str:
    *others, last = parts
    return f"{', '.join(others)} und {last}" if others else last


def _plurals(kinds: Sequence[str], *, with_article: bool) -> str:
    """The kinds from the largest body down ("Kreise und kreisfreie Städte"), unknown ones last."""
    order = list(_PLURAL)
    parts = []
    for kind in sorted(kinds, key=lambda kind: order.index(kind) if kind in order else len(order)):
        without, with_ = _PLURAL.get(kind, (_label(kind), _label(kind)))
        parts.append(with_ if with_article else without)
    if with_article:
        # "die Kreise und die kreisfreien Städte" reads as "die Kreise und kreisfreien Städte".
        parts = [parts[0], *(part.removeprefix("die ") for part in parts[1:])]
    return _joined(parts)


def responsibility_text(*, kinds: Sequence[str]) -> str:
    """The profile's fact "Zuständig": "Kreise und kreisfreie Städte", "alle Verwaltungen"."""
    if not kinds:
        return ALL_KINDS
    text = _plurals(kinds, with_article=False)
    return text[0].upper() + text[1:]


def verwaltung_named(verwaltung: Verwaltung) -> str:
    """ "das Amt Hüttener Berge", "der Kreis Nordfriesland", "„Flensburg, Stadt“"."""
    article = _ARTICLE.get(verwaltung.kind)
    return f"{article} {verwaltung.name}" if article else f"„{verwaltung.name}“"


def responsibility_refusal(
    *, title: str, kinds: Sequence[str], verwaltungen: Sequence[Verwaltung]
) -> str:
    """Why these Verwaltungen cannot order the service, and who can: "„Kfz-Abmeldung“ bieten die
    Kreise und kreisfreien Städte an; das Amt Hüttener Berge kann diesen Dienst nicht
    bestellen." """
    names = _joined([verwaltung_named(verwaltung) for verwaltung in verwaltungen])
    verb = "kann" if len(verwaltungen) == 1 else "können"
    return (
        f"„{title}“ bieten {_plurals(kinds, with_article=True)} an; "
        f"{names} {verb} diesen Dienst nicht bestellen."
    )


def responsibility_validate(*, verwaltung: Verwaltung, dienste: Iterable) -> None:
    """ValidationError (German) naming each service the Verwaltung is not responsible for
    (`dienste`: objects with `title` and `responsible_kinds`)."""
    problems = [
        responsibility_refusal(
            title=dienst.title, kinds=dienst.responsible_kinds, verwaltungen=[verwaltung]
        )
        for dienst in dienste
        if not kind_is_responsible(kinds=dienst.responsible_kinds, kind=verwaltung.kind)
    ]
    if problems:
        raise ValidationError(problems)
