using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using PortalIo.Api;
using PortalIo.Http;
using PortalIo.Models;
using Xunit;

namespace PortalIo.Tests.Http
{
    /// <summary>The Api classes over a scripted handler: the paging helper every list route shares, and answers the sandbox never gives.</summary>
    public class ApiRouteTests
    {
        private static PortalCall Call(ClientTestKit kit) => new PortalCall(kit.Client, null, CancellationToken.None);

        [Fact]
        public void Every_page_repeats_the_filters_and_adds_the_page_number_from_1_and_the_size()
        {
            var kit = new ClientTestKit();
            kit.Handler
                .Then(HttpStatusCode.OK, "{\"proposals\":[{\"id\":1},{\"id\":2}],\"proposalCount\":3}")
                .Then(HttpStatusCode.OK, "{\"proposals\":[{\"id\":3}],\"proposalCount\":3}");
            var filter = new ProposalFilter { SearchText = "Smith" };
            filter.Statuses.Add("Draft");

            var ids = PagedReader.Read(ProposalsApi.List(Call(kit), filter), new PagingWindow(2)).Select(p => p.Id).ToList();

            Assert.Equal(new[] { 1, 2, 3 }, ids);
            Assert.Equal(
                new[] { "?SearchText=Smith&Statuses=Draft&PageNumber=1&PageSize=2", "?SearchText=Smith&Statuses=Draft&PageNumber=2&PageSize=2" },
                kit.Handler.Requests.Select(r => r.Uri.Query));
        }

        [Fact]
        public async Task Listed_locations_carry_the_contact_id_they_were_listed_for()
        {
            var kit = new ClientTestKit();
            kit.Handler.Then(HttpStatusCode.OK, "{\"contactLocations\":[{\"id\":5,\"street\":\"1 Main St\"}],\"locationCount\":1}");
            var page = await LocationsApi.List(Call(kit), 31).FetchAsync(1, 50);
            Assert.Equal(31, Assert.Single(page.Items).ContactId);
            Assert.Equal("/public/people/31/location", kit.Handler.Requests.Single().Uri.AbsolutePath);
        }

        [Theory]
        [InlineData(CatalogItemType.Labor, "{\"items\":[],\"labors\":[{\"id\":7}],\"totalItemCount\":1}", new[] { 7 })]
        [InlineData(CatalogItemType.CustomItem, "{\"items\":[],\"customItems\":[{\"id\":8}],\"totalItemCount\":1}", new[] { 8 })]
        [InlineData(CatalogItemType.Part, "{\"items\":[],\"labors\":[{\"id\":7}],\"totalItemCount\":0}", new int[0])]
        [InlineData(CatalogItemType.Labor, "{\"items\":[{\"id\":9}],\"labors\":[{\"id\":7}],\"totalItemCount\":1}", new[] { 9 })]
        public void A_catalog_search_reads_its_page_from_items_or_else_from_the_list_of_its_type(CatalogItemType type, string body, int[] expected)
        {
            var kit = new ClientTestKit();
            kit.Handler.Then(HttpStatusCode.OK, body);
            var page = CatalogApi.Search(Call(kit), new CatalogFilter { ItemType = type }).Fetch(1, 50);
            Assert.Equal(expected, page.Items.Select(i => i.Id));
            Assert.All(page.Items, i => Assert.Equal(type.ToString(), i.ItemType));
        }

        [Fact]
        public async Task An_assignment_answered_with_204_reads_the_proposal_back()
        {
            var kit = new ClientTestKit();
            kit.Handler
                .Then(HttpStatusCode.NoContent, string.Empty)
                .Then(HttpStatusCode.OK, "{\"id\":1042,\"areas\":[{\"id\":3,\"options\":[{\"id\":4}]}]}");

            var proposal = await ProposalsApi.AssignAsync(Call(kit), 1042, ProposalAssignment.Contact, 31, formEncoded: false);

            Assert.Equal(1042, proposal.Id);
            Assert.Equal(1042, proposal.Areas!.Single().Options!.Single().ProposalId);
            Assert.Equal(new[] { "POST", "GET" }, kit.Handler.Requests.Select(r => r.Method));
            Assert.Equal("{\"proposalId\":1042,\"contactId\":31}", kit.Handler.Requests[0].Body);
            Assert.Equal("/public/proposals/1042/contact/31", kit.Handler.Requests[0].Uri.AbsolutePath);
        }

        [Fact]
        public async Task An_assignment_answered_with_the_proposal_needs_no_second_call()
        {
            var kit = new ClientTestKit();
            kit.Handler.Then(HttpStatusCode.OK, "{\"id\":1042}");
            var proposal = await ProposalsApi.AssignAsync(Call(kit), 1042, ProposalAssignment.Location, 5, formEncoded: true);
            Assert.Equal(1042, proposal.Id);
            var sent = kit.Handler.Requests.Single();
            Assert.Equal("/public/proposals/1042/location/5", sent.Uri.AbsolutePath);
            Assert.Equal("application/x-www-form-urlencoded", sent.ContentType);
            Assert.Equal(string.Empty, sent.Body);
        }
    }
}
