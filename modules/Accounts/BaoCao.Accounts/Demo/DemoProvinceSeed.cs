using BaoCao.Accounts.Contracts;
using BaoCao.Accounts.Domain;
using BaoCao.Accounts.Persistence;
using BaoCao.SharedKernel.Modules;
using BaoCao.SharedKernel.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BaoCao.Accounts.Demo;

/// <summary>
/// The demo province: Ninh Bình as merged on 1 July 2025 (with Hà Nam and Nam Định), its People's
/// Committee, office, departments with sub-departments, and communes and wards; the three former provinces
/// remain as merged units pointing to their successor. Accounts: <c>admin</c> (province administrator) and,
/// for each demo department, a leader (<c>lanhdao.&lt;code&gt;</c>) and an officer (<c>canbo.&lt;code&gt;</c>).
/// Idempotent: an existing unit or account is left as it is (the demo password is reset to Demo:Password).
/// </summary>
internal sealed class DemoProvinceSeed(AccountsDbContext db, IPasswordHasher<Account> hasher, ILookupNormalizer normalizer, DemoProvince demo, TimeProvider clock)
{
    private static readonly DateOnly Merged = new(2025, 7, 1);
    private bool _resetPasswords;

    internal static readonly (string Code, string Name, (string Code, string Name)[] SubDepartments)[] Departments =
    [
        ("STC", "Sở Tài chính", [("STC-NS", "Phòng Quản lý ngân sách"), ("STC-DT", "Phòng Đầu tư")]),
        ("SNV", "Sở Nội vụ", [("SNV-TCBM", "Phòng Tổ chức, biên chế"), ("SNV-CCVC", "Phòng Công chức, viên chức")]),
        ("STP", "Sở Tư pháp", [("STP-HCTP", "Phòng Hành chính tư pháp")]),
        ("SCT", "Sở Công Thương", [("SCT-QLCN", "Phòng Quản lý công nghiệp"), ("SCT-QLTM", "Phòng Quản lý thương mại")]),
        ("SNNMT", "Sở Nông nghiệp và Môi trường", [("SNNMT-TT", "Chi cục Trồng trọt và Bảo vệ thực vật"), ("SNNMT-MT", "Chi cục Bảo vệ môi trường")]),
        ("SXD", "Sở Xây dựng", [("SXD-QH", "Phòng Quy hoạch - Kiến trúc")]),
        ("SKHCN", "Sở Khoa học và Công nghệ", [("SKHCN-CDS", "Phòng Chuyển đổi số")]),
        ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", [("SVHTTDL-QLDL", "Phòng Quản lý du lịch")]),
        ("SGDDT", "Sở Giáo dục và Đào tạo", [("SGDDT-GDPT", "Phòng Giáo dục phổ thông")]),
        ("SYT", "Sở Y tế", [("SYT-NVY", "Phòng Nghiệp vụ Y")]),
        ("SDL", "Sở Du lịch", []),
        ("TTT", "Thanh tra tỉnh", []),
        ("SDTTG", "Sở Dân tộc và Tôn giáo", []),
        ("BQLKCN", "Ban Quản lý các khu công nghiệp tỉnh", []),
    ];

    private static readonly (string Code, string Name, UnitKind Kind)[] Communes =
    [
        ("P-HOALU", "Phường Hoa Lư", UnitKind.CommunePeoplesCommittee),
        ("P-TAMDIEP", "Phường Tam Điệp", UnitKind.CommunePeoplesCommittee),
        ("P-NAMDINH", "Phường Nam Định", UnitKind.CommunePeoplesCommittee),
        ("P-PHULY", "Phường Phủ Lý", UnitKind.CommunePeoplesCommittee),
        ("P-DUYTIEN", "Phường Duy Tiên", UnitKind.CommunePeoplesCommittee),
        ("X-GIAVIEN", "Xã Gia Viễn", UnitKind.CommunePeoplesCommittee),
        ("X-NHOQUAN", "Xã Nho Quan", UnitKind.CommunePeoplesCommittee),
        ("X-KIMSON", "Xã Kim Sơn", UnitKind.CommunePeoplesCommittee),
        ("X-YENMO", "Xã Yên Mô", UnitKind.CommunePeoplesCommittee),
        ("X-HAIHAU", "Xã Hải Hậu", UnitKind.CommunePeoplesCommittee),
        ("X-GIAOTHUY", "Xã Giao Thủy", UnitKind.CommunePeoplesCommittee),
        ("X-YYEN", "Xã Ý Yên", UnitKind.CommunePeoplesCommittee),
        ("X-BINHLUC", "Xã Bình Lục", UnitKind.CommunePeoplesCommittee),
        ("X-LYNHAN", "Xã Lý Nhân", UnitKind.CommunePeoplesCommittee),
    ];

    public static string LeaderOf(string departmentCode) => $"lanhdao.{departmentCode.ToLowerInvariant()}";

