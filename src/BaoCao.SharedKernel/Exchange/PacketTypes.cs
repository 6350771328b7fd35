using System.Text.Json;
using BaoCao.SharedKernel.Http;
using BaoCao.SharedKernel.Results;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.SharedKernel.Exchange;

/// <summary>
/// A packet type of the national exchange (QCVN 125 message types) that a module builds or applies: its name in the
/// packet's <c>type</c>, its Vietnamese title and the C# record its <c>body</c> is. Modules register theirs; Accounts
/// publishes a JSON Schema for each (generated from the record, so it cannot drift) and checks incoming bodies against it.
/// </summary>
/// <param name="Inbound">Whether BaoCao applies packets of this type when a partner sends them.</param>
public sealed record ExchangePacketType(string Name, string Title, string Description, Type BodyType, bool Inbound);

public static class ExchangePackets
{
    /// <summary>How bodies are written and read: camelCase, nullable annotations and required constructor parameters
    /// respected, so the published schema says exactly what is required.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(), // the schema exporter needs one set
    };

    public static IServiceCollection AddExchangePacket<TBody>(this IServiceCollection services, string name, string title, string description, bool inbound = false) =>
        services.AddSingleton(new ExchangePacketType(name, title, description, typeof(TBody), inbound));

    public static string Serialize<TBody>(TBody body) => JsonSerializer.Serialize(body, Json);

    /// <summary>What an outbound packet endpoint answers: the body built by <paramref name="query"/> (under the caller's
    /// permissions), signed by <paramref name="sign"/> (Accounts' SignPacket); or the query's problem.</summary>
    public static async Task<IResult> SignedAsync<TBody, TSigned>(this ISender sender, IQuery<Result<TBody>> query, Func<string, ICommand<TSigned>> sign,
        CancellationToken cancellationToken)
    {
        var body = await sender.Send(query, cancellationToken);
        return body.Value is { } value ? TypedResults.Ok(await sender.Send(sign(Serialize(value)), cancellationToken)) : body.ToHttpResult();
    }
}
