using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BaoCao.SharedKernel.Persistence;

/// <summary>For values that are documents read and written whole (layouts, outlines, narratives): one JSON column each.</summary>
public static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property) where T : class? =>
        property.HasConversion(
                value => JsonSerializer.Serialize(value, Options),
                text => JsonSerializer.Deserialize<T>(text, Options)!,
                new ValueComparer<T>((a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                    value => JsonSerializer.Serialize(value, Options).GetHashCode(),
                    value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Options), Options)!));
}
