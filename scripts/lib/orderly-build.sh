# Sourced by the benchmark scripts once they have changed to the repository root: sets and exports
# ORDERLY_DLL, the build they measure. A caller's ORDERLY_DLL (an A/B run) is used as given, a
# relative path being taken from the directory the script was started in; otherwise
# scripts/publish.sh makes the deployment build. Exported, so the scripts bench.sh runs measure the same.
use_orderly_build() {
  if [ -z "${ORDERLY_DLL:-}" ]; then
    ORDERLY_DLL="$(scripts/publish.sh)"
  elif [ "${ORDERLY_DLL#/}" = "$ORDERLY_DLL" ]; then
    ORDERLY_DLL="$OLDPWD/$ORDERLY_DLL"
  fi
  if [ ! -f "$ORDERLY_DLL" ]; then
    echo "error: no Orderly build at $ORDERLY_DLL" >&2
    exit 1
  fi
  export ORDERLY_DLL
}
