"""The recovery graph: who can reach which account, by which chain, and what to cut first."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from hygiene.accounts.check import check_inventory
from hygiene.accounts.graph import analyse, build_graph
from hygiene.accounts.inventory import Contact, Inventory, load_inventory
from hygiene.accounts.phones import contact_key

FIXTURES = Path(__file__).parent / "fixtures" / "accounts"


def inventory(
    accounts: list[dict[str, Any]], contacts: list[dict[str, Any]] | None = None
) -> Inventory:
    base = {"password_known_to_them": "no", "unknown_sessions": "no"}
    return Inventory.model_validate(
        {"account": [{**base, **a} for a in accounts], "contact": contacts or []}
    )


def reached(inv: Inventory) -> dict[str, bool]:
    return {r.account: r.certain for r in analyse(build_graph(inv)).reachable}


def test_the_bank_is_reached_through_the_gmail_through_the_shared_number():
    result = check_inventory(load_inventory(FIXTURES / "jen.toml"))
    assert result.sentences["bank"] == (
        "Bank can be reset through Personal Gmail (jen.perry@gmail.com), which can be reset "
        "through 07700 900123, which they share with you (family plan he pays for)."
    )
    reach = result.analysis.reach_of("bank")
    assert reach is not None and reach.certain
    assert reach.nodes == ("phone:+447700900123", "account:gmail", "account:bank")


def test_an_account_that_signs_in_with_a_reachable_address_is_reachable():
    result = check_inventory(load_inventory(FIXTURES / "jen.toml"))
    assert "facebook" in {r.account for r in result.analysis.reachable}
    assert "signs in with Personal Gmail" in next(
        f.fix for f in result.findings if f.subject == "Facebook" and f.topic == "access_now"
    )


def test_a_social_account_sharing_a_login_address_is_not_that_mailbox():
    inv = inventory(
        [
            {"label": "Facebook", "login": "me@example.com", "category": "social"},
            {"label": "Bank", "recovery_emails": ["me@example.com"]},
        ],
        [{"value": "me@example.com", "controlled_by": "self"}],
    )
    assert inv.account_by_login("me@example.com") is None
    assert reached(inv) == {}


def test_recovery_cycles_end_and_reach_both_accounts():
    inv = inventory(
        [
            {
                "label": "Mail A",
                "login": "a@example.com",
                "category": "email",
                "recovery_emails": ["b@example.com"],
                "password_known_to_them": "yes",
                "two_factor": ["none"],
            },
            {
                "label": "Mail B",
                "login": "b@example.com",
                "category": "email",
                "recovery_emails": ["a@example.com"],
            },
        ]
    )
    assert reached(inv) == {"mail_a": True, "mail_b": True}
    roots = analyse(build_graph(inv)).roots
    assert roots[0].accounts == ("mail_a", "mail_b")


def test_maybe_and_unknown_count_as_reachable_and_say_so():
    inv = inventory(
        [
            {"label": "Shop", "recovery_emails": ["old@example.com"]},
            {"label": "Games", "password_known_to_them": "maybe", "two_factor": ["none"]},
        ]
    )
    result = check_inventory(inv)
    assert reached(inv) == {"shop": False, "games": False}
    assert "nobody has said who controls it" in result.sentences["shop"]
    assert "which they may know or guess" in result.sentences["games"]
    titles = [f.title for f in result.findings if f.id == "account_reachable_by_them"]
    assert titles == [
        "Shop: the other person may be able to get in",
        "Games: the other person may be able to get in",
    ]


def test_a_known_password_needs_the_second_factor_too():
    guarded = {"label": "Mail", "password_known_to_them": "yes", "two_factor": ["sms:07700 900555"]}
    mine = [{"value": "07700900555", "controlled_by": "self"}]
    assert reached(inventory([guarded], mine)) == {}
    theirs = [{"value": "07700900555", "controlled_by": "them"}]
    assert reached(inventory([guarded], theirs)) == {"mail": True}
    assert reached(inventory([{**guarded, "two_factor": ["key"]}], theirs)) == {}
    # Nothing recorded about a second step: the password may be enough.
    assert reached(inventory([{**guarded, "two_factor": []}])) == {"mail": False}
    result = check_inventory(inventory([guarded], mine))
    assert [f.id for f in result.findings] == ["password_known_to_them"]


def test_fixes_come_in_the_order_of_what_they_open():
    inv = inventory(
        [
            {
                "label": "Mail",
                "login": "me@example.com",
                "category": "email",
                "recovery_phones": ["07700 900111"],
            },
            {"label": "Bank", "recovery_emails": ["me@example.com"]},
            {"label": "Shop", "recovery_emails": ["me@example.com"]},
            {"label": "Games", "recovery_phones": ["07700 900222"]},
        ],
        [
            {"value": "07700 900111", "controlled_by": "them"},
            {"value": "07700 900222", "controlled_by": "them"},
        ],
    )
    result = check_inventory(inv)
    roots = [f for f in result.findings if f.id == "recovery_phone_reachable_by_them"]
    assert [f.subject for f in roots] == ["07700 900111", "07700 900222"]
    assert roots[0].title == "The other person can use 07700 900111 to reach 3 accounts"
    assert "Nothing else reaches them, so cutting this closes them all" in roots[0].why
    assert all(f.safety and "evidence" in f.safety for f in result.findings)


def test_a_cut_that_closes_accounts_alone_comes_before_one_with_other_routes():
    inv = inventory(
        [
            {
                "label": "Mail",
                "login": "me@example.com",
                "category": "email",
                "recovery_phones": ["07700 900111", "07700 900222"],
            },
            {"label": "Bank", "recovery_emails": ["me@example.com"]},
            {"label": "Games", "recovery_phones": ["07700 900333"]},
        ],
        [
            {"value": n, "controlled_by": "them"}
            for n in ["07700 900111", "07700 900222", "07700 900333"]
        ],
    )
    roots = analyse(build_graph(inv)).roots
    assert roots[0].node == "phone:+447700900333"
    assert roots[0].only_here == ("games",)
    assert {r.accounts for r in roots[1:]} == {("mail", "bank")}
    assert all(r.only_here == () for r in roots[1:])
    why = next(f.why for f in check_inventory(inv).findings if f.subject == "07700 900111")
    assert "Each can also be reached another way, so cut those too" in why


def test_nothing_held_means_nothing_reachable_and_exit_0(cli, tmp_path: Path):
    path = tmp_path / "safe.toml"
    path.write_text(
        '[[account]]\nlabel = "Mail"\nlogin = "me@example.com"\ncategory = "email"\n'
        'recovery_phones = ["07700 900111"]\npassword_known_to_them = "no"\n'
        'unknown_sessions = "no"\n\n[[contact]]\nvalue = "07700 900111"\n'
        'controlled_by = "self"\n'
    )
    result = cli("accounts", "check", str(path))
    assert result.exit_code == 0, result.stdout
    assert "can reach 0 of 1 accounts" in result.stdout
    assert "No account can be reached" in cli("accounts", "graph", str(path)).stdout


def test_check_json_lists_chains_and_findings(cli):
    result = cli("accounts", "check", str(FIXTURES / "jen.toml"), "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    bank = next(r for r in data["reachable"] if r["account"] == "Bank")
    assert bank["chain"] == ["07700 900123", "Personal Gmail (jen.perry@gmail.com)", "Bank"]
    assert bank["certain"] is True
    ids = {f["id"] for f in data["findings"]}
    assert {
        "account_reachable_by_them",
        "recovery_phone_reachable_by_them",
        "security_answer_known_to_them",
        "sessions_not_checked",
    } <= ids
    for finding in data["findings"]:
        assert set(finding) >= {"id", "severity", "subject", "title", "why", "fix", "safety"}


def test_check_text_says_reachable_accounts_and_what_to_do(cli):
    result = cli("accounts", "check", str(FIXTURES / "jen.toml"))
    assert result.exit_code == 1
    assert "The other person can reach 3 of 4 accounts, and may reach 1 more." in result.stdout
    assert "Micromart shop: may be able to get in (not certain)" in result.stdout
    assert "[URGENT] Bank: the other person can get in" in result.stdout
    # Where to make each fix comes from the catalogue; an unknown provider says so.
    assert "Where: Google Account → Personal info → Contact info" in result.stdout
    assert "No page of its own for: micromart. The general checklist applies" in result.stdout
    assert "Where: general checklist, no page for this provider: " in result.stdout
    assert "On this service: Google may send a security alert" in result.stdout


def test_bad_inventory_exits_2_listing_every_problem(cli):
    result = cli("accounts", "check", str(FIXTURES / "broken.toml"))
    assert result.exit_code == 2
    assert result.stderr.count("error:") == 6
    assert "broken.toml, line 14 (contact[1].controlled_by" in result.stderr
    assert result.stdout == ""


def test_graph_draws_a_text_tree_and_dot(cli):
    tree = cli("accounts", "graph", str(FIXTURES / "jen.toml")).stdout
    assert tree.splitlines()[:4] == [
        "From 07700 900123, which they share with you (family plan he pays for):",
        "  - can reset Personal Gmail (jen.perry@gmail.com)",
        "    - can reset Bank",
        "    - can reset Facebook",
    ]
    assert "(not certain)" in tree
    picture = cli("accounts", "graph", str(FIXTURES / "jen.toml"), "--dot").stdout
    assert picture.startswith("digraph recovery {")
    assert '"phone:+447700900123" -> "account:gmail" [label="can reset", style=solid];' in picture
    assert "MAYBE HELD BY THE ABUSER" in picture and "style=dashed" in picture


# --- properties -----------------------------------------------------------------------

ADDRESSES = [f"m{n}@example.com" for n in range(5)]
NUMBERS = [f"07700 90010{n}" for n in range(4)]
answers = st.sampled_from(["yes", "no", "maybe"])


@st.composite
def inventories(draw: st.DrawFn) -> Inventory:
    accounts = []
    for n in range(draw(st.integers(1, 7))):
        login = draw(st.sampled_from([None, *ADDRESSES, *NUMBERS]))
        category = draw(st.sampled_from(["email", "phone", "social", "other"]))
        accounts.append(
            {
                "id": f"a{n}",
                "label": f"Account {n}",
                "login": login,
                "category": category,
                "recovery_emails": draw(st.lists(st.sampled_from(ADDRESSES), max_size=2)),
                "recovery_phones": draw(st.lists(st.sampled_from(NUMBERS), max_size=2)),
                "security_questions": [{"question": "pet", "they_know": draw(answers)}]
                if draw(st.booleans())
                else [],
                "two_factor": draw(
                    st.lists(
                        st.sampled_from(
                            [
                                "none",
                                "key",
                                "app:old tablet",
                                *(f"sms:{p}" for p in NUMBERS),
                                *(f"email:{a}" for a in ADDRESSES),
                            ]
                        ),
                        max_size=2,
                    )
                ),
                "password_known_to_them": draw(answers),
                "unknown_sessions": draw(st.sampled_from(["yes", "no", "not_checked"])),
            }
        )
    values = [*ADDRESSES, *NUMBERS, "old tablet"]
    owners = st.sampled_from(["self", "shared", "them", "unknown"])
    contacts = [
        {"value": v, "controlled_by": draw(owners)}
        for v in draw(st.lists(st.sampled_from(values), unique=True, max_size=len(values)))
    ]
    return Inventory.model_validate({"account": accounts, "contact": contacts})


@settings(max_examples=150, deadline=None)
@given(inventories())
def test_every_chain_starts_at_something_held_and_follows_edges(inv: Inventory):
    graph = build_graph(inv)
    edges = {(e.source, e.target): e for e in graph.edges}
    for reach in analyse(graph).reachable:
        start = graph.nodes[reach.nodes[0]]
        assert start.is_start
        assert reach.nodes[-1] == f"account:{reach.account}"
        assert len(set(reach.nodes)) == len(reach.nodes)  # no loops in a chain
        for edge, (a, b) in zip(
            reach.edges, zip(reach.nodes, reach.nodes[1:], strict=False), strict=True
        ):
            assert (edge.source, edge.target) == (a, b) and (a, b) in edges
        if reach.certain:
            assert start.held is True and all(e.certain for e in reach.edges)


@settings(max_examples=150, deadline=None)
@given(inventories(), st.sampled_from([*ADDRESSES, *NUMBERS, "old tablet"]))
def test_a_contact_they_control_never_shrinks_what_they_reach(inv: Inventory, value: str):
    before = reached(inv)
    others = [c for c in inv.contacts if c.key != contact_key(value)]
    theirs = Contact(value=value, controlled_by="them")
    worse = inv.model_copy(update={"contacts": [*others, theirs]})
    after = reached(worse)
    assert set(before) <= set(after)
    assert all(after[a] for a, certain in before.items() if certain)


@settings(max_examples=100, deadline=None)
@given(inventories())
def test_every_root_opens_what_its_chains_reach(inv: Inventory):
    analysis = analyse(build_graph(inv))
    opened = {r.node: set(r.accounts) for r in analysis.roots}
    for reach in analysis.reachable:
        assert reach.account in opened[reach.nodes[0]]
    keys = [(len(r.only_here), len(r.accounts)) for r in analysis.roots]
    assert keys == sorted(keys, reverse=True)
    # What a start alone reaches is closed by cutting it: no other start reaches it.
    for root in analysis.roots:
        for account in root.only_here:
            assert [r.node for r in analysis.roots if account in r.accounts] == [root.node]


def test_a_mailbox_they_share_is_open_and_opens_what_it_recovers():
    inv = inventory(
        [
            {"label": "Family email", "login": "family@example.com", "category": "email"},
            {"label": "Bank", "login": "customer 42", "recovery_emails": ["family@example.com"]},
        ],
        [{"value": "family@example.com", "controlled_by": "shared", "note": "he has the password"}],
    )
    result = check_inventory(inv)
    assert reached(inv) == {"family_email": True, "bank": True}
    assert result.sentences["family_email"] == (
        "Family email is open to whoever holds family@example.com, which they share with you "
        "(he has the password)."
    )
    shared = next(f for f in result.findings if f.id == "account_shared_with_them")
    assert shared.severity == "urgent" and "Family email and, through it, Bank" in shared.why


def test_a_missing_inventory_is_bad_input(cli, tmp_path: Path):
    result = cli("accounts", "check", str(tmp_path / "nowhere.toml"))
    assert result.exit_code == 2
    assert "nowhere.toml: no such file" in result.stderr


def test_dot_quotes_labels_a_person_typed():
    from hygiene.accounts.draw import dot

    inv = inventory(
        [
            {
                "label": 'Jen\'s "work" mail \\ old',
                "password_known_to_them": "yes",
                "two_factor": ["none"],
            },
        ]
    )
    picture = dot(inv, check_inventory(inv))
    assert 'label="Jen\'s \\"work\\" mail \\\\ old"' in picture
    assert 'label="password of Jen\'s \\"work\\" mail \\\\ old\\nHELD BY THE ABUSER"' in picture
