using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace BaoCao.SharedKernel.Telemetry;

/// <summary>The app's own ActivitySource and Meter, both named "BaoCao".</summary>
public static class BaoCaoTelemetry
{
    public const string Name = "BaoCao";
    public static readonly ActivitySource ActivitySource = new(Name);
    public static readonly Meter Meter = new(Name);

    public static readonly Histogram<double> RequestDuration =
        Meter.CreateHistogram<double>("baocao.mediator.duration", unit: "ms", description: "Time to handle a mediator request.");
    public static readonly Counter<long> RequestFailures =
        Meter.CreateCounter<long>("baocao.mediator.failures", description: "Mediator requests that threw.");
    public static readonly Histogram<double> JobDuration =
        Meter.CreateHistogram<double>("baocao.jobs.duration", unit: "ms", description: "Time to run a background job.");
    public static readonly Counter<long> OutboxDispatched =
        Meter.CreateCounter<long>("baocao.outbox.dispatched", description: "Notifications delivered from module outboxes.");
}
