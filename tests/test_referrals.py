import pytest

from partner_cadence.domain.referrals import ancestry, chain_closed_by, introduction_path, subtree_size

# 1 introduced 2 and 3; 2 introduced 4; 4 introduced 5.
TREE = [(1, 2), (1, 3), (2, 4), (4, 5)]


def test_self_referral_is_the_shortest_cycle():
    assert chain_closed_by(TREE, 7, 7) == [7, 7]


def test_closing_a_cycle_shows_the_chain():
    assert chain_closed_by(TREE, 5, 1) == [5, 1, 2, 4, 5]
    assert chain_closed_by(TREE, 4, 2) == [4, 2, 4]


def test_adding_a_branch_or_a_shortcut_is_no_cycle():
    assert chain_closed_by(TREE, 3, 5) is None
    assert chain_closed_by(TREE, 1, 5) is None
    assert chain_closed_by([], 1, 2) is None


def test_introduction_path_goes_both_ways():
    # From 3 to 5: up to 1, then down through 2 and 4.
    assert introduction_path(TREE, {3}, 5, max_hops=6) == [3, 1, 2, 4, 5]
    assert introduction_path(TREE, {5}, 3, max_hops=6) == [5, 4, 2, 1, 3]


def test_introduction_path_takes_the_nearest_source_and_respects_the_limit():
    assert introduction_path(TREE, {1, 4}, 5, max_hops=6) == [4, 5]
    assert introduction_path(TREE, {3}, 5, max_hops=3) is None
    assert introduction_path(TREE, {3}, 99, max_hops=6) is None
    assert introduction_path(TREE, {5}, 5, max_hops=6) == [5]


@pytest.mark.parametrize("length", [6, 7])
def test_ancestry_and_depth_of_long_chains(length):
    parents = {child: child - 1 for child in range(2, length + 1)}
    chain = ancestry(parents, length)
    assert chain == list(range(1, length + 1))
    assert len(chain) - 1 == length - 1
    assert subtree_size(parents, 1) == length - 1
    assert subtree_size(parents, length) == 0


def test_ancestry_never_loops_on_a_corrupted_tree():
    assert ancestry({1: 2, 2: 1}, 1) == [2, 1]
