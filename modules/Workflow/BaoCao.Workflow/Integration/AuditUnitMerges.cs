using BaoCao.Accounts.Contracts;
using BaoCao.Workflow.Audit;
using BaoCao.Workflow.Domain;
using BaoCao.Workflow.Persistence;

namespace BaoCao.Workflow.Integration;

/// <summary>Writes every merger of a unit and every undo of one (from Accounts, through its outbox) to the audit trail under
/// <c>UNIT/{code}</c>: a merger decides which unit reports which period and where its history rolls up, so who did it, when
/// and why must be on record. Idempotent.</summary>
internal sealed class AuditUnitMerges(WorkflowDbContext db, AuditTrail audit) : INotificationHandler<UnitMergeChanged>
{
    public async ValueTask Handle(UnitMergeChanged notification, CancellationToken cancellationToken)
    {
        if (await db.ProcessedEvents.AnyAsync(p => p.Id == notification.EventId, cancellationToken))
            return;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ProcessedEvents.Add(new ProcessedEvent { Id = notification.EventId, At = notification.At });
        var merged = $"Sáp nhập vào {notification.SuccessorCode}, ngày hoạt động cuối cùng {notification.LastDay:dd/MM/yyyy}";
        var line = notification.Action == "undo"
            ? new AuditTrail.Line("unit.merge.undo", $"UNIT/{notification.UnitCode}", merged, $"Hoạt động trở lại · Lý do: {notification.Reason}")
            : new AuditTrail.Line("unit.merge", $"UNIT/{notification.UnitCode}", "Đang hoạt động", merged);
        await audit.AppendAsync([line], notification.By, notification.Address, notification.At, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            // Another node delivered the same event at the same moment: its entry stands. Anything else is retried by the outbox.
            if (!await db.ProcessedEvents.AsNoTracking().AnyAsync(p => p.Id == notification.EventId, cancellationToken))
                throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
