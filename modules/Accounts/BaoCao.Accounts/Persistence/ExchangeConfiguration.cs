using BaoCao.Accounts.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BaoCao.Accounts.Persistence;

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> key)
    {
        key.ToTable("SigningKeys");
        key.HasKey(k => k.Id);
        key.Property(k => k.KeyId).HasMaxLength(64);
        key.HasIndex(k => k.KeyId).IsUnique();
        key.Property(k => k.X).HasMaxLength(64);
        key.Property(k => k.Y).HasMaxLength(64);
        key.Property(k => k.ProtectedPrivateKey).HasMaxLength(4000);
        key.Property(k => k.CreatedBy).HasMaxLength(256);
    }
}

internal sealed class ExchangePartnerConfiguration : IEntityTypeConfiguration<ExchangePartner>
{
    public void Configure(EntityTypeBuilder<ExchangePartner> partner)
    {
        partner.ToTable("ExchangePartners");
        partner.HasKey(p => p.Code);
        partner.Property(p => p.Code).HasMaxLength(64);
        partner.Property(p => p.Name).HasMaxLength(300);
        partner.Property(p => p.Jwks).HasMaxLength(20_000);
    }
}

internal sealed class ReceivedPacketConfiguration : IEntityTypeConfiguration<ReceivedPacket>
{
    public void Configure(EntityTypeBuilder<ReceivedPacket> packet)
    {
        packet.ToTable("ReceivedPackets");
        packet.HasKey(p => p.PacketId);
        packet.Property(p => p.PacketId).HasMaxLength(64);
        packet.Property(p => p.Sender).HasMaxLength(64);
        packet.Property(p => p.Type).HasMaxLength(64);
    }
}
