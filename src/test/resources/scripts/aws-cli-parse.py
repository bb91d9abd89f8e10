"""Runs AWS CLI (v1, Python) command lines through the CLI's own driver in one process, one JSON list of arguments a
line on stdin, and prints per line {"rc": exit code, "err": what the CLI wrote to stderr}. The StackSet export's test
points every call at a closed port: a call the CLI accepts fails only there ("Could not connect")."""
import contextlib
import io
import json
import sys

from awscli.clidriver import create_clidriver

for line in sys.stdin:
    args = json.loads(line)
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            rc = create_clidriver().main(args)
        except SystemExit as e:
            rc = e.code
    print(json.dumps({"rc": rc, "err": err.getvalue().strip()}), flush=True)
