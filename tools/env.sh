#!/usr/bin/env bash
# The project environment (.venv), installed from the lock (requirements.txt, with hashes).
#
#   tools/env.sh PYTHON EXPLICIT [--verbose]
#
# PYTHON is the interpreter to use; EXPLICIT is 1 when the user chose it (make PYTHON=...).
# .venv/.stamp records the interpreter and a hash of the lock and pyproject.toml. The
# environment is recreated from scratch when the lock or pyproject.toml changed, when a chosen
# PYTHON differs from the one .venv was made with, or when a previous set-up did not finish.
# Without an explicit PYTHON, an up-to-date .venv is kept whatever Python it has.
set -euo pipefail

PYTHON=${1:-python3}
EXPLICIT=${2:-}
VERBOSE=${3:-}
VENV=.venv
STAMP=$VENV/.stamp
LOCK=requirements.txt
LOG=$VENV/pip.log
SUPPORTED="3.11, 3.12 or 3.13"
FIX="make ${MAKE_TARGET:-env} PYTHON=/path/to/python3.12 (any of $SUPPORTED)"

say() { echo "env: $*"; }
die() {
    echo "env: error: $*" >&2
    exit 1
}

# One interpreter start: version, ensurepip present, lock hash, executable (last: may have spaces).
probe() {
    "$1" - "$LOCK" pyproject.toml <<'EOF'
import hashlib, sys
try:
    import ensurepip, venv  # Debian/Ubuntu split them out (python3.X-venv)
    has_venv = 1
except ImportError:
    has_venv = 0
digest = hashlib.sha256()
for name in sys.argv[1:]:
    with open(name, "rb") as handle:
        digest.update(handle.read())
print("%d.%d.%d" % sys.version_info[:3], has_venv, digest.hexdigest()[:16], sys.executable)
EOF
}

# Jupyter apps of this environment (`jupyter nbconvert --execute`, JupyterLab) start kernels
# over Unix sockets, as the build does: no TCP port, and no "Kernel is running over TCP"
# warning. The sockets go to a short folder in /tmp (a socket path may not exceed 107 bytes).
write_config() {
    [[ -f "$1" && "$(cat "$1")" == "$2" ]] && return 0
    mkdir -p "$(dirname "$1")"
    printf '%s\n' "$2" >"$1"
}
jupyter_config() {
    write_config "$VENV/etc/jupyter/jupyter_nbconvert_config.json" \
        '{"ExecutePreprocessor": {"kernel_manager_class": "sergek_report.build.kernels.IPCKernelManager"}}'
    write_config "$VENV/etc/jupyter/jupyter_server_config.json" \
        '{"MappingKernelManager": {"kernel_manager_class": "sergek_report.build.lab.IPCServerKernelManager"}}'
}

stamp_field() { sed -n "s/^$1 //p" "$STAMP" 2>/dev/null || true; }

# Without an explicit choice, keep the interpreter .venv was made with (if it is still there).
if [[ -z "$EXPLICIT" && -f "$STAMP" ]]; then
    previous=$(stamp_field interpreter)
    if [[ -n "$previous" && -x "$previous" ]]; then PYTHON=$previous; fi
fi

# Supported interpreters on this machine, for the fix of an error: "path (version)" each.
found_pythons() {
    local candidates=() seen=" " path version
    local IFS=:
    for dir in $PATH; do candidates+=("$dir"/python3.1[123] "$dir"/python3); done
    unset IFS
    if command -v pyenv >/dev/null 2>&1; then
        candidates+=("$(pyenv root 2>/dev/null)"/versions/*/bin/python3.1[123])
    fi
    candidates+=(/usr/bin/python3.1[123] /usr/local/bin/python3.1[123])
    for path in "${candidates[@]}"; do
        [[ -x "$path" && "$path" != */shims/* ]] || continue
        path=$(readlink -f "$path")
        [[ "$seen" == *" $path "* ]] && continue
        seen+="$path "
        version=$("$path" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])' 2>/dev/null) ||
            continue
        case "$version" in 3.11.* | 3.12.* | 3.13.*) printf '%s (%s), ' "$path" "$version" ;; esac
    done | sed 's/, $//'
}
not_usable() { # what happened, then the interpreters that would work and the command to use
    local found first
    found=$(found_pythons)
    if [[ -n "$found" ]]; then
        first=${found%% (*}
        # The one the user meant, if the name says (python3.12 -> .../python3.12).
        for entry in ${found//, / }; do
            [[ "$entry" == */"$(basename "$PYTHON")" ]] && first=$entry && break
        done
        die "$1 Supported interpreters found here: $found. Fix: make ${MAKE_TARGET:-env} \
PYTHON=$first (or another of them)."
    fi
    die "$1 No Python $SUPPORTED was found on this machine. Fix: install one (e.g. \
sudo apt-get install python3 python3-venv, or pyenv install 3.12), then $FIX"
}

command -v "$PYTHON" >/dev/null 2>&1 || not_usable "Python '$PYTHON' not found (not a file, nor \
a command on PATH)."
errors=$(mktemp)
trap 'rm -f "$errors"' EXIT
if ! info=$(probe "$PYTHON" 2>"$errors"); then
    # A pyenv shim whose version is not selected says so on stderr ("command not found",
    # and which installed versions have the command): pass that on, in one paragraph.
    said=$(tr -s ' \n\t' ' ' <"$errors" | sed 's/^ //; s/ *$//; s/\.$//' | cut -c1-400)
    not_usable "'$PYTHON' ($(command -v "$PYTHON")) did not run as Python 3${said:+: $said}."
