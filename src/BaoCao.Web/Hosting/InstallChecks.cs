using BaoCao.SharedKernel.Modules;
using BaoCao.SharedKernel.Persistence;

namespace BaoCao.Web.Hosting;

/// <summary>
/// A production install that is not safe does not start: each problem is printed in Vietnamese with the setting that
/// fixes it, and the process exits with <see cref="ExitCode"/>. Development and test environments are not checked.
/// </summary>
internal static class InstallChecks
{
    public const int ExitCode = 78; // EX_CONFIG

    /// <summary>What is wrong with the configuration before anything touches the database.</summary>
    public static List<string> Configuration(IConfiguration configuration, IHostEnvironment environment, DemoProvince demo)
    {
        var problems = new List<string>();
        // The demo accounts sign in with Demo:Password without two-factor: outside a developer's machine it must be long.
        if (!environment.IsDevelopment() && demo.Enabled && configuration["Demo:Password"] is { Length: > 0 and < 14 })
            problems.Add("Demo:Password ngắn hơn 14 ký tự — mật khẩu của các tài khoản demo phải theo quy tắc mật khẩu (ít nhất 14 ký tự).");
        if (!environment.IsProduction())
            return problems;
        if (!Uri.TryCreate(configuration["App:PublicUrl"], UriKind.Absolute, out var publicUrl) || publicUrl.Scheme != Uri.UriSchemeHttps)
            problems.Add("Chưa đặt App:PublicUrl — địa chỉ https công khai của hệ thống (ví dụ https://baocao.ninhbinh.gov.vn). " +
                         "Địa chỉ này nằm trong các đường dẫn gửi qua thư điện tử và là nguồn (origin) duy nhất được phép mở trang.");
        if ((configuration["AllowedHosts"] ?? "*").Split(';').Any(h => h.Trim() == "*"))
            problems.Add("AllowedHosts đang là '*' — hãy đặt đúng tên máy chủ của hệ thống (ví dụ AllowedHosts=baocao.ninhbinh.gov.vn) " +
                         "để không phản hồi theo tiêu đề Host tùy ý.");
        if (string.IsNullOrWhiteSpace(configuration["DataProtection:CertificatePath"]))
            problems.Add("Chưa đặt DataProtection:CertificatePath (và DataProtection:CertificatePassword) — chứng thư số dùng để mã hóa " +
                         "khóa bảo vệ dữ liệu (cookie đăng nhập, khóa ký gói tin) khi lưu trong cơ sở dữ liệu.");
        if (demo.Enabled)
            problems.Add("Demo:Seed đang bật — môi trường Production không được có tỉnh mẫu. Bỏ Demo:Seed (hoặc đặt false).");
        return problems;
    }

    /// <summary>Prints the problems and returns the exit code, or null when there are none.</summary>
    public static int? Refuse(IReadOnlyCollection<string> problems)
    {
        if (problems.Count == 0)
            return null;
        Console.Error.WriteLine("BaoCao không khởi động: cấu hình chưa an toàn cho môi trường Production.");
        foreach (var problem in problems)
            Console.Error.WriteLine($"  - {problem}");
        Console.Error.WriteLine("Xem mục \"Triển khai cho một tỉnh\" (Deploying for a province) trong README.");
        return ExitCode;
    }

    /// <summary>The embedded database's folder is the server account's alone (0700) and the database file 0600; SQLite
    /// gives its -wal and -shm files the database file's mode.</summary>
    public static void RestrictDataFiles(DatabaseOptions database)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString);
        if (!database.IsSqlite || OperatingSystem.IsWindows() || builder.Mode == Microsoft.Data.Sqlite.SqliteOpenMode.Memory
            || builder.DataSource is "" or ":memory:")
            return;
        var file = Path.GetFullPath(builder.DataSource);
        var folder = Path.GetDirectoryName(file)!;
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (!File.Exists(file))
            File.Create(file).Dispose(); // an empty file is a new SQLite database
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
