"""The recovery graph: which accounts the other person can reach, and through what.

Accounts, addresses, numbers and devices are nodes; "can reset", "can sign in to" and
"receives codes for" are edges. What the other person holds (a password they know or can guess,
an answer they know, a contact they control or share, a session nobody recognises) are
the starting points. A breadth-first search from all of them at once gives every account
they can reach with its shortest chain, first over what is certain, then over what is
only possible ("maybe", and contacts nobody has said who controls), so an uncertain route
is reported as reachable and said to be uncertain. For the fixes, each starting point's
reach is counted over the graph with its cycles collapsed, so the cut that unlocks most
comes first. All of it is linear in the size of the inventory.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

from hygiene.accounts.inventory import Account, Contact, Inventory
from hygiene.accounts.phones import contact_key, is_email, normalise_phone
from hygiene.findings import cause_key

NodeKind = Literal["account", "email", "phone", "device", "password", "answer", "session", "login"]


class EdgeKind(StrEnum):
    CAN_RESET = "can reset"
    CAN_SIGN_IN_TO = "can sign in to"
    RECEIVES_CODES_FOR = "receives codes for"
    SIGNED_IN_TO = "is signed in to"  # a device with the account open on it


@dataclass(frozen=True)
class Node:
    id: str
    kind: NodeKind
    label: str
    # None: the other person does not hold it. True: they hold it. False: they may hold it.
    held: bool | None = None
    reason: str | None = None  # why it is held, as a clause: "which they share with you"
    account: str | None = None  # the account id, for account nodes and what belongs to one
    detail: str | None = None  # the question, for an answer; the device's id, for a device

    @property
    def is_start(self) -> bool:
        return self.held is not None

    @property
    def cause(self) -> str:
        """The stable key of this way in, shared by every finding it gives rise to.

        Something of one account (its password, an answer, its sessions, its own address
        or number) is owned by that account; any other address, number or device is its
        own cause, whichever accounts it opens.
        """
        kind, _, rest = self.id.partition(":")
        if kind in {"password", "session", "login"}:
            # A mailbox or line that is itself theirs or shared is that account's problem.
            return cause_key(f"account:{self.account}", kind)
        if kind == "answer":
            return cause_key(f"account:{self.account}", f"answer:{rest.rpartition(':')[2]}")
        if kind == "device" and self.detail:
            return cause_key(f"device:{self.detail}")
        return cause_key(f"contact:{rest}" if kind in {"phone", "email", "device"} else self.id)


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    kind: EdgeKind
    certain: bool
    # For "receives codes for": whether the password is known (True) or only maybe (False).
    password_known: bool | None = None
    via_login: bool = False  # "can reset" because it is what the account signs in with


@dataclass
class RecoveryGraph:
    nodes: dict[str, Node] = field(default_factory=dict)
    out: dict[str, list[Edge]] = field(default_factory=dict)

    def add_node(self, node: Node) -> Node:
        self.nodes.setdefault(node.id, node)
        self.out.setdefault(node.id, [])
        return self.nodes[node.id]

    def add_edge(self, edge: Edge) -> None:
        self.out[edge.source].append(edge)

    @property
    def edges(self) -> Iterable[Edge]:
        for edges in self.out.values():
            yield from edges

    @property
    def starts(self) -> list[Node]:
        return [n for n in self.nodes.values() if n.is_start]


HELD_REASON = {
    "them": "which they control",
    "shared": "which they share with you",
    "unknown": "which may be theirs: nobody has said who controls it",
}


def _holding(contact: Contact | None) -> tuple[bool | None, str | None]:
    controller = contact.controlled_by if contact else "unknown"
    if controller == "self":
        return None, None
    reason = HELD_REASON[controller]
    if contact and contact.note:
        reason = f"{reason} ({contact.note})"
    return controller != "unknown", reason


def account_name(account: Account) -> str:
    """How an account is named inside a chain: its label, with the address or number it is."""
    login = account.login
    if (
        login
        and account.category in {"email", "phone"}
        and (contact_key(login) != contact_key(account.label))
    ):
        return f"{account.label} ({login})"
    return account.label


def build_graph(inv: Inventory) -> RecoveryGraph:
    """The recovery graph of an inventory: every route back into every account."""
    builder = _Builder(inv)
    for account in inv.accounts:
        builder.add_account(account)
    return builder.graph


class _Builder:
    def __init__(self, inv: Inventory) -> None:
        self.graph = RecoveryGraph()
        self.keys: dict[str, str] = {}
        self.owners = inv.owners()
        self.contacts = {c.key: c for c in inv.contacts}
        self.devices = {contact_key(d.label): d for d in inv.devices}
        for account in inv.accounts:
            self.graph.add_node(
                Node(f"account:{account.id}", "account", account.label, account=account.id)
            )
        for device in inv.devices:
            if device.signed_in:
                # Whoever holds or can unlock it is signed in to each of these accounts.
                node = self.node_for(device.label, "device")
                for account_id in device.signed_in:
                    self.graph.add_edge(
                        Edge(node, f"account:{account_id}", EdgeKind.SIGNED_IN_TO, True)
                    )

    def node_for(self, value: str, kind: Literal["email", "phone", "device"]) -> str:
        """The node of an address, number or device: an account when it is one's login."""
        key = self.keys.get(value)
        if key is None:
            # The same address or number recurs across thousands of accounts; reading a
            # number is the costly part of building the graph.
            key = self.keys[value] = contact_key(value)
        owner = self.owners.get(key)
        if owner is not None:
            return f"account:{owner.id}"
        contact = self.contacts.get(key)
        held, reason = _holding(contact)
        device = self.devices.get(key) if kind == "device" else None
        if device is not None:
            held, reason = device.holding()
            value = device.label
        elif kind == "device" and contact is None:
            reason = "which may be theirs: nobody has said who holds it"
        node = Node(
            f"{kind}:{key}", kind, value.strip(), held, reason, detail=device.id if device else None
        )
        return self.graph.add_node(node).id

    def start(
        self,
        account: Account,
        kind: NodeKind,
        label: str,
        held: bool,
        reason: str | None,
        edge: EdgeKind,
        edge_certain: bool,
        suffix: str = "",
        detail: str | None = None,
    ) -> None:
        """Something the other person holds that belongs to one account (a password, an answer)."""
        node = self.graph.add_node(
            Node(f"{kind}:{account.id}{suffix}", kind, label, held, reason, account.id, detail)
        )
        self.graph.add_edge(Edge(node.id, f"account:{account.id}", edge, edge_certain))

    def add_account(self, account: Account) -> None:
        target = f"account:{account.id}"
        routes: list[tuple[str, Literal["email", "phone"]]] = [
            (v, "email") for v in account.recovery_emails
        ]
        routes += [(v, "phone") for v in account.recovery_phones]
        for value, kind in routes:
            source = self.node_for(value, kind)
            self.graph.add_edge(Edge(source, target, EdgeKind.CAN_RESET, True))
        self._login(account)
        for index, question in enumerate(account.security_questions):
            if question.they_know != "no":
                known = question.they_know == "yes"
                self.start(
                    account,
                    "answer",
                    f'answer to "{question.question}" ({account.label})',
                    known,
                    "which they know" if known else "which they may know",
                    EdgeKind.CAN_RESET,
                    True,
                    suffix=f":{index}",
                    detail=question.question,
                )
        if account.password_known_to_them != "no":
            self._password(account)
        if account.unknown_sessions != "no":
            seen = account.unknown_sessions == "yes"
            label = "unrecognised session" if seen else "sessions nobody has checked"
            self.start(
                account,
                "session",
                f"{label} ({account.label})",
                seen,
                None,
                EdgeKind.CAN_SIGN_IN_TO,
                True,
            )

    def _login(self, account: Account) -> None:
        if not account.login:
            return
        kind: Literal["email", "phone"] | None = (
            "email"
            if is_email(account.login)
            else "phone"
            if normalise_phone(account.login)
            else None
        )
        if kind is None:
            return
        key = contact_key(account.login)
        if self.owners.get(key) is not account:
            # A reset link or code goes to the address or number one signs in with.
            node = self.node_for(account.login, kind)
            self.graph.add_edge(
                Edge(node, f"account:{account.id}", EdgeKind.CAN_RESET, True, via_login=True)
            )
        elif key in self.contacts:
            # The mailbox or line itself is said to be theirs or shared.
            held, reason = _holding(self.contacts[key])
            if held is not None:
                self.start(
                    account,
                    "login",
                    account.login.strip(),
                    held,
                    reason,
                    EdgeKind.CAN_SIGN_IN_TO,
                    True,
                )

    def _password(self, account: Account) -> None:
        """A known password opens the account alone, or with the second factor's codes."""
        known = account.password_known_to_them == "yes"
        kinds = {f.kind for f in account.two_factor}
        if not kinds or "none" in kinds:
            # With "none" the password is enough; with nothing recorded it may be, and
            # unknown is never safe.
            reason = "which they know" if known else "which they may know or guess"
            self.start(
                account,
                "password",
                f"password of {account.label}",
                known,
                reason,
                EdgeKind.CAN_SIGN_IN_TO,
                "none" in kinds,
            )
            return
        for factor in account.two_factor:
            if factor.kind in {"key", "none"} or factor.target is None:
                continue  # a security key has to be in their hands; nothing here says it is
            kind: Literal["email", "phone", "device"] = (
                "phone" if factor.kind == "sms" else "email" if factor.kind == "email" else "device"
            )
            self.graph.add_edge(
                Edge(
                    self.node_for(factor.target, kind),
                    f"account:{account.id}",
                    EdgeKind.RECEIVES_CODES_FOR,
                    known,
                    password_known=known,
                )
            )


