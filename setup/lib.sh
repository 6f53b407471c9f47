# Shared by setup/run, setup/test and setup/stop. Sourced, never executed.
# Everything the scripts create lives in .local/ (git-ignored) or in the venv cache, so a
# second run reuses it and a fresh clone builds only what it lacks.

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ODOO_SRC=${ODOO_SRC:-/opt/odoo}
LOCAL="$REPO/.local"
PGDATA_DIR="$LOCAL/pgdata"
# A Unix socket path may not exceed 107 bytes, and a clone can live deep in the tree, so the
# socket directory sits under /tmp, named after the clone so two clones never share it.
PGSOCKET_DIR="/tmp/partner_cadence-$(printf '%s' "$REPO" | md5sum | cut -c1-10)"
PGPORT=${PARTNER_CADENCE_PGPORT:-5432}
DB_USER=partner_cadence
VENV=${PARTNER_CADENCE_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/partner_cadence/venv}
# Without Odoo only the domain suite and the linters run: they need our requirements alone.
VENV_LIGHT="$VENV-light"
PG_BIN=${PG_BIN:-}

say() { printf '%s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

have_odoo() { [ -f "$ODOO_SRC/odoo-bin" ] && [ -d "$ODOO_SRC/addons/crm" ]; }

require_odoo() {
    have_odoo || die "no Odoo 18.0 source at ODOO_SRC=$ODOO_SRC: export Odoo 18.0 Community \
(odoo/, addons/, odoo-bin, requirements.txt) there, or set ODOO_SRC to where it is."
}

# PostgreSQL refuses to run as root: when we are root, the cluster belongs to the
# 'postgres' system user that Debian's package creates.
as_pg_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

find_pg_bin() {
    [ -n "$PG_BIN" ] && return
    local candidate
    for candidate in /usr/lib/postgresql/*/bin; do
        [ -x "$candidate/initdb" ] && PG_BIN=$candidate
    done
    if [ -z "$PG_BIN" ]; then
        say "PostgreSQL server not found: installing Debian's postgresql package"
        command -v apt-get >/dev/null || die "no PostgreSQL server and no apt-get to install one"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null \
            || die "could not install PostgreSQL"
        for candidate in /usr/lib/postgresql/*/bin; do
            [ -x "$candidate/initdb" ] && PG_BIN=$candidate
        done
    fi
    [ -n "$PG_BIN" ] || die "no PostgreSQL server binaries found"
}

pg_running() {
    as_pg_owner "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1
}

start_cluster() {
    find_pg_bin
    mkdir -p "$LOCAL"
    if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
        say "creating the private PostgreSQL cluster in $PGDATA_DIR"
        mkdir -p "$PGDATA_DIR"
        [ "$(id -u)" = 0 ] && chown postgres: "$PGDATA_DIR"
        chmod 700 "$PGDATA_DIR"
        as_pg_owner "$PG_BIN/initdb" -D "$PGDATA_DIR" -U postgres --auth=trust \
            --encoding=UTF8 --locale=C.UTF-8 >"$LOCAL/initdb.log" 2>&1 \
            || die "initdb failed, see $LOCAL/initdb.log"
    fi
    mkdir -p "$PGSOCKET_DIR"
    [ "$(id -u)" = 0 ] && chown postgres: "$PGSOCKET_DIR"
    if ! pg_running; then
        # No TCP listener at all: the cluster is reachable only through its socket.
        as_pg_owner "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -l "$PGDATA_DIR/server.log" -w -t 60 \
            -o "-c listen_addresses='' -k $PGSOCKET_DIR -p $PGPORT -c fsync=off" start >/dev/null \
            || die "PostgreSQL did not start, see $PGDATA_DIR/server.log"
    fi
    if ! psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname='$DB_USER'" | grep -q 1; then
        psql_admin -qc "CREATE ROLE $DB_USER LOGIN CREATEDB" || die "could not create role $DB_USER"
    fi
}

stop_cluster() {
    find_pg_bin
    if [ -f "$PGDATA_DIR/PG_VERSION" ] && pg_running; then
        as_pg_owner "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null && say "PostgreSQL stopped"
    fi
}

psql_admin() {
    find_pg_bin
    as_pg_owner "$PG_BIN/psql" -h "$PGSOCKET_DIR" -p "$PGPORT" -U postgres -d postgres "$@"
}

db_exists() {
    psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname='$1'" | grep -q 1
}

drop_db() {
    psql_admin -q -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)"
}

