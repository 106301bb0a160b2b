#!/usr/bin/env bash
# The body of the GitHub Action (action.yml), kept as a script so it can be tested and
# used on other runners: checks INPUT_PATHS, writes SARIF, appends a Markdown summary to
# $GITHUB_STEP_SUMMARY, prints annotations, and exits with the checker's code.
set -uo pipefail

checker="${AGREEMENT_CHECK:-agreement-check}"
sarif="${INPUT_SARIF_FILE:-agreement-check.sarif}"
summary_tmp="$(mktemp)"
trap 'rm -f "$summary_tmp"' EXIT

read -r -a paths <<< "${INPUT_PATHS:-.}"
# the n-th --output goes with the n-th --format; the last format, without one, goes to stdout
args=(check --quiet --pack "${INPUT_PACK:-auto}" --fail-on "${INPUT_FAIL_ON:-error}"
      --format sarif --output "$sarif"
      --format markdown --output "$summary_tmp"
      --format github)
if [ -n "${INPUT_BASELINE:-}" ]; then
  args+=(--baseline "$INPUT_BASELINE")
fi

"$checker" "${args[@]}" -- "${paths[@]}"
code=$?

if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ -s "$summary_tmp" ]; then
  cat "$summary_tmp" >> "$GITHUB_STEP_SUMMARY"
fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  { echo "sarif-file=$sarif"; echo "exit-code=$code"; } >> "$GITHUB_OUTPUT"
fi
exit "$code"
