"""Cores of a group of articles, and the pairs that alone hold two cores together (docs/stories.md).

A group found by joining article pairs (`grouping`, step 4) is a graph: its articles, and the
candidate pairs between them that reached the pair threshold (or share passages). Its *cores*
are the parts that stay connected whichever single pair is removed (2-edge-connected
components), of at least `CORE_ARTICLES` articles: articles each close to several others. A
pair that is the only connection between two cores is a bridge (two articles of one outlet
carrying the same photo captions, a reaction piece that opens with another story), not
evidence that the two cores report one story: `cut_bridges` cuts it. A chain of articles each
close only to the next (a story told over days) has no core of 3 and is never cut; nor is an
article hanging on a core by one pair.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

#: A core holds at least this many articles (the smallest graph with no bridge is a triangle).
CORE_ARTICLES = 3


def find_bridges(n: int, pairs: Sequence[tuple[int, int]]) -> set[int]:
    """Returns the positions in `pairs` of the bridges of the graph of `n` articles and `pairs`:
    the pairs whose removal disconnects their two articles (Tarjan's low-link, without recursion).
    """
    around: dict[int, list[tuple[int, int]]] = {}
    for e, (x, y) in enumerate(pairs):
        around.setdefault(x, []).append((y, e))
        around.setdefault(y, []).append((x, e))
    order = [-1] * n
    low = [0] * n
    clock = 0
    bridges: set[int] = set()
    for start in around:
        if order[start] >= 0:
            continue
        order[start] = low[start] = clock
        clock += 1
        stack: list[tuple[int, int, Iterator[tuple[int, int]]]] = [(start, -1, iter(around[start]))]
        while stack:
            x, via, rest = stack[-1]
            for y, e in rest:
                if e == via:
                    continue
                if order[y] < 0:
                    order[y] = low[y] = clock
                    clock += 1
                    stack.append((y, e, iter(around[y])))
                    break
                low[x] = min(low[x], order[y])
            else:
                stack.pop()
                if stack:
                    up = stack[-1][0]
                    low[up] = min(low[up], low[x])
                    if low[x] > order[up]:
                        bridges.add(via)
    return bridges


def cut_bridges(groups: Sequence[int], pairs: Sequence[tuple[int, int]]) -> list[int]:
    """Cuts every group at the pairs that alone hold two of its cores together.

    Args:
        groups: Each article's group, named by one of its articles (a union-find root); the
            articles of a group are connected by `pairs`.
        pairs: The pairs the groups were joined along, and any other pair found as close
            (step 4's candidate pairs that reached the pair threshold or share passages);
            pairs across groups are ignored; leave out the pairs of a group never to be cut.

    Returns:
        Each article's group after the cuts: unchanged for a group without such a bridge; for
        a cut group, each part named by its smallest article.
    """
    n = len(groups)
    inside = [(x, y) for x, y in pairs if groups[x] == groups[y]]
    bridges = find_bridges(n, inside)
    if not bridges:
        return list(groups)
    solid = _components(n, [p for e, p in enumerate(inside) if e not in bridges])
    size: dict[int, int] = {}
    for c in solid:
        size[c] = size.get(c, 0) + 1
    cut = {
        e
        for e in bridges
        if min(size[solid[inside[e][0]]], size[solid[inside[e][1]]]) >= CORE_ARTICLES
    }
    if not cut:
        return list(groups)
    parts = _components(n, [p for e, p in enumerate(inside) if e not in cut])
    split = {groups[inside[e][0]] for e in cut}
    return [parts[k] if g in split else g for k, g in enumerate(groups)]


def _components(n: int, pairs: Sequence[tuple[int, int]]) -> list[int]:
    """Returns each article's component (named by its smallest article) in the graph of
    `pairs`."""
    parent = list(range(n))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for x, y in pairs:
        a, b = root(x), root(y)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return [root(k) for k in range(n)]
