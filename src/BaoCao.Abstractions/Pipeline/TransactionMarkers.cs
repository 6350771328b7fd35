namespace BaoCao.SharedKernel.Pipeline;

/// <summary>
/// A command whose handler decides its transactions itself, so the pipeline opens none: it coordinates commands of
/// other modules (each commits on its own), works in batches that commit one by one (projections, bulk jobs), or keeps
/// a write even when it answers a failure (a wrong password counts towards the lockout). Say why on each.
/// </summary>
public interface IOwnTransaction;

/// <summary>A command that answers a concurrent save with its own sentence instead of
/// the pipeline's standard sentence.</summary>
public interface IConflictMessage
{
    string ConflictMessage { get; }
}
