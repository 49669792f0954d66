"""Oscar's models that the shop works with, each looked up once through Oscar's class loader (so
that a forked app's model is the one used). Importable only once the apps are loaded, as every
service module is."""

from oscar.core.loading import get_model

Basket = get_model("basket", "Basket")
CommunicationEventType = get_model("communication", "CommunicationEventType")
Line = get_model("order", "Line")
LinePrice = get_model("order", "LinePrice")
Order = get_model("order", "Order")
OrderNote = get_model("order", "OrderNote")
OrderStatusChange = get_model("order", "OrderStatusChange")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")
