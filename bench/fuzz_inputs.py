"""Random commit messages and mutations of YAML files for bench/fuzz.py. Everything is drawn from the
`random.Random` passed in, so a seed gives the same inputs on every machine."""

import re

TEAM_RULES = """version: 1
rules:
  - id: team_payments
    category: support
    match:
      subject: '(?i)\\bpayments?\\b'
      any:
        - files: { any: ['payments/**', '*.proto'] }
        - churn: { min: 10, max: 500 }
"""

RICH_CONFIG = """# Every key of workmix.yml, for mutation.
version: 1
identities:
  "Alice Martin <alice@platform.example>": [alice@users.noreply.github.com, "Alice M <am@old.example>"]
  distinct: ["Bob <bob@payments.example>", "Bob <bob@checkout.example>"]
merge_same_name: true
bots: ['(?i)^deploy-bot']
ai_partners: false
pair_trailers: [Co-authored-by, Signed-off-by]
rules: [team.yml]
default_rules: false
overrides: { 9bab3c2e: support, a56e9bc3e: skip }
measure: churn
repos: { payments: payments-api, checkout: checkout-web }
residencies:
  - &payments
    name: payments-q1
    from: 2024-01-08
    to: 2024-02-16
    timezone: Europe/Paris
    resident: [alice@platform.example, "Alice Martin <alice@platform.example>"]
    team: [bob@payments.example, "Carol Diaz <carol@payments.example>"]
    repos: [payments-api]
    plan: { investment: 0.4, maintenance: 30%, support: 30% }
    tolerance: 10%
    max_unclassified: 15%
  - <<: *payments
    name: checkout-q2
    team: [erin@checkout.example]
    repos: [checkout-web, payments-api]
    from: 2024-03-04
    to: 2024-04-12
    timezone: America/New_York
"""

WORDS = ("fix add remove update refactor migrate bump release docs test ci chore feat revert merge payments "
         "login api client server cache retry timeout typo readme lint format deps go swift python rust "
         "implement support expose introduce deprecate delete cleanup simplify rename move extract").split()
PREFIXES = ["feat: ", "fix(api): ", "chore(deps)!: ", "docs: ", "Revert \"", "Merge branch 'x' into main",
            "[skip ci] ", "WIP ", "v3: ", "ci: ", "security: ", "refactor!: ", ":bug: ", "JIRA-123 ", ""]
ODD = ["\u202e", "\u2066", "\u2069", "\u200b", "\ufeff", "\u2028", "\u2029", "\u0085", "\x00", "\x1b[31m",
       "\r", "\t", "\x7f", "\ud7ff", "\U0001f600", "e\u0301", "::error::x", "<script>", "=cmd|' /C calc'!A0",
       "\"", "'", ",", "|", "`", "\\", "%s%n", "${HOME}", "../../etc/passwd"]
BACKTRACKING = ["a" * 40 + "!", "libfoo from 1" + ".1" * 3000 + " to", "1.2" + ".3a" * 2000 + "!",
                "[x] " * 2000 + "y", "a/b: " * 2000 + "y", "x(" + "y" * 5000, "bump " + "from 1 " * 2000,
                ("word " * 60) + "!"]
TRAILER_KEYS = ["Co-authored-by", "Signed-off-by", "Reviewed-by", "co-authored-by", "Co-Authored-By",
                "Migration", "Fixes", "Change-Id"]


def random_text(rng, words=8):
    parts = []
    for _ in range(rng.randrange(1, words + 1)):
        roll = rng.random()
        if roll < 0.7:
            parts.append(rng.choice(WORDS))
        elif roll < 0.85:
            parts.append(rng.choice(ODD))
        elif roll < 0.95:
            parts.append("".join(chr(rng.randrange(0x20, 0x3000)) for _ in range(rng.randrange(1, 12))))
        else:
            parts.append(str(rng.randrange(-10 ** 20, 10 ** 20)))
    return " ".join(parts)


def random_person(rng):
    """A name and email fast-import accepts (no <, > or newline)."""
    names = ["Ada Lovelace", "Bob", "dependabot[bot]", "Claude", "Ren\u00e9e \u00c7elik", "\u202eevE",
             "Copilot", "Mark Jenkins", "\u738b\u5c0f\u660e", "x" * 200, "a b c d e f", "bot", ""]
    emails = ["ada@example.com", "49699333+dependabot[bot]@users.noreply.github.com", "noreply@anthropic.com",
              "BOB@EXAMPLE.COM", "weird@@corp", "no-at-sign", "", "\u00fc@\u00e9.example", "a@b.c"]
    return rng.choice(names), rng.choice(emails)


def random_trailer(rng):
    key = rng.choice(TRAILER_KEYS)
    name, email = random_person(rng)
    value = rng.choice(["%s <%s>" % (name, email), random_text(rng, 3), "", "<>", "::error::x <a@b.c>",
                        "%s <%s>, %s" % (name, email, name)])
    return "%s: %s" % (key, value)


