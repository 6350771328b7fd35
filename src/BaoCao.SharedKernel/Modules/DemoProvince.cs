using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace BaoCao.SharedKernel.Modules;

/// <summary>
/// The demo province: whether modules seed demo data, the demo accounts' password (<c>Demo:Password</c>;
/// otherwise generated once, kept in data/demo-password and printed at start) and the sign-ins to print.
/// </summary>
public sealed class DemoProvince
{
    private readonly ConcurrentDictionary<string, string> _signIns = new(StringComparer.Ordinal);

    private DemoProvince(bool enabled, string password, bool generated, string? passwordFile = null)
    {
        PasswordFile = passwordFile;
        Enabled = enabled;
        Password = password;
        PasswordGenerated = generated;
    }

    public bool Enabled { get; }
    public string Password { get; }
    public bool PasswordGenerated { get; }

    /// <summary>Where a generated password is kept between runs.</summary>
    public string? PasswordFile { get; }

    /// <summary>User name → what the account is, in Vietnamese, in the order modules announced them.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> SignIns => [.. _signIns.OrderBy(s => s.Key == "admin" ? 0 : 1).ThenBy(s => s.Key, StringComparer.Ordinal)];

    public void AnnounceSignIn(string userName, string description) => _signIns[userName] = description;

    /// <param name="defaultEnabled">Seed when <c>Demo:Seed</c> is not set (the host passes true on SQLite).</param>
    public static DemoProvince From(IConfiguration configuration, string dataDirectory, bool defaultEnabled)
    {
        var enabled = bool.TryParse(configuration["Demo:Seed"], out var seed) ? seed : defaultEnabled;
        var configured = configuration["Demo:Password"];
        if (!string.IsNullOrWhiteSpace(configured))
            return new DemoProvince(enabled, configured, generated: false);
        if (!enabled)
            return new DemoProvince(false, "", generated: false);

        var file = Path.Combine(dataDirectory, "demo-password");
        if (File.Exists(file) && File.ReadAllText(file).Trim() is { Length: >= 16 } kept)
            return new DemoProvince(true, kept, generated: true, file);

        // 18 random characters from an alphabet without look-alikes: long enough for the no-2FA rule (≥ 14).
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var password = new string(RandomNumberGenerator.GetItems<char>(alphabet, 18));
        Directory.CreateDirectory(dataDirectory);
        File.WriteAllText(file, password + "\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return new DemoProvince(true, password, generated: true, file);
    }
}
