#!/usr/bin/env bash
# Validates the XML files of built sites with xmllint (Debian package
# libxml2-utils): each sitemap.xml against the sitemaps.org XSD vendored in
# .ci/schemas/ (see .ci/schemas/README), and every other .xml file (the
# RSS 2.0 feeds) for well-formedness. RSS 2.0 has no official schema: the
# feed validator's rules are the Go test TestFeedsValid (internal/build).
#
# Usage: .ci/validate-xml.sh OUTDIR...   (each built with an absolute -baseurl)
set -euo pipefail
schemas="$(cd "$(dirname "$0")" && pwd)/schemas"
if [ $# -eq 0 ]; then
  echo "usage: $0 OUTDIR..." >&2; exit 2
fi
command -v xmllint >/dev/null || { echo "xmllint not found; apt-get install libxml2-utils" >&2; exit 1; }
for out in "$@"; do
  if [ ! -f "$out/sitemap.xml" ]; then
    echo "$out: no sitemap.xml (was it built with an absolute -baseurl?)" >&2; exit 1
  fi
  xmllint --noout --nonet --schema "$schemas/sitemap.xsd" "$out/sitemap.xml"
  feeds=()
  while IFS= read -r -d '' f; do feeds+=("$f"); done < <(find "$out" -name '*.xml' ! -name sitemap.xml -print0 | sort -z)
  if [ ${#feeds[@]} -eq 0 ]; then
    echo "$out: no feed found" >&2; exit 1
  fi
  xmllint --noout --nonet "${feeds[@]}"
  echo "$out: sitemap.xml valid, ${#feeds[@]} feeds well-formed"
done