def random_message(rng):
    """Bytes of a commit message: usually plausible, sometimes hostile."""
    roll = rng.random()
    if roll < 0.05:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(0, 300)))  # anything, invalid UTF-8 too
    if roll < 0.12:
        return rng.choice(BACKTRACKING).encode()
    if roll < 0.15:
        return rng.choice(["", " ", "\n", "\n\n\n", "\r\n", "---", "Conflicts:", "#"]).encode()
    subject = rng.choice(PREFIXES) + random_text(rng)
    if rng.random() < 0.05:
        subject += " " + "long" * rng.randrange(100, 5000)
    lines = [subject]
    if rng.random() < 0.6:
        lines += ["", random_text(rng, 30)]
        if rng.random() < 0.3:
            lines += ["---", random_text(rng, 10)]
    if rng.random() < 0.5:
        lines.append("")
        lines += [random_trailer(rng) for _ in range(rng.randrange(1, 5))]
    newline = "\r\n" if rng.random() < 0.1 else "\n"
    text = newline.join(lines)
    if rng.random() < 0.05:
        return text.encode("utf-8", "surrogatepass") + b"\xff\xfe\xc3"
    return text.encode("utf-8", "surrogatepass")


# Values that break types and ranges.
ABSURD = [b"99999999999999999999999999", b"-1", b"1e309", b"-1e309", b"0x7fffffffffffffff", b"0b1", b"0o8",
          b".inf", b"-.inf", b".nan", b"1_000_000_000_000_000_000", b"9223372036854775808", b"-9223372036854775809",
          b"[1, 2]", b"{a: b}", b"null", b"~", b"true", b"\"\"", b"''", b"!!binary aGVsbG8=", b"!!str 3",
          b"!!int x", b"!!float y", b"!!map {}", b"*undefined", b"&anchor", b"|", b">-", b"? x", b"- x",
          b"2024-02-30", b"9999-12-31", b"0000-01-01", b"-2024-01-01", b"99999999-01-01", b"2024-01-08T25:00",
          b"1e309%", b"-5%", b"NaN%", b"101%", b"0.0000001%", b"100000000000000000000%", b"%", b"50 %",
          b"Mars/Olympus", b"UTC+3", b"Etc/GMT-14", b"../../etc/passwd", b"'" + b"x" * 5000 + b"'",
          b"'(a+)+$'", b"'(?:(a+)+$|a*!$)'", b"'('", b"'[z-a]'", b"'(?R)'", b"'(*LIMIT_MATCH=1)a'", b"'\\C'",
          b"'(?C1)x'", b"'(*ACCEPT)'", b"'\\\\'", b"'(?<n>'", b"'\\p{Bogus}'", b"'" + b"(" * 300 + b"'",
          b"'**/**/**/**/**/**/**/**'", b"'[!]'", b"'{a,b'", b"investment", b"skip", b"unclassified",
          b"{min: 5, max: 1}", b"{min: -99999999999999999999}", b"{ category: support, min: 2 }"]
YAML_BITS = [b"&a ", b"*a", b"<<: *a", b"<<: [*a, *a]", b"&a [*a]", b"- &b {x: *b}", b"%YAML 1.1", b"---",
             b"...", b"%TAG ! tag:x,2000:", b"? ", b": ", b"{", b"}", b"[", b"]", b"#", b"\t", b"'", b"\"",
             b"\\", b"\xef\xbb\xbf", b"\x00", b"\xff", b"\r", b"\xe2\x80\xae"]


def mutate(rng, data, kind):
    """`data` mutated one to three times; returns the bytes and the names of the mutations."""
    names = []
    # Mostly one mutation, so that many files stay valid YAML and reach the checks beyond the parser.
    for _ in range(rng.choice([1, 1, 1, 1, 2, 2, 3])):
        operation = rng.choice(OPERATIONS)
        data = operation(rng, data)
        names.append(operation.__name__)
    return data, names


def flip_bytes(rng, data):
    data = bytearray(data)
    for _ in range(rng.randrange(1, 6)):
        if data:
            data[rng.randrange(len(data))] = rng.choice([rng.randrange(256), ord(":"), ord("-"), ord("&"),
                                                         ord("*"), ord("{"), ord("["), ord("\n"), ord(" ")])
    return bytes(data)


def truncate(rng, data):
    return data[:rng.randrange(len(data) + 1)]


def duplicate_lines(rng, data):
    lines = data.split(b"\n")
    index = rng.randrange(len(lines))
    count = rng.randrange(1, 4)
    return b"\n".join(lines[:index + count] + lines[index:])


def delete_lines(rng, data):
    lines = data.split(b"\n")
    index = rng.randrange(len(lines))
    return b"\n".join(lines[:index] + lines[index + rng.randrange(1, 4):])


def reindent(rng, data):
    lines = data.split(b"\n")
    index = rng.randrange(len(lines))
    lines[index] = b" " * rng.choice([0, 1, 3, 8, 40]) + lines[index].lstrip(b" ")
    return b"\n".join(lines)


def insert_yaml(rng, data):
    position = rng.randrange(len(data) + 1)
    return data[:position] + rng.choice(YAML_BITS) + data[position:]


