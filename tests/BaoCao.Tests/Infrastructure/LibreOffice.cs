using System.Diagnostics;

namespace BaoCao.Tests.Infrastructure;

/// <summary>Runs where LibreOffice Calc is installed (CI installs libreoffice-calc-nogui), so files are checked by a real spreadsheet.</summary>
public sealed class LibreOfficeFactAttribute : FactAttribute
{
    public LibreOfficeFactAttribute()
    {
        // In CI a missing LibreOffice is a failure, not a skip.
        if (LibreOffice.Path is null && Environment.GetEnvironmentVariable("CI") is null)
            Skip = "Needs LibreOffice Calc: apt-get install -y --no-install-recommends libreoffice-calc-nogui (CI installs it).";
    }
}

public static class LibreOffice
{
    public static string? Path => new[] { "/usr/bin/soffice", "/usr/bin/libreoffice" }.FirstOrDefault(File.Exists);

    /// <summary>Converts an .xlsx to CSV (UTF-8, comma-separated, first sheet) with LibreOffice and returns the lines.</summary>
    public static async Task<string[]> ToCsvAsync(byte[] workbook)
    {
        var directory = Directory.CreateTempSubdirectory("baocao-lo-");
        try
        {
            var input = System.IO.Path.Combine(directory.FullName, "file.xlsx");
            await File.WriteAllBytesAsync(input, workbook);
            Assert.True(Path is not null, "LibreOffice Calc is not installed (build/install-test-tools.sh installs it).");
            var start = new ProcessStartInfo(Path!)
            {
                ArgumentList = { "--headless", $"-env:UserInstallation=file://{directory.FullName}/profile", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1",
                    "--outdir", directory.FullName, input },
                RedirectStandardOutput = true, RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            var output = System.IO.Path.Combine(directory.FullName, "file.csv");
            Assert.True(File.Exists(output), $"LibreOffice did not convert the file: {await process.StandardError.ReadToEndAsync()}");
            return await File.ReadAllLinesAsync(output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
