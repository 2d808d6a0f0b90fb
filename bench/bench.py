#!/usr/bin/env python3
"""Times workmix against git log on one repository (no network) and prints wall time, commits/s, peak
memory and the ratios to git, best of --runs runs each.

Peak memory is peak RSS. Each program's RSS includes its own process floor (what `--version` peaks at:
the shared libraries it maps, for workmix the Swift runtime and Foundation), so the last column also
compares the memory the work adds above each program's floor.

usage: bench/bench.py REPO [REPO...] [--workmix PATH] [--runs N] [--jobs N] [--peers]
  --peers  also time PyDriller (metadata) and git-cliff --context when installed
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time


def measure(cmd, runs, cwd=None):
    """Best wall time and the peak RSS (KiB) of that run, via GNU time's %M (kept out of stdout)."""
    best = None
    for _ in range(runs):
        with tempfile.NamedTemporaryFile("r") as stats:
            start = time.perf_counter()
            proc = subprocess.run(["/usr/bin/time", "-o", stats.name, "-f", "%M"] + cmd, cwd=cwd,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            wall = time.perf_counter() - start
            peak = int((stats.read().strip().splitlines() or ["0"])[-1] or 0)
        if proc.returncode != 0:
            return None, None, proc.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["failed"]
        if best is None or wall < best[0]:
            best = (wall, peak)
    return best[0], best[1], None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("repos", nargs="+")
    ap.add_argument("--workmix", default=os.environ.get("WORKMIX", ".build/release/workmix"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", default=None)
    ap.add_argument("--peers", action="store_true")
    args = ap.parse_args()
    if not os.path.exists("/usr/bin/time"):
        sys.exit("bench needs GNU time (apt-get install time)")

    for repo in args.repos:
        count = int(subprocess.run(["git", "-C", repo, "rev-list", "--count", "HEAD"], check=True,
                                   capture_output=True).stdout)
        jobs = ["--jobs", args.jobs] if args.jobs else []
        cases = [
            ("git log (metadata)", ["git", "-C", repo, "log", "--format=%H%n%aN <%aE>%n%aI%n%B"], None),
            # Messages and rules only: the same work as git's metadata walk, plus classification.
            ("workmix scan --no-diffs", [args.workmix, "scan", "--repo", repo, "--format", "jsonl", "--no-progress", "--no-diffs"] + jobs, "git log (metadata)"),
            # The default: diffs read for the commits whose verdict hangs on paths or line counts. No git
            # command does this work, so no ratio.
            ("workmix scan (diffs where rules need)", [args.workmix, "scan", "--repo", repo, "--format", "jsonl", "--no-progress"] + jobs, None),
            ("git log --numstat", ["git", "-C", repo, "log", "--numstat", "--no-renames", "--diff-merges=first-parent"], None),
            ("workmix scan --stats", [args.workmix, "scan", "--repo", repo, "--stats", "--format", "jsonl", "--no-progress"] + jobs, "git log --numstat"),
            ("workmix scan --stats --jobs 1", [args.workmix, "scan", "--repo", repo, "--stats", "--format", "jsonl", "--no-progress", "--jobs", "1"], "git log --numstat"),
        ]
        if args.peers:
            if shutil.which("git-cliff"):
                cases.append(("git-cliff --context", ["git-cliff", "--repository", repo, "--context"], "git log --numstat"))
            try:
                import pydriller  # noqa: F401
                script = "import sys; from pydriller import Repository\nfor c in Repository(sys.argv[1]).traverse_commits(): c.hash, c.author.name, c.msg"
                cases.append(("PyDriller (metadata)", [sys.executable, "-c", script, repo], "git log (metadata)"))
            except ImportError:
                pass

        floors = {"git": measure(["git", "--version"], args.runs)[1] or 0,
                  args.workmix: measure([args.workmix, "--version"], args.runs)[1] or 0}
        print(f"\n{repo}: {count} commits, best of {args.runs}; process floors (--version peak RSS): "
              f"git {floors['git'] / 1024:.1f} MiB, workmix {floors[args.workmix] / 1024:.1f} MiB")
        print(f"{'command':36} {'wall s':>8} {'commits/s':>10} {'peak MiB':>9} {'vs git time':>11} {'vs git mem':>10} {'above floor':>11}")
        results = {}
        for name, cmd, baseline in cases:
            wall, peak, error = measure(cmd, args.runs)
            if wall is None:
                print(f"{name:36} failed: {error[0]}")
                continue
            results[name] = (wall, peak, floors.get(cmd[0]))
            ratio = mem = above = ""
            if baseline in results:
                base_wall, base_peak, base_floor = results[baseline]
                ratio = f"{wall / base_wall:.2f}x"
                mem = f"{peak / max(base_peak, 1):.2f}x"
                if floors.get(cmd[0]) is not None and base_floor is not None:
                    above = f"{(peak - floors[cmd[0]]) / max(base_peak - base_floor, 1):.2f}x"
            print(f"{name:36} {wall:8.2f} {count / wall:10.0f} {peak / 1024:9.1f} {ratio:>11} {mem:>10} {above:>11}")


if __name__ == "__main__":
    main()
