namespace BaoCao.Accounts.Domain;

/// <summary>A key the province signs outgoing packets with (ECDSA P-256, JWS ES256). The private key is stored encrypted
/// with the app's Data Protection keys; the public key is published. Rotation retires the active key: it stays
/// published while packets it signed may still be valid.</summary>
internal sealed class SigningKey
{
    private SigningKey() { }

    public SigningKey(string keyId, string x, string y, string protectedPrivateKey, DateTimeOffset createdAt, string createdBy) =>
        (Id, KeyId, X, Y, ProtectedPrivateKey, CreatedAt, CreatedBy) = (Guid.CreateVersion7(), keyId, x, y, protectedPrivateKey, createdAt, createdBy);

    public Guid Id { get; private set; }
    public string KeyId { get; private set; } = "";
    /// <summary>The public point, base64url (JWK "x" and "y").</summary>
    public string X { get; private set; } = "";
    public string Y { get; private set; } = "";
    public string ProtectedPrivateKey { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset? RetiredAt { get; private set; }

    public void Retire(DateTimeOffset at) => RetiredAt ??= at;
}

/// <summary>A system the province exchanges packets with (the Government's system, a sectoral system, another province):
/// its code, as packets name their sender, and its published public keys (a JWKS document).</summary>
internal sealed class ExchangePartner : SharedKernel.Persistence.IVersioned
{
    private ExchangePartner() { }

    public ExchangePartner(string code, string name, string jwks, DateTimeOffset at) => (Code, Name, Jwks, UpdatedAt) = (code, name, jwks, at);

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Jwks { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }
    public long Version { get; set; }

    public void Update(string name, string jwks, DateTimeOffset at) => (Name, Jwks, UpdatedAt) = (name, jwks, at);
}

/// <summary>A packet applied here, by id: the same packet is never applied twice. Kept past its expiry, after which
/// it would be refused anyway.</summary>
internal sealed class ReceivedPacket
{
    private ReceivedPacket() { }

    public ReceivedPacket(string packetId, string sender, string type, DateTimeOffset receivedAt, DateTimeOffset expiresAt) =>
        (PacketId, Sender, Type, ReceivedAt, ExpiresAt) = (packetId, sender, type, receivedAt, expiresAt);

    public string PacketId { get; private set; } = "";
    public string Sender { get; private set; } = "";
    public string Type { get; private set; } = "";
    public DateTimeOffset ReceivedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
}
