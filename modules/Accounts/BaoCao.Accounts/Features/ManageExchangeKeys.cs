using BaoCao.Accounts.Contracts;
using BaoCao.Accounts.Domain;
using BaoCao.Accounts.Integration;
using BaoCao.Accounts.Persistence;
using BaoCao.SharedKernel.Http;
using BaoCao.SharedKernel.Pipeline;
using BaoCao.SharedKernel.Results;
using BaoCao.SharedKernel.Security;
using Carter;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace BaoCao.Accounts.Features;

/// <summary>
/// The province's packet-signing keys and the partners whose packets it trusts. The public keys are published (JWKS, no
/// sign-in) for partners to verify with; a province administrator rotates the key (the old one stays published for
/// the 7 days its packets may live) and registers partners with their published keys.
/// </summary>
internal static class ManageExchangeKeys
{
    internal sealed record PublishedKeys : IQuery<Jwks.KeySet>;

    internal sealed record Rotate : ICommand<Result<Jwks.KeySet>>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageExchange;
    }

    internal sealed record SavePartner(string Code, string? Name, Jwks.KeySet? Keys) : ICommand<Result<PartnerView>>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageExchange;
    }

    internal sealed record ListPartners : IQuery<Result<IReadOnlyList<PartnerView>>>, IRequireAccess
    {
        string IRequireAccess.Permission => Permissions.ManageExchange;
    }

    internal sealed record PartnerView(string Code, string Name, IReadOnlyList<string> KeyIds, DateTimeOffset UpdatedAt);

    internal sealed class SavePartnerValidator : AbstractValidator<SavePartner>
    {
        public SavePartnerValidator()
        {
            RuleFor(c => c.Code).NotEmpty().WithMessage("Cần mã đối tác (như mã người gửi ghi trong gói tin).").MaximumLength(64).WithMessage("Mã đối tác dài quá 64 ký tự.");
            RuleFor(c => c.Name).NotEmpty().WithMessage("Cần tên đối tác.").MaximumLength(300).WithMessage("Tên đối tác dài quá 300 ký tự.");
            RuleFor(c => c.Keys).NotNull().WithMessage("Cần khóa công khai của đối tác (JWKS: { keys: [...] }).");
            RuleFor(c => c.Keys!.Keys).NotEmpty().WithMessage("JWKS của đối tác không có khóa nào.").When(c => c.Keys is not null);
            RuleForEach(c => c.Keys!.Keys).Must(k => k is not null && k.ToPublicKey() is { } key && Dispose(key))
                .WithMessage("Khóa phải là EC P-256 (kty EC, crv P-256) với x, y hợp lệ và có kid.").When(c => c.Keys?.Keys is not null);
        }

        private static bool Dispose(IDisposable key)
        {
            key.Dispose();
            return true;
        }
    }

    internal sealed class PublishedKeysHandler(AccountsDbContext db, IDataProtectionProvider protection, TimeProvider clock) : IQueryHandler<PublishedKeys, Jwks.KeySet>
    {
        public async ValueTask<Jwks.KeySet> Handle(PublishedKeys query, CancellationToken cancellationToken)
        {
            var since = clock.GetUtcNow() - PacketSigning.MaximumLifetime;
            // A partner declares our key before we send anything: the first key is made when it is first asked for.
            if (!await db.SigningKeys.AnyAsync(k => k.RetiredAt == null, cancellationToken))
                await PacketSigning.CreateKeyAsync(db, protection.CreateProtector(PacketSigning.ProtectorPurpose), clock.GetUtcNow(), "system", cancellationToken);
            var keys = await db.SigningKeys.AsNoTracking().Where(k => k.RetiredAt == null || k.RetiredAt > since).OrderByDescending(k => k.CreatedAt).ToListAsync(cancellationToken);
            return new Jwks.KeySet([.. keys.Select(k => new Jwks.Jwk("EC", "P-256", k.X, k.Y, k.KeyId))]);
        }
    }

    internal sealed class RotateHandler(AccountsDbContext db, ISender sender, IDataProtectionProvider protection, ICurrentUser user, TimeProvider clock) : ICommandHandler<Rotate, Result<Jwks.KeySet>>
    {
        public async ValueTask<Result<Jwks.KeySet>> Handle(Rotate command, CancellationToken cancellationToken)
        {
            if (!await sender.Send(new CheckProvinceWideAccess(Permissions.ManageExchange), cancellationToken))
                return Result<Jwks.KeySet>.Forbidden("Chỉ quản trị cấp tỉnh được đổi khóa ký gói tin.");
            var now = clock.GetUtcNow();
            foreach (var old in await db.SigningKeys.Where(k => k.RetiredAt == null).ToListAsync(cancellationToken))
                old.Retire(now);
            var key = await PacketSigning.CreateKeyAsync(db, protection.CreateProtector(PacketSigning.ProtectorPurpose), now, user.UserName ?? "system", cancellationToken);
            db.SecurityLog.Add(SecurityLogEntry.Record(SecurityEvent.SigningKeyRotated, user.UserName ?? "system", user.RemoteAddress, now, $"khóa mới {key.KeyId}"));
            await db.SaveChangesAsync(cancellationToken);
            return await sender.Send(new PublishedKeys(), cancellationToken);
        }
    }

    internal sealed class SavePartnerHandler(AccountsDbContext db, ISender sender, ICurrentUser user, TimeProvider clock) : ICommandHandler<SavePartner, Result<PartnerView>>
    {
        public async ValueTask<Result<PartnerView>> Handle(SavePartner command, CancellationToken cancellationToken)
        {
            if (!await sender.Send(new CheckProvinceWideAccess(Permissions.ManageExchange), cancellationToken))
                return Result<PartnerView>.Forbidden("Chỉ quản trị cấp tỉnh được khai báo đối tác trao đổi dữ liệu.");
            var code = Codes.Normalize(command.Code);
            var jwks = Jwks.Serialize(command.Keys!.Keys);
            var now = clock.GetUtcNow();
            var partner = await db.ExchangePartners.SingleOrDefaultAsync(p => p.Code == code, cancellationToken);
            if (partner is null)
                db.ExchangePartners.Add(partner = new ExchangePartner(code, command.Name!.Trim(), jwks, now));
            else
                partner.Update(command.Name!.Trim(), jwks, now);
            db.SecurityLog.Add(SecurityLogEntry.Record(SecurityEvent.PartnerChanged, user.UserName ?? "system", user.RemoteAddress, now,
                $"{code}: khóa {string.Join(", ", command.Keys.Keys.Select(k => k.Kid))}"));
            await db.SaveChangesAsync(cancellationToken);
            return View(partner);
        }
    }

    internal sealed class ListPartnersHandler(AccountsDbContext db, ISender sender) : IQueryHandler<ListPartners, Result<IReadOnlyList<PartnerView>>>
    {
        public async ValueTask<Result<IReadOnlyList<PartnerView>>> Handle(ListPartners query, CancellationToken cancellationToken)
        {
            if (!await sender.Send(new CheckProvinceWideAccess(Permissions.ManageExchange), cancellationToken))
                return Result<IReadOnlyList<PartnerView>>.Forbidden("Chỉ quản trị cấp tỉnh xem được danh sách đối tác trao đổi dữ liệu.");
            return (await db.ExchangePartners.AsNoTracking().OrderBy(p => p.Code).ToListAsync(cancellationToken)).Select(View).ToList();
        }
    }

    // Shared by the handlers above.
    private static PartnerView View(ExchangePartner partner) => new(partner.Code, partner.Name, [.. Jwks.Keys(partner.Jwks).Select(k => k.Kid)], partner.UpdatedAt);


    public sealed class Endpoint : ICarterModule
    {
        public void AddRoutes(IEndpointRouteBuilder app)
        {
            var exchange = app.MapGroup("/api/exchange").WithTags("Trao đổi dữ liệu");
            exchange.MapGet("/keys", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new PublishedKeys(), ct)))
                .AllowAnonymous() // public keys: partners verify our packets with them
                .WithSummary("Khóa công khai (JWKS) để kiểm tra chữ ký các gói tin tỉnh gửi đi");
            exchange.MapPost("/keys/rotate", async (ISender sender, CancellationToken ct) => (await sender.Send(new Rotate(), ct)).ToHttpResult())
                .Produces<Jwks.KeySet>()
                .WithSummary("Đổi khóa ký gói tin (khóa cũ vẫn được công bố 7 ngày)");
            exchange.MapPut("/partners/{code}", async (string code, PartnerBody body, ISender sender, CancellationToken ct) =>
                    (await sender.Send(new SavePartner(code, body.Name, body.Keys), ct)).ToHttpResult())
                .Produces<PartnerView>()
                .WithSummary("Khai báo hoặc cập nhật đối tác trao đổi dữ liệu và khóa công khai của đối tác");
            exchange.MapGet("/partners", async (ISender sender, CancellationToken ct) => (await sender.Send(new ListPartners(), ct)).ToHttpResult())
                .Produces<IReadOnlyList<PartnerView>>()
                .WithSummary("Các đối tác trao đổi dữ liệu được tin cậy");
        }
    }

    internal sealed record PartnerBody(string? Name, Jwks.KeySet? Keys);
}
