#!/usr/bin/env bash
# The Linux package, checked the way an admin uses it: build it with the one command, install the .deb with
# dpkg (its declared dependencies first), run the installed launcher headless and as a window, remove it.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pinstaller package -DskipTests
DEB=$(ls target/installer/worker-role-wizard_*.deb)
ls -la target/installer

export DEBIAN_FRONTEND=noninteractive
# The dependencies the package declares, then the package itself.
apt-get install -y -qq --no-install-recommends $(dpkg-deb -f "$DEB" Depends | tr -d ' ' | tr ',' ' ' | sed 's/([^)]*)//g') >/dev/null
dpkg -i "$DEB"

LAUNCHER=/opt/worker-role-wizard/bin/worker-role-wizard
"$LAUNCHER" --version
"$LAUNCHER" check --sandbox --appliance arn:aws:iam::123456789012:role/VeeamBackupImpersonation --role VeeamWorkerReady
set +e
"$LAUNCHER" check --sandbox --appliance arn:aws:iam::123456789012:role/VeeamBackupImpersonation --role WorkerFailingAll >/dev/null
failing=$?
set -e
[ "$failing" -eq 1 ] || { echo "expected exit code 1 for a failing role, got $failing" >&2; exit 1; }
xvfb-run -a "$LAUNCHER" --first-window-and-exit
[ -f /usr/share/applications/worker-role-wizard.desktop ] || ls /usr/share/applications | grep -q worker-role-wizard

dpkg -r worker-role-wizard
[ ! -e /opt/worker-role-wizard ] || { echo "/opt/worker-role-wizard is left after removal" >&2; exit 1; }
echo "Linux package: built, installed, run headless and as a window, removed."
