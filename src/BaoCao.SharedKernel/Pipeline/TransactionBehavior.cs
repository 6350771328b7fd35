using System.Reflection;
using BaoCao.SharedKernel.Persistence;
using BaoCao.SharedKernel.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BaoCao.SharedKernel.Pipeline;

public static class TransactionBehavior
{
    public const string ConcurrentChangeMessage = "Dữ liệu vừa được người khác thay đổi. Vui lòng tải lại và thực hiện lại.";

    /// <summary>The context that holds the pipeline's transaction of the command being handled (flows into nested sends).</summary>
    internal static readonly AsyncLocal<ModuleDbContext?> Current = new();

    /// <summary>A stale version (<see cref="DbUpdateConcurrencyException"/>) or a row created twice at the same moment:
    /// someone else's save won. Other database errors are bugs and stay errors.</summary>
    public static bool IsConcurrentChange(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } } => true,
        // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY
        DbUpdateException { InnerException: Microsoft.Data.Sqlite.SqliteException { SqliteExtendedErrorCode: 2067 or 1555 } } => true,
        _ => false,
    };

    /// <summary>The module a type belongs to: <c>BaoCao.Forms</c> for <c>BaoCao.Forms.Features.EnterFormData.Save</c>, its
    /// Contracts (<c>BaoCao.Forms.Contracts</c>) and its context (<c>BaoCao.Forms.Persistence.…</c>).</summary>
    internal static string? ModuleOf(Type type) =>
        type.Namespace?.Split('.') is { Length: >= 2 } parts ? $"{parts[0]}.{parts[1]}" : null;
}

/// <summary>
/// One transaction per command, on the context of the module that handles it (found by namespace among the registered
/// <see cref="ModuleDatabase"/>s): committed when the handler answers a success (or a value that is not a
/// <see cref="Result"/>), rolled back — nothing half-written — when it answers a failed result or throws. A concurrent save
/// (<see cref="TransactionBehavior.IsConcurrentChange"/>) becomes a 409 result, when the command answers a result.
/// <para>A command sent from inside another command of the same module joins the open transaction (the outer one decides
/// and maps conflicts); a handler that opened one itself keeps it. On SQLite every module shares one file and a
/// transaction takes its write lock at once (BEGIN IMMEDIATE): a command of another module sent from inside an open one
/// would wait for that lock until its busy timeout, so it is refused at once — the outer command is then an
/// <see cref="IOwnTransaction"/> that sends the other module's command outside any transaction of its own. On PostgreSQL
/// it runs in a transaction of its own.</para>
/// </summary>
public sealed class TransactionBehavior<TMessage, TResponse>(IServiceProvider services, IEnumerable<ModuleDatabase> databases)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly bool Applies = typeof(IBaseCommand).IsAssignableFrom(typeof(TMessage)) && !typeof(IOwnTransaction).IsAssignableFrom(typeof(TMessage));
    private static readonly string? Module = TransactionBehavior.ModuleOf(typeof(TMessage));
    private static readonly Func<string, TResponse>? Conflict = ConflictFactory();

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (!Applies || Owner() is not { } db || db.Database.CurrentTransaction is not null)
            return await next(message, cancellationToken);
        if (TransactionBehavior.Current.Value is { } outer && !ReferenceEquals(outer, db) && outer.Database.CurrentTransaction is not null && db.Database.IsSqlite())
            throw new InvalidOperationException(
                $"{typeof(TMessage).FullName} was sent inside the transaction of a command of another module ({outer.Schema}); on SQLite its writes " +
                "would wait for that transaction's write lock. Send it before or after, or mark the outer command IOwnTransaction.");

        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        TransactionBehavior.Current.Value = db;
        try
        {
            TResponse response;
            try
            {
                response = await next(message, cancellationToken);
            }
            catch (Exception error) when (Conflict is not null && TransactionBehavior.IsConcurrentChange(error))
            {
                await RollBackAsync(db, transaction);
                return Conflict((message as IConflictMessage)?.ConflictMessage ?? TransactionBehavior.ConcurrentChangeMessage);
            }
            catch
            {
                await RollBackAsync(db, transaction);
                throw;
            }
            if (response is Result { IsFailure: true })
            {
                await RollBackAsync(db, transaction);
                return response;
            }
            await transaction.CommitAsync(cancellationToken);
            return response;
        }
        finally
        {
            TransactionBehavior.Current.Value = null;
            await transaction.DisposeAsync();
        }
    }

    private ModuleDbContext? Owner()
    {
        foreach (var database in databases)
        {
            if (TransactionBehavior.ModuleOf(database.ContextType) == Module)
                return database.Open(services);
        }
        return null;
    }

    // Whatever the handler tracked is undone with the rows: nothing of it may be saved by a later call on this context.
    private static async Task RollBackAsync(ModuleDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction)
    {
        try
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
        catch (Exception)
        {
            // A broken connection has rolled back by itself; the handler's failure is what the caller must see.
        }
        db.ChangeTracker.Clear();
    }

    private static Func<string, TResponse>? ConflictFactory()
    {
        if (typeof(TResponse) == typeof(Result))
            return message => (TResponse)(object)Result.Conflict(message, ErrorCodes.ConcurrentChange);
        if (typeof(TResponse).IsGenericType && typeof(TResponse).GetGenericTypeDefinition() == typeof(Result<>))
        {
            var from = typeof(TResponse).GetMethod(nameof(Result<int>.From), BindingFlags.Public | BindingFlags.Static, [typeof(Result)])!;
            return message => (TResponse)from.Invoke(null, [Result.Conflict(message, ErrorCodes.ConcurrentChange)])!;
        }
        return null;
    }
}
