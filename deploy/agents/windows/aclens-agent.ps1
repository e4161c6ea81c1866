<#
.SYNOPSIS
  ACLens agent: exports the security descriptor of every folder of a share and uploads it to the collector.

.DESCRIPTION
  Walks the folders under -Path (long paths supported through the \\?\ prefix), writes one JSON line per
  folder {path, owner, sddl, error, names} as UTF-8 to -OutFile, then posts the file to
  <CollectorUrl>/api/v1/clients/<ClientId>/sources/<SourceId>/uploads with the client's bearer token.
  A folder it cannot read is written with its error; the walk goes on. Windows PowerShell 5.1 compatible.

.EXAMPLE
  .\aclens-agent.ps1 -Path 'D:\Shares\Data' -CollectorUrl 'https://aclens.msp.example:8081' `
                     -ClientId acme -SourceId 'fs1:data' -TokenFile 'C:\ProgramData\ACLens\token.txt'
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)] [string] $Path,
    [Parameter(Mandatory = $true)] [string] $CollectorUrl,
    [Parameter(Mandatory = $true)] [string] $ClientId,
    [Parameter(Mandatory = $true)] [string] $SourceId,
    [Parameter(Mandatory = $true)] [string] $TokenFile,
    [int] $MaxDepth = [int]::MaxValue,
    [string] $OutFile = (Join-Path $env:TEMP ("aclens-" + [guid]::NewGuid() + ".ndjson"))
)
Set-StrictMode -Version 2
$ErrorActionPreference = 'Stop'
[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12

function ConvertTo-LongPath([string] $p) {
    if ($p.StartsWith('\\?\')) { return $p }
    if ($p.StartsWith('\\')) { return '\\?\UNC\' + $p.Substring(2) }
    return '\\?\' + $p
}

$names = @{}
function Resolve-Names([System.Security.AccessControl.DirectorySecurity] $acl) {
    $result = @{}
    $sids = @($acl.GetOwner([System.Security.Principal.SecurityIdentifier]))
    $sids += $acl.GetAccessRules($true, $true, [System.Security.Principal.SecurityIdentifier]) | ForEach-Object { $_.IdentityReference }
    foreach ($sid in $sids) {
        $key = $sid.Value
        if (-not $names.ContainsKey($key)) {
            try { $names[$key] = $sid.Translate([System.Security.Principal.NTAccount]).Value } catch { $names[$key] = $null }
            if ($names[$key]) { $result[$key] = $names[$key] }
        }
    }
    return $result
}

$utf8 = New-Object System.Text.UTF8Encoding($false)
$writer = New-Object System.IO.StreamWriter($OutFile, $false, $utf8)
$serializer = New-Object System.Web.Script.Serialization.JavaScriptSerializer -ErrorAction SilentlyContinue
if (-not $serializer) { Add-Type -AssemblyName System.Web.Extensions; $serializer = New-Object System.Web.Script.Serialization.JavaScriptSerializer }
$serializer.MaxJsonLength = [int]::MaxValue
$count = 0; $errors = 0
try {
    $root = ConvertTo-LongPath (Resolve-Path -LiteralPath $Path).ProviderPath
    $pending = New-Object System.Collections.Generic.Queue[object]
    $pending.Enqueue(@($root, 0))
    while ($pending.Count -gt 0) {
        $item = $pending.Dequeue(); $folder = $item[0]; $depth = $item[1]
        $line = @{ path = $folder }
        try {
            $acl = [System.IO.Directory]::GetAccessControl($folder)
            $line.owner = $acl.GetOwner([System.Security.Principal.SecurityIdentifier]).Value
            $line.sddl = $acl.GetSecurityDescriptorSddlForm([System.Security.AccessControl.AccessControlSections]::All)
            $resolved = Resolve-Names $acl
            if ($resolved.Count -gt 0) { $line.names = $resolved }
        } catch {
            $line.error = $_.Exception.Message; $errors++
        }
        if ($depth -lt $MaxDepth) {
            try {
                foreach ($child in [System.IO.Directory]::EnumerateDirectories($folder)) {
                    $attributes = [System.IO.File]::GetAttributes($child)
                    if (-not ($attributes -band [System.IO.FileAttributes]::ReparsePoint)) { $pending.Enqueue(@($child, $depth + 1)) }
                }
            } catch {
                if (-not $line.ContainsKey('error')) { $line.error = 'cannot list contents: ' + $_.Exception.Message; $errors++ }
            }
        }
        $writer.WriteLine($serializer.Serialize($line)); $count++
    }
} finally {
    $writer.Dispose()
}
Write-Host "Exported $count folders ($errors unreadable) to $OutFile"

$token = (Get-Content -LiteralPath $TokenFile -Raw).Trim()
$uri = "$($CollectorUrl.TrimEnd('/'))/api/v1/clients/$([uri]::EscapeDataString($ClientId))/sources/$([uri]::EscapeDataString($SourceId))/uploads?root=$([uri]::EscapeDataString($root))"
try {
    $response = Invoke-WebRequest -Uri $uri -Method Post -InFile $OutFile -ContentType 'application/x-ndjson' `
        -Headers @{ Authorization = "Bearer $token" } -UseBasicParsing
    Write-Host "Uploaded: $($response.StatusCode) $($response.Content)"
    Remove-Item -LiteralPath $OutFile
} catch {
    $body = ''
    if ($_.Exception.Response) { $body = (New-Object System.IO.StreamReader($_.Exception.Response.GetResponseStream())).ReadToEnd() }
    Write-Error "Upload refused: $($_.Exception.Message) $body (the export is kept at $OutFile)"
    exit 1
}
