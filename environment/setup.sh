#!/usr/bin/env bash
# Installs what Weak-to-Strong Notebooks needs beyond the .NET 10 SDK, on Debian or Ubuntu.
#   - chromium: the browser test opens the exported HTML book headless (network off).
#   - node/npm packages in environment/package.json: KaTeX, the offline math renderer copied into the HTML book.
#   - libopenblas0-pthread: the native BLAS/LAPACK that WeakToStrong's linear-algebra provider loads (without it the
#     library falls back to MathNet's managed provider, 10-50x slower on large matrices).
#   - python3-numpy: the numpy reference of the side-by-side benchmark (lib/WeakToStrong.Benchmarks).
# Idempotent: a second run installs nothing new. Run as root (CI) or with sudo.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v npm >/dev/null 2>&1 || need_apt+=(nodejs npm)
dpkg -s libopenblas0-pthread >/dev/null 2>&1 || need_apt+=(libopenblas0-pthread)
/usr/bin/python3 -c 'import numpy' >/dev/null 2>&1 || need_apt+=(python3 python3-numpy)

if ((${#need_apt[@]})); then
  if [[ $(id -u) -eq 0 ]]; then sudo=""; else sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is required (https://dotnet.microsoft.com/download); dotnet was not found on PATH" >&2
  exit 1
fi

# Front-end assets for the HTML export, pinned by package-lock.json.
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)

echo "setup: dotnet $(dotnet --version), $(chromium --version 2>/dev/null || echo 'chromium missing'), katex $(node -p "require('$here/node_modules/katex/package.json').version"), openblas $(dpkg-query -W -f='${Version}' libopenblas0-pthread 2>/dev/null || echo missing), numpy $(/usr/bin/python3 -c 'import numpy; print(numpy.__version__)' 2>/dev/null || echo missing)"
