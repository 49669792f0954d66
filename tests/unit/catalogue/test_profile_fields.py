"""A profile's public fields and the catalogue's filters are declared once
(cms_pages.profile_fields): one more declaration reaches Wagtail's `api_fields`, the services
API's schemas, the description of Wagtail's pages API and, as a filter, the catalogue's URL."""

from django.db import models
from django.http import QueryDict

from cms_pages import catalogue
from cms_pages.api import catalogue_parameters_schema
from cms_pages.api import service_schemas
from cms_pages.api import wagtail_page_schema
from cms_pages.models import ServicePage
from cms_pages.profile_fields import CATALOGUE_FILTERS
from cms_pages.profile_fields import PROFILE_FIELDS
from cms_pages.profile_fields import ProfileField
from cms_pages.profile_fields import catalogue_filters
from cms_pages.profile_fields import wagtail_api_fields


class Barrierefreiheit(models.TextChoices):
    FULL = "voll", "barrierefrei"
    PARTIAL = "teilweise", "teilweise barrierefrei"


NEW_FIELD = ProfileField(
    name="barrierefreiheit",
    label="Barrierefreiheit",
    choices=Barrierefreiheit,
    in_listing=True,
    filter_parameter="barrierefrei",
)
FIELDS = (*PROFILE_FIELDS, NEW_FIELD)


def test_the_page_exposes_exactly_the_declared_fields():
    assert [field.name for field in ServicePage.api_fields] == [f.name for f in PROFILE_FIELDS]


def test_a_new_declaration_is_one_of_wagtails_api_fields():
    assert "barrierefreiheit" in [field.name for field in wagtail_api_fields(FIELDS)]


def test_a_new_declaration_is_in_the_services_api_and_the_wagtail_description():
    summary, detail = service_schemas(FIELDS)
    wagtail_page = wagtail_page_schema(FIELDS)

    expected = {
        "type": "string",
        "description": "Barrierefreiheit: voll oder teilweise",
        "title": "Barrierefreiheit",
    }
    assert summary.model_json_schema()["properties"]["barrierefreiheit"] == expected
    assert "barrierefreiheit" in summary.model_json_schema()["required"]
    assert detail.model_json_schema()["properties"]["barrierefreiheit"] == expected
    assert wagtail_page.model_json_schema()["properties"]["barrierefreiheit"] == expected
    assert "barrierefreiheit" not in wagtail_page.model_json_schema()["required"]


def test_a_new_filter_is_a_parameter_of_the_api_and_of_the_catalogues_url(monkeypatch):
    filters = catalogue_filters(FIELDS)
    assert [item.parameter for item in filters] == [
        *(item.parameter for item in CATALOGUE_FILTERS),
        "barrierefrei",
    ]
    parameters = catalogue_parameters_schema(filters).model_json_schema()["properties"]
    assert parameters["barrierefrei"]["description"] == "Barrierefreiheit: voll oder teilweise"

    monkeypatch.setattr(catalogue, "CATALOGUE_FILTERS", filters)
    query = catalogue.CatalogueQuery.from_params(
        QueryDict("barrierefrei=voll&barrierefrei=ganz&typ=basisdienst")
    )
    assert query.filters == {"typ": ("basisdienst",), "barrierefrei": ("voll",)}
    assert query.to_params() == "typ=basisdienst&barrierefrei=voll"
