"""How every string from a file or a person leaves hygiene: one escaping rule per format.

A label, note, title, user name or URL may have been planted by the other person. On its
way out it is escaped for where it goes: control characters and escape sequences are
shown visibly (``\\x1b``) instead of being sent, Markdown carries no live image, link,
HTML or table break, and HTML is escaped. ``hygiene.cli.render`` also guards the
terminal streams with the same rule, so nothing a command prints can reach the terminal
raw.
"""

from hygiene.render.escape import html_text, json_safe, markdown_text, visible, visible_lines

__all__ = ["html_text", "json_safe", "markdown_text", "visible", "visible_lines"]