    public static string OfficerOf(string departmentCode) => $"canbo.{departmentCode.ToLowerInvariant()}";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var units = await db.Units.ToDictionaryAsync(u => u.Code, cancellationToken);
        Unit Ensure(string code, string name, UnitKind kind, Unit? parent, DateOnly from, string? email = null)
        {
            if (units.TryGetValue(code, out var existing))
                return existing;
            var unit = Unit.Create(code, name, kind, parent, from, email ?? $"{code.ToLowerInvariant()}@ninhbinh.gov.vn", $"lanhdao.{code.ToLowerInvariant()}@ninhbinh.gov.vn");
            db.Units.Add(unit);
            return units[code] = unit;
        }

        var province = Ensure("UBND-NB", "Ủy ban nhân dân tỉnh Ninh Bình", UnitKind.ProvincePeoplesCommittee, null, Merged, "ubnd@ninhbinh.gov.vn");
        Ensure("VP-UBND", "Văn phòng Ủy ban nhân dân tỉnh", UnitKind.ProvinceOffice, province, Merged, "vpubnd@ninhbinh.gov.vn");
        foreach (var (code, name, subDepartments) in Departments)
        {
            var department = Ensure(code, name, UnitKind.Department, province, Merged);
            foreach (var (subCode, subName) in subDepartments)
                Ensure(subCode, subName, UnitKind.SubDepartment, department, Merged);
        }
        foreach (var (code, name, kind) in Communes)
            Ensure(code, name, kind, province, Merged);

        // The provinces merged into Ninh Bình: their data reports under the new province.
        foreach (var (code, name) in new[] { ("UBND-HNAM", "Ủy ban nhân dân tỉnh Hà Nam (trước sáp nhập)"), ("UBND-NDINH", "Ủy ban nhân dân tỉnh Nam Định (trước sáp nhập)") })
        {
            if (units.ContainsKey(code))
                continue;
            var former = Ensure(code, name, UnitKind.ProvincePeoplesCommittee, null, new DateOnly(1997, 1, 1));
            former.MergeInto(province, Merged.AddDays(-1));
        }
        await db.SaveChangesAsync(cancellationToken);

        var now = clock.GetUtcNow();
        // One hash check tells whether Demo:Password changed since the last start (every demo account gets it).
        var admin = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.NormalizedUserName == normalizer.NormalizeName("admin"), cancellationToken);
        _resetPasswords = admin?.PasswordHash is null
            || hasher.VerifyHashedPassword(admin, admin.PasswordHash, demo.Password) == PasswordVerificationResult.Failed;
        await EnsureAccountAsync("admin", "Quản trị hệ thống tỉnh", "admin@ninhbinh.gov.vn", units["VP-UBND"], [(Roles.Administrator, province, true)], now, cancellationToken);
        demo.AnnounceSignIn("admin", "Quản trị hệ thống và tổng hợp cấp tỉnh");
        foreach (var (code, name, _) in Departments)
        {
            var department = units[code];
            await EnsureAccountAsync(LeaderOf(code), $"Lãnh đạo {name}", $"{LeaderOf(code)}@ninhbinh.gov.vn", department, [(Roles.Leader, department, true)], now, cancellationToken);
            await EnsureAccountAsync(OfficerOf(code), $"Cán bộ nhập liệu {name}", $"{OfficerOf(code)}@ninhbinh.gov.vn", department, [(Roles.DataEntry, department, false)], now, cancellationToken);
            demo.AnnounceSignIn(LeaderOf(code), $"Lãnh đạo đơn vị — {name}");
            demo.AnnounceSignIn(OfficerOf(code), $"Cán bộ nhập liệu — {name}");
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task EnsureAccountAsync(string userName, string displayName, string email, Unit unit,
        (string Role, Unit Unit, bool IncludeSubUnits)[] grants, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var normalized = normalizer.NormalizeName(userName);
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.NormalizedUserName == normalized, cancellationToken);
        if (account is null)
        {
            account = new Account
            {
                Id = Guid.CreateVersion7(),
                UserName = userName,
                NormalizedUserName = normalized,
                Email = email,
                NormalizedEmail = normalizer.NormalizeEmail(email),
                EmailConfirmed = true,
                DisplayName = displayName,
                UnitId = unit.Id,
                CreatedAt = now,
                IsDemo = true,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
            };
            db.Accounts.Add(account);
            foreach (var (role, grantUnit, includeSubUnits) in grants)
                db.RoleGrants.Add(RoleGrant.Create(account.Id, role, grantUnit.Id, includeSubUnits, now, "demo"));
        }
        // Demo:Password is what the run command printed: keep the demo accounts on it.
        if (account.PasswordHash is null || _resetPasswords)
        {
            account.PasswordHash = hasher.HashPassword(account, demo.Password);
            account.PasswordChangedAt = now;
        }
    }
}
