#!/usr/bin/env bash
# Installs what Weak-to-Strong Notebooks needs beyond the .NET 10 SDK, on Debian or Ubuntu.
#   - chromium: the browser test opens the exported HTML book headless (network off).
#   - node/npm packages in environment/package.json: KaTeX, the offline math renderer copied into the HTML book.
#   - libopenblas0-pthread: the native BLAS/LAPACK that WeakToStrong's linear-algebra provider loads (without it the
#     library falls back to MathNet's managed provider, 10-50x slower on large matrices).
#   - python3-numpy: the numpy reference of the side-by-side benchmark (lib/WeakToStrong.Benchmarks).
#   - jupyter-nbconvert, python3-nbclient, jupyter-client, python3-ipykernel: Debian's Jupyter, the second real client
#     of the kernel in the notebook suite's tests (and a way to run the notebooks in JupyterLab or the classic UI).
#   - the .NET Interactive kernel itself: the Microsoft.dotnet-interactive global tool at the version in
#     environment/dotnet-interactive.version, installed as users install it (dotnet tool install --global; no local
#     tool manifest, so the tests run the kernel users run), plus a Jupyter kernelspec ".net-csharp" for it in
#     artifacts/jupyter (use it with JUPYTER_PATH=artifacts/jupyter; nothing is written to your own Jupyter folders).
# Idempotent: a second run installs nothing new. Run as root (CI) or with sudo.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v npm >/dev/null 2>&1 || need_apt+=(nodejs npm)
dpkg -s libopenblas0-pthread >/dev/null 2>&1 || need_apt+=(libopenblas0-pthread)
/usr/bin/python3 -c 'import numpy' >/dev/null 2>&1 || need_apt+=(python3 python3-numpy)
[[ -x /usr/bin/jupyter-nbconvert ]] && /usr/bin/python3 -c 'import nbclient, ipykernel' >/dev/null 2>&1 \
  || need_apt+=(jupyter-nbconvert python3-nbclient jupyter-client python3-nbformat python3-ipykernel)

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

# The real kernel: the global tool at the pinned version (update installs it, or replaces another version).
repo="$(cd "$here/.." && pwd)"
kernel_version="$(tr -d '[:space:]' < "$here/dotnet-interactive.version")"
tools="${DOTNET_CLI_HOME:-$HOME}/.dotnet/tools"
kernel_dll="$tools/.store/microsoft.dotnet-interactive/$kernel_version/microsoft.dotnet-interactive/$kernel_version/tools/net10.0/any/Microsoft.DotNet.Interactive.App.dll"
if [[ ! -f "$kernel_dll" ]]; then
  dotnet tool update --global microsoft.dotnet-interactive --version "$kernel_version" --allow-downgrade >/dev/null
fi
if [[ ! -f "$kernel_dll" ]]; then
  echo "setup: dotnet tool update --global microsoft.dotnet-interactive --version $kernel_version did not produce $kernel_dll" >&2
  exit 1
fi

# A kernelspec for Jupyter clients of that kernel (the same argv as the tests' JupyterClient writes).
spec="$repo/artifacts/jupyter/kernels/.net-csharp"
mkdir -p "$spec"
/usr/bin/python3 - "$kernel_dll" "$spec/kernel.json" <<'PY'
import json, sys
argv = ["dotnet", sys.argv[1], "jupyter", "--default-kernel", "csharp", "{connection_file}",
        "--http-port-range", "2048-3000", "--http-local-only"]
json.dump({"argv": argv, "display_name": ".NET (C#)", "language": "C#"}, open(sys.argv[2], "w"), indent=1)
PY

echo "setup: dotnet $(dotnet --version), $(chromium --version 2>/dev/null || echo 'chromium missing'), katex $(node -p "require('$here/node_modules/katex/package.json').version"), openblas $(dpkg-query -W -f='${Version}' libopenblas0-pthread 2>/dev/null || echo missing), numpy $(/usr/bin/python3 -c 'import numpy; print(numpy.__version__)' 2>/dev/null || echo missing), jupyter nbconvert $(/usr/bin/jupyter-nbconvert --version 2>/dev/null || echo missing), dotnet-interactive $kernel_version (kernelspec: $spec)"
