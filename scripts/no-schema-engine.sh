#!/bin/sh
# Stands in for Prisma's schema-engine binary, which cannot be downloaded on every
# machine: `prisma generate` only checks that the file exists. Migrations are applied by
# `patchwatch migrate` (lib/db/migrate.ts) instead of `prisma migrate`.
echo "Patchwatch applies migrations itself: run 'npx patchwatch migrate'." >&2
exit 1
