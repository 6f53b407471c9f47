from partner_cadence.domain.classification import (
    FULL_NAME,
    ORGANISATION,
    PHONE,
    TierRule,
    missing_first_contact,
    suggest_tier,
)

# The shipped data, as rules: four partner tiers and five client priority levels.
PARTNER_TIERS = [
    TierRule(1, 10, inbound_frequency="daily"),
    TierRule(2, 20, inbound_frequency="weekly_monthly"),
    TierRule(3, 30, inbound_frequency="rare"),
    TierRule(4, 40, inbound_frequency="very_rare"),
]
CLIENT_LEVELS = [
    TierRule(11, 110, financial_standing="high", relationship="loyal_rare"),
    TierRule(12, 120, financial_standing="high", relationship="new"),
    TierRule(13, 130, financial_standing="average", relationship="loyal"),
    TierRule(14, 140, financial_standing="average", relationship="new"),
    TierRule(15, 150, relationship="one_off"),
]
RULES = PARTNER_TIERS + CLIENT_LEVELS


def test_inbound_frequency_suggests_partner_tier():
    assert suggest_tier(RULES, inbound_frequency="daily") == 1
    assert suggest_tier(RULES, inbound_frequency="weekly_monthly") == 2
    assert suggest_tier(RULES, inbound_frequency="rare") == 3
    assert suggest_tier(RULES, inbound_frequency="very_rare") == 4


def test_standing_and_relationship_suggest_priority_level():
    assert suggest_tier(RULES, financial_standing="high", relationship="loyal_rare") == 11
    assert suggest_tier(RULES, financial_standing="high", relationship="new") == 12
    assert suggest_tier(RULES, financial_standing="average", relationship="loyal") == 13
    assert suggest_tier(RULES, financial_standing="average", relationship="new") == 14
    assert suggest_tier(RULES, financial_standing="high", relationship="one_off") == 15
    assert suggest_tier(RULES, financial_standing="low", relationship="one_off") == 15


def test_no_suggestion_without_a_matching_rule():
    assert suggest_tier(RULES) is None
    assert suggest_tier(RULES, financial_standing="low", relationship="loyal") is None
    assert suggest_tier(RULES, financial_standing="high") is None


def test_more_specific_rule_wins_then_sequence():
    rules = [TierRule(7, 1, relationship="new"), TierRule(8, 99, financial_standing="high", relationship="new")]
    assert suggest_tier(rules, financial_standing="high", relationship="new") == 8
    rules = [TierRule(9, 50, relationship="new"), TierRule(10, 5, relationship="new")]
    assert suggest_tier(rules, relationship="new") == 10


def test_a_rule_without_answers_never_matches():
    assert suggest_tier([TierRule(1, 1)], inbound_frequency="daily") is None


def test_missing_first_contact_information():
    assert missing_first_contact("Elena Rusu", False, True, True, False) == []
    assert missing_first_contact("Elena", False, True, True, False) == [FULL_NAME]
    assert missing_first_contact("Elena Rusu", False, False, False, False) == [PHONE, ORGANISATION]
    assert missing_first_contact("Elena Rusu", False, True, False, True) == []
    assert missing_first_contact("Casa", True, True, False, False) == []
    assert missing_first_contact("", False, False, False, False) == [FULL_NAME, PHONE, ORGANISATION]


def test_market_share_and_idle_calls_raise_the_suggested_rhythm():
    from partner_cadence.domain.classification import frequency_from_market_share, most_frequent

    assert frequency_from_market_share(12.0, 12, 4) == "weekly_monthly"
    assert frequency_from_market_share(4.0, 12, 4) == "rare"
    assert frequency_from_market_share(3.9, 12, 4) is None
    assert most_frequent("very_rare", None, "rare") == "rare"
    assert most_frequent("daily", "rare") == "daily"
    assert most_frequent(None, None) is None
