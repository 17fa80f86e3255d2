#!/bin/sh
# Writes knime-api-surface/signatures/knime-5.3-additions.txt from signatures/knime-5.3-additions-request.conf, reading
# the class files of the real KNIME 5.3 bundles with ASM (Maven Central). Then run generate.sh.
#
#   knime-api-surface/generator/extract-additions.sh            # bundles from ../shared/knime-runtime/5.3/bundles
#   KNIME_BUNDLES=/path/to/bundles knime-api-surface/generator/extract-additions.sh
#   knime-api-surface/generator/extract-additions.sh --verify   # re-extract knime-5.3-api.txt's own types (type list
#                                                               # of EXTRACTION.md) and diff them with that list
# Needs a JDK 17 and the Maven wrapper (fetches org.ow2.asm:asm and asm-tree into the local repository if absent;
# set MVN_OFFLINE=-o to stay offline).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
module=$(dirname "$here")
root=$(dirname "$module")
signatures="$module/signatures"
bundles=${KNIME_BUNDLES:-$(cd "$root/.." && pwd)/shared/knime-runtime/5.3/bundles}
asm_version=9.9.1
[ -d "$bundles" ] || { echo "no KNIME 5.3 bundles at $bundles (set KNIME_BUNDLES)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for artifact in asm asm-tree; do
  "$root/mvnw" -q -B ${MVN_OFFLINE:-} -N -f "$root/pom.xml" dependency:copy \
    -Dartifact=org.ow2.asm:$artifact:$asm_version -DoutputDirectory="$work/lib" >/dev/null
done
cp="$work/lib/asm-$asm_version.jar:$work/lib/asm-tree-$asm_version.jar"
javac -cp "$cp" -d "$work/classes" $(find "$here/extractor/src" -name '*.java')
run() {
  java -cp "$cp:$work/classes" org.gfe.knime.surfacegen.extract.ExtractAdditions --bundles "$bundles" "$@"
}

if [ "${1:-}" = "--verify" ]; then
  # the type list is the appendix of EXTRACTION.md (the shared list's own request)
  sed -n '/^## Appendix/,$p' "$signatures/EXTRACTION.md" | sed -n '/^```$/,/^```$/p' | grep -v '^```' > "$work/types.conf"
  run --request "$work/types.conf" --out "$work/base.txt"
  grep -v '^#' "$signatures/knime-5.3-api.txt" > "$work/expected.txt"
  grep -v '^#' "$work/base.txt" > "$work/actual.txt"
  if diff "$work/expected.txt" "$work/actual.txt"; then
    echo "the class files of $bundles give knime-5.3-api.txt line for line"
  else
    echo "knime-5.3-api.txt and the class-file extraction differ (see above)" >&2
    exit 1
  fi
  exit 0
fi

run --base "$signatures/knime-5.3-api.txt" --request "$signatures/knime-5.3-additions-request.conf" \
  --request-name signatures/knime-5.3-additions-request.conf --out "$signatures/knime-5.3-additions.txt"
