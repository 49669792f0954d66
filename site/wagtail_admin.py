"""A Wagtail admin view the shop corrects, routed in ozg_site.urls ahead of Wagtail's own."""

from django.core.paginator import Page as PaginatedList
from django.core.paginator import Paginator
from wagtail.admin.views import workflows
from wagtail.models import Page


class WorkflowEditView(workflows.Edit):
    """Wagtail's page for editing a workflow; its list of the pages using the workflow read `?p=`
    with int() and Paginator.page(), so a page number that is no number or lies beyond the last
    page was a server error. Such a number shows the first or the last page, as Django's
    Paginator.get_page() does."""

    def get_paginated_pages(self) -> PaginatedList:
        pages = Page.objects.filter(workflowpage__workflow=self.get_object())
        pages.paginator = Paginator(pages, self.MAX_PAGES)
        return pages.paginator.get_page(self.request.GET.get("p", 1))
