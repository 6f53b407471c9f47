import datetime

import pytest

from partner_cadence.domain.clients import (
    abc_classes,
    monthly_amounts,
    net_promoter_score,
    new_survey_scores,
    nps_group,
    repurchase_forecast,
    sales_target,
    xyz_class,
)

D = datetime.date


def test_repurchase_follows_the_median_gap():
    dates = [D(2026, 1, 1), D(2026, 5, 1), D(2026, 8, 29)]
    interval, expected = repurchase_forecast(dates, 3)
    assert interval == 120
    assert expected == D(2026, 12, 27)


def test_one_odd_gap_does_not_move_the_typical_interval():
    dates = [D(2026, 1, 1), D(2026, 2, 1), D(2026, 3, 1), D(2026, 9, 1)]
    assert repurchase_forecast(dates, 3)[0] == 31


def test_too_few_purchases_tell_nothing():
    assert repurchase_forecast([D(2026, 1, 1), D(2026, 2, 1)], 3) is None
    assert repurchase_forecast([D(2026, 1, 1), D(2026, 1, 1), D(2026, 1, 1)], 3) is None, "one day is one purchase"
    assert repurchase_forecast([D(2026, 1, 1)], 1) is None, "a gap needs two purchases"


def test_sales_target_adds_the_upsell_share():
    assert sales_target(10000, 15) == pytest.approx(11500)
    assert sales_target(0, 15) == 0
    with pytest.raises(ValueError):
        sales_target(-1, 15)


def test_abc_by_cumulative_share():
    revenue = {"big": 700, "mid": 150, "small": 100, "tiny": 50, "none": 0}
    assert abc_classes(revenue, 80, 15) == {"big": "A", "mid": "A", "small": "B", "tiny": "C", "none": "C"}


def test_abc_without_revenue_is_all_c():
    assert abc_classes({"a": 0, "b": 0}, 80, 15) == {"a": "C", "b": "C"}


def test_xyz_by_regularity_of_monthly_purchases():
    assert xyz_class([100] * 12, 10, 25) == "X"
    assert xyz_class([100, 150] * 6, 10, 25) == "Y"
    assert xyz_class([1200] + [0] * 11, 10, 25) == "Z"
    assert xyz_class([0] * 12, 10, 25) is None


def test_nps_groups_and_score():
    assert [nps_group(score, 9, 7) for score in (10, 9, 8, 7, 6, 0)] == [
        "promoter",
        "promoter",
        "neutral",
        "neutral",
        "detractor",
        "detractor",
    ]
    assert net_promoter_score([10, 9, 8, 3], 9, 7) == 25
    assert net_promoter_score([], 9, 7) is None
    with pytest.raises(ValueError):
        nps_group(11, 9, 7)


def test_monthly_amounts_place_each_purchase_in_its_month():
    purchases = [(D(2026, 1, 31), 10.0), (D(2026, 1, 1), 5.0), (D(2026, 3, 15), 7.0), (D(2025, 12, 31), 99.0)]
    assert monthly_amounts(purchases, D(2026, 1, 1), 3) == [15.0, 0.0, 7.0]


def test_score_from_feedback_text():
    from partner_cadence.domain.clients import score_from_text

    assert score_from_text("9, happy with the delivery") == 9
    assert score_from_text("Оценка 10 из 10") == 10
    assert score_from_text("no score given") is None
    assert score_from_text("12 months of service, gave 7") == 7
    assert score_from_text("2.5") is None


def test_the_repurchase_call_comes_before_the_purchase():
    from partner_cadence.domain.clients import repurchase_call_date

    assert repurchase_call_date(D(2026, 12, 27), 7) == D(2026, 12, 20)


def test_segment_cells_are_read_as_typed_or_refused():
    from partner_cadence.domain.clients import segment_cells

    assert segment_cells("ax, AY;bx") == {"AX", "AY", "BX"}
    assert segment_cells("") == set()
    assert segment_cells("AX, DZ") is None
    assert segment_cells("AXY") is None


def test_a_clients_latest_survey_counts_once():
    answers = [(1, D(2026, 11, 2), 10), (1, D(2026, 11, 20), 4), (2, D(2026, 11, 20), 9), (3, D(2026, 11, 1), 8)]
    known = {2: (D(2026, 11, 20), 9), 3: (D(2026, 11, 10), 2)}
    # Client 2's answer is known already; client 3 gave a later score by phone.
    assert new_survey_scores(answers, known) == {1: (D(2026, 11, 20), 4)}
    assert new_survey_scores(answers, {**known, 1: (D(2026, 11, 20), 4)}) == {}


def test_a_new_score_of_the_same_day_replaces_the_known_one():
    assert new_survey_scores([(1, D(2026, 11, 20), 3)], {1: (D(2026, 11, 20), 9)}) == {1: (D(2026, 11, 20), 3)}


def test_a_client_lapses_after_their_usual_gap_and_its_share_or_after_the_setting():
    from partner_cadence.domain.clients import winback_call_date

    # Every 60 days, half of it on top: called back 90 days after the last purchase.
    assert winback_call_date(D(2026, 3, 1), 60, 180, 50) == D(2026, 5, 30)
    # No share on top: the day the next purchase was expected.
    assert winback_call_date(D(2026, 3, 1), 60, 180, 0) == D(2026, 4, 30)
    # Rhythm unknown: the setting's days.
    assert winback_call_date(D(2026, 3, 1), 0, 90, 50) == D(2026, 5, 30)
    # Switched off, or never bought: no call.
    assert winback_call_date(D(2026, 3, 1), 60, 0, 50) is None
    assert winback_call_date(None, 0, 180, 50) is None
