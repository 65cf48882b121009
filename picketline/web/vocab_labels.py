"""English labels of every vocabulary code, marked for translation.

The codes (``hunger_strike``, ``B``, ``no_prosecution_pledge``) are data; a
reader sees these labels in their language. Each label is a literal inside
``N_()`` so extraction finds it; ``tests/test_i18n.py`` checks every code of
``domain/vocab.py`` has one. Messages the app builds in Python (error pages)
are listed here too, so their words reach the catalogues.
"""

from __future__ import annotations

from picketline.web.i18n import N_

VOCAB_LABELS: dict[str, str] = {
    # actions
    "strike": N_("Strike"),
    "occupation": N_("Occupation"),
    "hunger_strike": N_("Hunger strike"),
    "demonstration": N_("Demonstration"),
    "picket": N_("Picket"),
    "blockade": N_("Blockade"),
    "work_to_rule": N_("Work to rule"),
    "walkout": N_("Walkout"),
    "boycott": N_("Boycott"),
    "lockout": N_("Lockout"),
    "other": N_("Other"),
    # demands
    "unpaid_wages": N_("Unpaid wages"),
    "pay": N_("Pay"),
    "jobs": N_("Jobs"),
    "conditions": N_("Conditions"),
    "contract": N_("Contract"),
    "union_rights": N_("Union rights"),
    "benefits": N_("Benefits"),
    "release": N_("Release"),
    "political": N_("Political"),
    # outcomes
    "won": N_("Won"),
    "partial": N_("Partial"),
    "lost": N_("Lost"),
    "ongoing": N_("Ongoing"),
    "unknown": N_("Unknown"),
    # repression
    "arrest": N_("Arrest"),
    "charges": N_("Charges"),
    "violence": N_("Violence"),
    "dismissal": N_("Dismissal"),
    "censorship": N_("Censorship"),
    "ban": N_("Ban"),
    "threat": N_("Threat"),
    "torture": N_("Torture"),
    "no_prosecution_pledge": N_("No-prosecution pledge"),
    # timeline events
    "action_started": N_("Action started"),
    "action_ended": N_("Action ended"),
    "negotiation": N_("Negotiation"),
    "settlement": N_("Settlement"),
    "outcome_changed": N_("Outcome changed"),
    "reported": N_("Reported"),
    # statuses
    "candidate": N_("Candidate"),
    "published": N_("Published"),
    "rejected": N_("Rejected"),
    "merged": N_("Merged"),
}

SECTOR_LABELS: dict[str, str] = {
    "A": N_("Agriculture, forestry and fishing"),
    "B": N_("Mining and quarrying"),
    "C": N_("Manufacturing"),
    "D": N_("Electricity, gas and steam supply"),
    "E": N_("Water supply, sewerage and waste"),
    "F": N_("Construction"),
    "G": N_("Wholesale and retail trade"),
    "H": N_("Transportation and storage"),
    "I": N_("Accommodation and food service"),
    "J": N_("Information and communication"),
    "K": N_("Financial and insurance activities"),
    "L": N_("Real estate activities"),
    "M": N_("Professional, scientific and technical activities"),
    "N": N_("Administrative and support services"),
    "O": N_("Public administration and defence"),
    "P": N_("Education"),
    "Q": N_("Human health and social work"),
    "R": N_("Arts, entertainment and recreation"),
    "S": N_("Other service activities"),
    "T": N_("Households as employers"),
    "U": N_("Extraterritorial organisations"),
}

APP_MESSAGES = (
    # picketline/web/app.py error pages (translated by error.html)
    N_("Not found"),
    N_("Something is wrong with this request"),
    N_("There is no published struggle at this address."),
    N_("Bad request"),
    N_("A parameter of this address is not valid."),
    # account roles and alert frequencies, shown through _(value)
    N_("public"),
    N_("contributor"),
    N_("editor"),
    N_("admin"),
    N_("daily"),
    N_("weekly"),
    # Messages other modules build in Python that their templates show through _(...):
    # picketline/web/pages/alerts.py (alert_message.html) and the sign-in refusal
    # (picketline/actions/accounts.py LOGIN_REFUSED, shown by login.html).
    N_("Check your email"),
    N_(
        "We have sent a link to the address you gave. Your alerts start once you follow it; "
        "if you do not, nothing is sent and the request is forgotten."
    ),
    N_("This link cannot be used"),
    N_("Your alerts are on"),
    N_(
        "You will receive a digest of the struggles matching your choice when there are any. "
        "Every digest has a link to unsubscribe."
    ),
    N_("You are unsubscribed"),
    N_("No more digests will be sent, and your address has been erased."),
    N_(
        "Sign-in failed: the name or password is wrong, or the account is locked for a while "
        "after too many failed attempts."
    ),
)
