#!/usr/bin/env python3
"""Writes a git fast-import stream: 60 made-up engineers pairing (Co-authored-by) over 4,000 commits,
one pair far busier than the rest (1,200 commits), for the big-team pairs page."""
import random
import sys

random.seed(17)
first = ["Ava", "Ben", "Cleo", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lena", "Milo", "Nia", "Omar",
         "Pia", "Quin", "Rosa", "Sami", "Tess"]
last = ["Arden", "Brook", "Castell", "Dunmore"]
people = [(f"{first[i % 20]} {last[i // 20]}", f"{first[i % 20].lower()}.{last[i // 20].lower()}@example.com") for i in range(60)]
weights = [1.0 / (1 + i) ** 0.7 for i in range(60)]
kinds = ["Add", "Fix", "Refactor", "Bump", "Document", "Migrate"]
out = sys.stdout.buffer
mark = 0
for n in range(4000):
    if n < 1200:
        a, b = 0, 1
    else:
        a, b = random.choices(range(60), weights, k=2)
        if a == b:
            b = (b + 1 + n % 59) % 60
    when = 1704099600 + n * 3600
    message = f"{random.choice(kinds)} part {n}\n\nCo-authored-by: {people[b][0]} <{people[b][1]}>\n".encode()
    mark += 1
    out.write(b"commit refs/heads/main\n")
    out.write(f"mark :{mark}\nauthor {people[a][0]} <{people[a][1]}> {when} +0000\n".encode())
    out.write(f"committer {people[a][0]} <{people[a][1]}> {when} +0000\n".encode())
    out.write(f"data {len(message)}\n".encode() + message)
    if mark > 1:
        out.write(f"from :{mark - 1}\n".encode())
    out.write(f"M 644 inline f{n % 7}.txt\ndata {len(str(n)) + 1}\n{n}\n\n".encode())
