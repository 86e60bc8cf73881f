"""The action plan a meeting ends in: built from findings, rendered as Markdown, HTML or JSON.

``build_plan`` orders the findings and frames them with help in an emergency and where
to get help; ``to_markdown``, ``to_html`` and ``to_data`` render the same plan.
``plan_for`` builds the plan of a saved session.
"""

from hygiene.plan.data import to_data
from hygiene.plan.html import to_html
from hygiene.plan.markdown import to_markdown
from hygiene.plan.model import Plan, build_plan

__all__ = ["Plan", "build_plan", "to_data", "to_html", "to_markdown"]
