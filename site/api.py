"""The JSON API: the shop's own endpoints (django-ninja) under /api/ and Wagtail's pages API
under /api/v2/, described together by one OpenAPI 3 document at /api/openapi.json.

Every error answer is JSON with a German `detail`, as the document says: 401 without sign-in,
404 for what does not exist (or is not the person's), 422 for invalid parameters with one entry
per parameter in `errors`. tests/integration/site/test_api_schema.py holds the API to the
document."""

import functools

from django.conf import settings
from django.http import Http404, HttpRequest
from ninja import Field, NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError
from wagtail.api.v2.router import WagtailAPIRouter

from cms_pages.api import WAGTAIL_PAGES_PATHS, ServiceAwarePagesAPIViewSet, WagtailPage
from cms_pages.api import router as services_router
from shop.catalogue.api import router as ozg_catalogue_router
from shop.integrations.api import router as operator_router
from shop.orders.api import router as meine_dienste_router

wagtail_api = WagtailAPIRouter("wagtailapi")
wagtail_api.register_endpoint("pages", ServiceAwarePagesAPIViewSet)


class ParameterError(Schema):
    location: str = Field(description="path oder query")
    parameter: str = Field(description="Name des Parameters")
    message: str = Field(description="Was nicht stimmt, auf Deutsch")


class ValidationErrorOut(Schema):
    detail: str = Field(description="Zusammenfassung auf Deutsch")
    errors: list[ParameterError]


VALIDATION_ERROR_RESPONSE = {
    "description": "Ungültige Parameter, z. B. keine Zahl, wo eine erwartet wird, eine Zahl "
    "außerhalb des erlaubten Bereichs oder ein Steuerzeichen (NUL)",
    "content": {
        "application/json": {"schema": {"$ref": "#/components/schemas/ValidationErrorOut"}}
    },
}

UNREADABLE_BODY = "Der Inhalt der Anfrage ist kein gültiges JSON."
UNREADABLE_BODY_RESPONSE = {
    "description": UNREADABLE_BODY,
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}},
}

# German texts for pydantic's error types; the placeholders come from the error's context.
VALIDATION_MESSAGES = {
    "missing": "Diese Angabe fehlt.",
    "int_parsing": "Bitte geben Sie eine ganze Zahl an.",
    "int_type": "Bitte geben Sie eine ganze Zahl an.",
    "int_from_float": "Bitte geben Sie eine ganze Zahl an.",
    "greater_than": "Die Zahl muss größer als {gt} sein.",
    "greater_than_equal": "Die Zahl muss mindestens {ge} sein.",
    "less_than": "Die Zahl muss kleiner als {lt} sein.",
    "less_than_equal": "Die Zahl darf höchstens {le} sein.",
    "string_too_long": "Höchstens {max_length} Zeichen.",
    "string_pattern_mismatch": "Das Format stimmt nicht.",
    "enum": "Erlaubt sind: {expected}.",
    "datetime_from_date_parsing": "Bitte geben Sie einen Zeitpunkt nach ISO 8601 an.",
    "datetime_parsing": "Bitte geben Sie einen Zeitpunkt nach ISO 8601 an.",
    "datetime_type": "Bitte geben Sie einen Zeitpunkt nach ISO 8601 an.",
    "string_type": "Bitte geben Sie einen Text an.",
    "bool_parsing": "Bitte geben Sie true oder false an.",
    "nul_character": "Steuerzeichen (NUL) sind nicht erlaubt.",
}


def _german(error: dict) -> dict:
    location, *names = error.get("loc") or ("", "")
    template = VALIDATION_MESSAGES.get(error.get("type", ""), "Der Wert ist ungültig.")
    try:
        message = template.format(**error.get("ctx", {}))
    except (KeyError, IndexError):
        message = template
    return {
        "location": str(location),
        "parameter": ".".join(str(name) for name in names),
        "message": message,
    }


class ShopAPI(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        # Every operation with parameters may answer 422 (see `invalid_parameters`).
        schema.setdefault("components", {}).setdefault("schemas", {}).update(
            _component_schemas(ValidationErrorOut) | _component_schemas(WagtailPage)
        )
        for path_item in schema["paths"].values():
            for operation in path_item.values():
                if operation.get("parameters"):
                    operation["responses"].setdefault("422", VALIDATION_ERROR_RESPONSE)
                if operation.get("requestBody"):
                    operation["responses"].setdefault("400", UNREADABLE_BODY_RESPONSE)
        schema["paths"].update(WAGTAIL_PAGES_PATHS)
        return schema


def _component_schemas(model: type[Schema]) -> dict:
    """The model's JSON schema and those it refers to, as OpenAPI components."""
    json_schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
    return {**json_schema.pop("$defs", {}), model.__name__: json_schema}


api = ShopAPI(
    title=settings.SHOP_NAME,
    version="1",
    description="Dienstekatalog mit OZG-Metadaten und Bestellbarkeit, der OZG-Katalog, Meine "
    "Dienste der Kommunen und die Status-Schnittstelle der Betreiber (/api/umsetzung/).",
    urls_namespace="api",
)


@api.exception_handler(ValidationError)
def invalid_parameters(request: HttpRequest, error: ValidationError):
    errors = [_german(item) for item in error.errors]
    summary = "; ".join(f"{item['parameter']}: {item['message']}" for item in errors)
    return api.create_response(
        request,
        {"detail": f"Ungültige Angaben in der Anfrage – {summary}", "errors": errors},
        status=422,
    )


@api.exception_handler(Http404)
def not_found(request: HttpRequest, error: Http404):
    # The views raise Http404 with a German message; Django's get_object_or_404 would not.
    return api.create_response(request, {"detail": str(error) or "Nicht gefunden."}, status=404)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, error: HttpError):
    # django-ninja's own 400 (a body it cannot parse) says so in English; the views' HttpErrors
    # are German already.
    if error.status_code == 400 and str(error).startswith("Cannot parse request body"):
        return api.create_response(request, {"detail": UNREADABLE_BODY}, status=400)
    return api.create_response(request, {"detail": str(error)}, status=error.status_code)


@api.exception_handler(AuthenticationError)
def not_signed_in(request: HttpRequest, error: AuthenticationError):
    return api.create_response(
        request, {"detail": "Bitte melden Sie sich an."}, status=error.status_code
    )


def without_nul_characters(operation):
    """PostgreSQL cannot store or compare text with NUL characters (psycopg raises DataError):
    a parameter with one is invalid, before any view uses it."""

    @functools.wraps(operation)
    def checked(request: HttpRequest, *args, **kwargs):
        path_parameters = (request.resolver_match.kwargs if request.resolver_match else {}).items()
        found = [
            {"type": "nul_character", "loc": (location, name)}
            for location, parameters in (
                ("path", path_parameters),
                ("query", request.GET.lists()),
            )
            for name, values in parameters
            if "\x00" in name or any("\x00" in value for value in _as_list(values))
        ]
        if found:
            raise ValidationError(found)
        return operation(request, *args, **kwargs)

    return checked


def _as_list(values) -> list[str]:
    return [str(value) for value in (values if isinstance(values, list) else [values])]


api.add_decorator(without_nul_characters)
api.add_router("/", services_router)
api.add_router("/", ozg_catalogue_router)
api.add_router("/konto/", meine_dienste_router)
api.add_router("/umsetzung/", operator_router)
