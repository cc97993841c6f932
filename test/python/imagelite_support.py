"""What every Python client suite needs: clients of the imagelite at IMAGELITE_ENDPOINT acting as an account,
the admin routes (the clock above all), and the AWS CLI run in a clean environment.

Only the standard library, boto3 and botocore are used, and the AWS CLI (awscli) where it is installed.
"""
import contextlib
import io
import json
import os
import shutil
import subprocess
import unittest
import urllib.error
import urllib.request

import boto3
import botocore.config

try:
    # The AWS CLI's own entry point (what the `aws` script calls), run in this process: the same code, without a
    # Python start and a CLI load per command (half a second of CPU each, most of what these suites spend).
    from awscli.clidriver import create_clidriver
except ImportError:
    create_clidriver = None

ENDPOINT = os.environ.get("IMAGELITE_ENDPOINT", "http://127.0.0.1:4566").rstrip("/")
REGION = "us-east-1"


# One session for every client: it loads each service's model once, where a session per client would load it
# again for each (a third of a second of CPU every time).
_SESSION = boto3.session.Session()


def client(service, account, validate=True, region=REGION):
    """A boto3 client acting as `account` (the access key id is the account id); one attempt, no retries."""
    config = botocore.config.Config(retries={"total_max_attempts": 1}, parameter_validation=validate)
    return _SESSION.client(
        service, endpoint_url=ENDPOINT, region_name=region,
        aws_access_key_id=account, aws_secret_access_key="x", config=config)


def own_snapshot(ec2):
    """A snapshot of the client's account: a copy of one of Amazon's public 8 GiB snapshots in its region."""
    amazon = ec2.describe_snapshots(OwnerIds=["amazon"], Filters=[{"Name": "volume-size", "Values": ["8"]}], MaxResults=5)
    source = amazon["Snapshots"][0]["SnapshotId"]
    return ec2.copy_snapshot(SourceRegion=ec2.meta.region_name, SourceSnapshotId=source)["SnapshotId"]


def default_network(account):
    """The default VPC's subnets of the account (in zone order) and its default security group, read through EC2."""
    ec2 = client("ec2", account)
    subnets = ec2.describe_subnets(Filters=[{"Name": "default-for-az", "Values": ["true"]}])["Subnets"]
    subnets.sort(key=lambda s: s["AvailabilityZone"])
    group = ec2.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [subnets[0]["VpcId"]]},
                                                 {"Name": "group-name", "Values": ["default"]}])["SecurityGroups"][0]
    return [s["SubnetId"] for s in subnets], group["GroupId"]


def admin(method, path, body=None):
    """Calls an admin route; returns (status, parsed JSON body)."""
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(ENDPOINT + path, data=data, method=method,
                                 headers={"content-type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=10) as res:
            return res.status, json.loads(res.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"null")


def advance(seconds):
    """Moves the server's clock forward; the test server's clock stands still otherwise."""
    status, body = admin("POST", "/_imagelite/clock", {"advanceSeconds": seconds})
    if status != 200:
        raise AssertionError(f"advancing the clock failed: {status} {body}")
    return body


class CliResult:
    """What a CLI command did, as subprocess.run reports it: its exit status and its output."""

    def __init__(self, returncode, stdout, stderr):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


# The CLI's data loader, shared by the drivers: each command reads the same model files, once.
_LOADER = None


def _driver():
    """A new driver for each command, as each run of `aws` makes one, with the shared data loader."""
    global _LOADER
    driver = create_clidriver()
    if _LOADER is None:
        _LOADER = driver.session.get_component("data_loader")
    else:
        driver.session.register_component("data_loader", _LOADER)
    return driver


@contextlib.contextmanager
def _environment(env):
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def _run_cli(args, env):
    """Runs one AWS CLI command in this process with `env` as its environment."""
    out, err = io.StringIO(), io.StringIO()
    with _environment(env), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = _driver().main(list(args))
        except SystemExit as e:  # a usage error: argparse exits as the `aws` script would
            code = e.code if isinstance(e.code, int) else 255
    return CliResult(code, out.getvalue(), err.getvalue())


class CliTestCase(unittest.TestCase):
    """Runs the AWS CLI against imagelite with nothing of the machine's AWS configuration."""

    cli_account = None

    @classmethod
    def setUpClass(cls):
        cls.aws = shutil.which("aws")
        if cls.aws is None and create_clidriver is None:
            raise AssertionError("the AWS CLI (aws) is not on PATH")

    def cli(self, *args, account=None):
        env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        env.update({
            "AWS_ACCESS_KEY_ID": account or self.cli_account, "AWS_SECRET_ACCESS_KEY": "x", "AWS_DEFAULT_REGION": REGION,
            "AWS_CONFIG_FILE": os.devnull, "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
            "AWS_EC2_METADATA_DISABLED": "true", "AWS_PAGER": "", "AWS_MAX_ATTEMPTS": "1",
        })
        argv = ["--endpoint-url", ENDPOINT, "--output", "json", *args]
        if create_clidriver is not None:
            # Importing awscli put its own data (the CLI's command definitions) on AWS_DATA_PATH, as the `aws`
            # script's import does in its process.
            return _run_cli(argv, {**env, "AWS_DATA_PATH": os.environ.get("AWS_DATA_PATH", "")})
        return subprocess.run([self.aws, *argv], env=env, capture_output=True, text=True, timeout=60)

    def cli_json(self, *args, **kwargs):
        r = self.cli(*args, **kwargs)
        self.assertEqual(r.returncode, 0, f"aws {' '.join(args)} failed:\n{r.stderr}")
        return json.loads(r.stdout) if r.stdout.strip() else {}
