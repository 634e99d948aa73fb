#!/usr/bin/env bash
# Installs what Weak-to-Strong Notebooks needs beyond the .NET 10 SDK, on Debian or Ubuntu.
#   - chromium: the browser test opens the exported HTML book headless (network off).
#   - node/npm packages in environment/package.json: KaTeX, the offline math renderer copied into the HTML book.
#   - libopenblas0-pthread: the native BLAS/LAPACK that WeakToStrong's linear-algebra provider loads (without it the
#     library falls back to MathNet's managed provider, 10-50x slower on large matrices).
#   - python3-numpy: the numpy reference of the side-by-side benchmark (lib/WeakToStrong.Benchmarks).
#   - jupyter-nbconvert, python3-nbclient, jupyter-client, python3-ipykernel: Debian's Jupyter, the second real client
#     of the kernel in the notebook suite's tests (and a way to run the notebooks in JupyterLab or the classic UI).
#   - the .NET Interactive kernel itself: the Microsoft.dotnet-interactive tool pinned in .config/dotnet-tools.json
#     (dotnet tool restore), plus a Jupyter kernelspec ".net-csharp" for it in artifacts/jupyter (use it with
#     JUPYTER_PATH=artifacts/jupyter; nothing is written to your own Jupyter folders).
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

# The real kernel, pinned by the local tool manifest; restored into the NuGet packages folder.
repo="$(cd "$here/.." && pwd)"
(cd "$repo" && dotnet tool restore >/dev/null)
kernel_version="$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["tools"]["microsoft.dotnet-interactive"]["version"])' "$repo/.config/dotnet-tools.json")"
kernel_dll="${NUGET_PACKAGES:-$HOME/.nuget/packages}/microsoft.dotnet-interactive/$kernel_version/tools/net10.0/any/Microsoft.DotNet.Interactive.App.dll"
if [[ ! -f "$kernel_dll" ]]; then
  echo "setup: dotnet tool restore did not produce $kernel_dll" >&2
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