@dataclass(frozen=True)
class Reach:
    """One account the other person can reach, by the shortest chain from what they hold."""

    account: str  # account id
    nodes: tuple[str, ...]  # node ids, from what they hold to the account
    edges: tuple[Edge, ...]
    certain: bool


@dataclass(frozen=True)
class RootImpact:
    """One thing the other person holds, and every account it opens (directly or by a chain)."""

    node: str
    accounts: tuple[str, ...]  # account ids, inventory order
    # The accounts no other starting point reaches: cutting this alone closes them.
    only_here: tuple[str, ...] = ()


@dataclass(frozen=True)
class Analysis:
    graph: RecoveryGraph
    reachable: tuple[Reach, ...]  # certain first, then by chain length
    roots: tuple[RootImpact, ...]  # most accounts opened first

    def reach_of(self, account_id: str) -> Reach | None:
        return next((r for r in self.reachable if r.account == account_id), None)


def _search(graph: RecoveryGraph, certain_only: bool) -> dict[str, Edge | None]:
    """Multi-source breadth-first search; each reached node's edge on its shortest chain."""
    came: dict[str, Edge | None] = {}
    queue: deque[str] = deque()
    for node in graph.starts:
        if node.held or not certain_only:
            came[node.id] = None
            queue.append(node.id)
    while queue:
        current = queue.popleft()
        for edge in graph.out[current]:
            if edge.target in came or (certain_only and not edge.certain):
                continue
            came[edge.target] = edge
            queue.append(edge.target)
    return came


