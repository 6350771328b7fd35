using System.Net;
using BaoCao.Tests.Accounts;
using BaoCao.Tests.Infrastructure;

namespace BaoCao.Tests.Workflow;

/// <summary>Every page of the Workflow module renders for the users who work on it, in Vietnamese, and refuses the others.</summary>
public sealed class PageTests(SharedApp fixture) : IClassFixture<SharedApp>
{
    [Theory]
    [InlineData("canbo.stc", "/bao-cao", "Báo cáo tình hình kinh tế - xã hội hằng tháng")]
    [InlineData("canbo.stc", "/bao-cao/BC-KTXH-THANG/STC/202610", "Lập báo cáo từ mẫu")]
    [InlineData("canbo.stc", "/thong-bao", "Không có thông báo nào.")]
    [InlineData("admin", "/nhat-ky-he-thong", "Kiểm tra tính toàn vẹn")]
    [InlineData("canbo.stc", "/nhat-ky-he-thong", "Tài khoản của bạn không có quyền thực hiện thao tác này.")]
    [InlineData("admin", "/trao-doi/goi-tin-di", "Chưa cấu hình nơi nhận nào")]
    [InlineData("admin", "/trao-doi/doi-soat", "Chưa cấu hình hệ thống nguồn nào")]
    public async Task Each_page_renders_for_the_user_who_works_on_it(string user, string path, string expected)
    {
        var client = await fixture.Instance.SignedInAsAsync(user);

        var response = await client.GetAsync(path);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, html);
    }
}
