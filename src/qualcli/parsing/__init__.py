"""Parsing helpers shared by every awarding-body plugin.

Plugins must not copy parsing code from one another: anything two plugins
need (cleaning text, rejoining wrapped lines, splitting table rows, reading
numbers) lives here.
"""
