"""How every check in this folder runs: `python check_<name>.py <base URL>`, where the base URL is
the node's OpenAI base (http://host:port/v1). The check talks to the node through an official
client and returns what it observed; that is printed as one JSON line on stdout (anything the check
shows a human goes to stderr), exit code 0. A check that raises prints {"error": <type>,
"message": <text>} instead and exits 1, so a test can say which client call broke and how."""

import json
import sys
from typing import Any, Callable, Dict


def run_check(check: Callable[[str], Dict[str, Any]]) -> None:
    if len(sys.argv) != 2:
        print(f"usage: python {sys.argv[0]} <base URL, e.g. http://127.0.0.1:17615/v1>", file=sys.stderr)
        sys.exit(2)
    try:
        observed = check(sys.argv[1])
    except Exception as error:  # any failure is the observation; the test reads its type and text
        print(json.dumps({"error": type(error).__name__, "message": str(error)[:2000]}))
        sys.exit(1)
    print(json.dumps(observed))
