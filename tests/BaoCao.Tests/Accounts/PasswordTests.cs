using BaoCao.Accounts.Domain;
using BaoCao.Accounts.Security;
using BaoCao.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BaoCao.Tests.Accounts;

public sealed class PasswordTests
{
    [Theory]
    [InlineData("ngan-qua-13ky", false, "ít nhất 14 ký tự")]
    [InlineData("ngan-7c", true, "ít nhất 8 ký tự")]
    [InlineData("matkhau@123", true, "quá phổ biến")]
    [InlineData("Password123", true, "quá phổ biến")]
    [InlineData("toi-la-canbo.stc-day", false, "chứa tên đăng nhập")]
    public void Weak_passwords_are_refused_with_the_reason(string password, bool twoFactor, string reason)
    {
        Assert.Contains(PasswordRules.Check(password, "canbo.stc", twoFactor), message => message.Contains(reason, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("mười bốn ký tự!", false)]
    [InlineData("tam-ky-t", true)]
    public void Long_enough_uncommon_passwords_pass(string password, bool twoFactor) =>
        Assert.Empty(PasswordRules.Check(password, "canbo.stc", twoFactor));

    [Fact]
    public void More_than_128_characters_is_refused() =>
        Assert.Contains(PasswordRules.Check(new string('a', 100) + new string('b', 29), "x", false), m => m.Contains("128", StringComparison.Ordinal));

    [Fact]
    public async Task Passwords_are_hashed_with_PBKDF2_SHA512_at_210000_iterations()
    {
        await using var app = await BaoCaoApp.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string?> { ["Accounts:PasswordHashIterations"] = null, ["Demo:Seed"] = "false" });

        var hash = Convert.FromBase64String(app.Services.GetRequiredService<IPasswordHasher<Account>>().HashPassword(new Account(), "mot-mat-khau-du-dai"));

        Assert.Equal(0x01, hash[0]);                                            // Identity v3 format
        Assert.Equal(2u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(1)));   // HMAC-SHA512
        Assert.Equal(210_000u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5)));
        Assert.Equal(16u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(9))); // salt bytes
    }
}
