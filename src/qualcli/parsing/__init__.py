"""Parsing helpers shared by every awarding-body plugin.

Plugins must not copy parsing code from one another: anything two plugins
need (cleaning text, rejoining wrapped lines, splitting table rows, reading
numbers) lives here.
"""

from qualcli.lazyre import compile_kept as compile_kept  # a pattern built at run time, its program kept between runs
from qualcli.lazyre import lazy_compile as lazy_compile  # module-level patterns, compiled on first use
