"""Runs several test modules in one Python process, each against an imagelite of its own.

    python3 run_modules.py test_a=http://127.0.0.1:1234 test_b=http://127.0.0.1:1235 ...

Loading boto3, botocore's models and the AWS CLI costs about a second of CPU per process; the modules of a group
share it. Each module's clients and CLI commands go to its own endpoint (imagelite_support.ENDPOINT), so that no
module sees another's resources or clock.
"""
import sys
import time
import unittest

import imagelite_support


def main():
    failed = []
    for arg in sys.argv[1:]:
        module, endpoint = arg.split("=", 1)
        imagelite_support.ENDPOINT = endpoint.rstrip("/")
        print(f"\n=== {module}", file=sys.stderr, flush=True)
        started = time.monotonic()
        suite = unittest.defaultTestLoader.loadTestsFromName(module)
        result = unittest.TextTestRunner(stream=sys.stderr, verbosity=2).run(suite)
        print(f"=== {module}: {'ok' if result.wasSuccessful() else 'FAILED'} in {time.monotonic() - started:.1f} s",
              file=sys.stderr, flush=True)
        if not result.wasSuccessful():
            failed.append(module)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
