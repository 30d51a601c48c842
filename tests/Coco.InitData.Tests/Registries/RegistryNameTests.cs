using Coco.InitData.Registries;

namespace Coco.InitData.Tests.Registries;

public sealed class RegistryNameTests
{
    [Theory]
    [InlineData("registry.example.internal", "registry.example.internal", null, "")]
    [InlineData("registry.example.internal:5000", "registry.example.internal", 5000, "")]
    [InlineData("registry.example.internal:5000/team/app", "registry.example.internal", 5000, "team/app")]
    [InlineData("10.0.0.5:5000", "10.0.0.5", 5000, "")]
    [InlineData("[fd00::5]:5000", "[fd00::5]", 5000, "")]
    [InlineData("*.example.internal", "*.example.internal", null, "")]
    [InlineData("localhost", "localhost", null, "")]
    [InlineData("docker.io/library", "docker.io", null, "library")]
    public void Valid_names_parse_into_host_port_and_namespace(string text, string host, int? port, string path)
    {
        Assert.True(RegistryName.TryParse(text, out var name, out var problem), problem);
        Assert.Equal(text, name!.Text);
        Assert.Equal(host, name.Host);
        Assert.Equal(port, name.Port);
        Assert.Equal(path, name.Path);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("https://registry.example.internal", "scheme")]
    [InlineData("registry.example.internal/", "ends with")]
    [InlineData("registry example", "white space")]
    [InlineData("registry.example.internal\n", "white space")]
    [InlineData("registry.example.internal/../etc", "'..'")]
    [InlineData("registry.example.internal/./x", "'.'")]
    [InlineData("registry.example.internal//x", "empty")]
    [InlineData("registry.example.internal:0", "port")]
    [InlineData("registry.example.internal:65536", "port")]
    [InlineData("registry.example.internal:abc", "port")]
    [InlineData("foo.*.example", "wildcard")]
    [InlineData("*.example.internal:5000", "wildcard")]
    [InlineData("user:pass@registry.example.internal", "credentials")]
    [InlineData("registry.example.internal/Team", "namespace component")]
    [InlineData("-bad-.example", "not a DNS name")]
    [InlineData("999.1.1.1", "IPv4")]
    [InlineData("[fd00::5", "IPv6")]
    [InlineData("reg\"istry", "not a DNS name")]
    public void Invalid_names_are_refused_with_a_reason(string text, string reasonPart)
    {
        Assert.False(RegistryName.TryParse(text, out _, out var problem));
        Assert.Contains(reasonPart, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ip_registry_knows_its_address_for_tls()
    {
        Assert.True(RegistryName.TryParse("[fd00::5]:5000", out var name, out _));

        Assert.NotNull(name!.Address);
        Assert.Equal("fd00::5", name.HostForTls);
        Assert.Equal("[fd00::5]:5000", name.Authority);
    }
}
