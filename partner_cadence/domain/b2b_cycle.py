"""The B2B sales cycle (§5): eighteen steps from the first contact to the testimonial. The
seller takes the deal through the first fifteen (relationship, who decides and who influences,
needs, a framework proposal, budget, whether the purchase is current, the project's needs, the
proposal, its presentation, proof, objections, negotiation, funding, a tender if any, the
contract); after the deal is won the account manager takes the last three (delivery, proof of
its effect, a testimonial).

A team adopts the cycle as an activity plan (a step per activity) and, if it wants, as pipeline
stages that group the seller's steps. The step a deal reached is the furthest step done: a
step done again, or an earlier one done late, does not move it back.
"""

SELLER_STEPS = tuple(range(1, 16))
ACCOUNT_STEPS = tuple(range(16, 19))

# The pipeline stages a team may adopt, each from its first step: relationship (1), decision
# makers (2), needs (3-7), proposal (8-11), negotiation (12-14), contract (15).
STAGE_FIRST_STEPS = (1, 2, 3, 8, 12, 15)


def step_reached(current, done):
    """The furthest step of a deal once step ``done`` is done (``current``: 0 when none yet).

    >>> step_reached(0, 1), step_reached(3, 5), step_reached(8, 4)
    (1, 5, 8)
    """
    return max(current or 0, done)
