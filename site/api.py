"""The JSON API: the shop's own endpoints (django-ninja) under /api/ and Wagtail's pages API
under /api/v2/, described together by one OpenAPI 3 document at /api/openapi.json."""

from ninja import NinjaAPI
from wagtail.api.v2.router import WagtailAPIRouter

from cms_pages.api import ServiceAwarePagesAPIViewSet
from cms_pages.api import router as services_router
from shop.catalogue.api import router as ozg_catalogue_router
from shop.orders.api import router as meine_dienste_router

wagtail_api = WagtailAPIRouter("wagtailapi")
wagtail_api.register_endpoint("pages", ServiceAwarePagesAPIViewSet)

WAGTAIL_PAGES_PATHS = {
    "/api/v2/pages/": {
        "get": {
            "tags": ["Seiten (Wagtail)"],
            "summary": "Veröffentlichte Seiten, z. B. alle Dienst-Steckbriefe",
            "operationId": "wagtail_pages_list",
            "parameters": [
                {
                    "name": name,
                    "in": "query",
                    "required": False,
                    "schema": {"type": schema_type},
                    "description": description,
                }
                for name, schema_type, description in (
                    ("type", "string", "Seitentyp, z. B. cms_pages.ServicePage"),
                    ("fields", "string", "Kommagetrennte Felder, * für alle"),
                    ("search", "string", "Volltextsuche"),
                    ("child_of", "integer", "Nur Kinder dieser Seite"),
                    ("limit", "integer", "Anzahl je Antwort (höchstens 20)"),
                    ("offset", "integer", "Versatz"),
                )
            ],
            "responses": {
                "200": {
                    "description": "Liste der Seiten",
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {
                                    "meta": {
                                        "type": "object",
                                        "properties": {"total_count": {"type": "integer"}},
                                    },
                                    "items": {"type": "array", "items": {"type": "object"}},
                                },
                            }
                        }
                    },
                },
                "400": {"description": "Ungültiger Parameter"},
            },
        }
    },
    "/api/v2/pages/{id}/": {
        "get": {
            "tags": ["Seiten (Wagtail)"],
            "summary": "Eine veröffentlichte Seite mit allen Feldern (ServicePage: Metadaten, "
            "product_id, is_orderable)",
            "operationId": "wagtail_pages_detail",
            "parameters": [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
            ],
            "responses": {
                "200": {
                    "description": "Die Seite",
                    "content": {"application/json": {"schema": {"type": "object"}}},
                },
                "404": {"description": "Keine veröffentlichte Seite mit dieser ID"},
            },
        }
    },
}


class ShopAPI(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        schema["paths"].update(WAGTAIL_PAGES_PATHS)
        return schema


api = ShopAPI(
    title="OZG-Dienste-Shop Schleswig-Holstein",
    version="1",
    description="Dienstekatalog mit OZG-Metadaten und Bestellbarkeit sowie der OZG-Katalog.",
    urls_namespace="api",
)
api.add_router("/", services_router)
api.add_router("/", ozg_catalogue_router)
api.add_router("/konto/", meine_dienste_router)
