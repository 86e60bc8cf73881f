"""Reading an androidqf collection (its output folder, or a zip of it) into a ``Collection``.

androidqf is the collection tool the clinics use; hygiene treats its output only as a file
format (the layout is described in the project's reference on devices) and shares no code
with it. The collection is evidence: it is only ever read, in place or from inside the
zip, and nothing of it is extracted or written anywhere else. An encrypted (``.age``) or
password-protected collection, or one that is damaged or did not finish, is refused with
what to do, never half read.
"""

from __future__ import annotations

import io
import lzma
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path, PurePosixPath
from typing import IO

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from hygiene.errors import InputError, Problem
from hygiene.phone import androidtext
from hygiene.phone.model import App, Collection

AGE_HEADER = b"age-encryption.org/"
LIMITS = {  # the largest file of each kind hygiene reads; real ones are far smaller
    "packages.json": 64 << 20,
    "settings_secure.txt": 8 << 20,
    "settings_global.txt": 8 << 20,
    "settings_system.txt": 8 << 20,
    "root_binaries.json": 1 << 20,
    "dumpsys.txt": 512 << 20,
}
WANTED_SECTIONS = ("accessibility", "device_policy", "package")
_Readable = IO[bytes]


class _Certificate(BaseModel):
    model_config = ConfigDict(extra="ignore")
    Sha1: str = Field(default="", pattern=r"^([0-9A-Fa-f]{40})?$")


class _File(BaseModel):
    model_config = ConfigDict(extra="ignore")
    certificate: _Certificate | None = None


class _Package(BaseModel):
    model_config = ConfigDict(extra="ignore")
    name: str = Field(pattern=androidtext.PACKAGE_RE.pattern, max_length=255)
    installer: str = "null"
    disabled: bool = False
    system: bool = False
    files: list[_File] = []


_PACKAGES = TypeAdapter(list[_Package])


class _Source:
    """The files of one collection, from a folder or from inside a zip, read-only."""

    def __init__(self, path: Path, stack: ExitStack) -> None:
        self.label = path.name
        self.zip: zipfile.ZipFile | None = None
        self.folder: Path | None = None
        self.prefix = ""
        if path.is_dir():
            self.folder = _collection_folder(path)
            return
        _refuse_encrypted_file(path)
        try:
            self.zip = stack.enter_context(zipfile.ZipFile(path))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, OSError, EOFError):
            raise InputError(
                "is not an androidqf folder or a zip of one (or the zip is damaged)",
                source=str(path),
            ) from None
        if any(info.flag_bits & 0x1 for info in infos):
            raise InputError(
                "is a password-protected zip. Unzip it with its password first, then check "
                "the folder.",
                source=str(path),
            )
        self.prefix = _zip_prefix(path, [info.filename for info in infos])

    def size(self, name: str) -> int | None:
        if self.folder is not None:
            file = self.folder / name
            return file.stat().st_size if file.is_file() else None
        assert self.zip is not None
        try:
            return self.zip.getinfo(self.prefix + name).file_size
        except KeyError:
            return None

    def open(self, name: str) -> _Readable:
        if self.folder is not None:
            return (self.folder / name).open("rb")
        assert self.zip is not None
        return self.zip.open(self.prefix + name)

    def read(self, name: str) -> bytes | None:
        """The whole file, or None when the collection does not have it."""
        size = self.size(name)
        if size is None:
            return None
        limit = LIMITS[name]
        with self.open(name) as handle:
            data = self._guarded(name, handle).read(limit + 1) if size <= limit else b""
        if size > limit or len(data) > limit:
            raise InputError(f"{name} is larger than a phone's ever is", source=self.label)
        return data

    def lines(self, name: str) -> Iterator[str] | None:
        if self.size(name) is None:
            return None
        return self._lines(name)

    def _lines(self, name: str) -> Iterator[str]:
        limit, total = LIMITS[name], 0
        with self.open(name) as raw:
            text = io.TextIOWrapper(self._guarded(name, raw), encoding="utf-8", errors="replace")
            for line in text:
                total += len(line)
                if total > limit:
                    raise InputError(f"{name} is larger than a phone's ever is", source=self.label)
                yield line

    def _guarded(self, name: str, handle: _Readable) -> io.BufferedReader:
        return io.BufferedReader(_DamageGuard(handle, name, self.label))


class _DamageGuard(io.RawIOBase):
    """Turns a zip member that fails its checksum or ends early into a plain refusal."""

    def __init__(self, inner: _Readable, name: str, label: str) -> None:
        self.inner, self.name_, self.label = inner, name, label

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        try:
            data = self.inner.read(len(buffer))
        except (
            zipfile.BadZipFile,
            zlib.error,
            lzma.LZMAError,
            EOFError,
            OSError,
            ValueError,
        ) as exc:
            raise InputError(
                f"{self.name_} is damaged inside the collection ({type(exc).__name__}); "
                "copy the collection again from where it was first saved",
                source=self.label,
            ) from None
        buffer[: len(data)] = data
        return len(data)


