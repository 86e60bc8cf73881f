"""From the recovery graph to what a person reads: chains as sentences, and findings.

Every reachable account becomes an ``access_now`` finding whose "why" is its shortest
chain in plain words ("Bank can be reset through Personal Gmail (jen.perry@gmail.com),
which can be reset through 07700 900123, which they share with you."). Every starting
point becomes a finding in the plan's recovery (or passwords, or access-now) section,
ordered so the cut that opens most comes first. Each kind, its topic, its safety note and
its wording (the chain's phrases too) are declared in ``checks/findings.toml``; this
module picks which and fills in names, and a fix adds only what this provider is known
to tell the other person.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from hygiene.accounts.devices import device_finding
from hygiene.accounts.graph import (
    Analysis,
    Edge,
    EdgeKind,
    Node,
    Reach,
    RecoveryGraph,
    RootImpact,
    account_name,
    analyse,
    build_graph,
)
from hygiene.accounts.inventory import Inventory
from hygiene.accounts.providers import Catalogue, Checklist, Item, where_on
from hygiene.accounts.trackers import tracker_findings
from hygiene.findings import Finding, Severity, cause_key, make, phrase, registry
from hygiene.wording import listed


@dataclass(frozen=True)
class CheckResult:
    analysis: Analysis
    findings: tuple[Finding, ...]
    sentences: dict[str, str]  # account id -> the chain in words


def check_inventory(inv: Inventory, catalogue: Catalogue | None = None) -> CheckResult:
    """Every account the other person can reach, why, and what to cut first.

    With a catalogue, each fix also says where the setting lives on that provider (or that
    the general checklist applies, when there is no page for it).
    """
    analysis = analyse(build_graph(inv))
    words = _Words(inv, analysis, catalogue)
    sentences = {reach.account: words.sentence(reach) for reach in analysis.reachable}
    findings = [words.reach_finding(r, sentences[r.account]) for r in analysis.reachable]
    findings += [words.root_finding(root) for root in analysis.roots]
    findings += words.guarded_passwords()
    # Devices that open no recorded account are still in the plan, as are the trackers.
    unlinked = [device_finding(d, [], None) for d in inv.devices if not d.signed_in]
    findings += [f for f in unlinked if f is not None]
    if catalogue is not None:
        findings += tracker_findings(inv.devices, catalogue)
    return CheckResult(analysis, tuple(findings), sentences)


def chain_labels(inv: Inventory, analysis: Analysis, reach: Reach) -> list[str]:
    """The chain as names, from what the other person holds to the account."""
    return [_Words(inv, analysis, None).name(node_id) for node_id in reach.nodes]


def _route(edge: Edge, start: Node) -> str | None:
    """How a starting point opens an account directly, in a few words."""
    if edge.kind is EdgeKind.RECEIVES_CODES_FOR:
        return phrase("route_codes")
    if edge.kind is EdgeKind.SIGNED_IN_TO:
        return phrase("route_signed_in")
    if edge.kind is EdgeKind.CAN_RESET and edge.via_login:
        return phrase("route_login")
    if edge.kind is EdgeKind.CAN_RESET and start.kind in {"phone", "email"}:
        return phrase(f"route_recovery_{start.kind}")
    return None


def _parents(graph: RecoveryGraph, start: str) -> dict[str, str]:
    """Each node reached from ``start``, and the node it is first reached from."""
    parent: dict[str, str] = {}
    queue = deque([start])
    while queue:
        current = queue.popleft()
        for edge in graph.out[current]:
            if edge.target not in parent and edge.target != start:
                parent[edge.target] = current
                queue.append(edge.target)
    return parent


def _clause(reason: str | None) -> str:
    """Why they hold a starting point, as a clause to follow its name."""
    return f", {reason}" if reason else ""


# The kind of finding for each starting point that is a route in: a number, an address,
# or a device that receives sign-in codes.
ROUTE_KINDS = {
    "phone": "recovery_phone_reachable_by_them",
    "email": "recovery_email_reachable_by_them",
    "device": "second_factor_device_reachable_by_them",
}

# Which catalogue items say where to make each kind of fix, best first.
WHERE_KINDS = {
    "reset": ("recovery",),
    "answer": ("security_questions", "recovery"),
    "codes": ("two_factor",),
    "session": ("sessions",),
    "password": ("password",),
}


class _Words:
    def __init__(self, inv: Inventory, analysis: Analysis, catalogue: Catalogue | None) -> None:
        self.inv = inv
        self.analysis = analysis
        self.graph = analysis.graph
        self.accounts = {a.id: a for a in inv.accounts}
        self.devices = {d.id: d for d in inv.devices}
        self.catalogue = catalogue

    def where(self, account_id: str | None, fix: str) -> str | None:
        """Where on this provider to make the fix, from the catalogue."""
        found = self._item(account_id, fix)
        return where_on(*found) if found is not None else None

    def alert_note(self, account_id: str | None, fix: str) -> str | None:
        """What this provider is known to tell the other person when the fix is made."""
        found = self._item(account_id, fix)
        if found is None or found[1].can_alert_abuser == "no":
            return None
        return found[1].alert_note or None

    def _item(self, account_id: str | None, fix: str) -> tuple[Checklist, Item] | None:
        account = self.accounts.get(account_id or "")
        if self.catalogue is None or account is None:
            return None
        checklist = self.catalogue.checklist(account.provider, account.category)
        item = checklist.provider.first_of(WHERE_KINDS[fix])
        return (checklist, item) if item is not None else None

    def name(self, node_id: str) -> str:
        node = self.graph.nodes[node_id]
        if node.kind == "account" and node.account in self.accounts:
            return account_name(self.accounts[node.account])
        return node.label

    def _label(self, account_id: str | None) -> str:
        account = self.accounts.get(account_id or "")
        return account.label if account else (account_id or "")

    def _link(self, edge: Edge, source: Node) -> str:
        if edge.kind is EdgeKind.CAN_RESET:
            if source.kind == "answer":
                return phrase("chain_answer", question=source.detail or "")
            return phrase("chain_reset", name=self.name(source.id))
        if edge.kind is EdgeKind.SIGNED_IN_TO:
            return phrase("chain_signed_in", name=self.name(source.id))
        if edge.kind is EdgeKind.RECEIVES_CODES_FOR:
            known = "chain_codes" if edge.password_known else "chain_codes_uncertain"
            return phrase(known, name=self.name(source.id))
        if source.kind == "session":
            return phrase("chain_session" if source.held else "chain_session_unchecked")
        if source.kind == "login":
            return phrase("chain_login", name=source.label)
        return phrase("chain_password" if edge.certain else "chain_password_uncertain")

    def sentence(self, reach: Reach) -> str:
        """The shortest chain in words, from the account back to what the other person holds."""
        links = [self._link(edge, self.graph.nodes[edge.source]) for edge in reversed(reach.edges)]
        text = self._label(reach.account) + " " + links[0]
        text += "".join(phrase("chain_link", link=link) for link in links[1:])
        start = self.graph.nodes[reach.nodes[0]]
        return text + _clause(start.reason) + "."

    def reach_finding(self, reach: Reach, sentence: str) -> Finding:
        label = self._label(reach.account)
        last = reach.edges[-1]
        source = self.graph.nodes[last.source]
        kind = self._fix_kind(last, source)
        return make(
            "account_reachable_by_them",
            severity=Severity.URGENT if reach.certain else Severity.HIGH,
            subject=label,
            values={
                "account": label,
                "chain": sentence,
                "step": self._account_step(label, last, source),
            },
            variant=() if reach.certain else "uncertain",
            where=self.where(reach.account, kind),
            alert_note=self.alert_note(reach.account, kind),
            account=reach.account,
            cause=self.graph.nodes[reach.nodes[0]].cause,
        )

    @staticmethod
    def _fix_kind(edge: Edge, source: Node) -> str:
        if source.kind in {"answer", "session", "password"}:
            return source.kind
        if edge.kind is EdgeKind.SIGNED_IN_TO:
            return "session"  # signing it out of the device is in its list of sessions
        return "codes" if edge.kind is EdgeKind.RECEIVES_CODES_FOR else "reset"

    def _account_step(self, label: str, edge: Edge, source: Node) -> str:
        if edge.kind is EdgeKind.CAN_RESET and source.kind == "answer":
            return phrase("change_answer", account=label)
        if edge.kind is EdgeKind.CAN_RESET:
            # No "see below": the plan, not the check, decides where that item stands.
            step = "step_login" if edge.via_login else "step_reset"
            return phrase(step, account=label, name=self.name(source.id))
        if edge.kind is EdgeKind.SIGNED_IN_TO:
            return phrase("step_signed_in", account=label, name=self.name(source.id))
        if edge.kind is EdgeKind.RECEIVES_CODES_FOR:
            return phrase("step_codes", account=label)
        if source.kind == "session":
            return phrase("sign_out_sessions", account=label)
        if source.kind == "login":
            return phrase("take_back_shared", account=label)
        return phrase("step_password", account=label)

    def _routes(self, root: RootImpact) -> str:
        """The accounts ``root`` opens: how it opens each one directly, and which account
        each of the others is reached through."""
        start = self.graph.nodes[root.node]
        direct: dict[str, list[str]] = {}
        for edge in self.graph.out[root.node]:
            routes = direct.setdefault(edge.target.split(":", 1)[1], [])
            route = _route(edge, start)
            if route and route not in routes:
                routes.append(route)
        through: dict[str, list[str]] = {}
        parent = _parents(self.graph, root.node)
        for account in root.accounts:
            if account in direct:
                continue
            step = f"account:{account}"
            while parent[step] != root.node:
                step = parent[step]
            through.setdefault(step.split(":", 1)[1], []).append(self._label(account))
        said = [
            phrase("opened_by", account=self._label(a), routes=listed(routes))
            if routes
            else self._label(a)
            for a, routes in direct.items()
        ]
        if len(said) == 1 and through:
            others = listed([name for names in through.values() for name in names])
            return phrase("opened_through_it", direct=said[0], others=others)
        text = listed(said)
        for via, names in through.items():
            text += phrase("opened_through", via=self._label(via), others=listed(names))
        return text

    def _where_taken_off(self, node: Node) -> tuple[str | None, str | None]:
        """Where to take a number, address or device off each account it opens directly,
        and what each provider may tell them; each named when there are several."""
        wheres: dict[str, str] = {}
        alerts: dict[str, str] = {}
        for edge in self.graph.out[node.id]:
            account = edge.target.split(":", 1)[1]
            fix = "codes" if edge.kind is EdgeKind.RECEIVES_CODES_FOR else "reset"
            if (where := self.where(account, fix)) is not None:
                wheres.setdefault(self._label(account), where)
            if (alert := self.alert_note(account, fix)) is not None:
                alerts.setdefault(self._label(account), alert)

        def said(found: dict[str, str], joint: str) -> str | None:
            if len(found) <= 1:
                return next(iter(found.values()), None)
            return joint.join(f"{label}: {text}" for label, text in found.items())

        return said(wheres, "; "), said(alerts, " ")

    def root_finding(self, root: RootImpact) -> Finding:
        node = self.graph.nodes[root.node]
        names = [self._label(a) for a in root.accounts]
        opened = {"accounts_count": registry().counted(len(names), "account")}
        opened["accounts"] = self._routes(root)
        if len(root.only_here) == len(names) == 1:
            opens = phrase("opens_alone_one", **opened)
        elif len(root.only_here) == len(names):
            opens = phrase("opens_alone_all", **opened)
        elif root.only_here:
            only = listed([self._label(a) for a in root.only_here])
            opens = phrase("opens_partly", **opened, only=only)
        else:
            opens = phrase("opens_elsewhere", **opened)
        certain = bool(node.held)
        variant = () if certain else "uncertain"
        # Severity follows the graph: held, and opening an account with nothing more, is
        # a way in now.
        opens_now = certain and any(edge.certain for edge in self.graph.out[node.id])
        severity = Severity.URGENT if opens_now else Severity.HIGH if certain else Severity.MEDIUM
        reason = _clause(node.reason)
        device = self.devices.get(node.detail or "") if node.kind == "device" else None
        if device is not None and device.signed_in:
            found = device_finding(device, [self._label(a) for a in device.signed_in], opens)
            assert found is not None  # a starting point is one they hold or may hold
            return found
        if node.kind in ROUTE_KINDS:
            direct = [self._label(e.target.split(":", 1)[1]) for e in self.graph.out[node.id]]
            where, alert = self._where_taken_off(node)
            return make(
                ROUTE_KINDS[node.kind],
                severity=severity,
                subject=node.label,
                values={
                    "contact": node.label,
                    "accounts_count": opened["accounts_count"],
                    "reason": reason,
                    "opens": opens,
                    "direct": listed(sorted(set(direct))),
                },
                variant=variant,
                where=where,
                alert_note=alert,
                cause=node.cause,
            )
        owner = self._label(node.account)
        if node.kind == "answer":
            return make(
                "security_answer_known_to_them",
                severity=severity,
                subject=owner,
                values={
                    "account": owner,
                    "question": node.detail or "",
                    "reason": reason,
                    "opens": opens,
                },
                variant=variant,
                where=self.where(node.account, "answer"),
                alert_note=self.alert_note(node.account, "answer"),
                account=node.account,
                cause=node.cause,
            )
        if node.kind == "password":
            return make(
                "password_known_to_them",
                severity=severity,
                subject=owner,
                values={
                    "account": owner,
                    "reason": reason,
                    "opens": opens,
                },
                variant=variant,
                where=self.where(node.account, "password"),
                alert_note=self.alert_note(node.account, "password"),
                account=node.account,
                cause=node.cause,
            )
        if node.kind == "session":
            # Looking is unnoticed; signing out is not, so an unchecked list only asks to
            # look and leaves the change to be planned.
            return make(
                "unknown_session_on_account" if certain else "sessions_not_checked",
                severity=Severity.URGENT if certain else Severity.MEDIUM,
                subject=owner,
                values={"account": owner, "opens": opens},
                where=self.where(node.account, "session"),
                alert_note=self.alert_note(node.account, "session") if certain else None,
                account=node.account,
                cause=node.cause,
            )
        return make(
            "account_shared_with_them",
            severity=Severity.URGENT if certain else Severity.HIGH,
            subject=owner,
            values={"account": owner, "login": node.label, "reason": reason, "opens": opens},
            account=node.account,
            cause=node.cause,
        )

    def guarded_passwords(self) -> list[Finding]:
        """Known passwords held back by a second step: how far from open each one is.

        Severity follows the graph: a second step whose codes go somewhere they hold,
        share or can get into stands in the way of nothing.
        """
        found = []
        for account in self.inv.accounts:
            if account.password_known_to_them == "no":
                continue
            if f"password:{account.id}" in self.graph.nodes:
                continue  # already reported as a way in
            known = account.password_known_to_them == "yes"
            variant = ["guarded"]
            values = {"account": account.label}
            severity = Severity.MEDIUM
            held = self._codes_held(account.id)
            if held is not None:
                node, sure = held
                variant.append("codes_theirs")
                values["codes"] = self.name(node.id)
                values["reason"] = _clause(node.reason or self._held_account(node))
                severity = Severity.URGENT if known and sure else Severity.HIGH
            if not known:
                variant.append("codes_theirs_uncertain" if held else "uncertain")
            found.append(
                make(
                    "password_known_to_them",
                    severity=severity,
                    subject=account.label,
                    values=values,
                    variant=tuple(variant),
                    account=account.id,
                    cause=cause_key(f"account:{account.id}", "password"),
                )
            )
        return found

    def _codes_held(self, account_id: str) -> tuple[Node, bool] | None:
        """Where the account's sign-in codes go, if the other person holds or can reach it
        (and whether that is sure), the surest first; None if only the person does."""
        best: tuple[Node, bool] | None = None
        for edge in self.graph.edges:
            if edge.kind is not EdgeKind.RECEIVES_CODES_FOR:
                continue
            if edge.target != f"account:{account_id}":
                continue
            node = self.graph.nodes[edge.source]
            reach = self.analysis.reach_of(node.account or "") if node.kind == "account" else None
            if node.held is None and reach is None:
                continue
            sure = bool(node.held) or (reach is not None and reach.certain)
            if best is None or (sure and not best[1]):
                best = (node, sure)
        return best

    def _held_account(self, node: Node) -> str:
        reach = self.analysis.reach_of(node.account or "")
        return phrase("held_account" if reach and reach.certain else "held_account_uncertain")
