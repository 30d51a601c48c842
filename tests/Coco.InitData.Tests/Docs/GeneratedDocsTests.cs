namespace Coco.InitData.Tests.Docs;

/// <summary>
/// The reference table and the diagnostics page are renderings of the settings catalog and the message resources; the
/// committed pages must equal them. <c>COCO_UPDATE_DOCS=1 dotnet test tests/Coco.InitData.Tests --filter
/// FullyQualifiedName~Docs</c> rewrites them.
/// </summary>
public sealed class GeneratedDocsTests
{
    [Fact]
    public void The_reference_properties_table_is_the_settings_catalog_rendered()
    {
        var rendered = SettingsReference.Render();
        if (GeneratedDocs.Updating)
        {
            GeneratedDocs.WritePart(SettingsReference.Page, SettingsReference.Part, rendered);
        }

        Assert.Equal(rendered, GeneratedDocs.Part(SettingsReference.Page, SettingsReference.Part));
    }

    [Fact]
    public void The_diagnostics_page_is_the_message_resources_rendered()
    {
        var rendered = DiagnosticsPage.Render(GeneratedDocs.Read(DiagnosticsPage.Resources));
        if (GeneratedDocs.Updating)
        {
            GeneratedDocs.WritePage(DiagnosticsPage.Page, rendered);
        }

        Assert.Equal(rendered, GeneratedDocs.Read(DiagnosticsPage.Page));
    }

    [Fact]
    public void Every_message_says_what_to_do_in_its_text_or_its_comment()
    {
        var entries = DiagnosticsPage.Entries(GeneratedDocs.Read(DiagnosticsPage.Resources));

        var withoutFix = entries.Where(e => e.Fix.Length == 0).Select(e => $"{e.Code} ({e.Name})").ToList();
        Assert.True(withoutFix.Count == 0, "messages whose text and comment say nothing to do: " + string.Join(", ", withoutFix));
        Assert.Equal(entries.Count, entries.Select(e => e.Code).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_resource_file_and_the_message_names_keep_the_order_of_their_codes()
    {
        var names = System.Xml.Linq.XDocument.Parse(GeneratedDocs.Read(DiagnosticsPage.Resources)).Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToList();
        var byCode = DiagnosticsPage.Entries(GeneratedDocs.Read(DiagnosticsPage.Resources)).Select(e => e.Name).ToList();

        Assert.Equal(byCode, names);
        Assert.Equal(byCode, Enum.GetNames<Coco.InitData.Diagnostics.MessageId>());
    }

    [Theory]
    [InlineData("CID1001", "Declarations")]
    [InlineData("CID1049", "Declarations")]
    [InlineData("CID1050", "Container publish")]
    [InlineData("CID1063", "Secrets")]
    [InlineData("CID3075", "Output and file system")]
    [InlineData("CID9000", "Internal")]
    public void A_code_belongs_to_the_area_of_its_range(string code, string area)
    {
        Assert.Equal(area, DiagnosticsPage.AreaOf(code)?.Title);
    }

    [Theory]
    [InlineData("CID1070")]
    [InlineData("CID5001")]
    public void A_code_outside_every_range_has_no_area_and_the_page_refuses_it(string code)
    {
        Assert.Null(DiagnosticsPage.AreaOf(code));
        var resx = $"<root><data name=\"Stray\" xml:space=\"preserve\"><value>{code}: Something happened. Fix: do this.</value></data></root>";
        Assert.Contains(code, Assert.Throws<InvalidOperationException>(() => DiagnosticsPage.Render(resx)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_finding_is_split_into_what_happened_and_its_fix_without_the_stacks_and_identity()
    {
        const string resx = """
            <root><data name="AnchorNotSelfSigned" xml:space="preserve"><value>CID2040: Trust anchor '{0}' is not self-signed. Fix: add the root CA. Rejected by: {6}. Guest error: {7}. [subject '{0}', issuer '{1}']</value></data>
            <data name="UrlInvalid" xml:space="preserve"><value>CID1005: {0} '{1}' is not valid: {2}.</value><comment>Write an http:// or https:// URL.</comment></data></root>
            """;

        var entries = DiagnosticsPage.Entries(resx);

        Assert.Equal(new DiagnosticsPage.Entry("CID1005", "UrlInvalid", "… '…' is not valid: ….", "Write an http:// or https:// URL."), entries[0]);
        Assert.Equal(new DiagnosticsPage.Entry("CID2040", "AnchorNotSelfSigned", "Trust anchor '…' is not self-signed.", "add the root CA."), entries[1]);
        Assert.Contains("\n### CID2040\n\nTrust anchor '…' is not self-signed.\n\n**Fix:** add the root CA.\n", DiagnosticsPage.Render(resx), StringComparison.Ordinal);
    }
}
