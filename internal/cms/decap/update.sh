#!/bin/sh
# update.sh fetches Decap CMS from npm into this folder, which Loa embeds
# (package cms, cms.go) and publishes at /quan-tri/. The tarball's SHA-512 must be
# the one npm publishes and the one written below: change VERSION and
# INTEGRITY together, after reading the release notes.
#
#   sh internal/cms/decap/update.sh   # from the repository root; needs npm and tar
set -eu
VERSION=3.16.3
INTEGRITY=sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwUYhUJDYtYw==

dir=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "decap-cms@$VERSION" >/dev/null)
tgz="$tmp/decap-cms-$VERSION.tgz"
got="sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 | tr -d '\n')"
if [ "$got" != "$INTEGRITY" ]; then
	echo "decap-cms-$VERSION.tgz: SHA-512 is $got, want $INTEGRITY" >&2
	exit 1
fi
tar -xzf "$tgz" -C "$tmp"
rm -f "$dir"/*.js "$dir"/*.wasm "$dir"/decap-cms.js.LICENSE.txt
# The browser loads decap-cms.js, which loads its numbered chunks and the
# WebP encoder (.wasm) from the same folder. cms.js is a copy under
# another name, and the source maps are for Decap's own developers.
for f in "$tmp"/package/dist/*; do
	case "$(basename "$f")" in
	cms.*|*.map) ;;
	decap-cms.js|*.decap-cms.js|*.wasm|decap-cms.js.LICENSE.txt) cp "$f" "$dir/" ;;
	esac
done
echo "$VERSION" >"$dir/VERSION"
echo "decap-cms $VERSION: $(ls "$dir"/*.js | wc -l) scripts, $(cat "$dir"/*.js "$dir"/*.wasm | wc -c) bytes"
