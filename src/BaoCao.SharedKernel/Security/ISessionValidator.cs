using System.Security.Claims;

namespace BaoCao.SharedKernel.Security;

/// <summary>Checks a signed-in person's principal against their account as it is now — active, the same security
/// stamp (changed by a password change, a grant change, suspension, termination and logout) — and returns the principal
/// rebuilt with the current grants, or null when the session must end. The Accounts module answers it; open pages ask
/// it on every write and at least every 30 seconds.</summary>
public interface ISessionValidator
{
    Task<ClaimsPrincipal?> RevalidateAsync(ClaimsPrincipal principal, CancellationToken cancellationToken);
}
