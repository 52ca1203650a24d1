"""The one decoder of a ``--profile`` value: "auto", a built-in name, or a playbook path.

The pipeline (which profile judges a contract), the batch workers (what each
process judges with) and the rerun state (what decides a document's results)
all need the same answer; each decoding the string on its own had already
drifted (a name in one place, a loaded playbook in another, a path hash in a
third). ``resolve`` decodes it once, loads and validates a playbook before any
work, and says which TOML files' bytes stand behind the choice.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from clauses.errors import ConfigError
from clauses.profiles import BUILT_IN, PROFILE_DIR, Profile, load_profile

__all__ = ["AUTO", "ResolvedProfile", "resolve"]

AUTO = "auto"


@dataclass(frozen=True)
class ResolvedProfile:
    """A decoded --profile value.

    ``profile`` is None for "auto": each contract is judged with the built-in
    profile of its inferred type. ``given`` says how the user named it, for the
    reason a report shows ("profile" for a built-in name, "playbook" for a file).
    """

    spec: str
    name: str  # "auto", a built-in name, or the playbook's absolute path
    profile: Profile | None
    sources: tuple[Path, ...]  # the TOML files whose bytes decide the results
    given: str = "profile"

    @property
    def auto(self) -> bool:
        return self.profile is None

    def reason(self) -> str:
        """Why this profile judges the contract, when the user chose it."""
        if self.profile is None:
            raise ValueError("an automatic profile has no fixed reason")
        return f"{self.given} {self.profile.name!r} given by the user"

    def identity(self) -> dict[str, str]:
        """Name and SHA-256 of the TOML bytes behind it: what a rerun compares."""
        digest = hashlib.sha256()
        for source in self.sources:
            try:
                digest.update(source.read_bytes())
            except OSError as exc:
                raise ConfigError(f"{source}: cannot read profile: {exc.strerror or exc}") from exc
        return {"name": self.name, "sha256": digest.hexdigest()}


def resolve(spec: str | Profile | ResolvedProfile) -> ResolvedProfile:
    """Decode ``spec``; raises ConfigError for an unknown name or a bad playbook, before any work."""
    if isinstance(spec, ResolvedProfile):
        return spec
    if isinstance(spec, Profile):  # a playbook the caller loaded itself (tests, the library API)
        return ResolvedProfile(spec.name, spec.name, spec, (), given="playbook")
    if spec == AUTO:
        return ResolvedProfile(AUTO, AUTO, None, tuple(PROFILE_DIR / f"{name}.toml" for name in BUILT_IN))
    if spec in BUILT_IN:
        return ResolvedProfile(spec, spec, load_profile(spec), (PROFILE_DIR / f"{spec}.toml",))
    profile = load_profile(spec)  # a playbook path, or a ConfigError naming the choices
    path = Path(spec)
    return ResolvedProfile(spec, str(path.resolve()), profile, (path,), given="playbook")
