"""qualcli plugin entry point: registers the City & Guilds handbook parser."""

from __future__ import annotations

from qualcli.api import hookimpl


class CityAndGuildsParser:
    """Parses City & Guilds qualification handbooks (text, Markdown, HTML, DOCX, PDF)."""

    name = "cityandguilds"
    body = "cityandguilds"
    formats = ("txt", "md", "pdf", "docx", "html")

    def confidence(self, source):
        """How sure we are that ``source`` is a City & Guilds handbook."""
        from qualcli_cityandguilds.recognise import confidence

        return confidence(source)

    def parse(self, source):
        """The handbook as a SpecDocument."""
        from qualcli_cityandguilds.handbook import parse_handbook

        return parse_handbook(source)


@hookimpl
def register_parsers(register):
    register(CityAndGuildsParser())
