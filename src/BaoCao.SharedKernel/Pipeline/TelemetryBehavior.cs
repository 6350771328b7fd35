using System.Diagnostics;
using BaoCao.SharedKernel.Telemetry;
using Mediator;
using Microsoft.Extensions.Logging;

namespace BaoCao.SharedKernel.Pipeline;

/// <summary>One span, one duration sample and one debug log line per mediator request.</summary>
public sealed class TelemetryBehavior<TMessage, TResponse>(ILogger<TelemetryBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly string RequestName = NameOf(typeof(TMessage));

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        using var activity = BaoCaoTelemetry.ActivitySource.StartActivity(RequestName);
        var started = Stopwatch.GetTimestamp();
        var tag = new KeyValuePair<string, object?>("baocao.request", RequestName);
        try
        {
            var response = await next(message, cancellationToken);
            logger.LogDebug("Handled {Request} in {Elapsed} ms", RequestName, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            BaoCaoTelemetry.RequestFailures.Add(1, tag);
            throw;
        }
        finally
        {
            BaoCaoTelemetry.RequestDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tag);
        }
    }

    // "ReturnSubmission.Command" reads better in a trace than "Command".
    private static string NameOf(Type type) =>
        type.DeclaringType is { } outer ? $"{outer.Name}.{type.Name}" : type.Name;
}
