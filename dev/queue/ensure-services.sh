#!/usr/bin/env bash
# Installs what n8n's queue mode needs on this machine, from Debian's packages, when it is absent:
# redis-server and PostgreSQL. Nothing is started here (dev/queue/services.ts starts throwaway
# instances on loopback). A warm run only looks for the binaries and takes a moment.
set -euo pipefail

say() { echo "[ensure-queue-services] $*" >&2; }

have_postgres() { compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; }
missing=()
command -v redis-server >/dev/null || missing+=(redis-server)
have_postgres || missing+=(postgresql)
if ((${#missing[@]} == 0)); then
	exit 0
fi
if [[ "$(id -u)" != 0 ]]; then
	say "missing: ${missing[*]}; run as root: apt-get update && apt-get install -y ${missing[*]}"
	exit 1
fi
log="$(mktemp -t ensure-queue-services.XXXXXX.log)"
say "installing ${missing[*]} from Debian's packages (log: $log)"
export DEBIAN_FRONTEND=noninteractive
# Another apt may hold the lock on a shared machine: wait for it rather than fail.
if ! { apt-get -o DPkg::Lock::Timeout=900 update && apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
	say "apt-get failed; last lines of $log:"
	tail -n 30 "$log" >&2
	exit 1
fi
command -v redis-server >/dev/null && have_postgres || { say "install did not provide ${missing[*]}"; exit 1; }
say "ready"
