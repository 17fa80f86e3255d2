#!/bin/sh
# Regenerates knime-api-surface/src/main/java and signatures/{extra-types,surface-supplements}.txt from the shared 5.3
# list and the project's additions (signatures/knime-5.3-additions.txt, written by extract-additions.sh).
# Needs only a JDK 17 (the JDK the surface compiles against: JDK supertypes are read by reflection).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
module=$(dirname "$here")
classes=$(mktemp -d)
trap 'rm -rf "$classes"' EXIT
javac -d "$classes" $(find "$here/src" -name '*.java')
java -cp "$classes" org.gfe.knime.surfacegen.GenerateSurface "$module/src/main/java" "$module/signatures" \
  "$module/signatures/knime-5.3-api.txt" "$module/signatures/knime-5.3-additions.txt"
