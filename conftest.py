"""Root conftest: pytest puts the repository on sys.path before importing it,
and the fixtures below (defined in tests/conftest.py) reach every test folder,
plugins/*/tests included."""

from tests.conftest import corpus, expected, qualcli  # noqa: F401  (shared fixtures)
