# The scripts PortalIo's users would write instead, as README's Performance section shows them.
# They read $BaseUri (ending in '/'), $AppKey, $SecretKey and $UserKey. Written as a competent script
# author would, from the API's documentation, not to be slow.

# 1. What the documentation's curl examples turn into: Invoke-RestMethod, with the HMAC done by hand.
function New-PortalHeaders([string] $Method, [string] $Url) {
    # The signed URL has no query string; the date is RFC 7231 in UTC.
    $date = [DateTime]::UtcNow.ToString('r')
    $hmac = [System.Security.Cryptography.HMACSHA256]::new([System.Text.Encoding]::ASCII.GetBytes($SecretKey))
    $signature = [Convert]::ToBase64String($hmac.ComputeHash([System.Text.Encoding]::UTF8.GetBytes($Method + $Url + $date + $UserKey)))
    @{
        'X-MSS-API-APPID'   = $AppKey
        'X-MSS-API-USERKEY' = $UserKey
        'X-MSS-CUSTOM-DATE' = $date
        'X-MSS-SIGNATURE'   = $signature
    }
}

function Get-ProposalIrm([int] $Id) {
    $url = "${BaseUri}public/proposals/$Id"
    Invoke-RestMethod -Uri $url -Headers (New-PortalHeaders 'GET' $url)
}

function Get-AllProposalsIrm([int] $PageSize = 50) {
    $url = "${BaseUri}public/proposals"
    $page = 1
    do {
        $answer = Invoke-RestMethod -Uri "${url}?PageNumber=$page&PageSize=$PageSize" -Headers (New-PortalHeaders 'GET' $url)
        $answer.proposals
        $page++
    } while ($answer.proposals.Count -eq $PageSize)
}

# 2. An expert's script: one HttpClient and one HMAC for the whole script, ConvertFrom-Json.
$ExpertHttp = [System.Net.Http.HttpClient]::new()
$ExpertHmac = [System.Security.Cryptography.HMACSHA256]::new([System.Text.Encoding]::ASCII.GetBytes($SecretKey))

function Get-ProposalExpert([int] $Id) {
    $url = "${BaseUri}public/proposals/$Id"
    $date = [DateTime]::UtcNow.ToString('r')
    $signature = [Convert]::ToBase64String($ExpertHmac.ComputeHash([System.Text.Encoding]::UTF8.GetBytes('GET' + $url + $date + $UserKey)))
    $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Get, $url)
    $null = $request.Headers.TryAddWithoutValidation('X-MSS-API-APPID', $AppKey)
    $null = $request.Headers.TryAddWithoutValidation('X-MSS-API-USERKEY', $UserKey)
    $null = $request.Headers.TryAddWithoutValidation('X-MSS-CUSTOM-DATE', $date)
    $null = $request.Headers.TryAddWithoutValidation('X-MSS-SIGNATURE', $signature)
    $response = $ExpertHttp.SendAsync($request).GetAwaiter().GetResult()
    try {
        $json = $response.Content.ReadAsStringAsync().GetAwaiter().GetResult()
        if (-not $response.IsSuccessStatusCode) { throw "GET $url answered $([int]$response.StatusCode): $json" }
        $json | ConvertFrom-Json
    }
    finally {
        $response.Dispose()
        $request.Dispose()
    }
}
