#!/usr/bin/env bash
# Publishes dist/ to an S3 bucket served by CloudFront.
#   BUCKET=my-notes-bucket DISTRIBUTION_ID=E123ABC deploy/s3-cloudfront.sh
# Cache: files with a content hash in their name (dist/_astro/, and Pagefind's index chunks) never
# change, so they are cached for a year; HTML and the few unhashed files are revalidated on every visit.
set -euo pipefail
: "${BUCKET:?set BUCKET}" "${DISTRIBUTION_ID:?set DISTRIBUTION_ID}"
cd "$(dirname "$0")/.."

LONG="public, max-age=31536000, immutable"
SHORT="public, max-age=0, must-revalidate"

# 1. Hashed assets: long-lived.
aws s3 sync dist/_astro "s3://$BUCKET/_astro" --cache-control "$LONG" --delete
aws s3 sync dist/pagefind "s3://$BUCKET/pagefind" --cache-control "$LONG" --delete \
  --exclude "*" --include "*/*" --include "*.pf_meta" --include "wasm.*"
# Pagefind's WebAssembly (wasm.<language>.pagefind) is served as application/wasm.
aws s3 cp dist/pagefind "s3://$BUCKET/pagefind" --recursive --exclude "*" --include "wasm.*" \
  --content-type application/wasm --cache-control "$LONG" --metadata-directive REPLACE
# Pagefind's entry files keep their names between builds: short-lived.
aws s3 sync dist/pagefind "s3://$BUCKET/pagefind" --cache-control "$SHORT" \
  --exclude "*" --include "*.js" --include "*.css" --include "pagefind-entry.json"

# 2. Everything else (HTML, sitemap, icons, search vocabulary): short-lived.
aws s3 sync dist "s3://$BUCKET" --cache-control "$SHORT" --delete --exclude "_astro/*" --exclude "pagefind/*"

# 3. Let readers see the new HTML now.
aws cloudfront create-invalidation --distribution-id "$DISTRIBUTION_ID" --paths "/*"
