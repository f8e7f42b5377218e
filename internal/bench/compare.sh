#!/usr/bin/env bash
# compare.sh: build the same synthetic Vietnamese portal with Hugo and with
# Loa, alternating, and print the medians and the Loa/Hugo ratios.
#
# usage: internal/bench/compare.sh WORKDIR [N] [RUNS]
#   WORKDIR  scratch folder; WORKDIR/{hugo,loa}-N and WORKDIR/{hugo,loa}-public-N are replaced
#   N        topic articles (default 1000; plus 5% Q&A and 25% unit news)
#   RUNS     counted runs of each tool (default 3), after one warm-up run of each
# env:
#   HUGO     Hugo binary (default: hugo on PATH). The baseline is v0.166.0:
#              CGO_ENABLED=0 GOTOOLCHAIN=go1.27.3 GOFLAGS=-mod=mod go install github.com/gohugoio/hugo@v0.166.0
#            (Debian's hugo package is the older 0.111.)
#   LOA      Loa binary (default: built from this checkout into WORKDIR/loa)
#   SEED     corpus seed (default 1)
#   GEN      python (default): ../shared/bench/gencorpus.py makes both trees;
#            go: go run ./internal/bench/corpus makes both (byte-identical, faster)
#   SHARED   folder holding gencorpus.py and hugo-site/ (default: ../shared/bench
#            beside this repository)
#   FRESH    1: delete both outputs before every run (untimed), so that each
#            tool writes into an empty folder, as on a CI runner with a
#            clean clone. Default: each tool builds over its own previous
#            output, as on an editor's machine (Hugo overwrites its files;
#            Loa starts from the output it kept, .loa-public-N.loa-prev).
#
# What is compared:
#   Hugo: SHARED/hugo-site with the corpus from `gencorpus.py --n N --seed SEED`
#         (topics at content/<topic>/), built with
#         hugo --source S --destination D --minify --quiet --cleanDestinationDir
#   Loa:  the same text from `gencorpus.py --layout loa` (topics under
#         content/chu-de/<topic>/, no date after 2026-11-20), built with
#         loa build -source S -out D -baseurl https://example.org/
#   Both trees hold the same pages with the same words; only the folders of
#   the topic articles and the date range differ (see gencorpus.py --layout).
#
# Each run is a whole process timed with GNU time -v (wall, user+sys CPU and
# the peak RSS of the largest process); the full reports stay in
# WORKDIR/logs-N/. Round i runs Hugo then Loa when i is odd and Loa then
# Hugo when it is even, so that neither always runs on a warmer machine.
# The machine should be otherwise idle; on a shared VM expect ±30% between
# runs and compare only figures taken in the same session.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=${1:?usage: compare.sh WORKDIR [N] [RUNS]}
n=${2:-1000}
runs=${3:-3}
seed=${SEED:-1}
gen=${GEN:-python}
shared=${SHARED:-$repo/../shared/bench}
hugo=${HUGO:-hugo}

mkdir -p "$work"
work=$(cd "$work" && pwd)
hsite="$work/hugo-$n" lsite="$work/loa-$n"
hout="$work/hugo-public-$n" lout="$work/loa-public-$n"
logs="$work/logs-$n"
rm -rf "$hsite" "$lsite" "$hout" "$lout" "$logs"
mkdir -p "$lsite" "$logs"
cp -r "$shared/hugo-site" "$hsite"

echo "== corpus: N=$n seed=$seed ($gen generator)"
case $gen in
python)
  python3 "$shared/gencorpus.py" --n "$n" --seed "$seed" --out "$hsite"
  python3 "$shared/gencorpus.py" --n "$n" --seed "$seed" --out "$lsite" --layout loa
  ;;
go)
  (cd "$repo" && go run ./internal/bench/corpus -n "$n" -seed "$seed" -out "$hsite" -layout hugo -clean)
  (cd "$repo" && go run ./internal/bench/corpus -n "$n" -seed "$seed" -out "$lsite" -layout loa -documents -1)
  ;;
*)
  echo "compare.sh: GEN=$gen: want python or go" >&2
  exit 2
  ;;
esac

