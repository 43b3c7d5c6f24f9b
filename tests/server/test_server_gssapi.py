"""Logging in with Kerberos (GSSAPI), as a municipality's Active Directory
login does (issue 14): no password anywhere.

A throwaway realm NAERVAER.TEST in a temporary folder (kdb5_util, kadmin.local,
krb5kdc on a free port of 127.0.0.1; KRB5_CONFIG, KRB5_KDC_PROFILE and
KRB5CCNAME point there, nothing of the machine's is read or changed): the
user nv_krb and the service postgres/localhost, whose key the test cluster
reads (krb_server_keyfile). pg_hba.conf lets nv_krb in over TCP only with
GSSAPI encryption and authentication (`hostgssenc … gss`).

- With a ticket (kinit): `naervaer-cli --database "host=localhost …
  gssencmode=require"` works as nv_krb, and the server says the session is
  GSSAPI-authenticated and encrypted.
- Without one (kdestroy): it fails, with a message that says what to do.

Without the Kerberos programs (Debian krb5-kdc, krb5-admin-server,
krb5-user) the test is skipped loudly (exit 77); in CI, which installs them
(./dev PACKAGES), that is a failure."""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(__file__)
sys.path.insert(0, HERE)
import pgcluster  # noqa: E402

SKIP = 77
REALM = "NAERVAER.TEST"
USER = "nv_krb"
CLI = os.environ.get("NAERVAER_CLI", "naervaer-cli")
TOOLS = {"krb5kdc": "krb5-kdc", "kdb5_util": "krb5-kdc", "kadmin.local": "krb5-admin-server",
         "kinit": "krb5-user", "kdestroy": "krb5-user"}


def find_tools():
    found = {}
    for tool, package in TOOLS.items():
        path = shutil.which(tool) or shutil.which(tool, path="/usr/sbin:/usr/bin")
        if path is None:
            message = (f"{tool} is not installed (Debian package {package}): Kerberos logins "
                       "cannot be tested.")
            if os.environ.get("CI") == "true":
                print(f"FAIL: {message} CI installs it (./dev PACKAGES).", file=sys.stderr)
                sys.exit(1)
            print(f"SKIPPED LOUDLY: {message}", file=sys.stderr)
            sys.exit(SKIP)
        found[tool] = path
    return found


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as u, \
            socket.socket(socket.AF_INET, socket.SOCK_STREAM) as t:
        t.bind(("127.0.0.1", 0))
        port = t.getsockname()[1]
        u.bind(("127.0.0.1", port))  # the KDC answers on both
        return port


class Realm:
    def __init__(self, tools):
        self.tools = tools
        self.dir = tempfile.mkdtemp(prefix="nv-krb-", dir="/tmp")
        os.chmod(self.dir, 0o711)  # the server (nobody, as root) reads its keytab here
        self.port = free_port()
        self.keytab = os.path.join(self.dir, "postgres.keytab")
        self.env = dict(os.environ)
        self.env.update({"KRB5_CONFIG": self._path("krb5.conf"),
                         "KRB5_KDC_PROFILE": self._path("kdc.conf"),
                         "KRB5CCNAME": "FILE:" + self._path("ccache")})
        with open(self._path("krb5.conf"), "w", encoding="utf-8") as f:
            f.write(f"[libdefaults]\n default_realm = {REALM}\n dns_lookup_realm = false\n"
                    " dns_lookup_kdc = false\n rdns = false\n dns_canonicalize_hostname = false\n"
                    f"[realms]\n {REALM} = {{\n  kdc = 127.0.0.1:{self.port}\n }}\n"
                    f"[domain_realm]\n localhost = {REALM}\n")
        with open(self._path("kdc.conf"), "w", encoding="utf-8") as f:
            f.write(f"[kdcdefaults]\n kdc_ports = {self.port}\n kdc_tcp_ports = {self.port}\n"
                    f"[realms]\n {REALM} = {{\n  database_name = {self._path('principal')}\n"
                    f"  key_stash_file = {self._path('stash')}\n"
                    f"  acl_file = {self._path('kadm5.acl')}\n }}\n"
                    f"[logging]\n kdc = FILE:{self._path('kdc.log')}\n")
        self.run("kdb5_util", "create", "-s", "-r", REALM, "-P", "throwaway-master-key")
        self.run("kadmin.local", "-q", f"addprinc -pw {self.user_password()} {USER}")
        self.run("kadmin.local", "-q", "addprinc -randkey postgres/localhost")
        self.run("kadmin.local", "-q", f"ktadd -k {self.keytab} postgres/localhost")
        if os.geteuid() == 0:
            shutil.chown(self.keytab, user="nobody")
        self.kdc = subprocess.Popen([tools["krb5kdc"], "-n"], env=self.env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)

    @staticmethod
    def user_password():
        return "Kerberos-test-17"

    def _path(self, name):
        return os.path.join(self.dir, name)

    def run(self, tool, *args, stdin=None, check=True):
        r = subprocess.run([self.tools.get(tool, tool), *args], env=self.env, input=stdin,
                           capture_output=True, text=True, timeout=60)
        if check and r.returncode != 0:
            raise AssertionError(f"{tool} {' '.join(args)} failed:\n{r.stdout}\n{r.stderr}")
        return r

    def kinit(self):
        """kinit as the user; the KDC may still be starting: tried again
        for a while."""
        end = time.time() + 30
        while True:
            r = self.run("kinit", USER, stdin=self.user_password() + "\n", check=False)
            if r.returncode == 0:
                return
            if self.kdc.poll() is not None or time.time() > end:
                raise AssertionError(f"kinit failed:\n{r.stderr}")
            time.sleep(0.2)

    def stop(self):
        self.kdc.terminate()
        try:
            self.kdc.wait(10)
        except subprocess.TimeoutExpired:
            self.kdc.kill()
        shutil.rmtree(self.dir, ignore_errors=True)


