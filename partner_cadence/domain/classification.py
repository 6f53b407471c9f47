"""Which tier a partner or client belongs to, and what first-contact information is missing
(§1, §2 and §6).

A channel partner's tier follows how often target clients call them: daily, about weekly to
monthly, rarely, very rarely (the shipped tiers: weekly, monthly, every two months,
quarterly). What else the partner told us raises it, never lowers it: how often clients come
even when the partner has nothing for them, and the market share their deals show.

A client's level follows financial standing (high, average, low) and relationship (new, loyal
but buying rarely, loyal, one-off): the five levels of §2. The rules that map
answers to tiers are data (each tier says which answers it stands for, and admins edit
them); this module only matches answers against those rules.

The first-contact information is mandatory and asked first: a full name (two words at least),
a phone, and the organisation, unless the partner is a company or a private individual.
"""

import dataclasses

# How often target clients call a partner (§1), most often first.
INBOUND_FREQUENCIES = ("daily", "weekly_monthly", "rare", "very_rare")
FINANCIAL_STANDINGS = ("high", "average", "low")
RELATIONSHIPS = ("new", "loyal_rare", "loyal", "one_off")

# First-contact information that must be captured first (§1).
FULL_NAME = "full_name"
PHONE = "phone"
ORGANISATION = "organisation"


@dataclasses.dataclass(frozen=True)
class TierRule:
    """The answers a tier stands for; None matches any answer."""

    tier_id: int
    sequence: int
    inbound_frequency: str | None = None
    financial_standing: str | None = None
    relationship: str | None = None

    def matches(self, inbound_frequency, financial_standing, relationship):
        wanted = (self.inbound_frequency, self.financial_standing, self.relationship)
        given = (inbound_frequency, financial_standing, relationship)
        if not any(wanted):
            return False
        return all(rule is None or rule == answer for rule, answer in zip(wanted, given, strict=True))

    @property
    def specificity(self):
        return sum(value is not None for value in (self.inbound_frequency, self.financial_standing, self.relationship))


def frequency_from_market_share(share, monthly_percent, rare_percent):
    """How often target clients reach a partner, as its market share says: a partner closing
    about a deal a month holds 12% or more of the market (monthly contact), one closing a
    deal a quarter about 4% (every two months); thresholds are settings."""
    if monthly_percent and share >= monthly_percent:
        return "weekly_monthly"
    if rare_percent and share >= rare_percent:
        return "rare"
    return None


def most_frequent(*frequencies):
    """The most frequent of the inbound frequencies given (None ignored), or None."""
    known = [frequency for frequency in frequencies if frequency]
    return min(known, key=INBOUND_FREQUENCIES.index) if known else None


def suggest_tier(rules, inbound_frequency=None, financial_standing=None, relationship=None):
    """The id of the tier the answers point to, or None when no tier stands for them.

    The most specific matching rule wins (a level for "high standing and new" beats one for
    "any one-off client"), then the lowest sequence.
    """
    matching = [rule for rule in rules if rule.matches(inbound_frequency, financial_standing, relationship)]
    if not matching:
        return None
    return min(matching, key=lambda rule: (-rule.specificity, rule.sequence, rule.tier_id)).tier_id


def missing_first_contact(name, is_company, has_phone, has_organisation, is_private):
    """The mandatory first-contact items still missing, in the order they are asked for.

    A person's full name has at least two words; a company is its own organisation, and
    a private individual needs no organisation.
    """
    missing = []
    if not is_company and len((name or "").split()) < 2:
        missing.append(FULL_NAME)
    if not has_phone:
        missing.append(PHONE)
    if not (is_company or has_organisation or is_private):
        missing.append(ORGANISATION)
    return missing
