"""Odd input in a request is the sender's mistake (400 or 404 with a German message), never a
server error.

Why a middleware: PostgreSQL can neither store nor compare text with a NUL character (psycopg
refuses the query), so a `%00` that reached any lookup was a 500: Oscar's wish lists, Wagtail's
API search and `html_path`, the registration's Verwaltung search, and Wagtail's redirect lookup
behind every 404. Numbers fail alike: beyond 64 bits SQLite cannot bind them and PostgreSQL's
OFFSET overflows, and a word where a view looks up an integer key raises instead of finding
nothing. Guarding each view of Django, Wagtail and Oscar one by one would miss the next one; this
checks every request once, before any of them:

- 400 when the path, the name or value of a query parameter or of a POSTed form field
  (urlencoded or multipart) contains a NUL character (path and query also once more
  percent-decoded, `%2500`: some views decode again), when the path or the query string is not
  valid UTF-8, or when a query parameter is a number beyond MAX_QUERY_NUMBER;
- 404 when an `<int:…>` path parameter exceeds MAX_PATH_INTEGER, or a `pk` path parameter (the
  key of Django's generic views, Oscar's dashboard and Wagtail's choosers) is no such integer
  while the view's model has an integer key.

Pages get 400.html (which says what was wrong); under /api/ the answer is JSON
`{"message": …}`, as Wagtail's API answers its own errors. The shop's own JSON API (django-ninja,
namespace "api", site/api.py) is left to its own validation, which answers 422 with a message per
parameter, as its OpenAPI document says.
"""

import re
from urllib.parse import unquote, unquote_to_bytes

from django.apps import apps
from django.db.models import IntegerField, Model
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.template import loader
from django.urls import Resolver404, get_resolver

NUL = "\x00"
# PostgreSQL's `integer`, the primary key of Wagtail's and Oscar's tables; the shop's own are
# bigint, but no row count of this shop comes near 2**31 either.
MAX_PATH_INTEGER = 2**31 - 1
# Longer than every number the shop knows (ids, pages, offsets) and than its numeric keys (ARS:
# 12 digits, LeiKa: 14), yet so far below 2**63 that a page number times a page size stays a
# 64-bit integer.
MAX_QUERY_NUMBER = 10**15 - 1
NUMBER = re.compile(r"[+-]?[0-9]+")  # ASCII digits only: int() would take "١٢" too
API_PREFIX = "/api/"
# URL namespaces whose views check their parameters themselves (see the module's docstring).
SELF_VALIDATING_NAMESPACES = frozenset({"api"})
FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")

NUL_MESSAGE = (
    "Die Anfrage enthält ein Steuerzeichen (NUL-Byte, „%00“). Bitte prüfen Sie die Adresse "
    "oder die Eingaben im Formular."
)
NOT_UTF8_MESSAGE = (
    "Die Adresse enthält Zeichen, die nicht als UTF-8 kodiert sind. Bitte prüfen Sie die Adresse."
)
NUMBER_MESSAGE = (
    f"Die Adresse enthält eine zu große Zahl (höchstens {len(str(MAX_QUERY_NUMBER))} Stellen). "
    "Bitte prüfen Sie die Adresse."
)
NOT_FOUND_MESSAGE = "Die aufgerufene Adresse gibt es nicht."
GENERAL_MESSAGE = "Die Anfrage ist ungültig. Bitte prüfen Sie die Adresse oder Ihre Eingaben."


