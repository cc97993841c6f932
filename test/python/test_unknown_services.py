"""Services imagelite does not serve, called through boto3 and the AWS CLI as a client whose every endpoint is
imagelite's: each wire format (REST-JSON, a query API, AWS JSON, REST-XML) gets UnknownService naming the service.
"""
import unittest

from botocore.exceptions import ClientError

from imagelite_support import CliTestCase, client

ACCOUNT = "747474747474"
SERVED = "it serves appstream, ec2, rbin, ssm, sts."


class Boto3UnknownServices(unittest.TestCase):
    def assertUnknown(self, service, call):
        with self.assertRaises(ClientError) as cm:
            call(client(service, ACCOUNT))
        error = cm.exception.response["Error"]
        self.assertEqual(error["Code"], "UnknownService")
        self.assertEqual(error["Message"], f"imagelite does not serve {service}; {SERVED}")
        self.assertEqual(cm.exception.response["ResponseMetadata"]["HTTPStatusCode"], 400)

    def test_rest_json(self):
        self.assertUnknown("dlm", lambda c: c.get_lifecycle_policies())
        self.assertUnknown("imagebuilder", lambda c: c.list_images())

    def test_query(self):
        self.assertUnknown("iam", lambda c: c.list_users())

    def test_aws_json(self):
        self.assertUnknown("dynamodb", lambda c: c.list_tables())

    def test_rest_xml(self):
        self.assertUnknown("s3", lambda c: c.list_objects_v2(Bucket="golden-images"))

    def test_served_services_still_answer(self):
        self.assertTrue(client("ec2", ACCOUNT).describe_regions()["Regions"])


class CliUnknownServices(CliTestCase):
    cli_account = ACCOUNT

    def test_names_the_service(self):
        for args in (["dlm", "get-lifecycle-policies"], ["iam", "list-users"]):
            r = self.cli(*args)
            self.assertNotEqual(r.returncode, 0, r.stdout)
            self.assertIn("(UnknownService)", r.stderr)
            self.assertIn(f"imagelite does not serve {args[0]}", r.stderr)


if __name__ == "__main__":
    unittest.main()
