using BaoCao.Workflow.Domain;
using BaoCao.Workflow.Features;
using Mapster;

namespace BaoCao.Workflow;

/// <summary>
/// Entity → view mappings of this module (Mapster). Same-named members map by themselves (enums as their names);
/// what is written here is what differs. Every destination member must have a source or be ignored on purpose, so a
/// member added to a view without a mapping fails the compile test (<c>MappingTests</c>) instead of reading empty.
/// </summary>
internal static class WorkflowMappings
{
    public static TypeAdapterConfig Config { get; } = Create();

    private static TypeAdapterConfig Create()
    {
        var config = new TypeAdapterConfig { RequireDestinationMemberSource = true };

        config.NewConfig<Submission, ActOnSubmission.SubmissionView>();

        config.NewConfig<ReportAttachment, WriteReport.AttachmentView>();
        config.NewConfig<VersionedAttachment, WriteReport.AttachmentView>();

        // The regime's name, guidance, the reader's actions and the moment's tables are the handler's to set.
        config.NewConfig<Report, WriteReport.ReportView>()
            .Map(v => v.StateLabel, r => ReportStateMachine.Label(r.State))
            .Map(v => v.TablesFrozen, r => r.Tables != null)
            .Map(v => v.Incomplete, r => r.Incomplete != null && r.Incomplete.Count > 0)
            .Ignore(v => v.RegimeName, v => v.Narrative, v => v.Tables, v => v.Attachments, v => v.CanEdit, v => v.Actions,
                v => v.Reception, v => v.MissingApprovals, v => v.AllowIncomplete);

        // A kept version is read as it was: frozen tables, no actions, its own number as the version.
        config.NewConfig<ReportVersion, WriteReport.ReportView>()
            .Map(v => v.StateLabel, r => ReportStateMachine.Label(r.State))
            .Map(v => v.TablesFrozen, _ => true)
            .Map(v => v.Version, r => r.Number)
            .Map(v => v.Incomplete, r => r.Incomplete != null && r.Incomplete.Count > 0)
            .Map(v => v.MissingApprovals, r => r.Incomplete ?? new List<MissingApproval>())
            .Map(v => v.CanEdit, _ => false)
            .Map(v => v.Actions, _ => Array.Empty<string>())
            .Map(v => v.Reception, _ => (string?)null)
            .Ignore(v => v.RegimeCode, v => v.RegimeName, v => v.UnitCode, v => v.Period, v => v.ReceivingUnit, v => v.DueDate,
                v => v.CreatedBy, v => v.CreatedAt, v => v.Narrative, v => v.AllowIncomplete);

        config.NewConfig<ReportVersion, ReviewReportVersions.VersionEntry>()
            .Map(e => e.Version, v => v.Number);

        return config;
    }
}
