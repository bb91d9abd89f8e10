#!/usr/bin/env bash
# Builds the native packages of the OS it runs on into target/installer/, each with its own Java runtime
# (jlink: only the modules the app needs). Called by `mvn -B -q -Pinstaller package -DskipTests`, after the
# runnable jar is built. Linux: an app-image, a .deb and (where rpmbuild exists) an .rpm. macOS: an app-image
# and a .dmg. Windows: see windows/build.ps1.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION="${1:?usage: installer/build.sh VERSION}"
NAME=worker-role-wizard
INPUT=target/installer-input
RUNTIME=target/installer-runtime
OUT=target/installer
# jdeps --print-module-deps lists java.base,java.desktop,java.sql,jdk.httpserver,jdk.jfr,jdk.unsupported; JavaFX
# also needs java.logging, the SDK java.naming and java.management, TLS to AWS jdk.crypto.ec, dates in every
# language jdk.localedata.
MODULES=java.base,java.desktop,java.logging,java.management,java.naming,java.sql,java.xml,jdk.crypto.ec,jdk.httpserver,jdk.jfr,jdk.unsupported,jdk.localedata

rm -rf "$INPUT" "$RUNTIME" "$OUT"
mkdir -p "$INPUT" "$OUT"
cp "target/$NAME.jar" "$INPUT/"
jlink --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages --generate-cds-archive --output "$RUNTIME"

COMMON=(--name "$NAME" --app-version "$VERSION" --vendor "Worker Role Wizard"
  --description "Checks and fixes the IAM role that Veeam Backup for AWS worker instances run under."
  --input "$INPUT" --main-jar "$NAME.jar" --main-class com.workerrolewizard.Launcher
  --runtime-image "$RUNTIME" --dest "$OUT" --java-options "-Xss1m")

# AppCDS: the list of classes the first window loads, recorded by starting the app-image once; the archive
# itself is made from that list where the app is installed (postinst), since an archive is tied to the path of
# the jar it was made from. It makes the first window come about a fifth sooner (README). Recording needs a
# display: an X server, or xvfb-run; without one the packages simply go without it.
record_classes() {
  local app="$1" lib="$1/lib/app"
  local run=()
  if [ -z "${DISPLAY:-}" ]; then
    if ! command -v xvfb-run >/dev/null 2>&1; then
      echo "installer: no display and no xvfb-run, so no class list for a faster start" >&2
      return 0
    fi
    run=(xvfb-run -a)
  fi
  "${run[@]}" "$app/lib/runtime/bin/java" -XX:DumpLoadedClassList="$lib/$NAME.classlist" \
    -cp "$lib/$NAME.jar" com.workerrolewizard.Launcher --first-window-and-exit >/dev/null 2>&1 || true
  # A missing archive is no error: the JVM then starts without it.
  printf 'java-options=-XX:SharedArchiveFile=$APPDIR/%s.jsa\njava-options=-Xshare:auto\njava-options=-Xlog:cds=off\n' \
    "$NAME" >> "$lib/$NAME.cfg"
}

case "$(uname -s)" in
  Linux)
    jpackage "${COMMON[@]}" --type app-image --icon "installer/icons/$NAME.png"
    record_classes "$OUT/$NAME"
    # The packages are made from that app-image, so they carry the archive too.
    PACKAGE=(--name "$NAME" --app-version "$VERSION" --vendor "Worker Role Wizard" --dest "$OUT"
      --description "Checks and fixes the IAM role that Veeam Backup for AWS worker instances run under."
      --app-image "$OUT/$NAME" --icon "installer/icons/$NAME.png" --resource-dir installer/linux
      --license-file installer/LICENSE.txt --install-dir /opt --linux-package-name "$NAME" --linux-app-category utils
      --linux-menu-group "Utility;System;" --linux-shortcut)
    jpackage "${PACKAGE[@]}" --type deb --linux-package-deps "libgtk-3-0, xdg-utils"
    if command -v rpmbuild >/dev/null 2>&1; then
      jpackage "${PACKAGE[@]}" --type rpm --linux-package-deps "gtk3, xdg-utils"
    else
      echo "installer: rpmbuild is not installed (Debian: apt-get install rpm), so no .rpm was built" >&2
    fi
    ;;
  Darwin)
    jpackage "${COMMON[@]}" --type app-image --icon "installer/icons/$NAME.icns"
    jpackage "${COMMON[@]}" --type dmg --icon "installer/icons/$NAME.icns" --license-file installer/LICENSE.txt \
      --mac-package-identifier com.workerrolewizard --mac-package-name "Worker Role Wizard"
    ;;
  *)
    echo "installer/build.sh builds Linux and macOS packages; on Windows run installer/windows/build.ps1" >&2
    exit 2
    ;;
esac
ls -la "$OUT"
