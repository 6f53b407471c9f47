import datetime

import pytest

from partner_cadence.domain.economics import (
    deals_per_year,
    market_share,
    months_overdue,
    revenue_window_start,
    share_of_wallet,
    value_at_risk,
)

D = datetime.date


def test_market_share_from_the_sources_example():
    # 100 deals a year locally: a deal a quarter is 4%, a deal a month 12%.
    assert market_share(deals_per_year(1, "quarter"), 100) == pytest.approx(4.0)
    assert market_share(deals_per_year(1, "month"), 100) == pytest.approx(12.0)
    assert market_share(deals_per_year(2, "week"), 208) == pytest.approx(50.0)


def test_bad_economics_input_is_refused():
    with pytest.raises(ValueError, match="negative"):
        deals_per_year(-1, "month")
    with pytest.raises(ValueError, match="market size"):
        market_share(4, 0)
    with pytest.raises(ValueError, match="negative"):
        share_of_wallet(-5, 100)


def test_share_of_wallet():
    assert share_of_wallet(30, 120) == pytest.approx(25.0)
    assert share_of_wallet(30, 0) is None


def test_months_overdue():
    assert months_overdue(D(2026, 11, 23), D(2026, 11, 23)) == 0
    assert months_overdue(None, D(2026, 11, 23)) == 0
    assert months_overdue(D(2026, 12, 1), D(2026, 11, 23)) == 0
    assert months_overdue(D(2025, 11, 23), D(2026, 11, 23)) == pytest.approx(365 / (365.2425 / 12))


def test_value_at_risk_is_months_overdue_times_monthly_loss_times_value():
    today = D(2026, 11, 23)
    two_months_late = today - datetime.timedelta(days=round(2 * 365.2425 / 12))
    assert value_at_risk(10_000, two_months_late, today, 10) == pytest.approx(2_000, rel=0.01)
    assert value_at_risk(10_000, today, today, 10) == 0
    assert value_at_risk(0, two_months_late, today, 10) == 0


def test_value_at_risk_never_exceeds_the_value():
    assert value_at_risk(500, D(2010, 1, 1), D(2026, 11, 23), 10) == 500


def test_revenue_window_is_the_last_twelve_months():
    assert revenue_window_start(D(2026, 11, 23), 12) == D(2025, 11, 24)
    assert revenue_window_start(D(2028, 2, 29), 12) == D(2027, 3, 1)


def test_upsell_is_a_share_of_what_they_buy_capped_by_what_they_buy_elsewhere():
    from partner_cadence.domain.economics import upsell_potential

    assert upsell_potential(30000, 120000, 15) == 4500
    assert upsell_potential(30000, 32000, 15) == 2000
    assert upsell_potential(30000, 0, 15) == 4500, "total unknown: the share alone"
    assert upsell_potential(30000, 25000, 15) == 0
