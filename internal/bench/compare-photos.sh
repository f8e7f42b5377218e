#!/usr/bin/env bash
# compare-photos.sh: resize the same phone photos with Loa and with Hugo,
# and weigh what a phone downloads from Loa's pages.
#
# usage: internal/bench/compare-photos.sh WORKDIR [PHOTOS] [RUNS]
#   WORKDIR  scratch folder, kept between runs (the corpus is made once)
#   PHOTOS   phone photos, 4000×3000 with EXIF orientation and GPS (default 200)
#   RUNS     counted runs of each measurement (default 3)
# env:
#   HUGO     Hugo binary (default: hugo on PATH); the baseline is v0.166.0:
#              CGO_ENABLED=0 GOTOOLCHAIN=go1.27.3 GOFLAGS=-mod=mod go install github.com/gohugoio/hugo@v0.166.0
#   LOA      Loa binary (default: built from this checkout into WORKDIR/loa)
#
# What is measured, each run a whole process under GNU time (wall, peak RSS):
#   loa first    loa build of the 1,000-article synthetic portal with PHOTOS
#                photos (go run ./internal/bench/corpus -n 1000 -photos PHOTOS),
#                empty cache and empty output
#   loa cached   the same build again with the cache kept (.loa-cache)
#   loa none     the same portal without its photos (image:/alt: lines and
#                static/anh/ removed): what "as fast as without photos" means
#   hugo first   Hugo building one page per photo (a page bundle) whose
#                template makes what Loa makes of each photo: the 360, 720,
#                1080 and 1600 px widths in WebP (q72) and JPEG (q78), upright
#                (images.AutoOrient), and a 1200×630 JPEG card, with
#                resources/_gen/ and the output emptied
#   hugo cached  the same with resources/_gen/ kept
# and, from Loa's output, the bytes of images a 360 px phone (DPR 2 and 3)
# downloads for the home page and for the article page of the first photo.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=${1:?usage: compare-photos.sh WORKDIR [PHOTOS] [RUNS]}
photos=${2:-200}
runs=${3:-3}
hugo=${HUGO:-hugo}
mkdir -p "$work"
work=$(cd "$work" && pwd)
site=$work/loa-site-$photos bare=$work/loa-bare-$photos hsite=$work/hugo-site-$photos
logs=$work/logs-$photos
mkdir -p "$logs"

loa=${LOA:-$work/loa}
if [ -z "${LOA:-}" ]; then (cd "$repo" && go build -o "$loa" ./cmd/loa); fi

if [ ! -d "$site/static/anh" ]; then
  rm -rf "$site"
  (cd "$repo" && go run ./internal/bench/corpus -n 1000 -seed 1 -out "$site" -photos "$photos")
fi
if [ ! -d "$bare" ]; then
  cp -r "$site" "$bare"
  rm -rf "$bare/static/anh" "$bare/.loa-cache"
  grep -rlE '^image: anh/' "$bare/content" | xargs sed -i -E '/^(image|alt): /d'
fi
if [ ! -d "$hsite" ]; then
  mkdir -p "$hsite/layouts/_default" "$hsite/content/anh"
  cat > "$hsite/hugo.toml" <<'TOML'
baseURL = "https://example.org/"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[imaging]
quality = 78
TOML
  cat > "$hsite/layouts/_default/single.html" <<'HTML'
{{ with .Resources.GetMatch "*.jpg" }}{{ $src := . }}<picture>
{{ $webp := slice }}{{ $jpg := slice }}
{{ range slice 360 720 1080 1600 }}
{{ $w := (images.Filter (slice images.AutoOrient (images.Process (printf "resize %dx webp q72" .))) $src) }}
{{ $j := (images.Filter (slice images.AutoOrient (images.Process (printf "resize %dx jpg q78" .))) $src) }}
{{ $webp = $webp | append (printf "%s %dw" $w.RelPermalink $w.Width) }}{{ $jpg = $jpg | append (printf "%s %dw" $j.RelPermalink $j.Width) }}
{{ end }}
{{ $card := images.Filter (slice images.AutoOrient (images.Process "fill 1200x630 center jpg q78")) $src }}
<source type="image/webp" srcset="{{ delimit $webp ", " }}"><img srcset="{{ delimit $jpg ", " }}" alt="" data-card="{{ $card.RelPermalink }}"></picture>{{ end }}
HTML
  echo '{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}' > "$hsite/layouts/_default/list.html"
  for f in "$site"/static/anh/*.jpg; do
    b=$(basename "$f" .jpg)
    mkdir -p "$hsite/content/anh/$b"
    printf -- '---\ntitle: "%s"\n---\n' "$b" > "$hsite/content/anh/$b/index.md"
    cp "$f" "$hsite/content/anh/$b/"
  done
fi

measure() { # name command...
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$logs/$name.time" "$@" > "$logs/$name.out" 2>&1
  read -r wall kb < "$logs/$name.time"
  echo "$name $wall $kb" | tee -a "$logs/results"
}
: > "$logs/results"
for i in $(seq "$runs"); do
  rm -rf "$site/.loa-cache" "$work/loa-out" "$work/.loa-out.loa-prev"
  measure loa-first "$loa" build -source "$site" -out "$work/loa-out" -baseurl https://example.org/
  rm -rf "$work/loa-out" "$work/.loa-out.loa-prev"
  measure loa-cached "$loa" build -source "$site" -out "$work/loa-out" -baseurl https://example.org/
  rm -rf "$work/loa-bare-out" "$work/.loa-bare-out.loa-prev"
  measure loa-none "$loa" build -source "$bare" -out "$work/loa-bare-out" -baseurl https://example.org/
  rm -rf "$hsite/resources" "$hsite/public"
  measure hugo-first "$hugo" --source "$hsite" --quiet
  rm -rf "$hsite/public"
  measure hugo-cached "$hugo" --source "$hsite" --quiet
done
echo "medians (wall s, peak RSS MB):"
for name in loa-first loa-cached loa-none hugo-first hugo-cached; do
  grep "^$name " "$logs/results" | awk '{print $2, $3}' | sort -n | awk -v n="$name" '{w[NR]=$1; m[NR]=$2} END {i=int((NR+1)/2); printf "%-12s %8.2f s %8.0f MB\n", n, w[i], m[i]/1024}'
done
first=$(grep -l 'image: anh/anh-0001.jpg' -r "$site/content" | head -1)
page=${first#"$site/content/"}; page=${page%.md}/index.html
for dpr in 2 3; do
  (cd "$repo" && go run ./internal/bench/photos/weigh -out "$work/loa-out" -dpr "$dpr" -v index.html "$page")
done
