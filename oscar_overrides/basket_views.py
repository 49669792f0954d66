"""Oscar's basket page, reading the product classes of all lines at once: Oscar asks each
line's product whether it needs shipping, which otherwise costs a query per line."""

from django.db.models import prefetch_related_objects
from oscar.apps.basket import views


class BasketView(views.BasketView):
    def get(self, request, *args, **kwargs):
        products = [line.product for line in request.basket.all_lines()]
        prefetch_related_objects(products, "product_class")
        return super().get(request, *args, **kwargs)
