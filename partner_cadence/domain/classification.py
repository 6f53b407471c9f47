"""Which tier a partner or client belongs to, and what first-contact information is missing
(§1, §2 and §6).

A channel partner's tier follows how often target clients call them: daily, about weekly to
monthly, rarely, very rarely (the shipped tiers: weekly, monthly, every two months,
quarterly). What else the partner told us raises it, never lowers it: how often clients come
even when the partner has nothing for them, and the market share their deals show.

A client's level follows financial standing (high, average, low) and relationship (new, loyal
but buying rarely, loyal, one-off): the five levels of §2, on a grid where every pair of
answers has its level (admins edit it). The sources place five pairs; the shipped grid
places the other seven next to them: high and loyal with level 1, low standing a level
below average (loyal: 4, the rest: 5), one-off or seasonal at level 5 whatever the standing.
A channel partner's tier says which inbound frequency it stands for. A contact can be both a
channel partner and a client: then its partner rhythm and its client level both apply. Both
are data; this module only matches answers against them.

The first-contact information is mandatory and asked first: a full name (two words at least),
a phone, and the organisation, unless the partner is a company or a private individual.
"""

import dataclasses
import re

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
    """The inbound frequency a channel partner's tier stands for."""

    tier_id: int
    sequence: int
    inbound_frequency: str | None = None


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


def suggest_tier(rules, inbound_frequency=None):
    """The id of the partner tier standing for ``inbound_frequency`` (the lowest sequence when
    several do), or None."""
    matching = [rule for rule in rules if inbound_frequency and rule.inbound_frequency == inbound_frequency]
    if not matching:
        return None
    return min(matching, key=lambda rule: (rule.sequence, rule.tier_id)).tier_id


def client_level(grid, financial_standing=None, relationship=None):
    """The client level the answers place on ``grid`` ({(standing, relationship): tier id}).

    With both answers, their cell; with one, the level its whole row or column agrees on (a
    one-off client is level 5 whatever the standing); otherwise None.
    """
    if not (financial_standing or relationship):
        return None
    levels = {
        tier_id
        for (standing, kind), tier_id in grid.items()
        if financial_standing in (None, standing) and relationship in (None, kind)
    }
    return levels.pop() if len(levels) == 1 else None


def suggest(rules, grid, inbound_frequency=None, financial_standing=None, relationship=None):
    """(tier, client level) the answers suggest, either None.

    A contact can be a channel partner and a client at once: how often target clients call it
    gives its partner rhythm (the tier), and its standing and relationship its client level,
    both applied. A contact that is only one of them gets its rhythm or its level as the tier.
    """
    partner_tier = suggest_tier(rules, inbound_frequency)
    level = client_level(grid, financial_standing, relationship)
    if partner_tier and level and level != partner_tier:
        return partner_tier, level
    return partner_tier or level, None


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


DEAL_VOLUME = "deal_volume"
IDLE_INBOUND = "idle_inbound"
TEAM_SIZE = "team_size"
COLLEAGUES = "colleagues"
THIRD_PARTIES = "third_parties"


def missing_secondary(deal_count, idle_inbound_known, team_size, colleagues_known, third_parties_known):
    """The secondary information about a channel partner still unknown, in the order it is asked
    for at the first contacts (§1): deal volume, how often clients come without an offer, team
    size, the colleagues and the third parties they can recommend. A count of 0 is unknown.

    >>> missing_secondary(0, False, 0, False, True)
    ['deal_volume', 'idle_inbound', 'team_size', 'colleagues']
    >>> missing_secondary(4, True, 12, True, True)
    []
    """
    known = {
        DEAL_VOLUME: deal_count > 0,
        IDLE_INBOUND: idle_inbound_known,
        TEAM_SIZE: team_size > 0,
        COLLEAGUES: colleagues_known,
        THIRD_PARTIES: third_parties_known,
    }
    return [code for code, is_known in known.items() if not is_known]


# Phones are compared on their last eight digits, the national number of Moldova and most of
# Romania's; fewer than six digits identify nobody.
PHONE_MATCH_DIGITS = 8
PHONE_MATCH_MIN_DIGITS = 6


def phone_match_key(phone):
    """The digits two phone numbers of one person share however they are written, or None.

    >>> phone_match_key("+373 69 111 001") == phone_match_key("069 111 001")
    True
    >>> phone_match_key("112") is None
    True
    """
    digits = re.sub(r"\D", "", phone or "")[-PHONE_MATCH_DIGITS:]
    return digits if len(digits) >= PHONE_MATCH_MIN_DIGITS else None