if [ -z "${LOA:-}" ]; then
  LOA="$work/loa"
  (cd "$repo" && go build -o "$LOA" ./cmd/loa)
fi
echo "== tools"
"$hugo" version
echo "loa: $LOA (built from $(cd "$repo" && git describe --always --dirty 2>/dev/null || echo "$repo"))"
echo "go: $(go version 2>/dev/null || echo none); CPUs: $(nproc)"

# run TOOL ROUND: one timed build; appends "tool round wall user sys rss_kb" to results.
run() {
  local tool=$1 round=$2 log="$logs/$1-$2.txt"
  if [ "${FRESH:-0}" = 1 ]; then
    case $tool in
    hugo) rm -rf "$hout" ;;
    loa) rm -rf "$lout" "$(dirname "$lout")/.$(basename "$lout").loa-prev" ;;
    esac
    sync
    sleep 5 # let the file system finish freeing the deleted blocks
  fi
  case $tool in
  hugo) /usr/bin/time -v -o "$log" "$hugo" --source "$hsite" --destination "$hout" --minify --quiet --cleanDestinationDir >/dev/null ;;
  loa) /usr/bin/time -v -o "$log" "$LOA" build -source "$lsite" -out "$lout" -baseurl https://example.org/ >/dev/null ;;
  esac
  awk -v tool="$tool" -v round="$round" -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = (n == 3) ? p[1]*3600 + p[2]*60 + p[3] : p[1]*60 + p[2] }
    /User time \(seconds\)/ { user = $2 }
    /System time \(seconds\)/ { sys = $2 }
    /Maximum resident set size/ { rss = $2 }
    END { printf "%s %s %.2f %.2f %.2f %d\n", tool, round, wall, user, sys, rss }' "$log" | tee -a "$logs/results.txt"
}

echo "== runs: tool round wall_s user_s sys_s maxrss_kb (round 0 is the warm-up, twice)"
run hugo 0
run loa 0
run hugo 0
run loa 0
for i in $(seq 1 "$runs"); do
  if [ $((i % 2)) -eq 1 ]; then run hugo "$i"; run loa "$i"; else run loa "$i"; run hugo "$i"; fi
done

python3 - "$logs/results.txt" "$hout" "$lout" "$n" <<'EOF'
import os, statistics, sys
results, outs, n = sys.argv[1], {"hugo": sys.argv[2], "loa": sys.argv[3]}, int(sys.argv[4])
rows = [l.split() for l in open(results) if l.strip()]
med = {}
for tool in ("hugo", "loa"):
    rs = [list(map(float, r[2:])) for r in rows if r[0] == tool and r[1] != "0"]
    walls = [r[0] for r in rs]
    med[tool] = dict(wall=statistics.median(walls), lo=min(walls), hi=max(walls),
                     cpu=statistics.median(r[1] + r[2] for r in rs),
                     rss=statistics.median(r[3] for r in rs) / 1024, runs=len(rs))
    files = html = size = 0
    for d, _, fs in os.walk(outs[tool]):
        for f in fs:
            files += 1
            html += f.endswith(".html")
            size += os.path.getsize(os.path.join(d, f))
    med[tool].update(files=files, html=html, size=size / 2**20)
print("\n== N=%d, %s: medians of %d runs (min-max wall)" % (n, "fresh output folders" if os.environ.get("FRESH") == "1" else "over the previous output", med["hugo"]["runs"]))
print("%-5s %18s %8s %10s %7s %7s %9s %10s" % ("tool", "wall s", "CPU s", "peak MiB", "files", "html", "out MiB", "html/s"))
for tool, m in med.items():
    print("%-5s %6.2f (%.2f-%.2f) %8.2f %10.0f %7d %7d %9.1f %10.0f" % (
        tool, m["wall"], m["lo"], m["hi"], m["cpu"], m["rss"], m["files"], m["html"], m["size"], m["html"] / m["wall"]))
h, l = med["hugo"], med["loa"]
print("loa/hugo: wall %.3f, CPU %.3f, peak RSS %.3f (issue 7 targets: wall <= 0.25, RSS <= 0.33)"
      % (l["wall"] / h["wall"], l["cpu"] / h["cpu"], l["rss"] / h["rss"]))
EOF
