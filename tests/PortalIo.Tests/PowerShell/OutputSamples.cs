using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using PortalIo.Sandbox;

namespace PortalIo.Tests.PowerShell
{
    /// <summary>
    /// Real objects of every output type of the module, made by its cmdlets against the sandbox, in
    /// a runspace of the hosted engine: $samples['PortalIo.Models.Proposal'] and so on. The sandbox's
    /// AI jobs advance in 100 ms steps so that an outline and a build exist without a long wait.
    /// </summary>
    public sealed class OutputSamples : IDisposable
    {
        private const string Script = @"
            $ErrorActionPreference = 'Stop'
            $proposal = New-PortalProposal -Name 'Rendered at 80 and at 120 columns' -SalesPersonId 77
            $null = Add-PortalAiContent -ProposalId $proposal.Id -Path $aiFile -Name 'Discovery call with the client'
            for ($i = 0; $i -lt 100 -and (Get-PortalAiContent -ProposalId $proposal.Id).Status -ne 'Transcribed'; $i++) { Start-Sleep -Milliseconds 50 }
            $localSandbox = Start-PortalSandbox
            # The test double's own objects, made in the local sandbox with a session of its own.
            $local = $localSandbox | Connect-Portal -PassThru
            $journalProposal = New-PortalProposal -Name 'Journal sample' -SalesPersonId 77 -Session $local
            Set-PortalSandboxFault -Method POST -Path '/public/proposals/*/area' -Mode ApplyThenStatus -Status 503
            $null = Add-PortalArea -ProposalId $journalProposal.Id -Name 'Home Theater', 'Living Room' -Session $local -ErrorAction SilentlyContinue
            Set-PortalSandboxFault -Path '/public/proposals/*/areaoptions' -Mode FailWithStatus -Count 2
            Set-PortalSandboxFault -Method GET -Path '/public/users' -Mode ApplyThenUnreadable
            $null = New-PortalWebhook -Url 'https://hooks.example.com/portal/views' -Event proposal.status_changed -Session $local -WarningAction SilentlyContinue
            Add-PortalSandboxWebhookRoute -HostName hooks.example.com -Target $localSandbox.BaseUri
            Set-PortalSandboxProposalStatus -ProposalId $journalProposal.Id -Status Accepted
            $sandboxFaults = @(Get-PortalSandboxFault)
            $sandboxDeliveries = @(Get-PortalSandboxWebhookDelivery -Wait)
            $sandboxRequests = @(Get-PortalSandboxRequest)
            Connect-Portal -BaseUri $baseUri -ApplicationKey $appKey -SecretKey $secret -Credential $cred
            $samples = [ordered]@{
                'PortalIo.Session.PortalSession' = @(Get-PortalSession)
                'PortalIo.Models.User' = @(Get-PortalUser)
                'PortalIo.Models.Proposal' = @(Get-PortalProposal -First 4) + @(Get-PortalProposal -Id 1042)
                'PortalIo.Models.Area' = @(Get-PortalArea -ProposalId 1042)
                'PortalIo.Models.AreaOption' = @(Get-PortalAreaOption -ProposalId 1042)
                'PortalIo.Models.ChangeOrder' = @(Get-PortalChangeOrder -ProposalId 1043)
                'PortalIo.Models.Contact' = @(Get-PortalContact -First 5)
                'PortalIo.Models.Location' = @(Get-PortalContactLocation -ContactId 95)
                'PortalIo.Models.ConnectionCheck' = @(Test-PortalConnection)
                'PortalIo.PowerShell.LocalSandbox.PortalSandbox' = @($localSandbox)
                'PortalIo.Models.PortalSignature' = @(New-PortalSignature -Method POST -Uri ($baseUri.AbsoluteUri + 'public/proposals/1042/area'))
                'PortalIo.Models.CatalogItem' = @(Find-PortalCatalogItem -First 5)
                'PortalIo.Models.CatalogSearchSummary' = @(Find-PortalCatalogItem -SearchText receiver -Summary -PageSize 3)
                'PortalIo.Models.CatalogCategory' = @(Get-PortalCatalogCategory)
                'PortalIo.Models.Webhook' = @(New-PortalWebhook -Url 'https://hooks.example.com/portal/views' -Event proposal.status_changed -Description 'Views' -WarningAction SilentlyContinue)
                'PortalIo.Models.AiContent' = @(Get-PortalAiContent -ProposalId $proposal.Id)
                'PortalIo.Models.AiOutline' = @(Start-PortalAiOutline -ProposalId $proposal.Id -Wait -PollIntervalSec 1)
                'PortalIo.Models.AiBuild' = @(Start-PortalAiBuild -ProposalId $proposal.Id)
                'PortalIo.PowerShell.LocalSandbox.PortalSandboxRequest' = $sandboxRequests
                'PortalIo.PowerShell.LocalSandbox.PortalSandboxFault' = $sandboxFaults
                'PortalIo.PowerShell.LocalSandbox.PortalSandboxWebhookDelivery' = $sandboxDeliveries
            }
            $localSandbox | Stop-PortalSandbox";

        private readonly string _aiFile;

        public OutputSamples()
        {
            Server = SandboxServer.Start(new SandboxOptions { AiStepDuration = TimeSpan.FromMilliseconds(100) });
            Shell = new ConnectedRunspace(Server);
            _aiFile = Path.Combine(Path.GetTempPath(), "portalio-views-" + Guid.NewGuid().ToString("N") + ".txt");
            File.WriteAllText(_aiFile, "Client wants a Home Theater and a Living Room with in-ceiling speakers.");
            var run = Shell.Run(Script, new Dictionary<string, object?> { ["aiFile"] = _aiFile, ["baseUri"] = Server.BaseUri });
            if (run.Terminating != null || run.Errors.Count > 0)
                throw new InvalidOperationException("Making the samples failed: " + (run.Terminating?.Message ?? run.Errors[0].ToString()));
            TypeNames = Shell.Run("$samples.Keys").Output.Select(o => o.ToString()).ToList();
        }

        public SandboxServer Server { get; }

        public ConnectedRunspace Shell { get; }

        /// <summary>The full names of the types that have samples.</summary>
        public IReadOnlyList<string> TypeNames { get; }

        /// <summary>What a pipeline of the samples of one type renders: e.g. "Format-Table | Out-String -Width 80".</summary>
        public string Render(string typeName, string pipeline)
        {
            var run = Shell.Run("$samples['" + typeName + "'] | " + pipeline);
            if (run.Terminating != null || run.Errors.Count > 0)
                throw new InvalidOperationException(pipeline + " failed for " + typeName + ": " + (run.Terminating?.Message ?? run.Errors[0].ToString()));
            return string.Concat(run.Output.Select(o => o.ToString()));
        }

        /// <summary>One script evaluated for each sample of a type ($_ is the sample): the expected texts, in order.</summary>
        public List<List<string>> Evaluate(string typeName, string perSample) =>
            Shell.Run("$samples['" + typeName + "'] | ForEach-Object { ,@(" + perSample + ") }").Output
                .Select(o => ((object[])o.BaseObject).Select(v => LanguagePrimitives.ConvertTo<string>(v)).ToList())
                .ToList();

        public int Count(string typeName) => Convert.ToInt32(Shell.Run("$samples['" + typeName + "'].Count").Output.Single().BaseObject);

        public void Dispose()
        {
            Shell.Dispose();
            Server.Dispose();
            try { File.Delete(_aiFile); } catch (IOException) { }
        }
    }
}
