# Builds the Windows packages into target\installer\: an app-image and an .msi, each with its own Java runtime.
# Called by `mvn -B -q -Pinstaller package -DskipTests` on Windows; needs JDK 17 and WiX Toolset 3 on the PATH
# (choco install wixtoolset). The upgrade UUID is fixed: a new version replaces the old one.
param([Parameter(Mandatory = $true)][string]$Version)
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..\..')
$name = 'worker-role-wizard'
$modules = 'java.base,java.desktop,java.logging,java.management,java.naming,java.sql,java.xml,jdk.crypto.ec,jdk.httpserver,jdk.jfr,jdk.unsupported,jdk.localedata'
Remove-Item -Recurse -Force -ErrorAction SilentlyContinue target\installer-input, target\installer-runtime, target\installer
New-Item -ItemType Directory -Force target\installer-input, target\installer | Out-Null
Copy-Item "target\$name.jar" target\installer-input\
& jlink --add-modules $modules --strip-debug --no-header-files --no-man-pages --compress=2 --output target\installer-runtime
if ($LASTEXITCODE -ne 0) { throw 'jlink failed' }
$common = @('--name', $name, '--app-version', $Version, '--vendor', 'Worker Role Wizard',
    '--description', 'Checks and fixes the IAM role that Veeam Backup for AWS worker instances run under.',
    '--input', 'target\installer-input', '--main-jar', "$name.jar", '--main-class', 'com.workerrolewizard.Launcher',
    '--runtime-image', 'target\installer-runtime', '--dest', 'target\installer', '--icon', "installer\icons\$name.ico")
$cli = @('--add-launcher', "$name-cli=installer\windows\cli-launcher.properties")
& jpackage @common @cli --type app-image
if ($LASTEXITCODE -ne 0) { throw 'jpackage app-image failed' }
& jpackage @common @cli --type msi --win-upgrade-uuid 6f1c2a9e-3b7d-4e5a-9c21-8d4f0b7a2e61 --win-menu --win-menu-group 'Worker Role Wizard' `
    --win-shortcut --win-dir-chooser --win-per-user-install --license-file installer\LICENSE.txt
if ($LASTEXITCODE -ne 0) { throw 'jpackage msi failed' }
Get-ChildItem target\installer
