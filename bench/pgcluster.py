"""PostgreSQL for the bench scripts (bench/pg_load.py, bench/org.py): a throwaway cluster (initdb +
pg_ctl on a free loopback port, trust authentication, as the `postgres` user when run as root), or
databases made in a server given by URL, and `psql` to query them. Python 3 standard library only.
"""
import glob
import os
import shutil
import socket
import subprocess


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """A throwaway cluster, trust authentication on loopback."""

    def __init__(self, work):
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
        self.bin = bins[-1] if bins else os.path.dirname(shutil.which("pg_ctl") or "/usr/bin/pg_ctl")
        self.folder = os.path.join(work, "cluster")
        os.makedirs(self.folder)
        self.runas = []
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
            self.runas = ["runuser", "-u", "postgres", "--"]
        self.port = free_port()
        self.tool("initdb", "-D", self.folder + "/data", "-U", "postgres", "--auth=trust")
        self.tool("pg_ctl", "-D", self.folder + "/data", "-l", self.folder + "/log", "-w", "-o",
                  f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c max_connections=200", "start")

    def tool(self, name, *args):
        subprocess.run(self.runas + [os.path.join(self.bin, name)] + list(args), check=True, cwd="/",
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def url(self, database):
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def create(self, database):
        psql(self.url("postgres"), f"CREATE DATABASE {database}")
        return self.url(database)

    def stop_command(self):
        """The command that stops the cluster, for a run that leaves it running."""
        return " ".join(self.runas + [os.path.join(self.bin, "pg_ctl"), "-D", self.folder + "/data", "-m", "fast",
                                      "stop"])

    def stop(self):
        self.tool("pg_ctl", "-D", self.folder + "/data", "-m", "fast", "stop")


def server_databases(url):
    """For a server given by URL: a function that (re)creates a database there and returns its URL."""
    base = url.rsplit("/", 1)[0]

    def create(database):
        psql(url, f"DROP DATABASE IF EXISTS {database}")
        psql(url, f"CREATE DATABASE {database}")
        return f"{base}/{database}"
    return create


def psql(url, sql):
    return subprocess.run(["psql", "-X", "-qAt", url, "-c", sql], check=True, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE).stdout.decode().strip()