def _chain(came: dict[str, Edge | None], target: str) -> tuple[tuple[str, ...], tuple[Edge, ...]]:
    nodes, edges = [target], []
    edge = came[target]
    while edge is not None:
        edges.append(edge)
        nodes.append(edge.source)
        edge = came[edge.source]
    return tuple(reversed(nodes)), tuple(reversed(edges))


def analyse(graph: RecoveryGraph) -> Analysis:
    certain = _search(graph, certain_only=True)
    possible = _search(graph, certain_only=False)
    reachable: list[Reach] = []
    for node in graph.nodes.values():
        if node.kind != "account" or node.account is None:
            continue
        for came, is_certain in ((certain, True), (possible, False)):
            if node.id in came:
                nodes, edges = _chain(came, node.id)
                reachable.append(Reach(node.account, nodes, edges, is_certain))
                break
    reachable.sort(key=lambda r: (not r.certain, len(r.edges)))
    return Analysis(graph, tuple(reachable), _root_impacts(graph))


def _root_impacts(graph: RecoveryGraph) -> tuple[RootImpact, ...]:
    """Every start's reach, counted once per strongly connected part (cycles are fine)."""
    ids = list(graph.nodes)
    index_of = {node_id: i for i, node_id in enumerate(ids)}
    succ = [[index_of[e.target] for e in graph.out[node_id]] for node_id in ids]
    accounts = [i for i, node_id in enumerate(ids) if graph.nodes[node_id].kind == "account"]
    bit = {node: 1 << n for n, node in enumerate(accounts)}
    component = _components(succ)
    count = max(component, default=-1) + 1
    members: list[list[int]] = [[] for _ in range(count)]
    for node, comp in enumerate(component):
        members[comp].append(node)
    # Tarjan numbers components in reverse topological order: successors come first.
    reach = [0] * count
    for comp in range(count):
        bits = 0
        for node in members[comp]:
            bits |= bit.get(node, 0)
            for nxt in succ[node]:
                if component[nxt] != comp:
                    bits |= reach[component[nxt]]
        reach[comp] = bits
    starts = graph.starts
    opened_bits = [reach[component[index_of[start.id]]] for start in starts]
    # Starting points have no way in themselves, so an account reached from one start
    # only is closed by cutting that start alone.
    once = twice = 0
    for bits in opened_bits:
        twice |= once & bits
        once |= bits
    single = once & ~twice

    labels = [graph.nodes[ids[a]].account or "" for a in accounts]
    known: dict[int, tuple[str, ...]] = {}

    def names(bits: int) -> tuple[str, ...]:
        # Only the set bits are visited, found by C-speed search in the binary text (lowest
        # bit first), and starts sharing a reach share one tuple: testing every account
        # against every start made the check quadratic.
        if bits not in known:
            text = format(bits, "b")[::-1]
            found: list[str] = []
            at = text.find("1")
            while at >= 0:
                found.append(labels[at])
                at = text.find("1", at + 1)
            known[bits] = tuple(found)
        return known[bits]

    impacts = [
        RootImpact(start.id, names(bits), names(bits & single))
        for start, bits in zip(starts, opened_bits, strict=True)
    ]
    # Cut first what closes most on its own, then what opens most; certain before maybe.
    impacts.sort(key=lambda r: (-len(r.only_here), -len(r.accounts), not graph.nodes[r.node].held))
    return tuple(impacts)


def _components(succ: list[list[int]]) -> list[int]:
    """Tarjan's strongly connected components, iteratively (no recursion limit)."""
    n = len(succ)
    index = [-1] * n
    low = [0] * n
    on_stack = [False] * n
    component = [-1] * n
    stack: list[int] = []
    counter = 0
    found = 0
    for root in range(n):
        if index[root] != -1:
            continue
        work = [(root, 0)]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        while work:
            node, position = work[-1]
            if position < len(succ[node]):
                work[-1] = (node, position + 1)
                nxt = succ[node][position]
                if index[nxt] == -1:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack[nxt] = True
                    work.append((nxt, 0))
                elif on_stack[nxt]:
                    low[node] = min(low[node], index[nxt])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                while True:
                    member = stack.pop()
                    on_stack[member] = False
                    component[member] = found
                    if member == node:
                        break
                found += 1
    return component
