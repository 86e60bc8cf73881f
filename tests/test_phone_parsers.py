"""The parsers of what a phone prints: any text is read or skipped, never a crash, and
what the phone wrote in the documented shapes comes back out."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from phone_support import Phone, Pkg

from hygiene.phone import androidtext

PACKAGE = st.from_regex(r"[a-z][a-z0-9_]{0,8}(\.[a-z][a-z0-9_]{0,8}){1,3}", fullmatch=True)
ANY = st.text(max_size=300)


@settings(max_examples=80, deadline=None)
@given(ANY)
def test_no_parser_raises_on_any_text(text):
    lines = text.splitlines()
    androidtext.key_values(text)
    androidtext.getprop(text)
    androidtext.component_packages(text)
    androidtext.sections(lines, ["package"])
    androidtext.enabled_accessibility(lines)
    androidtext.device_policy(lines)
    androidtext.dpm_owners(text)
    androidtext.launcher_packages(lines)
    androidtext.installer_of(lines)
    list(androidtext.pm_packages(text))


@settings(deadline=None)
@given(
    st.dictionaries(
        st.from_regex(r"[a-z_]{1,20}", fullmatch=True),
        st.from_regex(r"[^\n\r=]{0,20}", fullmatch=True),
    )
)
def test_settings_lines_round_trip(values):
    text = "".join(f"{k}={v}\n" for k, v in values.items())
    assert androidtext.key_values(text) == {k: v.strip() for k, v in values.items()}


@settings(deadline=None)
@given(st.lists(PACKAGE, max_size=5))
def test_component_lists_give_their_apps(packages):
    value = ":".join(f"{p}/{p}.Service" for p in packages) or "null"
    assert androidtext.component_packages(value) == frozenset(packages)


@settings(deadline=None)
@given(
    st.lists(st.tuples(PACKAGE, st.booleans(), st.booleans()), max_size=6, unique_by=lambda t: t[0])
)
def test_a_phone_dump_gives_back_its_apps(apps):
    phone = Phone(
        apps=[
            Pkg(name, installer="null" if hand else "com.android.vending", launcher=icon)
            for name, hand, icon in apps
        ]
    )
    phone.admins = [f"{a.name}/.Admin" for a in phone.apps[:1]]
    phone.owner = f"{phone.apps[-1].name}/.Owner" if phone.apps else None
    dump = phone.package_dump().splitlines()
    assert androidtext.launcher_packages(dump) == {a.name for a in phone.apps if a.launcher}
    listed = dict(androidtext.pm_packages(phone.pm_list()))
    assert listed == {a.name: (None if a.installer == "null" else a.installer) for a in phone.apps}
    admins, owners = androidtext.device_policy(phone.policy_dump().splitlines())
    assert admins == {a.split("/")[0] for a in phone.admins}
    assert owners == ({phone.owner.split("/")[0]} if phone.owner else set())
    assert androidtext.dpm_owners(phone.dpm_owners()) == owners


def test_android_14_lists_enabled_accessibility_services():
    lines = ["User state[", "  Enabled services:{{com.a.b/com.a.b.S}, {com.c.d/.T}}", "]"]
    assert androidtext.enabled_accessibility(lines) == {"com.a.b", "com.c.d"}
    # Older Android prints only installed services: not a sign, so not read as enabled.
    assert (
        androidtext.enabled_accessibility(["installed services: {", "0 : com.a.b/.S", "}"]) is None
    )


def test_sections_keep_only_what_is_wanted():
    text = "DUMP OF SERVICE wifi:\nx\nDUMP OF SERVICE package:\ny\nz\nDUMP OF SERVICE sensors:\nw\n"
    assert androidtext.sections(text.splitlines(), ["package"]) == {"package": ["y", "z"]}


def test_getprop_lines():
    assert androidtext.getprop("[ro.build.version.security_patch]: [2024-01-05]\nnoise\n") == {
        "ro.build.version.security_patch": "2024-01-05"
    }
