using BaoCao.Accounts.Jobs;
using BaoCao.Accounts.Persistence;
using BaoCao.SharedKernel.Security;
using BaoCao.SharedKernel.Time;
using BaoCao.Accounts.Demo;
using BaoCao.Accounts.Domain;
using BaoCao.Accounts.Features;
using BaoCao.Accounts.Security;
using BaoCao.SharedKernel.Pipeline;
using Hangfire;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection;
using BaoCao.SharedKernel.Modules;
using BaoCao.SharedKernel.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;

namespace BaoCao.Accounts;

/// <summary>Đơn vị, tài khoản, phân quyền và đăng nhập một lần (SSO).</summary>
public sealed class AccountsModule : IModule
{
    public const string SchemaName = "accounts";

    public string Name => "Accounts";

    public string Schema => SchemaName;

    public IReadOnlyList<NavigationEntry> Navigation =>
    [
        new("Đơn vị", "/don-vi", Icons.Material.Outlined.AccountTree, 70),
        new("Tài khoản", "/tai-khoan", Icons.Material.Outlined.ManageAccounts, 75, [Roles.Administrator]),
        new("Đề nghị cấp tài khoản", "/tai-khoan/de-nghi", Icons.Material.Outlined.AssignmentInd, 76, [Roles.Administrator, Roles.Leader]),
        new("Ủy quyền duyệt số liệu", "/tai-khoan/uy-quyen", Icons.Material.Outlined.HowToReg, 78, [Roles.Leader, Roles.DataEntry]),
        new("Nhật ký bảo mật", "/tai-khoan/nhat-ky-bao-mat", Icons.Material.Outlined.Security, 80, [Roles.Administrator]),
    ];

    public void AddRecurringJobs(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<PurgeExpiredSecurityLog>(PurgeExpiredSecurityLog.JobId, job => job.RunAsync(CancellationToken.None),
            "30 2 * * *", new RecurringJobOptions { TimeZone = VietnamTime.Zone });
        jobs.AddOrUpdate<DisableInactiveAccounts>(DisableInactiveAccounts.JobId, job => job.RunAsync(CancellationToken.None),
            "0 1 * * *", new RecurringJobOptions { TimeZone = VietnamTime.Zone });
    }

    public IReadOnlyList<ModuleCommand> Commands =>
    [
        new(CreateProvinceAdministrator.CommandName,
            "Tạo quản trị hệ thống cấp tỉnh lần đầu (--user TÊN --email THƯ): in đường dẫn đặt mật khẩu một lần, không in mật khẩu",
            CreateProvinceAdministrator.RunAsync),
    ];

    public async Task<IReadOnlyList<string>> ProductionProblemsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var demo = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            services.GetRequiredService<AccountsDbContext>().Accounts, a => a.IsDemo, cancellationToken);
        return demo == 0 ? [] :
        [
            $"Cơ sở dữ liệu còn {demo} tài khoản demo (mật khẩu chung, không xác thực hai lớp). Môi trường Production phải cài trên " +
            "cơ sở dữ liệu mới, rồi tạo quản trị cấp tỉnh bằng lệnh create-admin.",
        ];
    }

    public async Task SeedDemoAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        await services.GetRequiredService<DemoProvinceSeed>().SeedAsync(cancellationToken);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<PurgeExpiredSecurityLog>();
        services.AddScoped<DisableInactiveAccounts>();
        services.AddScoped<DemoProvinceSeed>();

        // ASP.NET Core Identity for the accounts: the module's own context stores them.
        services.AddIdentityCore<Account>(options =>
            {
                options.User.RequireUniqueEmail = false;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
                options.Password.RequiredLength = PasswordRules.MinimumWithTwoFactor;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
            })
            .AddUserStore<UserOnlyStore<Account, AccountsDbContext, Guid>>()
            .AddDefaultTokenProviders();
        // Our rules replace Identity's default validator (whose messages are English and rules differ).
        services.RemoveAll<IPasswordValidator<Account>>();
        services.AddScoped<IPasswordValidator<Account>, PasswordRules>();
        // PBKDF2-HMAC-SHA512 (Identity v3 format); 210,000 iterations is OWASP's 2023 figure for that hash.
        services.Configure<PasswordHasherOptions>(options =>
            options.IterationCount = configuration.GetValue("Accounts:PasswordHashIterations", 210_000));
        services.AddScoped<Grants>();
        services.AddSingleton<Integration.UnitDirectory>();
        services.AddSingleton<INodeCache>(sp => sp.GetRequiredService<Integration.UnitDirectory>());
        services.AddSingleton<GrantCache>();
        services.AddSingleton<StampCache>();
        services.AddSingleton<SignInThrottle>();
        SignInThrottle.AddLimits(services, configuration);
        services.AddSingleton<INodeCache>(sp => sp.GetRequiredService<StampCache>());
        services.AddSingleton<Integration.PacketSchemas>();
        services.AddSingleton<INodeCache>(sp => sp.GetRequiredService<GrantCache>());
        services.AddScoped<PasswordLinks>();
        services.AddScoped<SignInSteps>();
        services.AddScoped<PasswordChanges>();
        services.AddAuthentication()
            .AddCookie(PendingSignIn.Scheme, PendingSignIn.Configure)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(AuthenticationSchemes.ApiToken, _ => { });
        SignInWithSso.Register(services, configuration);
        services.AddScoped<IAccessPolicy, AccountsAccessPolicy>();
        services.AddScoped<SharedKernel.Security.ISessionValidator, SessionValidator>();
        services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme,
            options => options.Events.OnValidatePrincipal = AccountPrincipals.ValidateAsync);
        // In the database, so a restart or a second node still reads the cookies the first one issued.
        var protection = services.AddDataProtection().SetApplicationName("BaoCao").PersistKeysToDbContext<AccountsDbContext>();
        // The master keys sit in the database beside the data: encrypted with a certificate kept outside it, a backup alone
        // forges no cookie and decrypts no packet-signing key. Production refuses to start without one (InstallChecks).
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                certificatePath, configuration["DataProtection:CertificatePassword"]);
            protection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        services.AddModuleDbContext<AccountsDbContext, AccountsSqliteDbContext, AccountsPostgreSqlDbContext>(configuration, SchemaName);
    }
}
