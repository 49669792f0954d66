"""The members of a Verwaltung, managed by its Verwaltungsadmins (under /konto/mitglieder/) and by
the ITVSH (in Wagtail under /cms/mitglieder/): requests decided, roles changed, members removed,
every decision recorded (MembershipDecision) and mailed to the person."""
