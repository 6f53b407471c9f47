# Shared by setup/run, setup/test and setup/stop. Sourced, never executed.
# Everything the scripts create lives in .local/ (git-ignored) or in the venv cache, so a
# second run reuses it and a fresh clone builds only what it lacks.

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LOCAL="$REPO/.local"
REPO_KEY=$(printf '%s' "$REPO" | md5sum | cut -c1-10)
# PostgreSQL refuses to run as root. Then the cluster belongs to Debian's 'postgres' user,
# which may not enter the clone (a home directory such as /root is 0700): its data lives in a
# folder of its own, one per clone. Anyone else runs the cluster as themselves, in .local/.
if [ "$(id -u)" = 0 ]; then
    PG_OWNER=postgres
    PGDATA_DIR=${PARTNER_CADENCE_PGDATA:-/var/lib/partner_cadence/$REPO_KEY/pgdata}
else
    PG_OWNER=$(id -un)
    PGDATA_DIR=${PARTNER_CADENCE_PGDATA:-$LOCAL/pgdata}
fi
# A Unix socket path may not exceed 107 bytes, and a clone can live deep in the tree, so the
# socket directory sits under /tmp, named after the clone so two clones never share it. It is
# the owner's alone (0700), and the cluster authenticates by peer on top of that.
PGSOCKET_DIR="/tmp/partner_cadence-$REPO_KEY"
PGPORT=${PARTNER_CADENCE_PGPORT:-5432}
DB_USER=partner_cadence
CACHE_DIR=${XDG_CACHE_HOME:-$HOME/.cache}/partner_cadence
# Without Odoo only the domain suite and the linters run: they need our requirements alone.
VENV_LIGHT="${PARTNER_CADENCE_VENV:-$CACHE_DIR/venv}-light"
# The releases the addon serves, newest first. PARTNER_CADENCE_RELEASES narrows setup/test to
# some of them while working on one; the test command itself runs them all.
SERVED_RELEASES="19.0 18.0"
RELEASES=${PARTNER_CADENCE_RELEASES:-$SERVED_RELEASES}
PG_BIN=${PG_BIN:-}

say() { printf '%s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# use_release 18.0|19.0: every variable below names that release's own Odoo tree (ODOO_DIR),
# venv, configuration and databases, so the two never share what they cannot. Each release's
# tree is read from its own variable (see setup/odoo_source.py: ODOO_SRC for 18.0, as before
# 19.0 was served, ODOO19_SRC for 19.0), or fetched into the cache.
use_release() {
    RELEASE=$1
    case " $SERVED_RELEASES " in
        *" $RELEASE "*) ;;
        *) die "unknown Odoo release '$RELEASE' (one of: $SERVED_RELEASES)" ;;
    esac
    RELEASE_KEY=${RELEASE%%.*}
    local given=ODOO_DIR_$RELEASE_KEY
    ODOO_DIR=${!given:-}
    VENV="${PARTNER_CADENCE_VENV:-$CACHE_DIR/venv}-$RELEASE"
    ODOO_CONF="$LOCAL/odoo-$RELEASE.conf"
    # A new database without demo data: 18 reads --without-demo as the modules to leave
    # without ("all"), 19 as a boolean (and warns on "all").
    # A new database as the release makes one by default: 18 with demo data, 19 without.
    case "$RELEASE" in
        18.0) WITHOUT_DEMO=--without-demo=all DEFAULT_DEMO=() ;;
        *) WITHOUT_DEMO=--without-demo=True DEFAULT_DEMO=("$WITHOUT_DEMO") ;;
    esac
}

have_odoo() { [ -f "$ODOO_DIR/odoo-bin" ] && [ -d "$ODOO_DIR/addons/crm" ]; }

# setup/odoo_source.py finds the release's tree, or gets it from its URL variable (default:
# the official repository's archive of that release), verified, unpacked once into the cache;
# it prints one line saying what was tried when it cannot. Remembered for the next use_release.
resolve_odoo_source() {
    have_odoo && return 0
    ODOO_DIR=$(python3 "$REPO/setup/odoo_source.py" "$RELEASE" "$CACHE_DIR/odoo") || return 1
    printf -v "ODOO_DIR_$RELEASE_KEY" '%s' "$ODOO_DIR"
    have_odoo
}

require_odoo() {
    resolve_odoo_source || exit 1
}

