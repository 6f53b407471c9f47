"""Who recommended whom: the "six handshakes" tree of introductions (§1 and §3).

Every partner is asked for colleagues and third parties; each recommendation links a
referrer to the person they recommended, and the newcomer's first call is made on the
referrer's behalf. The links form a tree: nobody recommends themself, and no chain of
recommendations closes a circle. "Who can introduce me?" is the shortest chain of links, in
either direction, from someone the salesperson already works with to the target, at most six
handshakes long by default (a setting).

Referrals are plain ``(referrer, referred)`` pairs of ids. These functions are the reference
the models' SQL (recursive queries, for large bases) is tested against.
"""

from collections import defaultdict, deque


def chain_closed_by(pairs, referrer, referred):
    """The cycle adding ``referrer -> referred`` would close, as a list of ids, else None.

    A partner referring themself is the shortest cycle: ``[referrer, referrer]``. Otherwise
    the chain runs from ``referrer`` through ``referred`` and back to ``referrer``.
    """
    if referrer == referred:
        return [referrer, referrer]
    children = defaultdict(list)
    for parent, child in pairs:
        children[parent].append(child)
    path = _shortest(children, {referred: None}, referrer)
    return [referrer, *path] if path else None


def _shortest(adjacency, start, target, max_hops=None):
    """Breadth-first search from the ``start`` ids; the path to ``target`` or None."""
    previous = dict(start)
    frontier = deque((node, 0) for node in start)
    while frontier:
        node, hops = frontier.popleft()
        if node == target:
            path = [node]
            while previous[path[-1]] is not None:
                path.append(previous[path[-1]])
            return path[::-1]
        if max_hops is not None and hops >= max_hops:
            continue
        for neighbour in adjacency[node]:
            if neighbour not in previous:
                previous[neighbour] = node
                frontier.append((neighbour, hops + 1))
    return None


def introduction_path(pairs, sources, target, max_hops):
    """Shortest chain of referral links, either direction, from any of ``sources`` to ``target``.

    Returns the ids from a source to the target, or None beyond ``max_hops`` links.
    """
    neighbours = defaultdict(list)
    for left, right in pairs:
        neighbours[left].append(right)
        neighbours[right].append(left)
    return _shortest(neighbours, dict.fromkeys(sorted(set(sources))), target, max_hops)


def ancestry(parents, partner):
    """The chain of introducers from the root down to ``partner`` (``parents`` maps child to parent).

    Stops at a repeated id, so a corrupted tree never loops.
    """
    chain = [partner]
    while parents.get(chain[-1]) and parents[chain[-1]] not in chain:
        chain.append(parents[chain[-1]])
    return chain[::-1]


def subtree_size(parents, partner):
    """How many partners ``partner`` introduced, directly or through others."""
    children = defaultdict(list)
    for child, parent in parents.items():
        if parent:
            children[parent].append(child)
    seen = {partner}
    frontier = [partner]
    while frontier:
        for child in children[frontier.pop()]:
            if child not in seen:
                seen.add(child)
                frontier.append(child)
    return len(seen) - 1
