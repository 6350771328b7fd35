using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace BaoCao.Tests.ProveIt;

/// <summary>Keeps every log entry the app writes (at or above <see cref="Minimum"/>), to check that no request ended in an
/// unhandled exception and what the lines look like.</summary>
internal sealed class LogCollector(LogLevel minimum = LogLevel.Warning) : ILoggerProvider
{
    public sealed record Entry(LogLevel Level, string Category, string Message, Exception? Exception);

    public LogLevel Minimum { get; } = minimum;

    public ConcurrentQueue<Entry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Collecting(this, categoryName);

    public void Dispose() { }

    private sealed class Collecting(LogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner.Minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                owner.Entries.Enqueue(new Entry(logLevel, category, formatter(state, exception), exception));
        }
    }
}
