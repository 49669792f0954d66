"""Telling every municipality about the offer: opt-in subscriptions per person and one e-mail per
subscriber when a service is published for the first time or an agreement version is published."""
