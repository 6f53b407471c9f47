from partner_cadence.domain.prospects import work_rank


def test_potential_comes_before_size():
    order = sorted(
        [("low", "large"), ("standard", "small"), ("high", "small"), ("standard", "large"), (None, "medium")],
        key=lambda pair: -work_rank(*pair),
    )
    assert order == [
        ("high", "small"),
        ("standard", "large"),
        (None, "medium"),
        ("standard", "small"),
        ("low", "large"),
    ]


def test_an_unknown_size_comes_after_the_smallest_known():
    assert work_rank("standard", None) < work_rank("standard", "small")
    assert work_rank("high", None) > work_rank("standard", "large")
