"""Readers for password-manager exports, one module per product family.

``open_export(path, layout_name)`` detects the layout (or takes the one named) and
streams the file as ``Entry`` logins and ``Skipped`` rows; see ``interface`` for the
records and ``registry`` for the list of layouts.
"""
