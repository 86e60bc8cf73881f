"""Personal facts: what the other person knows about the person, and the tokens it turns into."""

from hygiene.facts.load import load_facts
from hygiene.facts.model import Fact, FactKind, Facts, Token

__all__ = ["Fact", "FactKind", "Facts", "Token", "load_facts"]
