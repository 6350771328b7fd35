using System.Security.Cryptography;
using BaoCao.Workflow.Audit;
using BaoCao.Workflow.Domain;
using BaoCao.Workflow.Persistence;
using BaoCao.Workflow.Reports;

namespace BaoCao.Workflow.Features;

/// <summary>
/// Attach files to a report being written (documents, spreadsheets, scans), download them, remove them. A file must be
/// one of the accepted types — checked by its content, not only its name — within the size limits; it is kept in the
/// database with its SHA-256 checksum and served only as a download (never shown inline), so a file cannot run in the
/// browser. The system does not scan for viruses: modules/Workflow/README.md (Reports) says what a deployment adds.
/// </summary>
internal static class AttachReportFiles
{
    public const long MaximumBytes = 20 * 1024 * 1024;
    public const int MaximumFiles = 20;

    /// <summary>Accepted extensions with their served type and the bytes their content starts with.</summary>
    private static readonly Dictionary<string, (string ContentType, byte[][] Signatures)> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", [[0x25, 0x50, 0x44, 0x46]]),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [Zip]),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [Zip]),
        [".odt"] = ("application/vnd.oasis.opendocument.text", [Zip]),
        [".ods"] = ("application/vnd.oasis.opendocument.spreadsheet", [Zip]),
        [".doc"] = ("application/msword", [Ole]),
        [".xls"] = ("application/vnd.ms-excel", [Ole]),
        [".jpg"] = ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
        [".jpeg"] = ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
        [".png"] = ("image/png", [[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]]),
    };

    private static byte[] Zip => [0x50, 0x4B, 0x03, 0x04];
    private static byte[] Ole => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static string AcceptedExtensions => string.Join(", ", Types.Keys);

    internal sealed record Upload(string RegimeCode, string UnitCode, string Period, string? FileName, byte[] Content) : ICommand<Result<WriteReport.AttachmentView>>;

    internal sealed record Download(string RegimeCode, string UnitCode, string Period, Guid Id) : IQuery<Result<FileDownload>>;

    internal sealed record Remove(string RegimeCode, string UnitCode, string Period, Guid Id) : ICommand<Result>;

    internal sealed record FileDownload(string FileName, string ContentType, byte[] Content);

    internal sealed class UploadValidator : AbstractValidator<Upload>
    {
        public UploadValidator()
        {
            RuleFor(c => c.Content).Must(c => c.Length > 0).WithMessage("Tệp rỗng.")
                .Must(c => c.LongLength <= MaximumBytes).WithMessage($"Tệp đính kèm tối đa {MaximumBytes / 1024 / 1024} MB.").OverridePropertyName("file");
            RuleFor(c => c.FileName).Must(n => !string.IsNullOrWhiteSpace(n) && Types.ContainsKey(Path.GetExtension(n.Trim())))
                .WithMessage($"Chỉ nhận tệp {AcceptedExtensions}.").OverridePropertyName("file");
        }
    }

    /// <summary>The part an OOXML or ODF package of each kind must hold (ODF: its first entry "mimetype" says the kind).</summary>
    private static readonly Dictionary<string, string> PackageParts = new(StringComparer.OrdinalIgnoreCase)
    {
        [".docx"] = "word/document.xml",
        [".xlsx"] = "xl/workbook.xml",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".ods"] = "application/vnd.oasis.opendocument.spreadsheet",
    };

    /// <summary>Whether a .docx/.xlsx/.odt/.ods is a readable package of its kind, not any ZIP renamed.</summary>
    private static bool IsPackageOfItsKind(string extension, byte[] content)
    {
        if (!PackageParts.TryGetValue(extension, out var expected))
            return true;
        try
        {
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(content), System.IO.Compression.ZipArchiveMode.Read);
            if (zip.Entries.Count is 0 or > 10_000)
                return false;
            if (extension is ".docx" or ".xlsx")
                return zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry(expected) is not null;
            if (zip.Entries[0] is not { FullName: "mimetype", Length: < 200 } mimetype)
                return false;
            using var reader = new StreamReader(mimetype.Open());
            return reader.ReadToEnd().Trim() == expected && zip.GetEntry("content.xml") is not null;
        }
        catch (Exception error) when (error is InvalidDataException or IOException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>The name without folders, control or format characters, at most 200 characters, extension kept.</summary>
    private static string CleanName(string name)
    {
        var bare = Path.GetFileName(name.Replace('\\', '/').Split('/')[^1]);
        // Format characters (Unicode Cf: bidi overrides, zero-width joiners) would make "hđp.exe" show as "exe.pdh".
        var spaced = new string([.. bare.Where(c => char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format)
            .Select(c => char.IsControl(c) ? ' ' : c).Where(c => c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?'))]);
        var clean = System.Text.RegularExpressions.Regex.Replace(spaced, @"\s+", " ").Trim();
        var extension = Path.GetExtension(clean);
        return clean.Length <= 200 ? clean : clean[..(200 - extension.Length)] + extension;
    }

    internal sealed class Handler(WorkflowDbContext db, ISender sender, ICurrentUser user, TimeProvider clock, AuditTrail audit)
        : ICommandHandler<Upload, Result<WriteReport.AttachmentView>>, IQueryHandler<Download, Result<FileDownload>>, ICommandHandler<Remove, Result>
    {
        public async ValueTask<Result<WriteReport.AttachmentView>> Handle(Upload command, CancellationToken cancellationToken)
        {
            var (scope, report, failure) = await EditableAsync(command.RegimeCode, command.UnitCode, command.Period, cancellationToken);
            if (failure is not null)
                return Result<WriteReport.AttachmentView>.From(failure);
            var name = CleanName(command.FileName!);
            var (contentType, signatures) = Types[Path.GetExtension(name)];
            if (!signatures.Any(s => command.Content.AsSpan().StartsWith(s)) || !IsPackageOfItsKind(Path.GetExtension(name), command.Content))
                return Result<WriteReport.AttachmentView>.Invalid($"Nội dung tệp “{name}” không phải tệp {Path.GetExtension(name)} (có thể đã bị đổi đuôi hoặc hỏng).", "file");
            var count = await db.ReportAttachments.CountAsync(a => a.ReportId == report!.Id, cancellationToken);
            if (count >= MaximumFiles)
                return Result<WriteReport.AttachmentView>.Invalid($"Mỗi báo cáo đính kèm tối đa {MaximumFiles} tệp.", "file");
            var checksum = Convert.ToHexStringLower(SHA256.HashData(command.Content));
            var attachment = new ReportAttachment(report!.Id, name, contentType, command.Content, checksum, user.UserName ?? "system", clock.GetUtcNow());
            db.ReportAttachments.Add(attachment);
            await audit.AppendAsync([new("report.attachment.add", scope!.Subject, null, $"{name} ({attachment.Size} byte, SHA-256 {checksum})")], cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return new WriteReport.AttachmentView(attachment.Id, name, contentType, attachment.Size, checksum, attachment.UploadedBy, attachment.UploadedAt);
        }

        public async ValueTask<Result<FileDownload>> Handle(Download query, CancellationToken cancellationToken)
        {
            // Whoever may read the report (the unit, or the receiving unit once sent) may download its files.
            var report = await sender.Send(new WriteReport.Get(query.RegimeCode, query.UnitCode, query.Period), cancellationToken);
            if (report.Value is not { } view)
                return Result<FileDownload>.From(report);
            if (!view.Attachments.Any(a => a.Id == query.Id))
                return Result<FileDownload>.NotFound("Báo cáo không có tệp đính kèm này.");
            var file = await db.ReportAttachments.AsNoTracking().Where(a => a.Id == query.Id)
                .Select(a => new FileDownload(a.FileName, a.ContentType, a.Content)).SingleAsync(cancellationToken);
            return file;
        }

        public async ValueTask<Result> Handle(Remove command, CancellationToken cancellationToken)
        {
            var (scope, report, failure) = await EditableAsync(command.RegimeCode, command.UnitCode, command.Period, cancellationToken);
            if (failure is not null)
                return failure;
            var attachment = await db.ReportAttachments.Where(a => a.Id == command.Id && a.ReportId == report!.Id)
                .Select(a => new { a.Id, a.FileName, a.Size, a.Sha256 }).SingleOrDefaultAsync(cancellationToken);
            if (attachment is null)
                return Result.NotFound("Báo cáo không có tệp đính kèm này.");
            await audit.AppendAsync([new("report.attachment.remove", scope!.Subject, $"{attachment.FileName} ({attachment.Size} byte, SHA-256 {attachment.Sha256})", null)], cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await db.ReportAttachments.Where(a => a.Id == attachment.Id).ExecuteDeleteAsync(cancellationToken);
            return Result.Ok();
        }

        private async Task<(ReportScope? Scope, Report? Report, Result? Failure)> EditableAsync(string regimeCode, string unitCode, string period, CancellationToken cancellationToken)
        {
            var resolved = await ReportScope.ResolveAsync(sender, regimeCode, unitCode, period, cancellationToken);
            if (resolved.Value is not { } scope)
                return (null, null, resolved);
            if (!scope.CanWrite && !scope.CanApprove)
                return (null, null, Result.Forbidden($"Chỉ cán bộ, lãnh đạo của đơn vị {scope.UnitCode} đính kèm tệp vào báo cáo của đơn vị."));
            db.ChangeTracker.Clear();
            var report = await db.Reports.AsNoTracking()
                .SingleOrDefaultAsync(r => r.RegimeCode == scope.Regime.Code && r.UnitCode == scope.UnitCode && r.Period == scope.Period.Code, cancellationToken);
            if (report is null)
                return (null, null, Result.NotFound("Báo cáo chưa được lập.", Contracts.WorkflowErrorCodes.ReportNotStarted));
            if (!report.Editable)
                return (null, null, Result.Conflict($"Báo cáo đang ở trạng thái “{ReportStateMachine.Label(report.State)}”: không thay đổi được tệp đính kèm."));
            return (scope, report, null);
        }
    }

    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var files = app.MapGroup("/api/workflow/reports/{regimeCode}/{unitCode}/{period}/attachments").WithTags("Báo cáo");
            files.MapPost("", async (string regimeCode, string unitCode, string period, HttpRequest request, ISender sender, CancellationToken ct) =>
                {
                    if (!request.HasFormContentType || (await request.ReadFormAsync(ct)).Files.GetFile("file") is not { } file)
                        return Result.Invalid("Cần gửi tệp trong trường 'file' (multipart/form-data).", "file").ToHttpResult();
                    if (file.Length > MaximumBytes)
                        return Result.Invalid($"Tệp đính kèm tối đa {MaximumBytes / 1024 / 1024} MB.", "file").ToHttpResult();
                    using var buffer = new MemoryStream();
                    await file.CopyToAsync(buffer, ct);
                    return (await sender.Send(new Upload(regimeCode, unitCode, period, file.FileName, buffer.ToArray()), ct))
                        .ToHttpResult(a => Results.Created($"/api/workflow/reports/{regimeCode}/{unitCode}/{period}/attachments/{a.Id}", a));
                })
                .WithMetadata(new UploadLimit(MaximumBytes + 65_536))
                .DisableAntiforgery() // systems call it with a bearer token; the browser's cookie is SameSite=Lax and the page uses the mediator
                .RequireRateLimiting(SharedKernel.Http.RateLimits.Uploads)
                .WithSummary($"Đính kèm tệp vào báo cáo ({AcceptedExtensions}; tối đa {MaximumBytes / 1024 / 1024} MB, {MaximumFiles} tệp)");
            files.MapGet("/{id:guid}", async (string regimeCode, string unitCode, string period, Guid id, HttpResponse response, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Download(regimeCode, unitCode, period, id), ct)).ToHttpResult(file =>
                    {
                        response.Headers.XContentTypeOptions = "nosniff";
                        return Results.File(file.Content, file.ContentType, file.FileName);
                    }))
                .WithSummary("Tải tệp đính kèm của báo cáo");
            files.MapDelete("/{id:guid}", async (string regimeCode, string unitCode, string period, Guid id, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new Remove(regimeCode, unitCode, period, id), ct)).ToHttpResult())
                .WithSummary("Gỡ tệp đính kèm khỏi báo cáo đang soạn");
        }
    }
}
