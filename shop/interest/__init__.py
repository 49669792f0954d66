"""Interest before readiness: members register their Verwaltung's interest in a service that is
still in Vorbereitung, editors see it in Wagtail, and the members are mailed once when the
service becomes orderable."""