class OddInputMiddleware:
    """400 for NUL characters, invalid UTF-8 and huge numbers; 404 for path keys that cannot be
    one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        problem = odd_input(request)
        if problem and not _validates_itself(request):
            return bad_request_response(request, problem)
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        beyond_range = any(
            isinstance(value, int) and value > MAX_PATH_INTEGER for value in view_kwargs.values()
        )
        if beyond_range or _no_key_of(_view_model(view_func), view_kwargs.get("pk")):
            if request.path_info.startswith(API_PREFIX):
                return JsonResponse({"message": NOT_FOUND_MESSAGE}, status=404)
            raise Http404(NOT_FOUND_MESSAGE)
        return None


def odd_input(request: HttpRequest) -> str | None:
    """What is wrong with the request's path, query or form data, in German; None if nothing."""
    # Django decodes both leniently: invalid UTF-8 in the path stays percent-encoded in
    # path_info, in the query string it becomes U+FFFD.
    if not _is_utf8(request.path_info) or not _is_utf8(_wsgi_bytes(request, "QUERY_STRING")):
        return NOT_UTF8_MESSAGE
    query = _names_and_values(request.GET)
    form = (
        _form_names_and_values(request)
        if request.method == "POST" and request.content_type in FORM_CONTENT_TYPES
        else []
    )
    # A form field is text as typed (a password may contain "%00"); only an address is decoded.
    if any(NUL in text or NUL in unquote(text) for text in (request.path_info, *query)) or any(
        NUL in text for text in form
    ):
        return NUL_MESSAGE
    numbers = [text.lstrip("+-") for text in query if NUMBER.fullmatch(text)]
    if not all(at_most(number, MAX_QUERY_NUMBER) for number in numbers):
        return NUMBER_MESSAGE
    return None


def _form_names_and_values(request: HttpRequest) -> list[str]:
    """The POSTed form's names and values; none when the body cannot be parsed (a multipart
    body without boundary): Django answers 400 for that where a view reads the form, and the
    JSON API, which reads the body itself, authenticates before it answers."""
    try:
        return _names_and_values(request.POST)
    except MultiPartParserError:
        return []


def _names_and_values(query) -> list[str]:
    return [text for name, values in query.lists() for text in (name, *values)]


def _is_utf8(percent_encoded: bytes | str) -> bool:
    try:
        unquote_to_bytes(percent_encoded).decode()
    except UnicodeDecodeError:
        return False
    return True


def _wsgi_bytes(request: HttpRequest, key: str) -> bytes:
    """WSGI hands over the request's bytes as ISO-8859-1 text; ASGI's text is decoded already."""
    text = request.META.get(key, "")
    try:
        return text.encode("iso-8859-1")
    except UnicodeEncodeError:
        return text.encode()


def _validates_itself(request: HttpRequest) -> bool:
    try:
        match = get_resolver(getattr(request, "urlconf", None)).resolve(request.path_info)
    except Resolver404:
        return False
    return match.namespace in SELF_VALIDATING_NAMESPACES


def _view_model(view_func) -> type[Model] | None:
    """The model of a class-based view, where its class or as_view() names it."""
    initkwargs = getattr(view_func, "view_initkwargs", None) or {}
    view_class = getattr(view_func, "view_class", None)
    model = initkwargs.get("model") or getattr(view_class, "model", None)
    if isinstance(model, str):  # "app_label.ModelName", as Wagtail's document chooser has it
        try:
            model = apps.get_model(model)
        except (LookupError, ValueError):
            return None
    return model if isinstance(model, type) and issubclass(model, Model) else None


def _no_key_of(model: type[Model] | None, value: object) -> bool:
    """Whether `value`, a path parameter, cannot be the key of the model's integer primary key
    (through a parent link: Wagtail's page types)."""
    if model is None or not isinstance(value, str):
        return False
    key = model._meta.pk
    if not isinstance(getattr(key, "target_field", key), IntegerField):
        return False
    return not (value.isascii() and value.isdigit() and at_most(value, MAX_PATH_INTEGER))


def at_most(digits: str, maximum: int) -> bool:
    """Whether the decimal digits are a number up to `maximum`, without converting a number of
    thousands of digits (Python refuses those: ValueError)."""
    return len(digits.lstrip("0")) <= len(str(maximum)) and int(digits) <= maximum


def bad_request_response(
    request: HttpRequest, message: str = "", *, page_context: bool = True
) -> HttpResponse:
    """400 in German: JSON under /api/, else 400.html. `page_context=False` renders the page
    without the request's context (no signed-in header), for requests whose host may be the
    problem (Django's DisallowedHost): the page's footer would ask for it again."""
    if request.path_info.startswith(API_PREFIX):
        return JsonResponse({"message": message or GENERAL_MESSAGE}, status=400)
    html = loader.render_to_string(
        "400.html", {"message": message}, request=request if page_context else None
    )
    return HttpResponse(html, status=400)
