#!/usr/bin/env bash
# The run steps of the qualcli GitHub composite action (action.yml at the
# repository root), kept here so that the test suite runs exactly what the
# action runs (tests/test_ci_integrations.py).
#
#   github-action.sh install   pip-install qualcli with every awarding-body plugin
#   github-action.sh lint      lint; write SARIF to INPUT_SARIF_FILE and annotations
#                              to stdout; record exit-code and sarif-file in GITHUB_OUTPUT
#   github-action.sh result    exit with the lint's exit code (0 clean, 1 findings, 2 error)
#
# Inputs come as environment variables, as the action passes them:
#   INPUT_INSTALL        pip requirement(s) to install from [default: this checkout, with all plugins]
#   INPUT_PATHS          files and folders to lint, space-separated [default: .]
#   INPUT_FAIL_ON        error | warning | info [default: warning]
#   INPUT_AS_OF          judge the law as of this date (YYYY-MM-DD) [default: today]
#   INPUT_CONFIG         config file [default: found by walking up]
#   INPUT_CHANGED_SINCE  only files changed since this git ref [default: all]
#   INPUT_SARIF_FILE     where to write SARIF [default: qualcli.sarif]
#   QUALCLI_EXIT_CODE    (result) the code the lint step recorded
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="${PYTHON:-python3}"

uri() {
    "$python" -c 'import pathlib, sys; print(pathlib.Path(sys.argv[1]).as_uri())' "$1"
}

install() {
    if [ -n "${INPUT_INSTALL:-}" ]; then
        read -r -a requirements <<< "$INPUT_INSTALL"
    else  # this checkout: the core with its extra "all", each plugin from its own folder
        requirements=("qualcli[all] @ $(uri "$here")")
        for body in vtct cityandguilds pearson; do
            requirements+=("qualcli-$body @ $(uri "$here/plugins/$body")")
        done
    fi
    "$python" -m pip install --quiet --disable-pip-version-check "${requirements[@]}"
    qualcli --version
}

lint() {
    read -r -a paths <<< "${INPUT_PATHS:-.}"
    options=(--fail-on "${INPUT_FAIL_ON:-warning}")
    [ -n "${INPUT_AS_OF:-}" ] && options+=(--as-of "$INPUT_AS_OF")
    [ -n "${INPUT_CONFIG:-}" ] && options+=(--config "$INPUT_CONFIG")
    [ -n "${INPUT_CHANGED_SINCE:-}" ] && options+=(--changed-since "$INPUT_CHANGED_SINCE")
    sarif="${INPUT_SARIF_FILE:-qualcli.sarif}"
    code=0
    qualcli lint "${paths[@]}" "${options[@]}" --format sarif -o "$sarif" 2>/dev/null || true
    qualcli lint "${paths[@]}" "${options[@]}" --format github || code=$?
    if [ -n "${GITHUB_OUTPUT:-}" ]; then
        { echo "exit-code=$code"; echo "sarif-file=$sarif"; } >> "$GITHUB_OUTPUT"
    fi
    echo "qualcli lint: exit code $code; SARIF in $sarif" >&2
}

result() {
    exit "${QUALCLI_EXIT_CODE:-2}"
}

case "${1:-}" in
    install|lint|result) "$1" ;;
    *) echo "usage: $0 install|lint|result" >&2; exit 2 ;;
esac
