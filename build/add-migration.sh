#!/usr/bin/env bash
# Creates one EF Core migration for a module, for both providers:
#   build/add-migration.sh <Module> <Name>      e.g. build/add-migration.sh Forms AddFormDesigns
# Output: modules/<Module>/BaoCao.<Module>/Persistence/Migrations/{Sqlite,PostgreSql}/
# No database is needed: the PostgreSQL connection string below is only read, never opened.
# tests/BaoCao.Tests/Foundation/MigrationTests.cs holds every module to the names and folders used here
# (and fails with this command when a model change has no migration): change both together.
set -euo pipefail
module=${1:?usage: build/add-migration.sh <Module> <Name>}
name=${2:?usage: build/add-migration.sh <Module> <Name>}
root=$(cd "$(dirname "$0")/.." && pwd)
project="$root/modules/$module/BaoCao.$module/BaoCao.$module.csproj"
[ -f "$project" ] || { echo "no module '$module' (expected $project)" >&2; exit 2; }

tools="$root/build/.tools"
if [ ! -x "$tools/dotnet-ef" ]; then
  dotnet tool install dotnet-ef --version 10.0.15 --tool-path "$tools" >/dev/null
fi

startup="$root/src/BaoCao.Web/BaoCao.Web.csproj"
dotnet build "$startup" -v q -nologo >/dev/null

add() { # provider, context, folder
  Database__Provider=$1 ConnectionStrings__BaoCao=$4 Demo__Seed=false \
    "$tools/dotnet-ef" migrations add "$name" --no-build \
      --project "$project" --startup-project "$startup" \
      --context "$2" --output-dir "Persistence/Migrations/$3"
}
add Sqlite "${module}SqliteDbContext" Sqlite "Data Source=$(mktemp -d)/design.db"
add PostgreSql "${module}PostgreSqlDbContext" PostgreSql "Host=127.0.0.1;Database=baocao_design;Username=postgres;Password=postgres"
# Module types are internal; EF Core finds internal migrations just as well.
for file in "$root/modules/$module/BaoCao.$module/Persistence/Migrations"/*/*_"$name".cs; do
  sed -i 's/^    public partial class /    internal partial class /' "$file"
done
echo "Added migration $name to $module for SQLite and PostgreSQL."
