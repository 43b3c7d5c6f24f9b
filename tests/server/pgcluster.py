"""A throwaway PostgreSQL cluster for the server tests.

initdb + pg_ctl in a temporary directory, listening on a Unix-domain socket
in that directory only (no TCP port), trust authentication for the logins
the tests name. PostgreSQL refuses to run as root, so as root (CI) the
cluster runs as the unprivileged user `nobody` through runuser.

Without PostgreSQL the tests are skipped loudly (exit 77, counted as skipped
by meson) — unless CI=true or NAERVAER_REQUIRE_POSTGRES=1, where a missing
server is a failure: CI installs it (./dev PACKAGES) and must never skip.
"""
import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile

SKIP = 77


def find_bindir():
    env = os.environ.get("NAERVAER_PG_BINDIR")
    if env:
        return env if os.path.exists(os.path.join(env, "initdb")) else None
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0)
    return os.path.dirname(found[-1]) if found else None


def require_or_skip():
    """Returns the bin directory, or exits: 77 (skip) on a developer's
    machine without PostgreSQL, 1 (fail) in CI."""
    bindir = find_bindir()
    if bindir is not None and shutil.which("psql") is not None:
        return bindir
    message = ("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb or no psql): "
               "the shared-database tests cannot run. Install the Debian package "
               "postgresql (./dev does).")
    if os.environ.get("CI") == "true" or os.environ.get("NAERVAER_REQUIRE_POSTGRES") == "1":
        print("FAIL: " + message + " CI must not skip these tests.", file=sys.stderr)
        sys.exit(1)
    print("SKIPPED LOUDLY: " + message, file=sys.stderr)
    print("1..0 # SKIP " + message)
    sys.exit(SKIP)