def main():
    tools = find_tools()
    realm = Realm(tools)
    cluster = None
    try:
        # The server process finds the realm's configuration as the client does.
        os.environ["KRB5_CONFIG"] = realm.env["KRB5_CONFIG"]
        cluster = pgcluster.Cluster(
            tcp=True,
            hba=[f"hostgssenc all {USER} 127.0.0.1/32 gss include_realm=0 krb_realm={REALM}",
                 f"host all {USER} 127.0.0.1/32 reject"],
            options=f"-c krb_server_keyfile={realm.keytab}")
        su = cluster.conninfo()
        for args in (("server", "init"),
                     ("unit", "add", "Fjellro sykehjem", "--sector", "helse-omsorg"),
                     ("server", "grant", "--user", USER, "--role", "admin")):
            r = subprocess.run([CLI, "--database", su, *args], capture_output=True, text=True,
                               timeout=120)
            assert r.returncode == 0, f"{args}: {r.stdout}{r.stderr}"

        conninfo = (f"host=localhost port={cluster.port} dbname=naervaer user={USER} "
                    "gssencmode=require")
        env = dict(realm.env)
        env["PGPASSFILE"] = os.path.join(realm.dir, "no-pgpass")  # no password anywhere

        def cli(*args):
            return subprocess.run([CLI, "--database", conninfo, *args], env=env,
                                  capture_output=True, text=True, timeout=120)

        # Without a ticket: refused, saying what to do.
        r = cli("unit", "list")
        assert r.returncode == 1, f"connected without a ticket:\n{r.stdout}{r.stderr}"
        print(r.stderr.strip())
        assert "kinit" in r.stderr and "Kerberos" in r.stderr, r.stderr

        realm.kinit()
        r = cli("unit", "list")
        assert r.returncode == 0, f"the Kerberos login failed:\n{r.stdout}{r.stderr}"
        assert "Fjellro sykehjem" in r.stdout, r.stdout
        # The server's own word: this session is nv_krb's, authenticated
        # and encrypted by GSSAPI.
        r = subprocess.run(["psql", "-X", "-A", "-t", "-d", conninfo, "-c",
                            "SELECT current_user, principal, encrypted FROM pg_stat_gssapi "
                            "WHERE pid = pg_backend_pid ()"],
                           env=env, capture_output=True, text=True, timeout=60)
        assert r.returncode == 0, r.stderr
        assert r.stdout.strip() == f"{USER}|{USER}@{REALM}|t", r.stdout

        realm.run("kdestroy")
        r = cli("unit", "list")
        assert r.returncode == 1, "connected after kdestroy"
        print("ok: Kerberos login with a ticket, a clear refusal without one")
    finally:
        if cluster is not None:
            cluster.stop()
        realm.stop()


if __name__ == "__main__":
    main()