def _collection_folder(path: Path) -> Path:
    if (path / "packages.json").is_file():
        return path
    inner = [p for p in path.iterdir() if p.is_dir() and (p / "packages.json").is_file()]
    if len(inner) == 1:
        return inner[0]
    if len(inner) > 1:
        raise InputError(
            "holds more than one collection; name one of its folders", source=str(path)
        )
    if (path / "acquisition.json").is_file():
        raise InputError(
            "is an androidqf collection that did not finish: it has no packages.json. "
            "Run androidqf again and let it finish.",
            source=str(path),
        )
    raise InputError(
        "is not an androidqf collection (there is no packages.json in it)", source=str(path)
    )


def _refuse_encrypted_file(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(len(AGE_HEADER))
    except FileNotFoundError:
        raise InputError("no such file or folder", source=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror})", source=str(path)) from None
    if head == AGE_HEADER or path.name.endswith(".age"):
        raise InputError(
            "is an encrypted androidqf collection (.age). Decrypt it first on this computer "
            "with the key that goes with it (age --decrypt -i key.txt -o collection.zip "
            f"{path.name}), then check the zip.",
            source=str(path),
        )


def _zip_prefix(path: Path, names: list[str]) -> str:
    """The folder inside the zip that holds the collection: the top, or one folder down."""
    found = {
        str(PurePosixPath(name).parent)
        for name in names
        if PurePosixPath(name).name == "packages.json" and len(PurePosixPath(name).parts) <= 2
    }
    if len(found) > 1:
        raise InputError("holds more than one collection; zip one of them", source=str(path))
    if not found:
        raise InputError(
            "is not a zip of an androidqf collection, or the collection did not finish "
            "(there is no packages.json in it)",
            source=str(path),
        )
    prefix = found.pop()
    return "" if prefix == "." else prefix + "/"


def read_androidqf(path: Path) -> Collection:
    """The collection at ``path`` (folder or zip), read without writing anything."""
    with ExitStack() as stack:
        source = _Source(path, stack)
        apps = _apps(source)
        settings = {}
        for namespace in ("secure", "global", "system"):
            raw = source.read(f"settings_{namespace}.txt")
            if raw is not None:
                settings[namespace] = androidtext.key_values(raw.decode("utf-8", "replace"))
        secure = settings.get("secure")
        dump_lines = source.lines("dumpsys.txt")
        dump = androidtext.sections(dump_lines, WANTED_SECTIONS) if dump_lines else {}
        accessibility = listeners = None
        if secure is not None:
            accessibility = androidtext.component_packages(
                secure.get("enabled_accessibility_services")
            )
            listeners = androidtext.component_packages(secure.get("enabled_notification_listeners"))
        elif "accessibility" in dump:
            accessibility = androidtext.enabled_accessibility(dump["accessibility"])
        admins = owners = None
        if "device_policy" in dump:
            admins, owners = androidtext.device_policy(dump["device_policy"])
        launchable = None
        if "package" in dump:
            launchable = androidtext.launcher_packages(dump["package"]) or None
        return Collection(
            platform="android",
            source=f"the androidqf collection {path.name}",
            apps=apps,
            settings=settings,
            accessibility=accessibility,
            listeners=listeners,
            admins=admins,
            owners=owners,
            launchable=launchable,
            root_binaries=_root_binaries(source),
            certificates_read=any(app.certificates for app in apps),
        )


def _apps(source: _Source) -> tuple[App, ...]:
    raw = source.read("packages.json")
    assert raw is not None  # the source was refused without it
    try:
        packages = _PACKAGES.validate_json(raw)
    except ValidationError as exc:
        problems = [
            Problem(
                f"packages.json is damaged: {error['msg']}",
                source=source.label,
                where="".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error["loc"])
                or None,
            )
            for error in exc.errors()[:20]
        ]
        raise InputError(problems) from None
    if not packages:
        raise InputError(
            "packages.json lists no apps; every phone has some, so the collection did not "
            "finish. Run androidqf again.",
            source=source.label,
        )
    apps: dict[str, App] = {}
    for package in packages:
        certificates = frozenset(
            file.certificate.Sha1.upper()
            for file in package.files
            if file.certificate is not None and file.certificate.Sha1
        )
        if package.name in apps:  # listed twice (once per user): keep every key seen
            certificates |= apps[package.name].certificates
        installer = package.installer
        known = androidtext.PACKAGE_RE.match(installer) and installer != "null"
        apps[package.name] = App(
            id=package.name,
            installer=installer if known else None,
            system=package.system,
            disabled=package.disabled,
            certificates=certificates,
        )
    return tuple(apps.values())


def _root_binaries(source: _Source) -> tuple[str, ...] | None:
    raw = source.read("root_binaries.json")
    if raw is None:
        return None
    try:
        found = TypeAdapter(list[str]).validate_json(raw)
    except ValidationError:
        raise InputError("root_binaries.json is damaged", source=source.label) from None
    return tuple(path for path in found if path.strip())
