"""From the recovery graph to what a person reads: chains as sentences, and findings.

Every reachable account becomes an ``access_now`` finding whose "why" is its shortest
chain in plain words ("Bank can be reset through Personal Gmail (jen.perry@gmail.com),
which can be reset through 07700 900123, which they share with you."). Every starting
point becomes a finding in the plan's recovery (or passwords, or access-now) section,
ordered so the cut that opens most comes first. Each kind, its topic and its safety note
are declared in ``checks/findings.toml``; a fix adds only what this provider is known to
tell the other person.
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
from hygiene.accounts.providers import Catalogue, Item, where_text
from hygiene.accounts.trackers import tracker_findings
from hygiene.findings import Finding, Severity, cause_key, make


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


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _route_word(edge: Edge, source: Node) -> str | None:
    """How a starting point opens an account directly, in a few words."""
    if edge.kind is EdgeKind.RECEIVES_CODES_FOR:
        return "sign-in codes"
    if edge.kind is EdgeKind.SIGNED_IN_TO:
        return "signed in on it"
    if edge.kind is EdgeKind.CAN_RESET and edge.via_login:
        return "signs in with it"
    if edge.kind is EdgeKind.CAN_RESET and source.kind in {"phone", "email"}:
        return f"recovery {source.kind}"
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


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


# Which catalogue items say where to make each kind of fix, best first.
WHERE_KINDS = {
    "reset": ("recovery",),
    "answer": ("security_questions", "recovery"),
    "codes": ("two_factor",),
    "session": ("sessions",),
    "password": ("password", "two_factor"),
}


class _Words:
    def __init__(self, inv: Inventory, analysis: Analysis, catalogue: Catalogue | None) -> None:
        self.inv = inv
        self.graph = analysis.graph
        self.accounts = {a.id: a for a in inv.accounts}
        self.devices = {d.id: d for d in inv.devices}
        self.catalogue = catalogue

    def where(self, account_id: str | None, fix: str) -> str | None:
        """Where on this provider to make the fix, from the catalogue."""
        found = self._item(account_id, fix)
        if found is None:
            return None
        item, fallback = found
        prefix = "general checklist, no page for this provider: " if fallback else ""
        return prefix + where_text(item)

    def alert_note(self, account_id: str | None, fix: str) -> str | None:
        """What this provider is known to tell the other person when the fix is made."""
        found = self._item(account_id, fix)
        if found is None or found[0].can_alert_abuser == "no":
            return None
        return found[0].alert_note or None

    def _item(self, account_id: str | None, fix: str) -> tuple[Item, bool] | None:
        account = self.accounts.get(account_id or "")
        if self.catalogue is None or account is None:
            return None
        checklist = self.catalogue.checklist(account.provider, account.category)
        for kind in WHERE_KINDS[fix]:
            items = checklist.provider.items_of(kind)
            if items:
                return items[0], checklist.fallback
        return None

    def name(self, node_id: str) -> str:
        node = self.graph.nodes[node_id]
        if node.kind == "account" and node.account in self.accounts:
            return account_name(self.accounts[node.account])
        return node.label

    def _label(self, account_id: str | None) -> str:
        account = self.accounts.get(account_id or "")
        return account.label if account else (account_id or "")

    def _phrase(self, edge: Edge, source: Node) -> str:
        if edge.kind is EdgeKind.CAN_RESET:
            if source.kind == "answer":
                return f'can be reset with the answer to "{source.detail}"'
            return f"can be reset through {self.name(source.id)}"
        if edge.kind is EdgeKind.SIGNED_IN_TO:
            return f"is signed in on {self.name(source.id)}"
        if edge.kind is EdgeKind.RECEIVES_CODES_FOR:
            knows = "which they know" if edge.password_known else "which they may know or guess"
            return (
                f"can be signed in to with its password, {knows}, and the codes sent to "
                f"{self.name(source.id)}"
            )
        if source.kind == "session":
            return (
                "is still signed in somewhere you do not recognise"
                if source.held
                else "may still be signed in somewhere: nobody has checked its sessions"
            )
        if source.kind == "login":
            return f"is open to whoever holds {source.label}"
        if not edge.certain:
            return "may be signed in to with just its password (no second step is recorded)"
        return "can be signed in to with just its password"

    def sentence(self, reach: Reach) -> str:
        """The shortest chain in words, from the account back to what the other person holds."""
        parts = [self._label(reach.account)]
        for position, edge in enumerate(reversed(reach.edges)):
            phrase = self._phrase(edge, self.graph.nodes[edge.source])
            parts.append(phrase if position == 0 else f", which {phrase}")
        start = self.graph.nodes[reach.nodes[0]]
        text = parts[0] + " " + "".join(parts[1:])
        if start.reason:
            text += f", {start.reason}"
        return text + "."

    def reach_finding(self, reach: Reach, sentence: str) -> Finding:
        label = self._label(reach.account)
        last = reach.edges[-1]
        source = self.graph.nodes[last.source]
        if reach.certain:
            title, severity = f"{label}: the other person can get in", Severity.URGENT
            why = sentence
        else:
            title, severity = f"{label}: the other person may be able to get in", Severity.HIGH
            why = f"{sentence} This is not certain, so treat it as open until you know."
        kind = self._fix_kind(last, source)
        return make(
            "account_reachable_by_them",
            severity=severity,
            subject=label,
            title=title,
            why=why,
            fix=self._account_fix(label, last, source),
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

    def _account_fix(self, label: str, edge: Edge, source: Node) -> str:
        if edge.kind is EdgeKind.CAN_RESET and source.kind == "answer":
            return (
                f"Change the security question of {label} to one with an answer they "
                "cannot know (a made-up answer kept somewhere safe works)."
            )
        if edge.kind is EdgeKind.CAN_RESET and edge.via_login:
            name = self.name(source.id)
            # No "see below": the plan, not the check, decides where that item stands.
            return (
                f"{label} signs in with {name}: make {name} safe first, or "
                "change the address or number it signs in with to one only you control."
            )
        if edge.kind is EdgeKind.CAN_RESET:
            name = self.name(source.id)
            return (
                f"Replace {name} as a way to reset {label} with an address or number only "
                f"you control, or make {name} safe first."
            )
        if edge.kind is EdgeKind.SIGNED_IN_TO:
            return (
                f"From a safer device, sign {label} out of {self.name(source.id)} (in its "
                "list of signed-in devices), then change its password."
            )
        if edge.kind is EdgeKind.RECEIVES_CODES_FOR:
            return (
                f"Send the sign-in codes of {label} to a phone or app only you hold, and "
                "change its password from a device they have never held."
            )
        if source.kind == "session":
            return (
                f"Look at the signed-in devices and sessions of {label}, sign out of any "
                "you do not recognise, then change its password."
            )
        if source.kind == "login":
            return (
                f"Change the password and recovery details of {label} so only you can get "
                "in; if it is shared with them, a new account of your own may be safer."
            )
        return (
            f"Change the password of {label}, from a device they have never held, to one "
            "they cannot guess, and turn on a second sign-in step only you hold."
        )

    def _routes(self, root: RootImpact) -> str:
        """The accounts ``root`` opens: how it opens each one directly, and which account
        each of the others is reached through ("Gmail (recovery phone); through it, Bank")."""
        direct: dict[str, list[str]] = {}
        for edge in self.graph.out[root.node]:
            words = direct.setdefault(edge.target.split(":", 1)[1], [])
            word = _route_word(edge, self.graph.nodes[root.node])
            if word and word not in words:
                words.append(word)
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
            self._label(a) + (f" ({' and '.join(words)})" if words else "")
            for a, words in direct.items()
        ]
        if len(said) == 1 and through:
            return f"{said[0]} and, through it, {_join([a for r in through.values() for a in r])}"
        text = _join(said)
        for via, reached in through.items():
            text += f"; through {self._label(via)}, {_join(reached)}"
        return text

    def root_finding(self, root: RootImpact) -> Finding:
        node = self.graph.nodes[root.node]
        names = [self._label(a) for a in root.accounts]
        opens = f"{_plural(len(names), 'account')}: {self._routes(root)}"
        if len(root.only_here) == len(names) == 1:
            opens += ". Nothing else reaches it, so cutting this closes it"
        elif len(root.only_here) == len(names):
            opens += ". Nothing else reaches them, so cutting this closes them all"
        elif root.only_here:
            only = [self._label(a) for a in root.only_here]
            opens += (
                f". Cutting this alone closes {_join(only)}; the rest can also be "
                "reached another way, so cut those too"
            )
        else:
            opens += ". Each can also be reached another way, so cut those too"
        certain = bool(node.held)
        reason = f", {node.reason}" if node.reason else ""
        direct = [self._label(e.target.split(":", 1)[1]) for e in self.graph.out[node.id]]
        device = self.devices.get(node.detail or "") if node.kind == "device" else None
        if device is not None and device.signed_in:
            found = device_finding(device, [self._label(a) for a in device.signed_in], opens)
            assert found is not None  # a starting point is one they hold or may hold
            return found
        if node.kind in {"phone", "email", "device"}:
            noun = {"phone": "number", "email": "address", "device": "device"}[node.kind]
            ident = {
                "phone": "recovery_phone_reachable_by_them",
                "email": "recovery_email_reachable_by_them",
                "device": "second_factor_device_reachable_by_them",
            }[node.kind]
            verb = "can use" if certain else "may be able to use"
            fix = f"Take {node.label} off {_join(sorted(set(direct)))} and use " + (
                "a phone or app only you hold for sign-in codes."
                if node.kind == "device"
                else f"an {noun} only you control instead."
                if noun == "address"
                else f"a {noun} only you control instead."
            )
            if node.kind == "phone":
                fix += (
                    " If the number is on a plan they pay for or manage, ask the phone "
                    "company to move it to a plan in your own name."
                )
            if node.held is False:
                fix = f"Find out who controls {node.label}; until then treat it as theirs. " + fix
            return make(
                ident,
                severity=Severity.HIGH if certain else Severity.MEDIUM,
                subject=node.label,
                title=f"The other person {verb} {node.label} to reach "
                f"{_plural(len(names), 'account')}",
                why=f"Through {node.label}{reason}, they can reach {opens}.",
                fix=fix,
                cause=node.cause,
            )
        owner = self._label(node.account)
        if node.kind == "answer":
            return make(
                "security_answer_known_to_them",
                severity=Severity.HIGH if certain else Severity.MEDIUM,
                subject=owner,
                title=f"They {'know' if certain else 'may know'} a security answer of {owner}",
                why=f'With the answer to "{node.detail}"{reason}, they can reach {opens}.',
                fix=(
                    f"Change the security question of {owner} to one with an answer they "
                    "cannot know (a made-up answer kept somewhere safe works)."
                ),
                where=self.where(node.account, "answer"),
                alert_note=self.alert_note(node.account, "answer"),
                account=node.account,
                cause=node.cause,
            )
        if node.kind == "password":
            return make(
                "password_known_to_them",
                severity=Severity.HIGH if certain else Severity.MEDIUM,
                subject=owner,
                title=f"They {'know' if certain else 'may know or guess'} the password of {owner}",
                why=f"With the password{reason}, they can reach {opens}.",
                fix=(
                    f"Change the password of {owner}, from a device they have never held, to "
                    "one they cannot guess, and turn on a second sign-in step only you hold."
                ),
                where=self.where(node.account, "password"),
                alert_note=self.alert_note(node.account, "password"),
                account=node.account,
                cause=node.cause,
            )
        if node.kind == "session":
            return make(
                "unknown_session_on_account" if certain else "sessions_not_checked",
                severity=Severity.URGENT if certain else Severity.MEDIUM,
                subject=owner,
                title=(
                    f"Someone you do not recognise is signed in to {owner}"
                    if certain
                    else f"Nobody has checked who is signed in to {owner}"
                ),
                why=f"A session there opens {opens}.",
                # Looking is unnoticed; signing out is not, so an unchecked list only asks
                # to look (its stage is "now") and leaves the change to be planned.
                fix=(
                    f"Look at the signed-in devices and sessions of {owner} and sign out of "
                    "any you do not recognise, then change its password."
                    if certain
                    else f"Look at the signed-in devices and sessions of {owner}, and keep a "
                    "screenshot of any you do not recognise. Signing one out can be noticed: "
                    "plan when to do it, with its password change."
                ),
                where=self.where(node.account, "session"),
                alert_note=self.alert_note(node.account, "session") if certain else None,
                account=node.account,
                cause=node.cause,
            )
        return make(
            "account_shared_with_them",
            severity=Severity.URGENT if certain else Severity.HIGH,
            subject=owner,
            title=f"{owner} is in their hands",
            why=f"{node.label}{reason}; through it they can reach {opens}.",
            fix=(
                f"Change the password and recovery details of {owner} so only you can get "
                "in; if it is shared with them, a new account of your own may be safer."
            ),
            account=node.account,
            cause=node.cause,
        )

    def guarded_passwords(self) -> list[Finding]:
        """Known passwords held back only by a second step: one lost phone from open."""
        found = []
        for account in self.inv.accounts:
            if account.password_known_to_them == "no":
                continue
            if f"password:{account.id}" in self.graph.nodes:
                continue  # already reported as a way in
            known = account.password_known_to_them == "yes"
            found.append(
                make(
                    "password_known_to_them",
                    severity=Severity.MEDIUM,
                    subject=account.label,
                    title=(
                        f"They {'know' if known else 'may know or guess'} the password of "
                        f"{account.label}"
                    ),
                    why="Only the second sign-in step stands between them and the account.",
                    fix=(
                        f"Change the password of {account.label}, from a device they have never "
                        "held, to one they cannot guess."
                    ),
                    account=account.id,
                    cause=cause_key(f"account:{account.id}", "password"),
                )
            )
        return found
