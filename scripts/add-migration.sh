#!/usr/bin/env bash
# Adds an EF Core migration for both database providers (SQLite and PostgreSQL).
#
#   scripts/add-migration.sh <Name> [Module...]
#
# Modules default to all six. Each module gets two migrations, one per provider-specific
# context, in src/Modules/<Module>/Migrations/{Sqlite,Postgres}. `Integration` is the
# platform's outbox context (src/Host/Integration/Migrations/...); name it explicitly. The host is the startup
# project; at design time it only builds its service provider (EF stops it at Build()),
# so nothing is migrated or served. No database is contacted.
set -euo pipefail

all_modules=(Users Clubs Events Venues Certificates Aicte)

if [[ $# -lt 1 || "$1" == -* ]]; then
  echo "usage: $0 <MigrationName> [Module...]   (modules: ${all_modules[*]})" >&2
  exit 2
fi

name="$1"
shift
if [[ ! "$name" =~ ^[A-Z][A-Za-z0-9]*$ ]]; then
  echo "migration name '$name' must be PascalCase letters and digits" >&2
  exit 2
fi

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

# One build; every `dotnet ef` call below reuses it. Each migration reads only its own
# context's snapshot, so migrations added earlier in this run need not be compiled.
dotnet build src/Host --nologo -v quiet

# The namespace follows from --output-dir: CertifyTrack.Modules.<Module>.Migrations.<Provider>.
# (Passing --namespace makes EF 10 put a new model snapshot in a folder per namespace part.)

# Design-time configuration only: never a real database.
export Database__MigrateOnStart=false

add() {
  local module="$1" provider="$2" folder="$3"
  echo "== $module: $name ($folder)"
  local project="src/Modules/$module" output="Migrations/$folder"
  if [[ "$module" == Integration ]]; then
    project=src/Host output="Integration/Migrations/$folder"
  fi
  dotnet ef migrations add "$name" \
    --project "$project" \
    --startup-project src/Host \
    --context "${module}${folder}DbContext" \
    --output-dir "$output" \
    --no-build
}

for module in "${modules[@]}"; do
  Database__Provider=sqlite ConnectionStrings__Default="Data Source=design-time.db" \
    add "$module" sqlite Sqlite
  Database__Provider=postgres ConnectionStrings__Default="Host=design-time.invalid;Database=certifytrack" \
    add "$module" postgres Postgres
done

echo "Added '$name' for: ${modules[*]}. Review the files, then build and run the tests."
echo "To undo: scripts/remove-migration.sh ${modules[*]}"
