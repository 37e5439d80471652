"""Errors a user can cause. The CLI turns each into one line and exit code 2."""

from __future__ import annotations


class QualcliError(Exception):
    """A problem with the user's input or invocation (exit code 2).

    ``path`` names the file concerned, when there is one; the message says what
    is wrong with it in one line.
    """

    exit_code = 2

    def __init__(self, message: str, path: str | None = None):
        super().__init__(message)
        self.path = path
        self.message = message

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class UnreadableDocument(QualcliError):
    """The file could not be read as the format its name claims."""


class UnrecognisedDocument(QualcliError):
    """No parser was sure enough that the document is theirs."""


class NoParserInstalled(UnrecognisedDocument):
    """No awarding-body plugin is installed, so no document can be parsed."""

    def __init__(self) -> None:
        super().__init__("no awarding-body plugin installed — pip install 'qualcli[all]' "
                         "(or one body: qualcli[vtct], qualcli[cityandguilds], qualcli[pearson])")
