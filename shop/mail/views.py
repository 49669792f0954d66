"""Undelivered e-mails for staff, in the look of Oscar's dashboard (whose menu links here as
„E-Mail-Versand“): what failed with its error, and „Erneut senden“. The mail's text is not shown:
it may hold a sign-in or confirmation link meant only for its recipient. Delegates to
shop.mail.selectors and shop.mail.services."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.views.decorators.http import require_GET, require_POST
from oscar.views.decorators import permissions_required

from shop.models import OutgoingMail

from . import selectors, services

# Like Oscar's dashboard: active staff with the permission, or a superuser; anonymous people go
# to the dashboard's login, everyone else signed in gets 403.
DASHBOARD_LOGIN = reverse_lazy("dashboard:login")
VIEW_PERMISSIONS = (["is_staff", "shop.view_outgoingmail"], ["is_superuser"])
RESEND_PERMISSIONS = (["is_staff", "shop.change_outgoingmail"], ["is_superuser"])
PER_PAGE = 50
STATUS_FILTERS = (
    ("", "alle nicht zugestellten"),
    (OutgoingMail.Status.FAILED, "endgültig fehlgeschlagen"),
    (OutgoingMail.Status.PENDING, "wartend"),
)


@permissions_required(VIEW_PERMISSIONS, login_url=DASHBOARD_LOGIN)
@require_GET
def undelivered(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    page = Paginator(selectors.undelivered_mails(status=status), PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "shop/mail/undelivered.html",
        {
            "page_obj": page,
            "paginator": page.paginator,
            "mails": page.object_list,
            "status": status if status in selectors.UNDELIVERED else "",
            "status_filters": STATUS_FILTERS,
            "backlog": selectors.mail_backlog(),
        },
    )


@permissions_required(RESEND_PERMISSIONS, login_url=DASHBOARD_LOGIN)
@require_POST
def resend(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        mail = services.outgoing_mail_resend(mail_id=pk)
    except OutgoingMail.DoesNotExist as error:
        raise Http404("Keine E-Mail mit dieser Nummer.") from error
    except services.MailResendError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            f"Die E-Mail „{mail.subject}“ wird erneut gesendet. Misslingt es wieder, steht sie "
            "mit dem Fehler in dieser Liste.",
        )
    return redirect(reverse("shop_mail:undelivered"))