# The venv is rebuilt only when Odoo's or our requirements change.
ensure_venv() {
    local stamp want
    want=$(cat "$ODOO_SRC/requirements.txt" "$REPO/requirements.txt" | md5sum | cut -c1-32)
    stamp="$VENV/.partner_cadence-requirements"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
        return
    fi
    say "building the Python venv in $VENV (first time only; a few minutes)"
    mkdir -p "$(dirname "$VENV")"
    [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV" || die "could not create a venv"
    local constraint="$VENV/constraints.txt"
    # An old sdist among Odoo's pins still imports pkg_resources while it builds.
    printf 'setuptools<70\n' >"$constraint"
    # python-ldap needs OpenLDAP headers and only serves the auth_ldap addon we never load.
    grep -v '^python-ldap' "$ODOO_SRC/requirements.txt" >"$VENV/odoo-requirements.txt"
    # pip 25.3 and later read build constraints from their own variable, older ones from
    # PIP_CONSTRAINT: set both so whichever pip the venv has builds the old sdists.
    export PIP_CONSTRAINT="$constraint" PIP_BUILD_CONSTRAINT="$constraint"
    "$VENV/bin/pip" install -q wheel "setuptools<70" >"$VENV/pip.log" 2>&1 \
        || die "pip failed, see $VENV/pip.log"
    "$VENV/bin/pip" install -q -r "$VENV/odoo-requirements.txt" -r "$REPO/requirements.txt" \
        >>"$VENV/pip.log" 2>&1 || die "pip failed, see $VENV/pip.log"
    # Lets pytest, pylint-odoo and our scripts import odoo without installing it.
    "$VENV/bin/python" - "$ODOO_SRC" <<'PY' || die "could not link Odoo into the venv"
import pathlib, sys, sysconfig
pathlib.Path(sysconfig.get_paths()["purelib"], "odoo_src.pth").write_text(sys.argv[1] + "\n")
PY
    printf '%s\n' "$want" >"$stamp"
}

ensure_light_venv() {
    local stamp="$VENV_LIGHT/.partner_cadence-requirements" want
    want=$(md5sum <"$REPO/requirements.txt" | cut -c1-32)
    [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && return
    say "building the Odoo-free venv in $VENV_LIGHT"
    mkdir -p "$(dirname "$VENV_LIGHT")"
    [ -x "$VENV_LIGHT/bin/python" ] || python3 -m venv "$VENV_LIGHT" || die "could not create a venv"
    "$VENV_LIGHT/bin/pip" install -q -r "$REPO/requirements.txt" >"$VENV_LIGHT/pip.log" 2>&1 \
        || die "pip failed, see $VENV_LIGHT/pip.log"
    printf '%s\n' "$want" >"$stamp"
}

# Odoo is configured by a generated file, so every script and a developer's own odoo-bin
# calls see the same database connection and addons path.
write_odoo_conf() {
    mkdir -p "$LOCAL/data"
    cat >"$LOCAL/odoo.conf" <<EOF
[options]
addons_path = $ODOO_SRC/addons,$ODOO_SRC/odoo/addons,$REPO
data_dir = $LOCAL/data
db_host = $PGSOCKET_DIR
db_port = $PGPORT
db_user = $DB_USER
db_password = False
http_interface = 127.0.0.1
http_port = ${PARTNER_CADENCE_HTTP_PORT:-8069}
list_db = False
without_demo = False
EOF
}

# The config comes last so that a subcommand (shell, ...) can come first.
odoo_bin() {
    "$VENV/bin/python" "$ODOO_SRC/odoo-bin" "$@" -c "$LOCAL/odoo.conf"
}

# A digest of the addon's files: when it changes, the run command updates the module.
addon_digest() {
    (cd "$REPO" && find partner_cadence -type f ! -name '*.pyc' -print0 | sort -z | xargs -0 md5sum | md5sum | cut -c1-32)
}

ensure_chromium() {
    command -v chromium >/dev/null || command -v chromium-browser >/dev/null \
        || command -v google-chrome >/dev/null && return 0
    command -v apt-get >/dev/null || return 1
    say "installing Debian's chromium for the browser tests"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) \
        >"$LOCAL/apt-chromium.log" 2>&1
}
