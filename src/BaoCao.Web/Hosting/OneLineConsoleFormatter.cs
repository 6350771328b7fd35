using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace BaoCao.Web.Hosting;

/// <summary>
/// One console line per log entry, whatever it carries: request paths, user names and other systems' answers may hold
/// CR, LF or escape characters, and a raw one would let a caller forge or hide log lines. Control characters are written
/// as visible escapes (\r, \n, \t, \u001b); an exception's stack trace is kept, on the same line.
/// </summary>
internal sealed class OneLineConsoleFormatter() : ConsoleFormatter(Name)
{
    public new const string Name = "baocao";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
            return;
        var line = new StringBuilder();
        line.Append(DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)).Append(' ')
            .Append(Level(logEntry.LogLevel)).Append(' ').Append(logEntry.Category);
        if (logEntry.EventId.Id != 0)
            line.Append('[').Append(logEntry.EventId.Id.ToString(CultureInfo.InvariantCulture)).Append(']');
        line.Append(": ");
        Escape(line, message);
        if (logEntry.Exception is { } exception)
        {
            line.Append(" | ");
            Escape(line, exception.ToString());
        }
        textWriter.Write(line.Append(Environment.NewLine).ToString());
    }

    /// <summary>Appends <paramref name="text"/> with every control character made visible.</summary>
    public static void Escape(StringBuilder line, string text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '\r': line.Append("\\r"); break;
                case '\n': line.Append("\\n"); break;
                case '\t': line.Append("\\t"); break;
                case var control when char.IsControl(control): line.Append("\\u").Append(((int)control).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: line.Append(c); break;
            }
        }
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}
