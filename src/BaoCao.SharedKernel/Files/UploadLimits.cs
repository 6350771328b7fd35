using System.IO.Compression;

namespace BaoCao.SharedKernel.Files;

/// <summary>
/// What an uploaded spreadsheet may unpack to (a 100 KB .xlsx can expand to gigabytes: a decompression bomb). Every
/// .xlsx is checked against these before it is opened: the number of zip entries, each part's and the total
/// uncompressed size (counted while actually inflating, not taken from the zip's own claims), and then the cells read.
/// Settings <c>Uploads:MaxZipEntries</c>, <c>Uploads:MaxPartMegabytes</c>, <c>Uploads:MaxUncompressedMegabytes</c>,
/// <c>Uploads:MaxCells</c>; the host sets <see cref="Current"/> at start-up.
/// </summary>
public sealed record UploadLimits(int MaxZipEntries = 1_000, long MaxPartBytes = 25L << 20, long MaxUncompressedBytes = 50L << 20, int MaxCells = 200_000)
{
    public static UploadLimits Current { get; set; } = new();

    public static UploadLimits From(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var defaults = new UploadLimits();
        int Int(string key, int fallback) => int.TryParse(configuration[key], out var value) && value > 0 ? value : fallback;
        return new UploadLimits(Int("Uploads:MaxZipEntries", defaults.MaxZipEntries), (long)Int("Uploads:MaxPartMegabytes", 25) << 20,
            (long)Int("Uploads:MaxUncompressedMegabytes", 50) << 20, Int("Uploads:MaxCells", defaults.MaxCells));
    }

    /// <summary>Null when the package stays within the limits (or is no zip at all); otherwise the Vietnamese refusal. Inflates every entry once,
    /// into nothing, stopping at the first limit crossed. The stream must be seekable; it is left at its start.</summary>
    public string? CheckPackage(Stream file)
    {
        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxZipEntries)
                return $"Tệp có {zip.Entries.Count:N0} phần nén, vượt giới hạn {MaxZipEntries:N0}: không phải bảng tính thông thường.";
            var total = 0L;
            var buffer = new byte[81_920];
            foreach (var entry in zip.Entries)
            {
                using var content = entry.Open();
                var part = 0L;
                int read;
                while ((read = content.Read(buffer, 0, buffer.Length)) > 0)
                {
                    part += read;
                    total += read;
                    if (part > MaxPartBytes || total > MaxUncompressedBytes)
                        return $"Tệp giải nén ra quá lớn (vượt {Math.Min(MaxPartBytes, MaxUncompressedBytes) >> 20} MB cho một phần hoặc {MaxUncompressedBytes >> 20} MB cho cả tệp). " +
                               "Hãy chia nhỏ số liệu thành nhiều tệp.";
                }
            }
            return null;
        }
        catch (Exception error) when (error is InvalidDataException or IOException or NotSupportedException)
        {
            return null; // not a package at all: the reader says what is wrong with it, in its own words
        }
        finally
        {
            file.Position = 0;
        }
    }

    public string TooManyCells => $"Tệp có quá {MaxCells:N0} ô dữ liệu. Hãy chia nhỏ số liệu thành nhiều tệp.";
}

/// <summary>A file beyond <see cref="UploadLimits"/>, met while reading it.</summary>
public sealed class UploadTooLargeException(string message) : Exception(message);
