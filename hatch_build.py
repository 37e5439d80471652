"""Build hook: the extras that pull the awarding-body plugins, pinned to qualcli's own version.

``pip install "qualcli[all]"`` installs the three plugin distributions at the
version of the core (all four are versioned together, from
``src/qualcli/__init__.py``), as Apache Airflow's extras pull its providers.
"""

from hatchling.metadata.plugin.interface import MetadataHookInterface

BODIES = ("vtct", "cityandguilds", "pearson")


class PluginExtras(MetadataHookInterface):
    """Sets ``optional-dependencies``: one extra per body, and ``all``."""

    def update(self, metadata: dict) -> None:
        """Add the extras to the project metadata."""
        pins = {body: f"qualcli-{body}=={metadata['version']}" for body in BODIES}
        metadata["optional-dependencies"] = {**{body: [pin] for body, pin in pins.items()}, "all": list(pins.values())}
