"""The action plan a meeting ends in: built from findings, rendered as Markdown, HTML or JSON.

``build_plan`` merges the findings into items, one per problem, orders them, and frames
them with help in an emergency and where to get help; ``to_markdown``, ``to_html`` and
``to_data`` render the same plan. ``plan_of`` (in ``saved``) builds a saved session's.
"""

from hygiene.plan.data import to_data
from hygiene.plan.html import to_html
from hygiene.plan.items import Item, Step
from hygiene.plan.markdown import to_markdown
from hygiene.plan.model import Plan, build_plan

__all__ = ["Item", "Plan", "Step", "build_plan", "to_data", "to_html", "to_markdown"]
