"""Root conftest: pytest puts the repository on sys.path before importing it,
and the fixtures below (defined in tests/conftest.py) reach every test folder,
plugins/*/tests included, as does the session-wide set-up of tests/support/session.py."""

from tests.conftest import corpus, expected, qualcli  # noqa: F401  (shared fixtures)

pytest_plugins = ["tests.support.session"]
