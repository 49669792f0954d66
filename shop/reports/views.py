"""The coverage report for fulfilment staff and the Land (/umsetzung/berichte/): HTML page and
CSV download. Signed-in people without the right see a German 403 page; each view delegates to
shop.reports.selectors. The computed report, the rendered tables and the CSV are kept in the cache
until the data changes (shop.reports.cache): a request then costs no aggregate and no rendering
of the thousands of table cells."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import charts, exports, selectors
from .cache import report_cached
from .forms import MapDiensteForm


def _report_access(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Anonymous people go to the login (customer:login, the LOGIN_URL), others without the
    right get 403."""

    @wraps(view)
    def checked(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not selectors.reports_visible_to(user=request.user):
            return render(request, "shop/reports/forbidden.html", status=403)
        return view(request, *args, **kwargs)

    return require_GET(never_cache(login_required(checked)))


def _report_data() -> dict:
    by_kreis = selectors.coverage_by_kreis()
    return {
        "by_dienst": selectors.coverage_by_dienst(),
        "by_kreis": by_kreis,
        "chart": charts.kreis_live_chart(report=by_kreis),
        "computed_at": timezone.now(),
    }


def _report_dienste() -> list:
    return report_cached("data", _report_data)["by_kreis"].dienste


def _report_html() -> str:
    return render_to_string(
        "shop/reports/includes/coverage_body.html", report_cached("data", _report_data)
    )


def _report_csv() -> str:
    return exports.coverage_csv(report=report_cached("data", _report_data)["by_dienst"])


def _map_html(dienst_ids: list[int]) -> str:
    return render_to_string(
        "shop/reports/includes/coverage_map.html",
        {
            "map": charts.gemeinde_map(
                gemeinden=selectors.live_coverage_by_gemeinde(dienst_ids=dienst_ids)
            )
        },
    )


@_report_access
def coverage(request: HttpRequest) -> HttpResponse:
    # Its own entry: the whole report's data is large, and unpickling it costs more than the page.
    dienste = report_cached("dienste", _report_dienste)
    form = MapDiensteForm(request.GET or None, dienste=dienste)
    dienst_ids = form.selected_ids()
    map_key = "map:" + ",".join(str(pk) for pk in dienst_ids)
    return render(
        request,
        "shop/reports/coverage.html",
        # Rendered by render_to_string from templates, which escape what they show.
        {
            "report_html": mark_safe(report_cached("html", _report_html)),  # noqa: S308
            "map_form": form,
            "map_html": mark_safe(report_cached(map_key, lambda: _map_html(dienst_ids))),  # noqa: S308
        },
    )


@_report_access
def coverage_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        report_cached("csv", _report_csv), content_type="text/csv; charset=utf-8"
    )
    filename = f"abdeckung-dienste-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
