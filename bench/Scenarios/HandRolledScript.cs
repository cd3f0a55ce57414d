namespace PortalIo.Bench.Scenarios
{
    /// <summary>
    /// What a script author writes without PortalIo, at its fastest: HttpClient and HMAC from
    /// PowerShell, the same headers, the same deserialization into the same type. (Real pwsh users
    /// would more likely reach for Invoke-RestMethod, which the hosted engine here does not have
    /// and which is slower still.) Defined once as a global function so that each batch is one
    /// already-compiled call.
    /// </summary>
    public static class HandRolledScript
    {
        public const string FunctionName = "Invoke-BenchHandRolled";

        /// <summary>Reads $BenchBaseUri, $BenchAppKey, $BenchUserKey, $BenchSecret (bytes), set by the scenario.</summary>
        public const string Definition = @"
$global:BenchHttp = [System.Net.Http.HttpClient]::new()
$global:BenchHmac = [System.Security.Cryptography.HMACSHA256]::new($BenchSecret)
$global:BenchJson = [System.Text.Json.JsonSerializerOptions]::new([System.Text.Json.JsonSerializerDefaults]::Web)
function global:Invoke-BenchHandRolled([int[]] $ids) {
    foreach ($id in $ids) {
        $uri = [uri]::new($BenchBaseUri, ""public/proposals/$id"")
        $date = [datetime]::UtcNow.ToString('r', [cultureinfo]::InvariantCulture)
        $message = 'GET' + $uri.GetLeftPart([UriPartial]::Path) + $date + $BenchUserKey
        $signature = [convert]::ToBase64String($BenchHmac.ComputeHash([System.Text.Encoding]::UTF8.GetBytes($message)))
        $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Get, $uri)
        $null = $request.Headers.TryAddWithoutValidation('Accept', 'application/json')
        $null = $request.Headers.TryAddWithoutValidation('X-MSS-API-APPID', $BenchAppKey)
        $null = $request.Headers.TryAddWithoutValidation('X-MSS-API-USERKEY', $BenchUserKey)
        $null = $request.Headers.TryAddWithoutValidation('X-MSS-CUSTOM-DATE', $date)
        $null = $request.Headers.TryAddWithoutValidation('X-MSS-SIGNATURE', $signature)
        $response = $BenchHttp.SendAsync($request).GetAwaiter().GetResult()
        $json = $response.Content.ReadAsStringAsync().GetAwaiter().GetResult()
        if (-not $response.IsSuccessStatusCode) { throw ""GET $uri answered $([int]$response.StatusCode): $json"" }
        $p = [System.Text.Json.JsonSerializer]::Deserialize($json, [PortalIo.Models.Proposal], $BenchJson)
        $response.Dispose()
        $request.Dispose()
    }
}";
    }
}
