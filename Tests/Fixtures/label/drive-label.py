#!/usr/bin/env python3
"""Drives `workmix label` through a pseudo-terminal, as a person at a keyboard would.

usage: drive-label.py KEYS WORKMIX [ARGS...]

Waits for each prompt, notes the sha of the commit on show, then types the next key of KEYS (`T`
sends SIGTERM instead). Prints one JSON object: the (sha, key) steps, the exit status, whether the
terminal was back in line mode with echo when workmix ended, and the text shown.
"""
import json
import os
import pty
import re
import select
import signal
import sys
import termios
import time

PROMPT = b"[q]uit > "
HEADER = re.compile(rb"\[(\d+)/(\d+)\] ([0-9a-f]{12})")


def main():
    keys, command = sys.argv[1], sys.argv[2:]
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(command[0], command)
    shown, steps, prompts = b"", [], 0
    deadline = time.time() + 120
    while time.time() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
        if shown.count(PROMPT) > prompts:
            prompts += 1
            headers = HEADER.findall(shown)
            sha = headers[-1][2].decode() if headers else None
            if len(steps) >= len(keys):
                break
            key = keys[len(steps)]
            steps.append({"sha": sha, "key": key})
            if key == "T":
                os.kill(pid, signal.SIGTERM)
            else:
                os.write(fd, key.encode())
    _, status = os.waitpid(pid, 0)
    # Reading the rest first: the settings below are the terminal's once workmix has ended.
    try:
        while select.select([fd], [], [], 0.1)[0]:
            more = os.read(fd, 65536)
            if not more:
                break
            shown += more
    except OSError:
        pass
    try:
        lflag = termios.tcgetattr(fd)[3]
        restored = bool(lflag & termios.ICANON) and bool(lflag & termios.ECHO)
    except termios.error:
        restored = None
    print(json.dumps({
        "steps": steps,
        "exit": os.waitstatus_to_exitcode(status),
        "restored": restored,
        "shown": shown.decode("utf-8", "replace"),
    }))


main()
