using Mediator;

namespace BaoCao.Accounts.Contracts;

/// <summary>Signs an outgoing exchange packet with the province's active key (JWS, ES256). The packet gets a new id and
/// a lifetime (default and at most 7 days).</summary>
public sealed record SignPacket(string Type, string BodyJson, TimeSpan? Lifetime = null) : ICommand<SignedPacket>;

/// <summary>What the outbound packet endpoints answer: the packet (compact JWS) with its id, type and end of validity.</summary>
public sealed record SignedPacket(string PacketId, string Type, DateTimeOffset ExpiresAt, string Jws);

/// <summary>Checks an incoming packet: a trusted partner's key, an intact signature, not expired, not seen before. A
/// refusal is logged with its reason. Nothing is recorded: call <see cref="RecordPacket"/> once the packet is applied.</summary>
public sealed record VerifyPacket(string Jws) : ICommand<PacketCheck>;

/// <param name="Refusal">Why the packet is refused (Vietnamese), or null when it is accepted.</param>
/// <param name="Replayed">True when the refusal is that the packet id was already received.</param>
public sealed record PacketCheck(string? Refusal, bool Replayed, string? PacketId, string? Type, string? Sender, string? BodyJson, DateTimeOffset? ExpiresAt);

/// <summary>Records an applied packet's id so it is never applied again; false when it already was (a replay).</summary>
public sealed record RecordPacket(string PacketId, string Sender, string Type, DateTimeOffset ExpiresAt) : ICommand<bool>;
