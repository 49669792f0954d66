"""The onboarding checklist per service (issue 15): what a Verwaltung supplies before the rollout
team sets a service up, the gate that keeps a line from "In Umsetzung" while required data is
missing, private uploads and reminders. Definitions come from the service profile as plain values
(`onboarding_checklist_sync`, called by shop.dienste.services.dienst_sync)."""