DATES = [b"0001-01-01", b"9999-12-31", b"0000-01-01", b"2024-02-29", b"2023-02-29", b"1970-01-01",
         b"1969-12-31", b"2038-01-19", b"2024-1-8", b"2024-01-08T00:00:00Z", b"'2024-01-08'", b"20240108"]
SHARES = [b"0%", b"100%", b"0", b"1", b"1.0000001", b"100.5%", b"-0%", b"1e-300", b"0x1p-3", b"50%%", b"5e1%"]
NUMBERS = [b"0", b"-0", b"1", b"-1", b"2147483648", b"9223372036854775807", b"-9223372036854775808",
           b"18446744073709551616", b"1.5", b"1e3", b"0x10", b"1_0"]


def absurd_value(rng, data):
    """Replaces the value after a `key:` with one of the wrong type or range, often of its own kind (a
    date by another date, a share by another share)."""
    lines = data.split(b"\n")
    candidates = [i for i, line in enumerate(lines) if b": " in line and not line.lstrip().startswith(b"#")]
    if not candidates:
        return data
    index = rng.choice(candidates)
    key, _, value = lines[index].partition(b": ")
    value = value.split(b"#")[0].strip()
    pool = ABSURD
    if rng.random() < 0.5:
        if value[:2] in (b"19", b"20") and value[4:5] == b"-":
            pool = DATES
        elif value.endswith(b"%") or value.startswith(b"0."):
            pool = SHARES
        elif value.lstrip(b"-").isdigit() or key.strip() in (b"min", b"max"):
            pool = NUMBERS
    lines[index] = key + b": " + rng.choice(pool)
    return b"\n".join(lines)


PATTERNS = [b"'(a+)+$'", b"'^(?:(a+)+$|a*!$)'", b"'('", b"'[z-a]'", b"'(?R)'", b"'(*LIMIT_MATCH=1)a'", b"'\\C'",
            b"'(?C1)x'", b"'(*ACCEPT)'", b"'(?<n>'", b"'\\p{Bogus}'", b"'" + b"(" * 300 + b"'", b"''", b"'.*'",
            b"'(?i)'", b"'\\'", b"'**/**/**'", b"'[!]'", b"'{a,b'", b"'/'", b"'**'", b"'(?s).*(.*)*x'"]
TOKENS = [(re.compile(rb"\b\d{4}-\d{2}-\d{2}\b"), DATES), (re.compile(rb"\b\d+(\.\d+)?%"), SHARES),
          (re.compile(rb"(?<=min: )-?\d+|(?<=max: )-?\d+"), NUMBERS), (re.compile(rb"'[^'\n]*'"), PATTERNS)]


def retoken(rng, data):
    """Replaces one date, share, bound or quoted pattern by another of its kind: the YAML stays valid,
    so the value reaches the checks (and matchers) beyond the parser."""
    kinds = [(pattern, pool) for pattern, pool in TOKENS if pattern.search(data)]
    if not kinds:
        return data
    pattern, pool = rng.choice(kinds)
    match = rng.choice(list(pattern.finditer(data)))
    return data[:match.start()] + rng.choice(pool) + data[match.end():]


def anchor_and_alias(rng, data):
    """Anchors a value and refers to it elsewhere (also before it, or inside itself)."""
    lines = data.split(b"\n")
    candidates = [i for i, line in enumerate(lines) if line.rstrip().endswith(b":") or b": " in line]
    if len(candidates) < 2:
        return data
    first, second = rng.choice(candidates), rng.choice(candidates)
    if lines[first].rstrip().endswith(b":"):
        lines[first] = lines[first].rstrip() + b" &x"
    else:
        key, _, value = lines[first].partition(b": ")
        lines[first] = key + b": &x " + value
    key, _, _ = lines[second].partition(b":")
    lines[second] = key + b": " + rng.choice([b"*x", b"[*x, *x, *x]", b"{<<: *x}", b"*y"])
    return b"\n".join(lines)


def alias_chain(rng, data):
    """Appends a list whose items each negate the one before through an alias (`&c2 {not: *c1}`): the
    resolved tree nests as deep as the list is long (50,000 items overflowed the stack once)."""
    length = rng.choice([10, 300, 3000, 30000, 60000])
    lines = [b"x-chain:", b"  - &c0 {subject: x}"]
    lines += [b"  - &c%d {not: *c%d}" % (index, index - 1) for index in range(1, length)]
    return data.rstrip(b"\n") + b"\n" + b"\n".join(lines) + b"\n"


def append_garbage(rng, data):
    extra = [b"\nunknown_key: 1\n", b"\nrules: []\n", b"\n- id: x\n", b"\nversion: 2\n", b"\nversion: 1\n",
             b"\n" + b"  " * 300 + b"x: y\n", b"\n" + b"[" * 1000 + b"\n", b"\n&a a: *a\n"]
    return data + rng.choice(extra)


OPERATIONS = [flip_bytes, truncate, duplicate_lines, delete_lines, reindent, insert_yaml, absurd_value,
              absurd_value, anchor_and_alias, append_garbage, retoken, retoken, retoken, retoken, alias_chain]
