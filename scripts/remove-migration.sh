#!/usr/bin/env bash
# Removes the last migration of the given modules (default: all six) for both providers:
# the undo of scripts/add-migration.sh, for a migration not yet applied anywhere that matters.
#
#   scripts/remove-migration.sh [Module...]
#
# The design-time connections below name no real database. EF cannot check them for the
# migration, so --force is needed for it to go on (without it, the PostgreSQL removal
# fails); with no real database, --force never reverts anything. Never remove a migration a
# shared or production database has applied: add a new one that undoes it.
set -euo pipefail

all_modules=(Users Clubs Events Venues Certificates Aicte)
modules=("$@")
if [[ ${#modules[@]} -eq 0 ]]; then
  modules=("${all_modules[@]}")
fi
for module in "${modules[@]}"; do
  if [[ ! " ${all_modules[*]} Integration " =~ " ${module} " ]]; then
    echo "unknown module '$module' (modules: ${all_modules[*]})" >&2
    exit 2
  fi
done

cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build src/Host --nologo -v quiet
export Database__MigrateOnStart=false

remove() {
  local module="$1" folder="$2"
  echo "== $module: remove last ($folder)"
  local project="src/Modules/$module"
  [[ "$module" == Integration ]] && project=src/Host   # the platform's outbox context
  dotnet ef migrations remove --force \
    --project "$project" \
    --startup-project src/Host \
    --context "${module}${folder}DbContext" \
    --no-build
}

for module in "${modules[@]}"; do
  Database__Provider=sqlite ConnectionStrings__Default="Data Source=design-time.db" remove "$module" Sqlite
  Database__Provider=postgres ConnectionStrings__Default="Host=design-time.invalid;Database=certifytrack" remove "$module" Postgres
done