def free_port():
    """A TCP port on the loopback interface that nobody listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    SUPERUSER = "nv_super"
    PASSWORD_USER = "nv_password"
    # The name the TLS certificate is made out to (tls=True): tests reach
    # it through a resolver of their own; no name server knows it.
    TLS_NAME = "nv-db.test"

    def __init__(self, tls=False, tcp=False, hba=(), options=""):
        """@tcp: listen on 127.0.0.1 too (a free port, self.port); @hba:
        pg_hba.conf lines put first; @options: more server settings."""
        self.bindir = require_or_skip()
        self.dir = tempfile.mkdtemp(prefix="nv-pg-", dir="/tmp")
        self.data = os.path.join(self.dir, "data")
        self.log = os.path.join(self.dir, "server.log")
        self.as_user = []
        if os.geteuid() == 0:
            shutil.chown(self.dir, user="nobody")
            self.as_user = ["runuser", "-u", "nobody", "--"]
        self._run([os.path.join(self.bindir, "initdb"), "-D", self.data, "-U", self.SUPERUSER,
                   "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync", "--no-instructions"])
        # One login must give a password (scram), for the password prompt's
        # test (atspi_server_password.py); every other login is trusted.
        hba_file = os.path.join(self.data, "pg_hba.conf")
        with open(hba_file, encoding="utf-8") as f:
            rules = f.read()
        with open(hba_file, "w", encoding="utf-8") as f:
            f.write("".join(line + "\n" for line in hba)
                    + f"local all {self.PASSWORD_USER} scram-sha-256\n" + rules)
        self.port = 5432
        self.options = (f"-c listen_addresses='' -c unix_socket_directories={self.dir} "
                        "-c fsync=off -c full_page_writes=off -c synchronous_commit=off "
                        "-c max_connections=60")
        if tls:
            self._make_tls()
        elif tcp:
            self.port = free_port()
            self.options = self.options.replace("listen_addresses=''",
                                                "listen_addresses=127.0.0.1")
            self.options += f" -c port={self.port}"
        if options:
            self.options += " " + options
        self.start_server()
        self.psql_super("postgres", "CREATE DATABASE naervaer")

    def _make_tls(self):
        """Listens on 127.0.0.1 and 127.0.0.2 (a free port) too, with TLS: a throwaway
        certificate authority (ca.crt, for the client's sslrootcert) and a
        server certificate for TLS_NAME only."""
        self.port = free_port()
        self.ca = os.path.join(self.dir, "ca.crt")
        key, cert = os.path.join(self.dir, "server.key"), os.path.join(self.dir, "server.crt")
        ext = os.path.join(self.dir, "server.ext")
        with open(ext, "w", encoding="utf-8") as f:
            f.write(f"subjectAltName=DNS:{self.TLS_NAME}\n")
        ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        for cmd in (["req", "-x509", *ec, "-keyout", os.path.join(self.dir, "ca.key"),
                     "-out", self.ca, "-days", "2", "-subj", "/CN=Naervaer test CA"],
                    ["req", *ec, "-keyout", key, "-out", os.path.join(self.dir, "server.csr"),
                     "-subj", f"/CN={self.TLS_NAME}"],
                    ["x509", "-req", "-in", os.path.join(self.dir, "server.csr"), "-CA", self.ca,
                     "-CAkey", os.path.join(self.dir, "ca.key"), "-CAcreateserial",
                     "-out", cert, "-days", "2", "-extfile", ext]):
            r = subprocess.run(["openssl", *cmd], capture_output=True, text=True)
            if r.returncode != 0:
                raise RuntimeError(f"openssl {' '.join(cmd)} failed:\n{r.stderr}")
        os.chmod(key, 0o600)
        if self.as_user:
            shutil.chown(key, user="nobody")
        self.options = self.options.replace("listen_addresses=''",
                                            "listen_addresses='127.0.0.1,127.0.0.2'")
        self.options += (f" -c port={self.port} -c ssl=on -c ssl_cert_file={cert}"
                         f" -c ssl_key_file={key}")

    def start_server(self):
        """Starts the server (again, after stop_server())."""
        self._run([os.path.join(self.bindir, "pg_ctl"), "-D", self.data, "-l", self.log,
                   "-o", self.options, "-w", "-t", "60", "start"])
        self.started = True

    def stop_server(self):
        """Stops the server at once (every connection drops); the data stays
        for start_server()."""
        self._run([os.path.join(self.bindir, "pg_ctl"), "-D", self.data, "-m", "immediate",
                   "-w", "stop"])
        self.started = False

    def _run(self, cmd):
        r = subprocess.run(self.as_user + cmd, capture_output=True, text=True, cwd=self.dir)
        if r.returncode != 0:
            log = ""
            if os.path.exists(self.log):
                with open(self.log, encoding="utf-8", errors="replace") as f:
                    log = f.read()
            raise RuntimeError(f"{' '.join(cmd)} failed:\n{r.stdout}\n{r.stderr}\n{log}")
        return r

    def conninfo(self, user=SUPERUSER, dbname="naervaer"):
        port = f" port={self.port}" if self.port != 5432 else ""
        return f"host={self.dir}{port} dbname={dbname} user={user}"

    def psql(self, user, sql, expect_ok=True, dbname="naervaer"):
        """Runs @sql as @user through psql (libpq, like any other client);
        returns the CompletedProcess. Output: unaligned, tuples only."""
        r = subprocess.run(["psql", "-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1",
                            "-d", self.conninfo(user, dbname), "-c", sql],
                           capture_output=True, text=True, timeout=60)
        if expect_ok and r.returncode != 0:
            raise AssertionError(f"psql as {user} failed: {sql}\n{r.stderr}")
        return r

    def psql_super(self, dbname, sql):
        return self.psql(self.SUPERUSER, sql, dbname=dbname)

    def stop(self):
        if getattr(self, "started", False):
            subprocess.run(self.as_user + [os.path.join(self.bindir, "pg_ctl"), "-D", self.data,
                                           "-m", "immediate", "-w", "stop"],
                           capture_output=True, cwd=self.dir)
            self.started = False
        shutil.rmtree(self.dir, ignore_errors=True)


def run_with_cluster(argv):
    """`pgcluster.py run -- PROGRAM ARGS…`: runs a test program against a
    throwaway cluster. The database «nvt_template» holds the schema made by
    `naervaer-cli server init`; the program makes a database from it for
    each store it opens (tests/support/nv-test-store.c) and finds the
    cluster in NAERVAER_TEST_PG. Exit status: the program's (77: skipped)."""
    tls = "--tls" in argv[:argv.index("--")] if "--" in argv else False
    if "--" in argv:
        argv = argv[argv.index("--") + 1:]
    cluster = Cluster(tls=tls)
    try:
        cluster.psql_super("postgres", "CREATE DATABASE nvt_template")
        cli = os.environ.get("NAERVAER_CLI", "naervaer-cli")
        r = subprocess.run([cli, "--database", cluster.conninfo(dbname="nvt_template"),
                            "server", "init"], capture_output=True, text=True)
        if r.returncode != 0:
            print(r.stdout + r.stderr, file=sys.stderr)
            return 1
        env = dict(os.environ)
        env["NAERVAER_TEST_PG"] = cluster.conninfo().replace(" dbname=naervaer", "")
        if tls:
            # Everything but the host, for a TCP connection that checks
            # the server's certificate against the name it was reached by.
            env["NAERVAER_TEST_PG_TLS"] = (f"port={cluster.port} sslmode=verify-full "
                                           f"sslrootcert={cluster.ca} dbname=nvt_template "
                                           f"user={Cluster.SUPERUSER}")
        return subprocess.run(argv, env=env).returncode
    finally:
        cluster.stop()


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "run":
        sys.exit(run_with_cluster(sys.argv[2:]))
    print("usage: pgcluster.py run -- PROGRAM [ARGS…]", file=sys.stderr)
    sys.exit(2)
