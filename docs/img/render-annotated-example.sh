#!/usr/bin/env bash
# Rebuild docs/img/annotated-example.png: a sample agreement marked up by the checker,
# converted to PDF by LibreOffice with the comments in the margin, and rendered to PNG.
# Needs LibreOffice and pdftoppm. Comments go in the margin where LibreOffice can export them
# so (the ExportNotesInMargin option); LibreOffice 7.4 lacks it and 25.2 fails with it on
# any document that has comments when run without a desktop, so the script falls back to
# the ordinary export, which shows each comment as a marker beside its text.
set -euo pipefail
cd "$(dirname "$0")/../.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
.venv/bin/agreement-check check samples/youth-outreach-sla.docx --annotate "$work" --suggest-edits \
  --quiet --fail-on never > /dev/null
convert() {
  soffice --headless --norestore "-env:UserInstallation=file://$work/profile" \
    --convert-to "$1" --outdir "$work/pdf" "$work/youth-outreach-sla.docx" > /dev/null 2>&1 || true
}
convert 'pdf:writer_pdf_Export:{"ExportNotesInMargin":{"type":"boolean","value":"true"}}'
[ -s "$work/pdf/youth-outreach-sla.pdf" ] || convert pdf
pdftoppm -png -r 110 -f 1 -l 1 "$work/pdf/youth-outreach-sla.pdf" "$work/page"
cp "$work/page-1.png" docs/img/annotated-example.png
echo "docs/img/annotated-example.png rebuilt"
