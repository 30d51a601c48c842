using System.Text.Json;
using Coco.InitData.Tool.Tests.Infrastructure;

namespace Coco.InitData.Tool.Tests;

/// <summary>verify PROJECT judges certificates as the build does: at the project's validation time, with its profiles.</summary>
[Trait("Category", "EndToEnd")]
[Collection(ToolCollection.Name)]
public sealed class VerifyProjectValidationTests(InstalledTool tool)
{
    [Fact]
    public void Verify_project_reports_at_the_projects_validation_time_and_profiles_so_two_runs_agree()
    {
        using var project = new WorkloadProject();
        project.Write("certs/ca.pem", TestPki.Root("Verify Project Root").Pem);
        var at = TestPki.ValidationTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        project.WriteProject(
            "<ItemGroup><InitDataRegistry Include=\"registry.example.internal:5000\" CertificateAuthority=\"certs/ca.pem\" /></ItemGroup>",
            $"<InitDataKbsUrl>https://kbs.example.internal:8080</InitDataKbsUrl><InitDataValidationTime>{at}</InitDataValidationTime><InitDataTlsProfiles>rustls</InitDataTlsProfiles>");

        var first = tool.Run(project.Directory, "verify", project.ProjectPath, "--json");
        var second = tool.Run(project.Directory, "verify", project.ProjectPath, "--json");

        Assert.True(first.ExitCode == 0, first.Output);
        var report = JsonDocument.Parse(first.StandardOutput).RootElement;
        Assert.Equal(at, report.GetProperty("validationTime").GetString());
        Assert.Equal("rustls", report.GetProperty("guestProfiles").GetString());
        Assert.Equal(first.StandardOutput, second.StandardOutput);
    }
}