fi
read -r version has_venv lock_hash executable <<<"$info"
case "$version" in
3.11.* | 3.12.* | 3.13.*) ;;
*) die "Python $version ($executable) is not supported: the report needs $SUPPORTED. Fix: $FIX" ;;
esac

if [[ -f "$STAMP" && -x "$VENV/bin/python" && "$(stamp_field python)" == "$version $lock_hash" ]]; then
    jupyter_config
    [[ -n "$VERBOSE" ]] && say "$VENV is up to date (Python $version, $executable)"
    exit 0
fi

if [[ ! -d "$VENV" ]]; then
    reason="no $VENV yet"
elif [[ ! -f "$STAMP" ]]; then
    reason="the previous set-up of $VENV did not finish"
elif [[ "$(stamp_field python | cut -d' ' -f1)" != "$version" ]]; then
    reason="$VENV has Python $(stamp_field python | cut -d' ' -f1), Python $version was asked for"
else
    reason="$LOCK or pyproject.toml changed"
fi
[[ "$has_venv" == 1 ]] || die "Python $version ($executable) has no venv module. \
Fix: sudo apt-get install python3-venv (Debian/Ubuntu), or $FIX"

start=$SECONDS
say "Python $version ($executable): creating $VENV ($reason)"
say "[1/3] new virtual environment"
rm -rf "$VENV"
"$PYTHON" -m venv "$VENV"
mine=$VENV/.setup-$$ # gone if another run replaced .venv meanwhile: then no stamp is written
touch "$mine"

say "[2/3] installing the locked packages of $LOCK (1-3 min the first time; log: $LOG)"
pip_flags=(--disable-pip-version-check --no-input --progress-bar off)
locked=$(grep -c '^[A-Za-z0-9]' "$LOCK")
# --no-deps: the lock already pins every dependency with its hashes, and pip 23 cannot
# combine a pinned package with another package's request for it with extras in hash mode
# (weasyprint asks for «fonttools[woff]>=…»: pip fetched the newest fonttools and refused it
# unpinned, pypa/pip#9644); `pip check` below proves the set complete instead.
if ! "$VENV/bin/python" -m pip install "${pip_flags[@]}" --require-hashes --no-deps -r "$LOCK" 2>&1 |
    tee "$LOG" |
    awk -v locked="$locked" '
        /^Ignoring / { skipped++ }  # markers for another Python or platform
        /^(Collecting|Processing) / {
            n++
            if (n % 25 == 0) { printf "env:   %d/%d packages fetched\n", n, locked - skipped; fflush() }
        }
        /^Installing collected packages/ {
            printf "env:   %d/%d packages fetched, unpacking them into .venv\n", n, locked - skipped
            fflush()
        }'; then
    tail -n 20 "$LOG" >&2
    die "installing $LOCK failed (full log: $LOG); the next make run starts over."
fi

# pip's own warnings (a withdrawn release, a conflict) would otherwise stay in the log.
grep -E '^WARNING: .*(yank|conflict|incompatible)' "$LOG" | sed 's/^/env: pip: /' >&2 || true
# every requirement of every locked package is itself in the lock, at a version it accepts
if ! "$VENV/bin/python" -m pip check >>"$LOG" 2>&1; then
    tail -n 20 "$LOG" >&2
    die "$LOCK is incomplete or inconsistent: pip check lists a missing or conflicting dependency above; regenerate it with «make lock»."
fi

say "[3/3] the project package (editable) and its Jupyter kernel (python3)"
"$VENV/bin/python" -m pip install "${pip_flags[@]}" --quiet --no-deps --no-build-isolation -e . \
    >>"$LOG" 2>&1 || {
    tail -n 20 "$LOG" >&2
    die "installing the project package failed (full log: $LOG)"
}
# The one kernel of the environment, the standard "python3" the notebooks name, started
# over Unix sockets by whichever tool starts it (papermill, nbclient, JupyterLab).
"$VENV/bin/python" - "$VENV/share/jupyter/kernels/python3/kernel.json" <<'EOF'
import json, os, sys
spec = {
    "argv": [sys.executable, "-Xfrozen_modules=off", "-m", "ipykernel_launcher", "-f",
             "{connection_file}"],
    "display_name": "Python 3 (ipykernel)",
    "language": "python",
    "metadata": {
        "debugger": True,
        "kernel_provisioner": {"provisioner_name": "sergek-ipc-provisioner"},
    },
    "kernel_protocol_version": "5.5",
}
os.makedirs(os.path.dirname(sys.argv[1]), exist_ok=True)
with open(sys.argv[1], "w") as handle:
    json.dump(spec, handle, indent=1)
EOF
jupyter_config

[[ -f "$mine" ]] || die "another set-up replaced $VENV meanwhile; run make again."
rm -f "$mine"
printf 'python %s %s\ninterpreter %s\n' "$version" "$lock_hash" "$executable" >"$STAMP"
say "ready in $((SECONDS - start)) s: $VENV with Python $version"
