using System.Net;
using BaoCao.Tests.Accounts;
using BaoCao.Tests.Infrastructure;

namespace BaoCao.Tests.Forms;

/// <summary>Every page of the Indicators and Forms modules renders for the users who work on it (the prerendered HTML
/// already carries the data), in Vietnamese.</summary>
public sealed class PageTests(SharedApp fixture) : IClassFixture<SharedApp>
{
    [Theory]
    [InlineData("admin", "/chi-so", "Danh mục chỉ số")]
    [InlineData("admin", "/chi-so/GRDP_BQ", "[GRDP_HH] / [DAN_SO_TB]")]
    [InlineData("admin", "/chi-so/moi", "Thêm chỉ số")]
    [InlineData("admin", "/chi-so/nhap", "Nhập danh mục chỉ số từ tệp")]
    [InlineData("admin", "/chi-so/quy-tac", "Thu nội địa không vượt tổng thu")]
    [InlineData("admin", "/che-do-bao-cao", "Báo cáo tình hình kinh tế - xã hội hằng tháng")]
    [InlineData("admin", "/bieu-mau/BM-TC-THANG", "Biểu 01/TC")]
    [InlineData("admin", "/che-do-bao-cao/BC-XH-QUY", "Ban hành chế độ mới")]
    [InlineData("lanhdao.stc", "/duyet-so-lieu", "Duyệt số liệu")]
    [InlineData("lanhdao.stc", "/duyet-so-lieu/BM-TC-THANG/STC/202610", "Chi đầu tư phát triển")]
    [InlineData("canbo.stc", "/nhap-lieu", "BM-TC-THANG")]
    [InlineData("canbo.stc", "/nhap-lieu/BM-TC-THANG/STC/202610", "Tổng thu ngân sách nhà nước trên địa bàn")]
    [InlineData("canbo.stc", "/nhap-lieu/tai-len", "Nhập số liệu từ tệp Excel")]
    public async Task Each_page_renders_its_data_for_the_user_who_works_on_it(string user, string path, string expected)
    {
        var client = await fixture.Instance.SignedInAsAsync(user);

        var response = await client.GetAsync(path);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, html);
    }
}
