using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BaoCao.Accounts.Contracts;
using BaoCao.Accounts.Domain;
using BaoCao.Accounts.Persistence;
using BaoCao.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace BaoCao.Accounts.Integration;

/// <summary>
/// Integrity of exchanged packets (R12, Đ3.5): outgoing packets are compact JWS signed ES256 with the province's active
/// key (kid in the header); incoming ones must carry a trusted partner's key, an intact signature, a sender matching
/// that partner, a lifetime of at most 7 days that has not ended, and an id not applied before. Keys and partners
/// belong to Accounts with the other credentials; the modules that build and apply packets ask through Contracts.
/// </summary>
internal sealed class PacketSigning(AccountsDbContext db, IDataProtectionProvider protection, TimeProvider clock, ICurrentUser user, IConfiguration configuration,
    UnitDirectory directory, PacketSchemas schemas)
    : ICommandHandler<SignPacket, SignedPacket>, ICommandHandler<VerifyPacket, PacketCheck>, ICommandHandler<RecordPacket, bool>
{
    public const string Algorithm = "ES256";
    public static readonly TimeSpan MaximumLifetime = TimeSpan.FromDays(7);
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public const string ProtectorPurpose = "BaoCao.Exchange.SigningKeys";

    private IDataProtector Protector => protection.CreateProtector(ProtectorPurpose);

    public async ValueTask<SignedPacket> Handle(SignPacket command, CancellationToken cancellationToken)
    {
        var key = await ActiveKeyAsync(cancellationToken);
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(Protector.Unprotect(Convert.FromBase64String(key.ProtectedPrivateKey)), out _);
        var now = clock.GetUtcNow();
        var lifetime = command.Lifetime is { } asked && asked > TimeSpan.Zero && asked < MaximumLifetime ? asked : MaximumLifetime;
        var id = Guid.CreateVersion7().ToString("N");
        var expires = now + lifetime;
        var header = JsonSerializer.SerializeToUtf8Bytes(new { alg = Algorithm, kid = key.KeyId, typ = "baocao-packet+jws" });
        var payload = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(payload))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("type", command.Type);
            writer.WriteString("sender", await SenderAsync(cancellationToken));
            writer.WriteString("issuedAt", now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            writer.WriteString("expiresAt", expires.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            writer.WritePropertyName("body");
            writer.WriteRawValue(command.BodyJson);
            writer.WriteEndObject();
        }
        var signingInput = $"{WebEncoders.Base64UrlEncode(header)}.{WebEncoders.Base64UrlEncode(payload.WrittenSpan)}";
        var signature = ecdsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256); // IEEE P1363, as JWS wants
        return new SignedPacket(id, command.Type, expires, $"{signingInput}.{WebEncoders.Base64UrlEncode(signature)}");
    }

    public async ValueTask<PacketCheck> Handle(VerifyPacket command, CancellationToken cancellationToken)
    {
        var check = await CheckAsync(command.Jws.Trim(), cancellationToken);
        if (check.Refusal is not null)
        {
            db.SecurityLog.Add(SecurityLogEntry.Record(SecurityEvent.PacketRefused, user.UserName ?? "(ẩn danh)", user.RemoteAddress, clock.GetUtcNow(),
                $"{check.PacketId ?? "?"}: {check.Refusal}"));
            await db.SaveChangesAsync(cancellationToken);
        }
        return check;
    }

    public async ValueTask<bool> Handle(RecordPacket command, CancellationToken cancellationToken)
    {
        if (await db.ReceivedPackets.AnyAsync(p => p.PacketId == command.PacketId, cancellationToken))
            return false;
        db.ReceivedPackets.Add(new ReceivedPacket(command.PacketId, command.Sender, command.Type, clock.GetUtcNow(), command.ExpiresAt));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false; // the same packet, applied at the same moment by another request
        }
    }

    private async Task<PacketCheck> CheckAsync(string jws, CancellationToken cancellationToken)
    {
        static PacketCheck Refuse(string reason, string? id = null, bool replayed = false) => new(reason, replayed, id, null, null, null, null);
        var parts = jws.Split('.');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0))
            return Refuse("Gói tin không đúng dạng JWS (ba phần nối bằng dấu chấm).");
        JsonElement header, payload;
        byte[] signature;
        try
        {
            header = JsonSerializer.Deserialize<JsonElement>(WebEncoders.Base64UrlDecode(parts[0]));
            payload = JsonSerializer.Deserialize<JsonElement>(WebEncoders.Base64UrlDecode(parts[1]));
            signature = WebEncoders.Base64UrlDecode(parts[2]);
        }
        catch (Exception error) when (error is FormatException or JsonException)
        {
            return Refuse("Gói tin không đọc được (phần đầu, nội dung hoặc chữ ký không phải base64url/JSON).");
        }
        if (header.ValueKind != JsonValueKind.Object || payload.ValueKind != JsonValueKind.Object)
            return Refuse("Gói tin không đọc được (phần đầu và nội dung phải là đối tượng JSON).");
        var alg = Text(header, "alg");
        if (alg != Algorithm)
            return Refuse($"Thuật toán ký '{alg}' không được chấp nhận (chỉ {Algorithm}).");
        // RFC 7515 §4.1.11: a recipient that does not understand a listed critical extension must reject; we understand none.
        if (header.TryGetProperty("crit", out _))
            return Refuse("Gói tin đòi xử lý phần mở rộng bắt buộc (crit) mà hệ thống không hỗ trợ.");
        var id = Text(payload, "id");
        var kid = Text(header, "kid");
        var (partner, key) = await TrustedKeyAsync(kid, cancellationToken);
        if (partner is null || key is null)
            return Refuse($"Khóa ký '{kid}' không thuộc đối tác nào được tin cậy. Quản trị cấp tỉnh cần khai báo đối tác cùng khóa công khai hiện hành của đối tác (PUT /api/exchange/partners/{{mã}}).", id);
        using (key)
        {
            if (signature.Length != 64 || !key.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), signature, HashAlgorithmName.SHA256))
                return Refuse("Chữ ký không hợp lệ: gói tin đã bị sửa hoặc không do đối tác ký. Hãy gửi đúng gói tin nguyên vẹn do hệ thống gửi tạo ra.", id);
        }
        var (type, sender) = (Text(payload, "type"), Text(payload, "sender"));
        if (id is null || id.Length > 64 || type is null || sender is null || !payload.TryGetProperty("body", out var body)
            || !DateTimeOffset.TryParse(Text(payload, "issuedAt"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var issued)
            || !DateTimeOffset.TryParse(Text(payload, "expiresAt"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expires))
            return Refuse("Gói tin thiếu id, type, sender, issuedAt, expiresAt hoặc body.", id);
        if (!sender.Equals(partner, StringComparison.OrdinalIgnoreCase))
            return Refuse($"Người gửi ghi trong gói tin ({sender}) không khớp với đối tác sở hữu khóa ký ({partner}).", id);
        if (expires <= issued)
            return Refuse("Thời điểm hết hạn của gói tin (expiresAt) phải sau thời điểm phát hành (issuedAt).", id);
        var now = clock.GetUtcNow();
        if (expires <= now)
            return Refuse($"Gói tin đã hết hạn lúc {expires.ToOffset(TimeSpan.FromHours(7)):HH:mm dd/MM/yyyy}. Hãy đề nghị hệ thống gửi tạo gói tin mới.", id);
        if (issued > now + ClockSkew)
            return Refuse("Gói tin ghi thời điểm phát hành ở tương lai: đồng hồ của hệ thống gửi cần được chỉnh đúng giờ.", id);
        if (expires - issued > MaximumLifetime)
            return Refuse("Thời hạn của gói tin dài quá 7 ngày; hệ thống gửi cần đặt thời hạn ngắn hơn.", id);
        if (await db.ReceivedPackets.AnyAsync(p => p.PacketId == id, cancellationToken))
            return Refuse($"Gói tin {id} đã được nhận trước đó; gửi lại cùng một gói tin không được chấp nhận.", id, replayed: true);
        if (schemas.Check(type, body) is { } mismatch)
            return Refuse(mismatch, id);
        return new PacketCheck(null, false, id, type, partner, body.GetRawText(), expires);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The partner whose published keys include <paramref name="kid"/>, and that key.</summary>
    private async Task<(string? Partner, ECDsa? Key)> TrustedKeyAsync(string? kid, CancellationToken cancellationToken)
    {
        if (kid is null)
            return (null, null);
        foreach (var partner in await db.ExchangePartners.AsNoTracking().ToListAsync(cancellationToken))
        {
            foreach (var jwk in Jwks.Keys(partner.Jwks))
            {
                if (jwk.Kid == kid && jwk.ToPublicKey() is { } key)
                    return (partner.Code, key);
            }
        }
        return (null, null);
    }

    private async Task<string> SenderAsync(CancellationToken cancellationToken) =>
        configuration["Exchange:SenderCode"] is { Length: > 0 } configured ? configured
        : (await directory.GetAsync(() => AccountQueries.DirectoryAsync(db, cancellationToken))).Infos.FirstOrDefault(u => u.ParentCode is null)?.Code ?? "BAOCAO";

    /// <summary>The newest key not retired; the first is made on first use.</summary>
    private async Task<SigningKey> ActiveKeyAsync(CancellationToken cancellationToken) =>
        await db.SigningKeys.AsNoTracking().Where(k => k.RetiredAt == null).OrderByDescending(k => k.CreatedAt).FirstOrDefaultAsync(cancellationToken)
        ?? await CreateKeyAsync(db, Protector, clock.GetUtcNow(), "system", cancellationToken);

    public static async Task<SigningKey> CreateKeyAsync(AccountsDbContext db, IDataProtector protector, DateTimeOffset now, string by, CancellationToken cancellationToken)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var point = ecdsa.ExportParameters(false).Q;
        var key = new SigningKey($"{now:yyyyMMdd}-{Guid.NewGuid().ToString("N")[..8]}", WebEncoders.Base64UrlEncode(point.X!), WebEncoders.Base64UrlEncode(point.Y!),
            Convert.ToBase64String(protector.Protect(ecdsa.ExportPkcs8PrivateKey())), now, by);
        db.SigningKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }
}

/// <summary>A JSON Web Key Set with EC P-256 public keys, as partners publish and as <c>/api/exchange/keys</c> serves.</summary>
internal static class Jwks
{
    internal sealed record Jwk(string Kty, string Crv, string X, string Y, string Kid, string Use = "sig", string Alg = PacketSigning.Algorithm)
    {
        public ECDsa? ToPublicKey()
        {
            if (Kty != "EC" || Crv != "P-256")
                return null;
            try
            {
                return ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = WebEncoders.Base64UrlDecode(X), Y = WebEncoders.Base64UrlDecode(Y) } });
            }
            catch (Exception error) when (error is CryptographicException or FormatException)
            {
                return null;
            }
        }
    }

    internal sealed record KeySet(IReadOnlyList<Jwk> Keys);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<Jwk> Keys(string jwks)
    {
        try
        {
            return JsonSerializer.Deserialize<KeySet>(jwks, Json)?.Keys?.Where(k => k is { Kty: not null, Crv: not null, X: not null, Y: not null, Kid: not null }).ToList() ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public static string Serialize(IEnumerable<Jwk> keys) => JsonSerializer.Serialize(new KeySet([.. keys]), Json);
}
