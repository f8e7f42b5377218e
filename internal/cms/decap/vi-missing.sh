#!/bin/sh
# vi-missing.sh prints, as JSON by key path, the English phrases of Decap
# CMS that its Vietnamese lacks (Decap shows them in English). Run it after
# update.sh with the decap-cms-locales version that decap-cms-app depends on
# (npm view decap-cms-app@X.Y.Z dependencies), into
# internal/cms/testdata/decap-vi-missing.json; TestVietnameseComplete then
# says which strings internal/cms/vi.js must add or drop.
#
#   sh internal/cms/decap/vi-missing.sh 3.8.2 >internal/cms/testdata/decap-vi-missing.json
set -eu
VERSION=${1:?decap-cms-locales version}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "decap-cms-locales@$VERSION" >/dev/null && tar -xzf decap-cms-locales-*.tgz)
for l in en vi; do cp "$tmp/package/src/$l/index.js" "$tmp/$l.mjs"; done
cd "$tmp" && node --input-type=module -e '
import en from "./en.mjs";
import vi from "./vi.mjs";
const out = {};
(function walk(e, v, p) {
  for (const k of Object.keys(e)) {
    const key = p ? p + "." + k : k;
    if (typeof e[k] === "object") walk(e[k], (v || {})[k], key);
    else if (!v || v[k] === undefined) out[key] = e[k];
  }
})(en, vi, "");
console.log(JSON.stringify(out, null, 1));
'
