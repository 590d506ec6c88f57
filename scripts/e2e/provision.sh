#!/usr/bin/env bash
# Provision code-server 4.99.4 (VS Code 1.99.3 in the browser) for the e2e tests.
#
# Installs into a cache folder OUTSIDE the repo's node_modules:
#   ${CRP_CITE_E2E_CACHE:-$HOME/.cache/crp-cite/code-server-4.99.4}
# Idempotent: a marker file written at the very end makes reruns instant.
# Needs the Debian packages chromium, libkrb5-dev and ripgrep (see .ci/run).
#
# Progress goes to stderr; the last line on stdout is the path of
# code-server's entry.js, e.g.
#   node "$(scripts/e2e/provision.sh)" --version
set -euo pipefail

CS_VERSION=4.99.4
CACHE="${CRP_CITE_E2E_CACHE:-$HOME/.cache/crp-cite/code-server-$CS_VERSION}"
CS="$CACHE/node_modules/code-server"
ENTRY="$CS/out/node/entry.js"
MARKER="$CACHE/.provisioned"

log() { printf '[e2e-provision] %s\n' "$*" >&2; }
die() { printf '[e2e-provision] ERROR: %s\n' "$*" >&2; exit 1; }

# --- Debian prerequisites -----------------------------------------------------
missing=()
for pkg in chromium libkrb5-dev ripgrep; do
  status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done
if ((${#missing[@]})); then
  die "missing Debian packages: ${missing[*]}
  install them with:
    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing[*]}"
fi
[[ -x /usr/bin/chromium ]] || die "/usr/bin/chromium not found (Debian package: chromium)"
[[ -x /usr/bin/rg ]] || die "/usr/bin/rg not found (Debian package: ripgrep)"

node_major="$(node -p 'process.versions.node.split(".")[0]')"
[[ "$node_major" == 20 ]] || die "code-server $CS_VERSION needs Node 20, found $(node --version)"

# Marker content pins everything that would make a cached install unusable.
stamp="code-server=$CS_VERSION node-abi=$(node -p process.versions.modules) arch=$(uname -m)"

if [[ -f "$MARKER" && "$(cat "$MARKER")" == "$stamp" && -f "$ENTRY" ]]; then
  log "already provisioned: $CS"
  echo "$ENTRY"
  exit 0
fi

mkdir -p "$CACHE"
# Serialise concurrent provisioning (two test runs at once).
exec 9>"$CACHE/.lock"
if command -v flock >/dev/null; then flock 9; fi
if [[ -f "$MARKER" && "$(cat "$MARKER")" == "$stamp" && -f "$ENTRY" ]]; then
  log "already provisioned (by a concurrent run): $CS"
  echo "$ENTRY"
  exit 0
fi
rm -f "$MARKER"

start=$SECONDS
# Keep the project's own npm config (cwd .npmrc) out of the way.
cd "$CACHE"
[[ -f package.json ]] || echo '{"name":"crp-cite-e2e-cache","private":true}' > package.json

export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
export npm_config_loglevel="${npm_config_loglevel:-warn}"

log "installing code-server@$CS_VERSION into $CACHE (no lifecycle scripts)"
npm install --prefix "$CACHE" --no-save "code-server@$CS_VERSION" --ignore-scripts >&2

log "installing VS Code server dependencies (lib/vscode)"
cd "$CS/lib/vscode"
npm install --omit=dev --ignore-scripts >&2
log "rebuilding native modules (kerberos needs libkrb5-dev)"
npm_config_yes=true npm rebuild kerberos @parcel/watcher @vscode/spdlog native-watchdog node-pty @vscode/deviceid >&2

# @vscode/ripgrep downloads its binary in postinstall: use the system rg instead.
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sfn /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg

# The symlinks code-server's postinstall.sh makes (run from lib/vscode).
rm -rf node_modules.asar && ln -s node_modules node_modules.asar
(cd bin/remote-cli && rm -rf code-server && ln -s code-linux.sh code-server)
(cd bin/helpers && rm -rf browser.sh && ln -s browser-linux.sh browser.sh)

log "installing built-in extensions' dependencies (lib/vscode/extensions)"
(cd extensions && npm install --omit=dev --ignore-scripts >&2)

# argon2 is hoisted next to code-server by `npm install --prefix`, so rebuild it
# from the npm project root that owns it ($CACHE), not from inside code-server.
log "rebuilding argon2"
cd "$CACHE"
npm_config_yes=true npm rebuild argon2 >&2

# Sanity check: the server starts far enough to print its version.
node "$ENTRY" --config "$CACHE/config.yaml" --version >&2 || die "code-server does not start (node $ENTRY --version failed)"

echo "$stamp" > "$MARKER"
log "provisioned in $((SECONDS - start))s: $CS"
echo "$ENTRY"
