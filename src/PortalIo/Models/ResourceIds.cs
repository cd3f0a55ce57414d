namespace PortalIo.Models
{
    /// <summary>
    /// The id of each resource the API identifies: what the next cmdlet binds by, what a listing
    /// de-duplicates by, and what an answer must carry. The API's ids start at 1, so 0 means the
    /// answer had none (a 200 with <c>{}</c> must not become a Proposal with Id 0).
    /// </summary>
    internal static class ResourceIds
    {
        /// <summary>The resource's id (0 when the answer had none), or null for a type that has no id the module relies on.</summary>
        public static long? IdOf(object? value)
        {
            switch (value)
            {
                case Proposal proposal: return proposal.Id;
                case Area area: return area.Id;
                case AreaOption option: return option.Id;
                case Contact contact: return contact.Id;
                case Location location: return location.Id;
                case ChangeOrder changeOrder: return changeOrder.Id;
                case CatalogItem item: return item.Id;
                case CatalogCategoryNode category: return category.Id;
                case User user: return user.Id;
                case Webhook webhook: return webhook.SubscriptionId;
                case AiContent content: return content.Id;
                default: return null;
            }
        }

        /// <summary>The id's name in the API's JSON.</summary>
        public static string IdName(System.Type type) => type == typeof(Webhook) ? "subscriptionId" : "id";
    }
}
