using BaoCao.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace BaoCao.Tests.ProveIt;

/// <summary>The app's console log writes one line per entry: CR, LF, escape and NUL characters a caller slipped into a
/// path, a user name or another system's answer are shown as escapes, so no line can be forged or split.</summary>
public sealed class LogLineTests
{
    [Fact]
    public async Task A_log_entry_carrying_control_characters_is_written_as_one_line()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite);
        var chosen = app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName;
        var formatter = app.Services.GetServices<ConsoleFormatter>().Single(f => f.Name == chosen);
        using var output = new StringWriter();
        var forged = "GET /api/units/STC\r\n2026-11-29T00:00:00.000Z info Fake: admin signed in\u001b[2J\u0000";
        formatter.Write(new LogEntry<string>(LogLevel.Warning, "BaoCao.Test", new EventId(7), forged, new InvalidOperationException("line one\nline two"),
            (state, _) => state), null, output);

        var written = output.ToString();
        Assert.Equal("baocao", chosen);
        Assert.EndsWith(Environment.NewLine, written);
        var line = written[..^Environment.NewLine.Length];
        Assert.DoesNotContain(line, char.IsControl);
        Assert.Contains("STC\\r\\n2026-11-29", line);
        Assert.Contains("\\u001b[2J\\u0000", line);
        Assert.Contains("line one\\nline two", line);
    }
}
