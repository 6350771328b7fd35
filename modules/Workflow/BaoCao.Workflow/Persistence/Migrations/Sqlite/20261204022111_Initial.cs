using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace BaoCao.Workflow.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "workflow_ApprovedValues",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    FormCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Column = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Disaggregation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Number = table.Column<decimal>(type: "TEXT", precision: 28, scale: 8, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Approval = table.Column<int>(type: "INTEGER", nullable: false),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_ApprovedValues", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "workflow_AuditTrail",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Before = table.Column<string>(type: "TEXT", nullable: true),
                    After = table.Column<string>(type: "TEXT", nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_AuditTrail", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_Counters",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_Counters", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "workflow_Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EmailStatus = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EmailError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EmailedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_OutboundPackets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Destination = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Cause = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PacketId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Jws = table.Column<string>(type: "TEXT", nullable: true),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_OutboundPackets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DispatchedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LockedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_ProcessedEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_ProcessedEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_Reconciliations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RunAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RunBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Matches = table.Column<int>(type: "INTEGER", nullable: false),
                    Differences = table.Column<int>(type: "INTEGER", nullable: false),
                    MissingHere = table.Column<int>(type: "INTEGER", nullable: false),
                    MissingInSource = table.Column<int>(type: "INTEGER", nullable: false),
                    Findings = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_Reconciliations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_Reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegimeCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ReceivingUnit = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Narrative = table.Column<string>(type: "TEXT", nullable: false),
                    Tables = table.Column<string>(type: "TEXT", nullable: true),
                    Incomplete = table.Column<string>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SentBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Late = table.Column<bool>(type: "INTEGER", nullable: true),
                    ReceivedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_Reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_ReportVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Late = table.Column<bool>(type: "INTEGER", nullable: true),
                    Narrative = table.Column<string>(type: "TEXT", nullable: false),
                    Tables = table.Column<string>(type: "TEXT", nullable: false),
                    Incomplete = table.Column<string>(type: "TEXT", nullable: true),
                    Attachments = table.Column<string>(type: "TEXT", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SentBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceivedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_ReportVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_SubmissionComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FormCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_SubmissionComments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_Submissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FormCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Approvals = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_Submissions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_ReportAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_ReportAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_workflow_ReportAttachments_workflow_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "workflow_Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "workflow_Counters",
                columns: new[] { "Name", "Value" },
                values: new object[,]
                {
                    { "approved", 0L },
                    { "audit", 0L }
                });

            migrationBuilder.CreateIndex(
                name: "IX_workflow_ApprovedValues_FormCode_UnitCode_Period_Indicator_Column_Disaggregation_Sequence",
                table: "workflow_ApprovedValues",
                columns: new[] { "FormCode", "UnitCode", "Period", "Indicator", "Column", "Disaggregation", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_workflow_AuditTrail_Subject_At",
                table: "workflow_AuditTrail",
                columns: new[] { "Subject", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_workflow_Notifications_Recipient_CreatedAt",
                table: "workflow_Notifications",
                columns: new[] { "Recipient", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_workflow_OutboundPackets_CreatedAt",
                table: "workflow_OutboundPackets",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_workflow_OutboundPackets_Destination_Type_Cause",
                table: "workflow_OutboundPackets",
                columns: new[] { "Destination", "Type", "Cause" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_workflow_OutboundPackets_State_NextAttemptAt",
                table: "workflow_OutboundPackets",
                columns: new[] { "State", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_workflow_OutboxMessages_DispatchedAt",
                table: "workflow_OutboxMessages",
                column: "DispatchedAt");

            migrationBuilder.CreateIndex(
                name: "IX_workflow_Reconciliations_RunAt",
                table: "workflow_Reconciliations",
                column: "RunAt");

            migrationBuilder.CreateIndex(
                name: "IX_workflow_ReportAttachments_ReportId",
                table: "workflow_ReportAttachments",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_workflow_Reports_ReceivingUnit_State",
                table: "workflow_Reports",
                columns: new[] { "ReceivingUnit", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_workflow_Reports_RegimeCode_UnitCode_Period",
                table: "workflow_Reports",
                columns: new[] { "RegimeCode", "UnitCode", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_workflow_ReportVersions_ReportId_Number",
                table: "workflow_ReportVersions",
                columns: new[] { "ReportId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_workflow_SubmissionComments_FormCode_UnitCode_Period_At",
                table: "workflow_SubmissionComments",
                columns: new[] { "FormCode", "UnitCode", "Period", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_workflow_Submissions_FormCode_UnitCode_Period",
                table: "workflow_Submissions",
                columns: new[] { "FormCode", "UnitCode", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_workflow_Submissions_State_Period",
                table: "workflow_Submissions",
                columns: new[] { "State", "Period" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "workflow_ApprovedValues");

            migrationBuilder.DropTable(
                name: "workflow_AuditTrail");

            migrationBuilder.DropTable(
                name: "workflow_Counters");

            migrationBuilder.DropTable(
                name: "workflow_Notifications");

            migrationBuilder.DropTable(
                name: "workflow_OutboundPackets");

            migrationBuilder.DropTable(
                name: "workflow_OutboxMessages");

            migrationBuilder.DropTable(
                name: "workflow_ProcessedEvents");

            migrationBuilder.DropTable(
                name: "workflow_Reconciliations");

            migrationBuilder.DropTable(
                name: "workflow_ReportAttachments");

            migrationBuilder.DropTable(
                name: "workflow_ReportVersions");

            migrationBuilder.DropTable(
                name: "workflow_SubmissionComments");

            migrationBuilder.DropTable(
                name: "workflow_Submissions");

            migrationBuilder.DropTable(
                name: "workflow_Reports");
        }
    }
}
