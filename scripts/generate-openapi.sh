#!/usr/bin/env bash
# Regenerates the API's server types from the OpenAPI document (Sources/Kabinet/Resources/openapi.yaml) into
# Sources/Kabinet/API/Generated/. The generated files are committed, so neither a build nor CI runs the generator:
# run this after every change of the document and commit the result together with it.
#
# The generator (apple/swift-openapi-generator, the version pinned below) is built in a scratch package outside the
# repository — the first run takes a couple of minutes, later runs reuse it. Set OAPIGEN_DIR to choose that folder.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
GENERATOR_VERSION="1.14.3"
SCRATCH="${OAPIGEN_DIR:-${TMPDIR:-/tmp}/kabinet-oapigen}"
DOCUMENT="$ROOT/Sources/Kabinet/Resources/openapi.yaml"
OUTPUT="$ROOT/Sources/Kabinet/API/Generated"

mkdir -p "$SCRATCH/Sources/Placeholder"
cat > "$SCRATCH/Package.swift" <<SWIFT
// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "kabinet-oapigen",
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-generator.git", exact: "$GENERATOR_VERSION"),
    ],
    targets: [.target(name: "Placeholder")]
)
SWIFT
echo "// The scratch package only exists to build swift-openapi-generator." > "$SCRATCH/Sources/Placeholder/Placeholder.swift"

mkdir -p "$OUTPUT"
rm -f "$OUTPUT"/*.swift
(cd "$SCRATCH" && swift run swift-openapi-generator generate \
    --mode types --mode server \
    --access-modifier internal \
    --naming-strategy idiomatic \
    --output-directory "$OUTPUT" \
    "$DOCUMENT")
echo "Generated into ${OUTPUT#"$ROOT"/}:"
ls "$OUTPUT"
