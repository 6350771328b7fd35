using System.Text.Json;
using System.Text.Json.Serialization;

namespace BaoCao.Web.Hosting;

/// <summary>
/// Text with a NUL character (\0) is refused where it enters the API: PostgreSQL cannot store or even compare it
/// (SQLite can), so one database would answer 500 where the other answers 200. Refused in JSON bodies here and in
/// query strings by <see cref="ApiErrors"/>, with a 400 naming the field.
/// </summary>
internal sealed class NoNulStrings : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(reader.GetString());

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(reader.GetString())!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    private static string? Checked(string? text) =>
        text is not null && text.Contains('\0') ? throw new NulCharacterException() : text;
}

internal sealed class NulCharacterException() : JsonException("A string contains a NUL character.");
