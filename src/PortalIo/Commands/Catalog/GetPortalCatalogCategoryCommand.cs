using System.Management.Automation;
using PortalIo.Api;
using PortalIo.Models;
using PortalIo.PowerShell;

namespace PortalIo.Commands.Catalog
{
    /// <summary>
    /// Gets the catalog's category tree (GET /public/catalog/categories): the industries, each with
    /// its categories in Children; -Recurse writes every node depth-first, each with its Path.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PortalCatalogCategory")]
    [OutputType(typeof(CatalogCategory))]
    public sealed class GetPortalCatalogCategoryCommand : PortalApiCmdlet
    {
        /// <summary>Writes every node of the tree (industry, then its categories and their sub-categories, depth-first).</summary>
        [Parameter]
        public SwitchParameter Recurse { get; set; }

        /// <summary>Only nodes whose Name or Path matches (wildcards); with -Recurse, searches the whole tree.</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        public string? Name { get; set; }

        protected override void ProcessRecord()
        {
            var pattern = string.IsNullOrEmpty(Name) ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
            ForInput(null, () =>
            {
                var roots = Await(CatalogApi.GetCategoriesAsync(Call));
                var nodes = Recurse ? CatalogApi.Flatten(roots) : roots;
                foreach (var node in nodes)
                {
                    if (pattern is null || pattern.IsMatch(node.Name ?? string.Empty) || pattern.IsMatch(node.Path)) Emit(node);
                }
            });
        }
    }
}
