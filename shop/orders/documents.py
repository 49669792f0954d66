"""The order document: one PDF per order (WeasyPrint) with the Verwaltung, Gemeinden, services,
contacts, wished start date, remarks and the full text of every accepted agreement version with
its hash, the accepting person and the time; the print view shows the same content as HTML
(site/templates/shop/orders/document/content.html).

The PDF is made from the order's stored rows whenever it is needed: for the confirmation mail in
the background (shop.orders.services.order_confirmation_document_task) and on each download.
Placing an order never waits for it and never fails because of it: the confirmation mail is held
while the task makes the document, released with the PDF attached, without it when making it
fails (the mail then says where to download it), and sent by the outbox's sweep as it is should
the task never run (CONFIRMATION_DOCUMENT_WAIT).

Accessibility, as far as WeasyPrint 70 allows: a tagged PDF (PDF/UA-1 variant: structure tree
from the HTML's headings, lists and tables with header cells), document language de, title and
author in the metadata; fonts from Debian's fonts-dejavu-core, embedded (subset), no download.
"""

import logging
from datetime import timedelta

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from .selectors import OrderRecord

logger = logging.getLogger(__name__)

PDF_MIMETYPE = "application/pdf"
# How long the confirmation mail waits for its document before the outbox's sweep sends it
# without: the task runs within seconds; this is for a task that was lost.
CONFIRMATION_DOCUMENT_WAIT = timedelta(minutes=10)


class DocumentError(Exception):
    """The PDF could not be made (German message for the person)."""


def order_document_filename(*, number: str) -> str:
    return f"Bestellung-{number}.pdf"


def order_document_html(*, record: OrderRecord) -> str:
    """The document as a standalone HTML page, the input of the PDF."""
    return render_to_string("shop/orders/document/pdf.html", {"record": record})


def order_document_pdf(*, record: OrderRecord) -> bytes:
    """The order's document as a tagged PDF (PDF/UA-1). DocumentError when WeasyPrint fails."""
    try:
        # Imported here: loading WeasyPrint and its fonts takes about a second, which only the
        # processes that make documents should pay.
        import weasyprint

        return weasyprint.HTML(string=order_document_html(record=record), base_url=None).write_pdf(
            pdf_variant="pdf/ua-1", pdf_tags=True
        )
    except Exception as error:
        logger.exception("Bestelldokument %s nicht erstellt", record.order.number)
        raise DocumentError(
            "Das Bestelldokument kann gerade nicht erstellt werden. Bitte versuchen Sie es "
            "später erneut oder nutzen Sie die Druckansicht der Bestellung."
        ) from error


def order_document_response(request: HttpRequest, *, record: OrderRecord) -> HttpResponse:
    """The PDF as a download, kept by no cache (it names people); when it cannot be made, a
    German page with status 503 that points to the print view."""
    try:
        content = order_document_pdf(record=record)
    except DocumentError as error:
        return render(
            request,
            "shop/orders/document/unavailable.html",
            {"record": record, "message": str(error)},
            status=503,
        )
    response = HttpResponse(content, content_type=PDF_MIMETYPE)
    filename = order_document_filename(number=record.order.number)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
