using System.Globalization;
using BaoCao.Forms.Contracts;
using BaoCao.Workflow.Audit;
using BaoCao.Workflow.Domain;
using BaoCao.Workflow.Persistence;

namespace BaoCao.Workflow.Integration;

/// <summary>Writes every saved value change (from Forms, through its outbox) to the audit trail with the person,
/// address and time of the save. Idempotent: a redelivered event is already recorded.</summary>
internal sealed class AuditValueChanges(WorkflowDbContext db, AuditTrail audit) : INotificationHandler<FormValuesChanged>
{
    public async ValueTask Handle(FormValuesChanged notification, CancellationToken cancellationToken)
    {
        if (await db.ProcessedEvents.AnyAsync(p => p.Id == notification.EventId, cancellationToken))
            return;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ProcessedEvents.Add(new ProcessedEvent { Id = notification.EventId, At = notification.At });
        var subject = $"{notification.FormCode}/{notification.UnitCode}/{notification.Period}";
        await audit.AppendAsync([.. notification.Changes.Select(c => new AuditTrail.Line(
                $"value.{notification.Source}", $"{subject}/{c.Indicator}/{c.Column}/{c.Disaggregation}", c.Before,
                c.Comment is null ? c.After : $"{c.After} · {c.Comment}"))],
            notification.By, notification.Address, notification.At, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            // Another node delivered the same event at the same moment: its entries stand. Anything else is retried by the outbox.
            if (!await db.ProcessedEvents.AsNoTracking().AnyAsync(p => p.Id == notification.EventId, cancellationToken))
                throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
