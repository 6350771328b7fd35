using System.Diagnostics;
using System.Text.Json;

namespace BaoCao.Tests.Infrastructure;

/// <summary>Runs where Debian's python3-docx is installed (CI installs it): the strict outside reader of the .docx files.</summary>
public sealed class PythonDocxFactAttribute : FactAttribute
{
    public PythonDocxFactAttribute()
    {
        if (!PythonDocx.Installed && Environment.GetEnvironmentVariable("CI") is null)
            Skip = "Needs python-docx: apt-get install -y --no-install-recommends python3-docx (CI installs it).";
    }
}

public static class PythonDocx
{
    private const string Python = "/usr/bin/python3";

    private const string Script = """
        import sys, json, docx
        d = docx.Document(sys.argv[1])
        section = d.sections[0]
        print(json.dumps({
            "paragraphs": [p.text for p in d.paragraphs],
            "tables": [[[c.text for c in row.cells] for row in t.rows] for t in d.tables],
            "styles": [s.name for s in d.styles],
            "page": [section.page_width, section.page_height, section.left_margin, section.right_margin],
        }, ensure_ascii=False))
        """;

    public static bool Installed => File.Exists(Python) && Run("-c", "import docx").ExitCode == 0;

    public sealed record Document(IReadOnlyList<string> Paragraphs, IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> Tables, IReadOnlyList<string> Styles, IReadOnlyList<long> Page);

    /// <summary>Opens the file with python-docx (which refuses, for instance, a table without w:tblGrid) and returns its text.</summary>
    public static Document Read(byte[] file)
    {
        var path = Path.Combine(Path.GetTempPath(), $"baocao-{Guid.NewGuid():N}.docx");
        File.WriteAllBytes(path, file);
        try
        {
            var (code, output, error) = Run("-c", Script, path);
            Assert.True(code == 0, $"python-docx refused the file: {error}");
            return JsonSerializer.Deserialize<Document>(output, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit(60_000);
        return (process.ExitCode, output.Result, error);
    }
}
