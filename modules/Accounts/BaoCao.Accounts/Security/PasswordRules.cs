using System.Reflection;
using BaoCao.Accounts.Domain;
using Microsoft.AspNetCore.Identity;

namespace BaoCao.Accounts.Security;

/// <summary>
/// Password rules (OWASP ASVS level 2, Vietnam's level-3 requirements): at least 8 characters with
/// two-factor sign-in, at least 14 without, at most 128; not a common password; not containing the user
/// name. Composition rules (digits, symbols) are not required: length is what resists guessing.
/// </summary>
internal sealed class PasswordRules : IPasswordValidator<Account>
{
    public const int MinimumWithTwoFactor = 8;
    public const int MinimumWithoutTwoFactor = 14;
    public const int Maximum = 128;

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommonPasswords);

    public Task<IdentityResult> ValidateAsync(UserManager<Account> manager, Account account, string? password)
    {
        var errors = Check(password ?? "", account.UserName, account.TwoFactorEnabled)
            .Select(message => new IdentityError { Code = "Password", Description = message })
            .ToArray();
        return Task.FromResult(errors.Length == 0 ? IdentityResult.Success : IdentityResult.Failed(errors));
    }

    public static IEnumerable<string> Check(string password, string? userName, bool twoFactor)
    {
        var minimum = twoFactor ? MinimumWithTwoFactor : MinimumWithoutTwoFactor;
        if (password.Length < minimum)
            yield return twoFactor
                ? $"Mật khẩu phải có ít nhất {MinimumWithTwoFactor} ký tự."
                : $"Mật khẩu phải có ít nhất {MinimumWithoutTwoFactor} ký tự (hoặc {MinimumWithTwoFactor} ký tự khi bật xác thực hai lớp).";
        if (password.Length > Maximum)
            yield return $"Mật khẩu không được dài quá {Maximum} ký tự.";
        if (Common.Value.Contains(password.Trim()))
            yield return "Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác.";
        if (userName is { Length: >= 3 } && password.Contains(userName, StringComparison.OrdinalIgnoreCase))
            yield return "Mật khẩu không được chứa tên đăng nhập.";
    }

    private static HashSet<string> LoadCommonPasswords()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("common-passwords.txt")!;
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
                set.Add(line.Trim());
        }
        return set;
    }
}
