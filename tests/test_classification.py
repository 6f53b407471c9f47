import itertools

from partner_cadence.domain.classification import (
    FINANCIAL_STANDINGS,
    FULL_NAME,
    ORGANISATION,
    PHONE,
    RELATIONSHIPS,
    TierRule,
    client_level,
    missing_first_contact,
    suggest,
    suggest_tier,
)

# The shipped data: four partner tiers, and the grid of the five client priority levels.
PARTNER_TIERS = [
    TierRule(1, 10, inbound_frequency="daily"),
    TierRule(2, 20, inbound_frequency="weekly_monthly"),
    TierRule(3, 30, inbound_frequency="rare"),
    TierRule(4, 40, inbound_frequency="very_rare"),
]
L1, L2, L3, L4, L5 = 11, 12, 13, 14, 15
GRID = {
    ("high", "new"): L2,
    ("high", "loyal_rare"): L1,
    ("high", "loyal"): L1,
    ("high", "one_off"): L5,
    ("average", "new"): L4,
    ("average", "loyal_rare"): L4,
    ("average", "loyal"): L3,
    ("average", "one_off"): L5,
    ("low", "new"): L5,
    ("low", "loyal_rare"): L5,
    ("low", "loyal"): L4,
    ("low", "one_off"): L5,
}


def test_inbound_frequency_suggests_partner_tier():
    assert suggest_tier(PARTNER_TIERS, inbound_frequency="daily") == 1
    assert suggest_tier(PARTNER_TIERS, inbound_frequency="weekly_monthly") == 2
    assert suggest_tier(PARTNER_TIERS, inbound_frequency="rare") == 3
    assert suggest_tier(PARTNER_TIERS, inbound_frequency="very_rare") == 4
    assert suggest_tier(PARTNER_TIERS) is None


def test_the_lowest_sequence_wins_among_tiers_for_one_frequency():
    rules = [TierRule(9, 50, inbound_frequency="rare"), TierRule(10, 5, inbound_frequency="rare")]
    assert suggest_tier(rules, inbound_frequency="rare") == 10
    assert suggest_tier([TierRule(1, 1)], inbound_frequency="daily") is None


def test_the_five_levels_of_the_methodology_on_the_grid():
    assert client_level(GRID, "high", "loyal_rare") == L1
    assert client_level(GRID, "high", "new") == L2
    assert client_level(GRID, "average", "loyal") == L3
    assert client_level(GRID, "average", "new") == L4
    assert client_level(GRID, "average", "loyal_rare") == L4, "rare or new, average income"
    assert client_level(GRID, "low", "one_off") == L5


def test_every_pair_of_answers_has_a_level():
    for standing, relationship in itertools.product(FINANCIAL_STANDINGS, RELATIONSHIPS):
        assert client_level(GRID, standing, relationship) in (L1, L2, L3, L4, L5), (standing, relationship)


def test_one_answer_decides_only_when_its_whole_row_or_column_agrees():
    assert client_level(GRID, relationship="one_off") == L5
    assert client_level(GRID, financial_standing="high") is None
    assert client_level(GRID) is None
    assert client_level({}, "high", "new") is None


def test_a_partner_who_is_also_a_client_gets_both_its_rhythm_and_its_level():
    assert suggest(PARTNER_TIERS, GRID, "daily", "high", "new") == (1, L2)
    assert suggest(PARTNER_TIERS, GRID, "daily", relationship="one_off") == (1, L5)
    assert suggest(PARTNER_TIERS, GRID, "daily") == (1, None)
    assert suggest(PARTNER_TIERS, GRID, financial_standing="high", relationship="new") == (L2, None)
    assert suggest(PARTNER_TIERS, GRID, relationship="one_off") == (L5, None)
    assert suggest(PARTNER_TIERS, GRID) == (None, None)


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
