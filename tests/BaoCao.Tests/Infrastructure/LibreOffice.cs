using System.Diagnostics;

namespace BaoCao.Tests.Infrastructure;

/// <summary>Runs where LibreOffice is installed (CI installs Calc and Writer), so files are checked by a real office suite.</summary>
public sealed class LibreOfficeFactAttribute : FactAttribute
{
    public LibreOfficeFactAttribute()
    {
        // In CI a missing LibreOffice is a failure, not a skip.
        if (LibreOffice.Path is null && Environment.GetEnvironmentVariable("CI") is null)
            Skip = "Needs LibreOffice: apt-get install -y --no-install-recommends libreoffice-calc-nogui libreoffice-writer-nogui (CI installs them).";
    }
}

public static class LibreOffice
{
    public static string? Path => new[] { "/usr/bin/soffice", "/usr/bin/libreoffice" }.FirstOrDefault(File.Exists);

    /// <summary>Converts an .xlsx to CSV (UTF-8, comma-separated, first sheet) with LibreOffice and returns the lines.</summary>
    public static Task<string[]> ToCsvAsync(byte[] workbook) => ConvertAsync(workbook, "xlsx", "csv:Text - txt - csv (StarCalc):44,34,76,1", "csv");

    /// <summary>Converts a .docx to plain text (UTF-8) with LibreOffice Writer and returns the lines.</summary>
    public static Task<string[]> ToTextAsync(byte[] document) => ConvertAsync(document, "docx", "txt:Text (encoded):UTF8", "txt");

    private static async Task<string[]> ConvertAsync(byte[] file, string extension, string filter, string outputExtension)
    {
        var directory = Directory.CreateTempSubdirectory("baocao-lo-");
        try
        {
            var input = System.IO.Path.Combine(directory.FullName, $"file.{extension}");
            await File.WriteAllBytesAsync(input, file);
            Assert.True(Path is not null, "LibreOffice is not installed (build/install-test-tools.sh installs it).");
            var start = new ProcessStartInfo(Path!)
            {
                ArgumentList = { "--headless", $"-env:UserInstallation=file://{directory.FullName}/profile", "--convert-to", filter, "--outdir", directory.FullName, input },
                RedirectStandardOutput = true, RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            var output = System.IO.Path.Combine(directory.FullName, $"file.{outputExtension}");
            Assert.True(File.Exists(output), $"LibreOffice did not convert the file: {await process.StandardError.ReadToEndAsync()}");
            return await File.ReadAllLinesAsync(output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
