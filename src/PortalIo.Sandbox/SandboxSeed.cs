namespace PortalIo.Sandbox
{
    /// <summary>
    /// Ids of the deterministic demo data that tests rely on. Every run of the sandbox seeds exactly
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
        /// <summary>Same as <see cref="OtherDealerProposalId"/> (the name the brief used).</summary>
        public const int OtherAccountProposalId = OtherDealerProposalId;
        public const int OtherDealerAreaId = 5030;
        public const int OtherDealerOptionId = 7030;
        /// <summary>A proposal of the inactive-subscription dealer.</summary>
        public const int InactiveDealerProposalId = 3001;

        /// <summary>Id of the first proposal generated by SandboxOptions.ExtraProposalCount (then consecutive).</summary>
        public const int FirstExtraProposalId = 100000;
    }
}
