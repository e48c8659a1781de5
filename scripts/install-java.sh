#!/usr/bin/env bash
# Install a headless Java runtime for the Spark job and its tests (PySpark 4 needs Java 17+).
# Idempotent: does nothing, quickly, when a suitable `java` is already on PATH.
# Uses Debian's packages: openjdk-17-jre-headless when the release has it, else default-jre-headless.
set -euo pipefail

java_major() {
    # `java -version` prints e.g. `openjdk version "17.0.15" 2025-04-15` on stderr.
    java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
}

if command -v java >/dev/null 2>&1; then
    major="$(java_major)"
    if [ -n "$major" ] && [ "$major" -ge 17 ]; then
        echo "java $major is already installed"
        exit 0
    fi
    echo "java ${major:-unknown} is too old for Spark 4; installing a newer one"
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "no apt-get here: install a Java 17+ runtime by hand and put it on PATH (or set JAVA_HOME)" >&2
    exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
package=""
for candidate in openjdk-17-jre-headless openjdk-21-jre-headless default-jre-headless; do
    if apt-cache policy "$candidate" 2>/dev/null | grep -q 'Candidate: [0-9]'; then
        package="$candidate"
        break
    fi
done
if [ -z "$package" ]; then
    echo "no headless JRE package found in this system's apt sources" >&2
    exit 1
fi
# The JRE's post-install script expects this man directory on slim images.
$SUDO mkdir -p /usr/share/man/man1
$SUDO apt-get install -y -qq --no-install-recommends "$package"
echo "installed $package: $(java -version 2>&1 | head -n 1)"
