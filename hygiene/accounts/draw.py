"""The recovery chains drawn: as an indented text tree, and as Graphviz DOT for printing.

Both show only the chains the check reports (every reachable account by its shortest
route), merged where they share a start, so a support worker can see at a glance which
one thing opens most. Nothing relies on colour: what the other person holds and what is
uncertain are said in words, and in DOT also by shape and a dashed line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hygiene.accounts.check import CheckResult
from hygiene.accounts.graph import Edge, RecoveryGraph, account_name
from hygiene.accounts.inventory import Inventory


@dataclass
class _Branch:
    node: str
    edge: Edge | None
    certain: bool
    children: dict[str, _Branch] = field(default_factory=dict)


def _forest(result: CheckResult) -> dict[str, _Branch]:
    """The reported chains merged into trees, one per thing the other person holds."""
    roots: dict[str, _Branch] = {}
    for reach in result.analysis.reachable:
        start = reach.nodes[0]
        branch = roots.setdefault(
            start, _Branch(start, None, bool(result.analysis.graph.nodes[start].held))
        )
        for edge in reach.edges:
            child = branch.children.get(edge.target)
            if child is None:
                child = _Branch(edge.target, edge, reach.certain)
                branch.children[edge.target] = child
            child.certain = child.certain or reach.certain
            branch = child
    return roots


def _names(inv: Inventory, graph: RecoveryGraph) -> dict[str, str]:
    accounts = {a.id: a for a in inv.accounts}
    names = {}
    for node in graph.nodes.values():
        account = accounts.get(node.account or "") if node.kind == "account" else None
        names[node.id] = account_name(account) if account else node.label
    return names


def text_tree(inv: Inventory, result: CheckResult) -> str:
    """Indented lines, read the same aloud as on paper."""
    graph = result.analysis.graph
    names = _names(inv, graph)
    if not result.analysis.reachable:
        return "No account can be reached from anything the other person is recorded as holding."
    lines: list[str] = []

    def walk(branch: _Branch, depth: int) -> None:
        for child in branch.children.values():
            assert child.edge is not None
            maybe = "" if child.certain else " (not certain)"
            lines.append(f"{'  ' * depth}- {child.edge.kind.value} {names[child.node]}{maybe}")
            walk(child, depth + 1)

    for start, branch in _forest(result).items():
        node = graph.nodes[start]
        reason = f", {node.reason}" if node.reason else ""
        lines.append(f"From {names[start]}{reason}:")
        walk(branch, 1)
    return "\n".join(lines)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def dot(inv: Inventory, result: CheckResult) -> str:
    """A Graphviz digraph of the chains: ``dot -Tpdf`` makes a page to print."""
    graph = result.analysis.graph
    names = _names(inv, graph)
    lines = [
        "digraph recovery {",
        "  rankdir=LR;",
        '  node [shape=box, fontname="Helvetica"];',
        '  edge [fontname="Helvetica", fontsize=10];',
    ]
    seen: set[str] = set()
    edges: dict[tuple[str, str], tuple[Edge, bool]] = {}
    for reach in result.analysis.reachable:
        seen.update(reach.nodes)
        for edge in reach.edges:
            key = (edge.source, edge.target)
            certain = reach.certain or edges.get(key, (edge, False))[1]
            edges[key] = (edge, certain)
    for node_id in sorted(seen):
        node = graph.nodes[node_id]
        label = names[node_id]
        if node.held is not None:
            label += "\n" + ("HELD BY THE ABUSER" if node.held else "MAYBE HELD BY THE ABUSER")
            shape = "doubleoctagon"
        else:
            shape = "box" if node.kind == "account" else "ellipse"
        lines.append(f"  {_quote(node_id)} [label={_quote(label)}, shape={shape}];")
    for (source, target), (edge, certain) in sorted(edges.items()):
        label = edge.kind.value + ("" if certain else " (not certain)")
        style = "solid" if certain else "dashed"
        lines.append(
            f"  {_quote(source)} -> {_quote(target)} [label={_quote(label)}, style={style}];"
        )
    lines.append("}")
    return "\n".join(lines) + "\n"
