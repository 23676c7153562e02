#!/usr/bin/env bash
# Sourced by .ci/run: a local PostgreSQL server for the store tests (tests/store run on PGlite always,
# and on this server when WFM_TEST_DATABASE_URL is set). Installs postgresql from Debian when missing,
# starts the first cluster, creates the wfm_test role and database, and exports WFM_TEST_DATABASE_URL.
# Any failure leaves the variable unset, so the server tests skip (saying so) instead of failing CI.
# Override the password with WFM_TEST_DB_PASSWORD.

wfm_ci_postgres() {
  local password="${WFM_TEST_DB_PASSWORD:-wfm_test_pw}"
  if [ "$(id -u)" != "0" ]; then
    echo "== postgres: not root, cannot start a cluster; server store tests will skip"
    return 0
  fi
  if ! command -v pg_lsclusters >/dev/null 2>&1; then
    echo "== postgres: installing postgresql from Debian"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null || {
      echo "== postgres: install failed; server store tests will skip"
      return 0
    }
  fi
  local version port
  read -r version port < <(pg_lsclusters --no-header | awk 'NR == 1 { print $1, $3 }')  || true
  if [ -z "${version:-}" ]; then
    echo "== postgres: no cluster found; server store tests will skip"
    return 0
  fi
  pg_ctlcluster "$version" main start 2>/dev/null || true
  local tries=0
  until su postgres -c "psql -p $port -Atqc 'select 1'" >/dev/null 2>&1; do
    tries=$((tries + 1))
    if [ "$tries" -gt 30 ]; then
      echo "== postgres: cluster $version/main did not start; server store tests will skip"
      return 0
    fi
    sleep 1
  done
  su postgres -c "psql -p $port -v ON_ERROR_STOP=1 -Atq" >/dev/null <<SQL || {
do \$\$ begin
  if not exists (select from pg_roles where rolname = 'wfm_test') then
    create role wfm_test login password '$password';
  else
    alter role wfm_test login password '$password';
  end if;
end \$\$;
select 'create database wfm_test owner wfm_test' where not exists (select from pg_database where datname = 'wfm_test')
\gexec
SQL
    echo "== postgres: could not create role/database wfm_test; server store tests will skip"
    return 0
  }
  export WFM_TEST_DATABASE_URL="postgres://wfm_test:${password}@127.0.0.1:${port}/wfm_test"
  echo "== postgres: $version/main on port $port, WFM_TEST_DATABASE_URL set (database wfm_test)"
}

wfm_ci_postgres
