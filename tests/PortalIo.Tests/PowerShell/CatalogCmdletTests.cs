using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PortalIo.Models;
using PortalIo.Sandbox;
using Xunit;

namespace PortalIo.Tests.PowerShell
{
    public class CatalogCmdletTests : IClassFixture<SandboxFixture>, IDisposable
    {
        private readonly SandboxFixture _sandbox;
        private readonly ConnectedRunspace _ps;

        public CatalogCmdletTests(SandboxFixture sandbox)
        {
            _sandbox = sandbox;
            _ps = new ConnectedRunspace(sandbox.Server);
        }

        public void Dispose() => _ps.Dispose();


        [Fact]
        public void Find_returns_the_docs_example_receiver_with_prices()
        {
            var run = _ps.Run("Find-PortalCatalogItem -SearchText 'AVR-X3800H'");
            Assert.Empty(run.Errors);
            var item = Assert.Single(run.Objects<CatalogItem>());
            Assert.Equal((SandboxSeed.CatalogItemId, "Denon", "AVR-X3800H"), (item.Id, item.Brand, item.Model));
            Assert.Equal(SandboxSeed.CatalogItemId, item.ItemId);
            Assert.Equal(1299.00m, item.Msrp?.Value);
            Assert.Equal(975.00m, item.DefaultCost?.Value);
            Assert.Equal("D&H Distributing", item.DefaultCost?.SupplierName);
            Assert.Equal("Part", item.ItemType);
            Assert.Contains("AV Receivers", item.Categories!);
        }

        [Fact]
        public void Find_streams_every_part_page_by_page_starting_at_page_1()
        {
            List<PSObject> output = new();
            var requests = _sandbox.Server.During(() => output = _ps.Run("Find-PortalCatalogItem -PageSize 10").Output);
            Assert.Equal(SandboxSeed.CatalogPartCount, output.Count);
            var pages = requests.Where(r => r.Path == "/public/catalog").Select(r => r.Query).ToList();
            Assert.Equal(4, pages.Count);
            Assert.Contains("PageNumber=1&", pages[0] + "&");
            Assert.DoesNotContain(pages, q => q.Contains("PageNumber=0"));
            Assert.Equal(output.Count, output.Select(o => ((CatalogItem)o.BaseObject).Id).Distinct().Count());
        }

        [Fact]
        public void First_skip_and_total_count_fetch_only_the_pages_needed()
        {
            List<PSObject> output = new();
            var requests = _sandbox.Server.During(() => output = _ps.Run("Find-PortalCatalogItem -PageSize 5 -Skip 7 -First 3 -IncludeTotalCount").Output);
            Assert.Equal((ulong)SandboxSeed.CatalogPartCount, (ulong)output[0].BaseObject);
            Assert.Equal(3, output.Skip(1).Count());
            var pages = requests.Where(r => r.Path == "/public/catalog").Select(r => r.Query).ToList();
            Assert.Single(pages);
            Assert.Contains("PageNumber=2", pages[0]);
        }

        [Fact]
        public void Array_filters_repeat_the_key_and_filters_reach_the_server()
        {
            List<PSObject> output = new();
            var requests = _sandbox.Server.During(() => output = _ps.Run("Find-PortalCatalogItem -CategoryIds 47, 48 -Brands Denon, Crown -IsInStock").Output);
            var query = requests.Single(r => r.Path == "/public/catalog").Query;
            Assert.Contains("CategoryIds=47&CategoryIds=48", query);
            Assert.Contains("Brands=Denon&Brands=Crown", query);
            Assert.Contains("IsInStock=true", query);
            var items = output.Select(o => (CatalogItem)o.BaseObject).ToList();
            Assert.NotEmpty(items);
            Assert.All(items, i => Assert.Contains(i.Brand, new[] { "Denon", "Crown" }));
            Assert.All(items, i => Assert.Contains(i.CategoryId!.Value, new[] { 47, 48 }));
        }

        [Fact]
        public void Supplier_filter_with_an_ampersand_is_encoded()
        {
            var run = _ps.Run("Find-PortalCatalogItem -Suppliers 'D&H Distributing' -First 50");
            var items = run.Objects<CatalogItem>().ToList();
            Assert.NotEmpty(items);
            Assert.Contains(items, i => i.Id == SandboxSeed.CatalogItemId);
        }

        [Theory]
        [InlineData("Find-PortalCatalogItem -CategoryId 47 -CategoryIds 48", "CategoryIds")]
        [InlineData("Find-PortalCatalogItem -ParentCategoryId 12 -ParentCategoryIds 13", "ParentCategoryIds")]
        public void Mutually_exclusive_filters_are_refused_before_any_request(string script, string parameter)
        {
            var requests = _sandbox.Server.During(() =>
            {
                var run = _ps.Run(script);
                var record = Assert.Single(run.Errors);
                Assert.StartsWith("PortalIo.InvalidArgument", record.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.InvalidArgument, record.CategoryInfo.Category);
                Assert.Contains("-" + parameter, record.Exception.Message);
                Assert.Contains("cannot be used together", record.Exception.Message);
            });
            Assert.Empty(requests);
        }

        [Fact]
        public void Labor_items_come_from_the_private_library()
        {
            var run = _ps.Run("Find-PortalCatalogItem -ItemType Labor");
            var items = run.Objects<CatalogItem>().ToList();
            Assert.Equal(SandboxSeed.CatalogLaborCount, items.Count);
            Assert.All(items, i => Assert.Equal("Labor", i.ItemType));
        }