# From /: the owner may not enter the folder we are in (a clone under /root).
as_pg_owner() {
    if [ "$(id -u)" = 0 ]; then (cd / && runuser -u "$PG_OWNER" -- "$@"); else "$@"; fi
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

# Only the cluster's owner and the user running the scripts may connect, each as the
# superuser or as the project's role: peer authentication through an ident map, rewritten
# on every start so that a cluster made by an older script loses its trust rules too.
write_cluster_auth() {
    local me
    me=$(id -un)
    as_pg_owner tee "$PGDATA_DIR/pg_hba.conf" >/dev/null <<EOF
# Written by setup/lib.sh on every start. Unix socket only; no TCP listener at all.
local all all peer map=partner_cadence
EOF
    as_pg_owner tee "$PGDATA_DIR/pg_ident.conf" >/dev/null <<EOF
# Written by setup/lib.sh on every start: system user, then a database role it may use.
partner_cadence $PG_OWNER postgres
partner_cadence $PG_OWNER $DB_USER
partner_cadence $me postgres
partner_cadence $me $DB_USER
EOF
}

# Scripts before 18.0.1.4 ran root's cluster as 'postgres' inside the clone: stop one still
# running there, as it holds the socket this clone's cluster needs.
retire_cluster_in_clone() {
    local old="$LOCAL/pgdata"
    [ "$(id -u)" = 0 ] && [ "$old" != "$PGDATA_DIR" ] && [ -f "$old/postmaster.pid" ] || return 0
    (cd / && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$old" -m fast -w stop) >/dev/null 2>&1 \
        && say "stopped the cluster an older setup/ left in $old"
}

start_cluster() {
    find_pg_bin
    mkdir -p "$LOCAL"
    retire_cluster_in_clone
    if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
        say "creating the private PostgreSQL cluster in $PGDATA_DIR"
        mkdir -p "$PGDATA_DIR"
        [ "$(id -u)" = 0 ] && chown "$PG_OWNER": "$PGDATA_DIR"
        chmod 700 "$PGDATA_DIR"
        as_pg_owner "$PG_BIN/initdb" -D "$PGDATA_DIR" -U postgres --auth-local=peer --auth-host=reject \
            --encoding=UTF8 --locale=C.UTF-8 >"$LOCAL/initdb.log" 2>&1 \
            || die "initdb failed, see $LOCAL/initdb.log"
    fi
    write_cluster_auth
    mkdir -p "$PGSOCKET_DIR"
    [ "$(id -u)" = 0 ] && chown "$PG_OWNER": "$PGSOCKET_DIR"
    chmod 700 "$PGSOCKET_DIR"
    if pg_running; then
        as_pg_owner "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" reload >/dev/null
    else
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
    want=$(cat "$ODOO_DIR/requirements.txt" "$REPO/requirements.txt" | md5sum | cut -c1-32)
    stamp="$VENV/.partner_cadence-requirements"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
        link_odoo_into_venv
        return
    fi
    say "building the Python venv in $VENV (first time only; a few minutes)"
    mkdir -p "$(dirname "$VENV")"
    [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV" || die "could not create a venv"
    local constraint="$VENV/constraints.txt"
    # An old sdist among Odoo's pins still imports pkg_resources while it builds.
    printf 'setuptools<70\n' >"$constraint"
    # python-ldap needs OpenLDAP headers and only serves the auth_ldap addon we never load.
    grep -v '^python-ldap' "$ODOO_DIR/requirements.txt" >"$VENV/odoo-requirements.txt"
    # pip 25.3 and later read build constraints from their own variable, older ones from
    # PIP_CONSTRAINT: set both so whichever pip the venv has builds the old sdists.
    export PIP_CONSTRAINT="$constraint" PIP_BUILD_CONSTRAINT="$constraint"
    "$VENV/bin/pip" install -q wheel "setuptools<70" >"$VENV/pip.log" 2>&1 \
        || die "pip failed, see $VENV/pip.log"
    "$VENV/bin/pip" install -q -r "$VENV/odoo-requirements.txt" -r "$REPO/requirements.txt" \
        >>"$VENV/pip.log" 2>&1 || die "pip failed, see $VENV/pip.log"
    link_odoo_into_venv
    printf '%s\n' "$want" >"$stamp"
}

# Lets pytest-odoo, pylint-odoo and our scripts import odoo without installing it; rewritten
# each time, as the tree may have moved.
link_odoo_into_venv() {
    "$VENV/bin/python" - "$ODOO_DIR" <<'PY' || die "could not link Odoo into the venv"
import pathlib, sys, sysconfig
pth = pathlib.Path(sysconfig.get_paths()["purelib"], "odoo_src.pth")
if not pth.exists() or pth.read_text() != sys.argv[1] + "\n":
    pth.write_text(sys.argv[1] + "\n")
PY
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
    cat >"$ODOO_CONF" <<EOF
[options]
addons_path = $ODOO_DIR/addons,$ODOO_DIR/odoo/addons,$REPO
data_dir = $LOCAL/data
db_host = $PGSOCKET_DIR
db_port = $PGPORT
db_user = $DB_USER
http_interface = 127.0.0.1
http_port = ${PARTNER_CADENCE_HTTP_PORT:-8069}
list_db = False
without_demo = False
EOF
}

# The config comes last so that a subcommand (shell, ...) can come first.
odoo_bin() {
    "$VENV/bin/python" "$ODOO_DIR/odoo-bin" "$@" -c "$ODOO_CONF"
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
