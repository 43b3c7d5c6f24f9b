"""Shared helpers for naervaer-cli tests: a temporary database per test."""
import json
import os
import shutil
import subprocess
import tempfile
import unittest

CLI = os.environ.get("NAERVAER_CLI", "naervaer-cli")


class CliTestCase(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="naervaer-cli-")
        self.db = os.path.join(self.dir, "data", "naervaer.db")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def path(self, name):
        return os.path.join(self.dir, name)

    def write(self, name, text, encoding="utf-8"):
        p = self.path(name)
        with open(p, "wb") as f:
            f.write(text.encode(encoding) if isinstance(text, str) else text)
        return p

    def cli(self, *args, db=True, expect=0, env=None):
        cmd = [CLI] + (["--database", self.db] if db else []) + list(args)
        e = dict(os.environ)
        if env:
            e.update(env)
        r = subprocess.run(cmd, capture_output=True, text=True, env=e, timeout=120)
        if expect is not None:
            self.assertEqual(
                r.returncode, expect,
                f"{' '.join(cmd)} exited {r.returncode}\nstdout: {r.stdout}\nstderr: {r.stderr}")
        return r

    def json(self, *args):
        return json.loads(self.cli(*args).stdout)

    def pdf_words(self, path, layout=False):
        """The words of the PDF @path as pdftotext reads them (with -layout:
        a table row stays together), in single spaces, no-break spaces as
        spaces; skips the test where pdftotext is not installed."""
        if shutil.which("pdftotext") is None:
            self.skipTest("pdftotext is not installed")
        args = ["pdftotext"] + (["-layout"] if layout else []) + [path, "-"]
        out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
        return " ".join(out.replace("\u00a0", " ").split())
