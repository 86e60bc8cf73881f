"""Password strength: a stranger's verdict (zxcvbn) beside someone who knows you (targeted)."""

from hygiene.strength.assessment import Assessment, Targeted, assess, targeted
from hygiene.strength.generic import Generic
from hygiene.strength.verdict import Level, Verdict

__all__ = ["Assessment", "Generic", "Level", "Targeted", "Verdict", "assess", "targeted"]
