"""The coverage report for fulfilment staff and the Land (/umsetzung/berichte/): HTML page and
CSV download. Signed-in people without the right see a German 403 page; each view delegates to
shop.reports.selectors."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import charts, exports, selectors


def _report_access(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Anonymous people go to the login (customer:login, the LOGIN_URL), others without the
    right get 403."""

    @wraps(view)
    def checked(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not selectors.reports_visible_to(user=request.user):
            return render(request, "shop/reports/forbidden.html", status=403)
        return view(request, *args, **kwargs)

    return require_GET(never_cache(login_required(checked)))


@_report_access
def coverage(request: HttpRequest) -> HttpResponse:
    by_kreis = selectors.coverage_by_kreis()
    return render(
        request,
        "shop/reports/coverage.html",
        {
            "by_dienst": selectors.coverage_by_dienst(),
            "by_kreis": by_kreis,
            "chart": charts.kreis_live_chart(report=by_kreis),
        },
    )


@_report_access
def coverage_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        exports.coverage_csv(report=selectors.coverage_by_dienst()),
        content_type="text/csv; charset=utf-8",
    )
    filename = f"abdeckung-dienste-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
