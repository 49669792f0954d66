"""The OZG catalogue as JSON: Themenfelder, Lagen, OZG-Leistungen with their LeiKa-Leistungen."""

from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from .selectors import lage_list, ozg_leistung_get, ozg_leistung_list, themenfeld_list

router = Router(tags=["OZG-Katalog"])


class ErrorOut(Schema):
    """The body of the shop API's error answers (site/api.py answers 401 so, and 422 with the
    single errors added). Defined once: django-ninja names a schema by its class name, and a
    second ErrorOut would silently replace this one in the OpenAPI document."""

    detail: str = Field(description="Was nicht geht, auf Deutsch")


class ThemenfeldOut(Schema):
    slug: str
    name: str


class LageOut(Schema):
    slug: str
    name: str
    themenfeld: ThemenfeldOut


class OzgLeistungOut(Schema):
    ozg_id: str
    name: str
    lage: LageOut


class LeikaLeistungOut(Schema):
    key: str = Field(description="14-stelliger LeiKa-Schlüssel, leer wenn keiner vergeben ist")
    name: str
    leika_type: str
    legal_basis: str


class OzgLeistungDetail(OzgLeistungOut):
    leika_leistungen: list[LeikaLeistungOut]


class BoundedLimitOffsetPagination(LimitOffsetPagination):
    """django-ninja's limit and offset with upper bounds: without them a large number reaches
    the database as LIMIT or OFFSET and fails there (more than 64 bits: a server error)."""

    class Input(Schema):
        limit: int = Field(100, ge=1, le=1000, description="Anzahl je Antwort, höchstens 1000")
        offset: int = Field(0, ge=0, le=100_000, description="Versatz, höchstens 100000")


class LagenParameters(Schema):
    themenfeld: str | None = Field(None, description="Kurzname eines Themenfelds")


class LeistungenParameters(Schema):
    themenfeld: str | None = Field(None, description="Kurzname eines Themenfelds")
    lage: str | None = Field(None, description="Kurzname einer Lage")
    q: str | None = Field(None, description="Teil des Namens oder Anfang der OZG-ID")


@router.get("/ozg/themenfelder", response=list[ThemenfeldOut], summary="Themenfelder")
def themenfelder(request: HttpRequest):
    return themenfeld_list()


@router.get("/ozg/lagen", response=list[LageOut], summary="Lagen")
def lagen(request: HttpRequest, parameters: Query[LagenParameters]):
    return lage_list(themenfeld_slug=parameters.themenfeld)


@router.get("/ozg/leistungen", response=list[OzgLeistungOut], summary="OZG-Leistungen")
@paginate(BoundedLimitOffsetPagination)
def leistungen(request: HttpRequest, parameters: Query[LeistungenParameters]):
    return ozg_leistung_list(
        themenfeld_slug=parameters.themenfeld,
        lage_slug=parameters.lage,
        search=(parameters.q or "")[:200],
    )


@router.get(
    "/ozg/leistungen/{ozg_id}",
    response={200: OzgLeistungDetail, 404: ErrorOut},
    summary="Eine OZG-Leistung mit ihren LeiKa-Leistungen",
)
def leistung(request: HttpRequest, ozg_id: str):
    found = ozg_leistung_get(ozg_id=ozg_id[:10])
    if found is None:
        raise Http404("Keine OZG-Leistung mit dieser OZG-ID.")
    return {
        "ozg_id": found.ozg_id,
        "name": found.name,
        "lage": found.lage,
        "leika_leistungen": list(found.leika_leistungen.all()),
    }
