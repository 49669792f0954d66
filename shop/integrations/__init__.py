"""The operators' systems: API clients for the status API (/api/umsetzung/, api.py) and signed
webhooks (webhooks.py), managed by staff with shop.manage_integrations in the dashboard."""
