using BaoCao.SharedKernel.Persistence;

namespace BaoCao.Forms.Domain;

/// <summary>
/// The columns a form can have. Officers type <see cref="Current"/> and <see cref="Plan"/>; <see cref="LastYear"/> is
/// pre-filled from the unit's values of the same period last year; the rest are computed with the Indicators engine.
/// </summary>
internal enum FormColumn { Current, LastYear, Plan, YearToDate, PercentOfLastYear, PercentOfPlan }

internal enum FormStatus { Draft, Published, Superseded }

/// <param name="Label">Shown instead of the indicator's name, e.g. "Trong đó: thu nội địa".</param>
internal sealed record FormRow(string Indicator, string? Label, bool Required);

internal sealed record FormSection(string Title, IReadOnlyList<FormRow> Rows);

/// <summary>The design of one version: sections of indicator rows and the columns. The data checks a form runs are the
/// catalogue's active validation rules that read its indicators (kept in one place, the Indicators module).</summary>
internal sealed record FormLayout(IReadOnlyList<FormSection> Sections, IReadOnlyList<FormColumn> Columns)
{
    public IEnumerable<FormRow> Rows => Sections.SelectMany(s => s.Rows);

    public static bool IsEntered(FormColumn column) => column is FormColumn.Current or FormColumn.Plan;

    public static string Key(FormColumn column) => column switch
    {
        FormColumn.Current => "current",
        FormColumn.LastYear => "lastyear",
        FormColumn.Plan => "plan",
        FormColumn.YearToDate => "ytd",
        FormColumn.PercentOfLastYear => "pct_lastyear",
        _ => "pct_plan",
    };

    /// <summary>The column's heading as users read it.</summary>
    public static string Label(FormColumn column) => column switch
    {
        FormColumn.Current => "Kỳ này",
        FormColumn.LastYear => "Cùng kỳ năm trước",
        FormColumn.Plan => "Kế hoạch",
        FormColumn.YearToDate => "Lũy kế từ đầu năm",
        FormColumn.PercentOfLastYear => "% so cùng kỳ",
        _ => "% so kế hoạch",
    };

    public static string Label(string key) => Parse(key) is { } column ? Label(column) : key;

    public static FormColumn? Parse(string? key) =>
        string.IsNullOrWhiteSpace(key) ? FormColumn.Current
        : Enum.GetValues<FormColumn>().Cast<FormColumn?>().FirstOrDefault(c => Key(c!.Value) == key.Trim().ToLowerInvariant()
            || c!.Value.ToString().Equals(key.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>One version of a form. A draft may change; a published version never does — a change is a new draft,
/// published from a day on, which supersedes the one before. Data entered keeps the version it was entered on.</summary>
internal sealed class FormVersion
{
    private FormVersion() { }

    public FormVersion(int number, FormLayout layout)
    {
        Id = Guid.NewGuid();
        Number = number;
        Layout = layout;
        Status = FormStatus.Draft;
    }

    public Guid Id { get; private set; }
    public Guid FormId { get; private set; }
    public int Number { get; private set; }
    public FormStatus Status { get; internal set; }
    public FormLayout Layout { get; internal set; } = null!;
    public DateOnly? EffectiveFrom { get; internal set; }
    public DateTimeOffset? PublishedAt { get; internal set; }
    public string? PublishedBy { get; internal set; }
}

/// <summary>A data-entry form ("biểu mẫu") of a regime, owned by the unit that designs it.</summary>
internal sealed class FormDesign : IVersioned
{
    private FormDesign() { }

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string RegimeCode { get; private set; } = "";
    public string OwnerUnit { get; private set; } = "";
    public long Version { get; set; }
    public List<FormVersion> Versions { get; private set; } = [];

    public FormVersion? Published => Versions.Where(v => v.Status == FormStatus.Published).MaxBy(v => v.Number);
    public FormVersion? Draft => Versions.SingleOrDefault(v => v.Status == FormStatus.Draft);
    public FormVersion Latest => Versions.MaxBy(v => v.Number)!;

    /// <summary>The version in force for a period starting on <paramref name="day"/>: the latest published from that day or before.</summary>
    public FormVersion? InForceOn(DateOnly day) =>
        Versions.Where(v => v.Status != FormStatus.Draft && v.EffectiveFrom <= day).MaxBy(v => v.Number)
        ?? Versions.Where(v => v.Status != FormStatus.Draft).MinBy(v => v.Number);

    public static FormDesign Create(string code, string name, string regimeCode, string ownerUnit, FormLayout layout)
    {
        var form = new FormDesign { Id = Guid.NewGuid(), Code = Codes.Normalize(code), Name = name.Trim(), RegimeCode = regimeCode, OwnerUnit = ownerUnit };
        form.Versions.Add(new FormVersion(1, layout));
        return form;
    }

    public void Rename(string name) => Name = name.Trim();

    /// <summary>Changes the draft, opening one after the published version when there is none.</summary>
    public FormVersion EditDraft(FormLayout layout)
    {
        var draft = Draft;
        if (draft is null)
        {
            draft = new FormVersion(Latest.Number + 1, layout);
            Versions.Add(draft);
        }
        draft.Layout = layout;
        return draft;
    }

    public string? Publish(DateOnly effectiveFrom, DateTimeOffset at, string by)
    {
        var draft = Draft;
        if (draft is null)
            return "Không có bản dự thảo nào để ban hành.";
        if (Published is { } current && effectiveFrom <= current.EffectiveFrom)
            return $"Phiên bản mới phải áp dụng sau ngày {current.EffectiveFrom:dd/MM/yyyy} (ngày áp dụng của phiên bản đang dùng).";
        draft.Status = FormStatus.Published;
        draft.EffectiveFrom = effectiveFrom;
        draft.PublishedAt = at;
        draft.PublishedBy = by;
        return null;
    }
}

/// <summary>A unit that reports a form, from a day (and until a day when it stops).</summary>
internal sealed class Assignment
{
    private Assignment() { }

    public Assignment(string formCode, string unitCode, DateOnly from)
    {
        Id = Guid.NewGuid();
        FormCode = formCode;
        UnitCode = unitCode;
        From = from;
    }

    public Guid Id { get; private set; }
    public string FormCode { get; private set; } = "";
    public string UnitCode { get; private set; } = "";
    public DateOnly From { get; private set; }
    public DateOnly? Until { get; private set; }

    public bool IsActiveOn(DateOnly day) => From <= day && (Until is null || day <= Until);

    public void End(DateOnly lastDay) => Until = lastDay;
}
