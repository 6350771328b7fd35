using BaoCao.Accounts.Contracts;
using BaoCao.Forms.Domain;
using BaoCao.Forms.Persistence;

namespace BaoCao.Forms.Features;

/// <summary>Forms and regimes are changed by administrators of the unit that owns them (Đ11.2b); others are refused
/// with the owner named.</summary>
internal static class Ownership
{
    public static async Task<Result?> RefusedAsync(ISender sender, string ownerUnit, string what, CancellationToken cancellationToken) =>
        await sender.Send(new CheckAccess(Permissions.ManageForms, ownerUnit), cancellationToken)
            ? null
            : Result.Forbidden($"{what} do đơn vị {ownerUnit} quản lý, ngoài phạm vi bạn quản trị.");

    /// <summary>The form by code when the user administers its owner unit; otherwise why not.</summary>
    public static async Task<(FormDesign? Form, Result? Refused)> FindFormAsync(FormsDbContext db, ISender sender, string code, bool tracked, CancellationToken cancellationToken)
    {
        var normalized = Codes.Normalize(code);
        var forms = tracked ? db.Forms : db.Forms.AsNoTracking();
        var form = await forms.SingleOrDefaultAsync(f => f.Code == normalized, cancellationToken);
        if (form is null)
            return (null, Result.NotFound($"Không có biểu mẫu mã '{code}'."));
        return await RefusedAsync(sender, form.OwnerUnit, $"Biểu mẫu {form.Code}", cancellationToken) is { } refused ? (null, refused) : (form, null);
    }
}
