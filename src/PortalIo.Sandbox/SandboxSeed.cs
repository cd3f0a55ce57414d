namespace PortalIo.Sandbox
{
    /// <summary>
    /// Ids of the deterministic demo data that tests rely on. Every run of the emulator seeds exactly
    /// this data, so these values never change between runs.
    /// </summary>
    public static class SandboxSeed
    {
        // Dealer accounts.
        /// <summary>"AV Solutions Inc.", active subscription: the account of the primary demo user.</summary>
        public const int DemoDealerId = 5;
        public const string DemoDealerName = "AV Solutions Inc.";
        /// <summary>An account whose subscription is inactive: every /public call of its users answers 402.</summary>
        public const int InactiveDealerId = 6;
        /// <summary>Another dealer with its own data; its ids answer 404 to users of the demo dealer, and vice versa.</summary>
        public const int OtherDealerId = 7;

        // Users.
        /// <summary>The primary demo login (Admin, all permissions) in the demo dealer.</summary>
        public const int DemoUserId = 80;
        /// <summary>Alex Johnson (Sales) in the demo dealer, as in the docs; the salesperson to use when creating proposals.</summary>
        public const int DemoSalesPersonId = 77;
        /// <summary>Maria Torres (Admin) in the demo dealer, as in the docs.</summary>
        public const int DemoAdminSalesPersonId = 78;
        /// <summary>A login of the demo dealer without any permission: reads work, every mutating call answers 403.</summary>
        public const int ReadOnlyUserId = 81;
        /// <summary>The login of the inactive-subscription dealer.</summary>
        public const int InactiveDealerUserId = 85;
        /// <summary>The login of the other dealer; also a salesperson id that is not in the demo dealer (create → 404).</summary>
        public const int OtherDealerUserId = 95;
        /// <summary>Number of users GET /public/users returns for a login of the demo dealer.</summary>
        public const int DemoDealerUserCount = 4;

        // Contacts.
        /// <summary>Jane Smith (jane.smith@example.com), customer of <see cref="DraftProposalId"/>.</summary>
        public const int SmithContactId = 88;
        /// <summary>A contact whose name has non-ASCII letters (Lucía Fernández), for encoding tests.</summary>
        public const int NonAsciiContactId = 93;
        /// <summary>A contact of the other dealer.</summary>
        public const int OtherDealerContactId = 120;

        // Proposals of the demo dealer.
        /// <summary>"Smith Residence AV", Draft, number 1001, customer Jane Smith, areas Living Room and Home Theater.</summary>
        public const int DraftProposalId = 1042;
        public const int DraftProposalNumber = 1001;
        public const string DraftProposalName = "Smith Residence AV";
        public const int AcceptedProposalId = 1043;
        public const int CompletedProposalId = 1044;
        public const int DeclinedProposalId = 1045;
        public const int SubmittedProposalId = 1046;
        public const int ViewedByClientProposalId = 1047;
        public const int DelayedProposalId = 1048;
        public const int ExpiredProposalId = 1049;
        public const int EmailFailedProposalId = 1050;
        /// <summary>An archived Draft: listed only with IsArchive=true.</summary>
        public const int ArchivedProposalId = 1051;
        /// <summary>A Draft whose area <see cref="FullAreaId"/> already has the maximum of 3 options.</summary>
        public const int FullAreaProposalId = 1052;
        /// <summary>A Draft without areas and without a customer.</summary>
        public const int EmptyDraftProposalId = 1053;

        /// <summary>All proposals seeded in the demo dealer (ids 1042..1105), archived ones included, without ExtraProposalCount.</summary>
        public const int DemoDealerProposalCount = 64;
        /// <summary>Archived proposals among them (listed only with IsArchive=true).</summary>
        public const int DemoDealerArchivedProposalCount = 5;
        /// <summary>What an unfiltered GET /public/proposals reports as proposalCount (plus ExtraProposalCount).</summary>
        public const int DemoDealerListedProposalCount = DemoDealerProposalCount - DemoDealerArchivedProposalCount;

        // Areas and options.
        public const int DraftProposalLivingRoomAreaId = 5001;
        public const string DraftProposalLivingRoomAreaName = "Living Room";
        public const int DraftProposalLivingRoomOptionId = 7001;
        public const int DraftProposalHomeTheaterAreaId = 5002;
        public const int DraftProposalHomeTheaterOptionId = 7002;
        /// <summary>Area of <see cref="FullAreaProposalId"/> with 3 options (7010, 7011, 7012): a 4th answers 400.</summary>
        public const int FullAreaId = 5010;
        public const int AcceptedProposalAreaId = 5020;
        public const int AcceptedProposalOptionId = 7020;

        // Other dealers' proposals.
        /// <summary>A proposal of the other dealer: 404 to users of the demo dealer.</summary>
        public const int OtherDealerProposalId = 2001;
        /// <summary>Same as <see cref="OtherDealerProposalId"/> (an earlier name, kept for the tests that use it).</summary>
        public const int OtherAccountProposalId = OtherDealerProposalId;
        public const int OtherDealerAreaId = 5030;
        public const int OtherDealerOptionId = 7030;
        /// <summary>A proposal of the inactive-subscription dealer.</summary>
        public const int InactiveDealerProposalId = 3001;

        /// <summary>Id of the first proposal generated by SandboxOptions.ExtraProposalCount (then consecutive).</summary>
        public const int FirstExtraProposalId = 100000;

        // Contacts and locations.
        /// <summary>Contacts of the demo dealer that GET /public/people counts (persons and companies).</summary>
        public const int DemoDealerContactCount = 17;
        /// <summary>Of those, partyType Company (ContactTypes=Company): 91, 95, 97, 100, 103.</summary>
        public const int DemoDealerCompanyCount = 5;
        /// <summary>Jane Smith (= <see cref="SmithContactId"/>): exactly one location, primary, in Austin, Texas (8.25% tax).</summary>
        public const int ContactWithOnePrimaryLocationId = SmithContactId;
        /// <summary>Jane Smith's only location, id 201 as in the docs' example: assigning it to <see cref="DraftProposalId"/> adds 8.25% tax.</summary>
        public const int SmithPrimaryLocationId = 201;
        /// <summary>Texas combined rate the emulator uses (the docs' 3000.00 → 247.50 example).</summary>
        public const decimal TexasTaxRate = 0.0825m;
        /// <summary>A Harbor View Dental-style company contact (partyType Company).</summary>
        public const int CompanyContactId = 91;
        /// <summary>David Kim: a person without any location (assigning him assigns no location).</summary>
        public const int ContactWithoutLocationsId = 94;
        /// <summary>Lakeside Hospitality Group (company): four locations — primary, billing apart, and two more.</summary>
        public const int ContactWithSeveralLocationsId = 95;
        public const int SeveralLocationsPrimaryLocationId = 208;
        public const int SeveralLocationsBillingLocationId = 209;
        public const int SeveralLocationsCount = 4;
        /// <summary>Sofia Rossi: two locations, neither primary (assigning her assigns no location).</summary>
        public const int ContactWithoutPrimaryLocationId = 96;
        /// <summary>Robert Chen's primary location (Dallas, Texas), customer of <see cref="AcceptedProposalId"/>. A location of another contact than Jane Smith.</summary>
        public const int ChenPrimaryLocationId = 202;
        /// <summary>Same as <see cref="ChenPrimaryLocationId"/>: use it on a proposal of Jane Smith to get 404 (location of another contact).</summary>
        public const int OtherContactLocationId = ChenPrimaryLocationId;
        /// <summary>A location of the other dealer's contact: 404 to users of the demo dealer.</summary>
        public const int OtherDealerLocationId = 230;

        // Change orders. Accepted 1043 has two, Completed 1044 one, every other proposal none.
        /// <summary>Change order 1 of <see cref="AcceptedProposalId"/>, Accepted.</summary>
        public const int AcceptedProposalChangeOrderId = 6001;
        /// <summary>Change order 2 of <see cref="AcceptedProposalId"/>, Draft.</summary>
        public const int AcceptedProposalDraftChangeOrderId = 6002;
        public const int AcceptedProposalChangeOrderCount = 2;
        /// <summary>Change order 1 of <see cref="CompletedProposalId"/>: asked for under <see cref="AcceptedProposalId"/> it answers 404.</summary>
        public const int CompletedProposalChangeOrderId = 6003;

        // Catalog.
        /// <summary>Denon AVR-X3800H, the docs' example part (msrp 1299.00, default cost 975.00 from D&amp;H Distributing).</summary>
        public const int CatalogItemId = 8821;
        /// <summary>"Installation labor (hour)" of the demo dealer's private library: found only with ItemType=Labor.</summary>
        public const int CatalogLaborItemId = 32001;
        /// <summary>A custom item of the demo dealer's private library: found only with ItemType=CustomItem.</summary>
        public const int CatalogCustomItemId = 31006;
        /// <summary>A discontinued part (still served by GET /public/catalog/{id}).</summary>
        public const int CatalogDiscontinuedItemId = 31020;
        /// <summary>The "Audio" industry (root of the tree; a ParentCategoryId).</summary>
        public const int CatalogRootCategoryId = 12;
        /// <summary>"AV Receivers" under Audio (a CategoryId).</summary>
        public const int CatalogReceiversCategoryId = 47;
        /// <summary>"Video" industry, whose "Displays" (60) has a third level "4K Displays" (61).</summary>
        public const int CatalogVideoCategoryId = 13;
        public const int CatalogThirdLevelCategoryId = 61;
        /// <summary>
        /// Parts an unfiltered search reports as totalItemCount: the 32 seeded parts minus the
        /// discontinued one, which searches exclude by default (the name of the switch that includes
        /// them is not documented, so the emulator offers none; see docs/api-decisions.md, 'Catalog search').
        /// </summary>
        public const int CatalogPartCount = 31;
        public const int CatalogLaborCount = 6;
        public const int CatalogCustomItemCount = 4;
    }
}
