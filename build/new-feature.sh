#!/usr/bin/env bash
# Scaffolds one feature slice and its test, touching only the module's folder and its tests folder:
#   build/new-feature.sh <Module> <Feature>        e.g. build/new-feature.sh Forms ArchiveForm
# Creates modules/<Module>/BaoCao.<Module>/Features/<Feature>.cs (Command, Validator, Handler, Endpoint)
# and tests/BaoCao.Tests/<Module>/<Feature>Tests.cs (runs on SQLite and PostgreSQL). Both compile and pass
# as generated; then make them say what the user really does.
set -euo pipefail
module=${1:?usage: build/new-feature.sh <Module> <Feature>}
feature=${2:?usage: build/new-feature.sh <Module> <Feature>}
root=$(cd "$(dirname "$0")/.." && pwd)
project="$root/modules/$module/BaoCao.$module"
[ -d "$project" ] || { echo "no module '$module' under modules/" >&2; exit 2; }
[[ "$feature" =~ ^[A-Z][A-Za-z0-9]+$ ]] || { echo "feature names are PascalCase verbs, e.g. ArchiveForm" >&2; exit 2; }
slice="$project/Features/$feature.cs"
test="$root/tests/BaoCao.Tests/$module/${feature}Tests.cs"
[ -e "$slice" ] && { echo "$slice exists" >&2; exit 2; }
mkdir -p "$(dirname "$slice")" "$(dirname "$test")"
lower=$(echo "$module" | tr '[:upper:]' '[:lower:]')
kebab=$(echo "$feature" | sed -E 's/([a-z0-9])([A-Z])/\1-\2/g' | tr '[:upper:]' '[:lower:]')

# Carter, FluentValidation, Mediator, EF Core, ASP.NET routing and the shared kernel are global usings of every module.
cat > "$slice" <<CS
namespace BaoCao.$module.Features;

/// <summary>$feature: say in one sentence what the user does and why.</summary>
internal static class $feature
{
    internal sealed record Command(string Name) : ICommand<Result<Response>>;

    internal sealed record Response(string Name);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Name).NotEmpty().WithMessage("Cần nhập tên.");
    }

    // Inject what the use case needs: the module's DbContext, TimeProvider, IPublisher, ISender for other
    // modules' Contracts. Return failures as Result values (NotFound, Conflict, Invalid), not exceptions.
    internal sealed class Handler : ICommandHandler<Command, Result<Response>>
    {
        public ValueTask<Result<Response>> Handle(Command command, CancellationToken cancellationToken)
        {
            Result<Response> result = new Response(command.Name.Trim());
            return ValueTask.FromResult(result);
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app) =>
            app.MapPost("/api/$lower/$kebab",
                    async (Command command, ISender sender, CancellationToken ct) => (await sender.Send(command, ct)).ToHttpResult())
                .WithTags("$module");
    }
}
CS

cat > "$test" <<CS
using System.Net;
using System.Net.Http.Json;
using BaoCao.Tests.Infrastructure;

namespace BaoCao.Tests.$module;

public sealed class ${feature}Tests
{
    private const string Route = "/api/$lower/$kebab";

    [DatabaseTheory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_valid_request_succeeds(DatabaseKind database)
    {
        await using var app = await BaoCaoApp.StartAsync(database);
        var client = await app.AdministratorAsync();

        var response = await client.PostAsJsonAsync(Route, new { name = " Sở Tài chính " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Sở Tài chính", (await response.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["name"]);
    }

    [Fact]
    public async Task An_invalid_request_names_the_field_in_Vietnamese()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var client = await app.AdministratorAsync();

        var response = await client.PostAsJsonAsync(Route, new { name = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Cần nhập tên."], (await response.ReadProblemAsync()).Errors!["name"]);
    }
}
CS
echo "Created:"
echo "  ${slice#$root/}"
echo "  ${test#$root/}"
echo "A page for it goes beside the slice: Features/${feature}Page.razor (a component cannot share the slice's name)."