        [Fact]
        public void Get_item_with_extended_details_binds_from_search_results()
        {
            var run = _ps.Run("Find-PortalCatalogItem 'AVR-X3800H' | Get-PortalCatalogItem -ExtendedDetails");
            Assert.Empty(run.Errors);
            var item = Assert.Single(run.Objects<CatalogItem>());
            Assert.False(string.IsNullOrEmpty(item.Description));
            Assert.Contains(item.Specs!, s => s.Name == "Channels" && s.Value == "9.4");
            Assert.Contains(item.PdfResourceLinks!, l => l.Name == "Owner's Manual");
            Assert.NotEmpty(item.Suppliers!);
        }

        [Fact]
        public void Labor_item_binds_its_item_type_along_the_pipeline()
        {
            var run = _ps.Run("Find-PortalCatalogItem -ItemType Labor -First 1 | Get-PortalCatalogItem");
            Assert.Empty(run.Errors);
            Assert.Equal("Labor", Assert.Single(run.Objects<CatalogItem>()).ItemType);
        }

        [Fact]
        public void Unknown_and_wrong_type_items_are_not_found_and_the_others_still_come()
        {
            var run = _ps.Run("Get-PortalCatalogItem -Id 999999, " + SandboxSeed.CatalogLaborItemId + ", " + SandboxSeed.CatalogItemId);
            Assert.Equal(SandboxSeed.CatalogItemId, Assert.Single(run.Objects<CatalogItem>()).Id);
            Assert.Equal(2, run.Errors.Count);
            Assert.All(run.Errors, e =>
            {
                Assert.StartsWith("PortalIo.NotFound", e.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category);
                Assert.Contains("-ItemType", e.ErrorDetails.RecommendedAction);
            });
            Assert.Equal(999999, run.Errors[0].TargetObject);
        }

        [Fact]
        public void Category_tree_has_industries_with_children_and_recurse_flattens_with_paths()
        {
            var roots = _ps.Run("Get-PortalCatalogCategory").Objects<CatalogCategory>().ToList();
            Assert.Contains(roots, c => c.Id == SandboxSeed.CatalogRootCategoryId && c.Name == "Audio" && c.IsIndustry);
            Assert.All(roots, c => Assert.Equal(0, c.Level));
            var video = roots.Single(c => c.Id == SandboxSeed.CatalogVideoCategoryId);
            Assert.Contains(video.Children, c => c.Name == "Displays");

            var all = _ps.Run("Get-PortalCatalogCategory -Recurse").Objects<CatalogCategory>().ToList();
            var fourK = all.Single(c => c.Id == SandboxSeed.CatalogThirdLevelCategoryId);
            Assert.Equal("Video/Displays/4K Displays", fourK.Path);
            Assert.Equal((2, 60, SandboxSeed.CatalogVideoCategoryId), (fourK.Level, fourK.ParentId!.Value, fourK.IndustryId));
            // Depth-first: a parent comes right before its first child.
            var displays = all.FindIndex(c => c.Id == 60);
            Assert.Equal(SandboxSeed.CatalogThirdLevelCategoryId, all[displays + 1].Id);
            Assert.True(all.Count > roots.Count);
        }

        [Fact]
        public void A_category_binds_to_find_by_property_name()
        {
            List<PSObject> output = new();
            var requests = _sandbox.Server.During(() => output = _ps.Run("Get-PortalCatalogCategory -Recurse -Name '4K Displays' | Find-PortalCatalogItem").Output);
            Assert.Contains("CategoryId=" + SandboxSeed.CatalogThirdLevelCategoryId, requests.Single(r => r.Path == "/public/catalog").Query);
            var items = output.Select(o => (CatalogItem)o.BaseObject).ToList();
            Assert.NotEmpty(items);
            Assert.All(items, i => Assert.Equal(SandboxSeed.CatalogThirdLevelCategoryId, i.CategoryId));
        }

        [Fact]
        public void An_industry_binds_to_parent_category_id()
        {
            List<PSObject> output = new();
            var requests = _sandbox.Server.During(() => output = _ps.Run("Get-PortalCatalogCategory -Name Video | Find-PortalCatalogItem").Output);
            var query = requests.Single(r => r.Path == "/public/catalog").Query;
            Assert.Contains("ParentCategoryId=" + SandboxSeed.CatalogVideoCategoryId, query);
            Assert.DoesNotContain("&CategoryId=", "&" + query);
            Assert.All(output.Select(o => (CatalogItem)o.BaseObject), i => Assert.Equal(SandboxSeed.CatalogVideoCategoryId, i.ParentCategoryId));
        }

        [Fact]
        public void An_inactive_subscription_is_payment_required()
        {
            using var lapsed = new ConnectedRunspace(_sandbox.Server, "lapsed");
            foreach (var script in new[] { "Find-PortalCatalogItem -First 1", "Get-PortalCatalogItem -Id " + SandboxSeed.CatalogItemId, "Get-PortalCatalogCategory" })
            {
                var record = Assert.Single(lapsed.Run(script).Errors);
                Assert.StartsWith("PortalIo.PaymentRequired", record.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.PermissionDenied, record.CategoryInfo.Category);
            }
        }

        [Fact]
        public void The_comma_separated_variant_is_reachable_with_invoke_request()
        {
            var run = _ps.Run("Invoke-PortalRequest -Path /public/catalog -Query @{ CategoryIds = '47'; PageSize = 3 }");
            Assert.Empty(run.Errors);
            Assert.NotNull(run.Output.Single().Properties["items"]);
        }
    }
}
