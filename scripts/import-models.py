#!/usr/bin/env python3
"""Import the botocore service models that imagelite serves into models/, trimmed.

Each model keeps its metadata, the operations imagelite implements and every shape they reach,
with documentation stripped. The server reads these files at start-up and never needs Python.
Run again after adding an operation to OPERATIONS: `npm run import-models`.
"""
import json
import os
import sys

import botocore.session

OPERATIONS = {
    "appstream": [
        "AssociateAppBlockBuilderAppBlock", "AssociateApplicationFleet", "AssociateApplicationToEntitlement",
        "AssociateFleet", "AssociateSoftwareToImageBuilder", "BatchAssociateUserStack", "BatchDisassociateUserStack",
        "CopyImage", "CreateAppBlock", "CreateAppBlockBuilder", "CreateAppBlockBuilderStreamingURL",
        "CreateApplication", "CreateDirectoryConfig", "CreateEntitlement", "CreateExportImageTask", "CreateFleet",
        "CreateImageBuilder", "CreateImageBuilderStreamingURL", "CreateImportedImage", "CreateStack",
        "CreateStreamingURL", "CreateThemeForStack", "CreateUpdatedImage", "CreateUsageReportSubscription",
        "CreateUser", "DeleteAppBlock", "DeleteAppBlockBuilder", "DeleteApplication", "DeleteDirectoryConfig",
        "DeleteEntitlement", "DeleteFleet", "DeleteImage", "DeleteImageBuilder", "DeleteImagePermissions",
        "DeleteStack", "DeleteThemeForStack", "DeleteUsageReportSubscription", "DeleteUser",
        "DescribeAppBlockBuilderAppBlockAssociations", "DescribeAppBlockBuilders", "DescribeAppBlocks",
        "DescribeAppLicenseUsage", "DescribeApplicationFleetAssociations", "DescribeApplications",
        "DescribeDirectoryConfigs", "DescribeEntitlements", "DescribeFleets", "DescribeImageBuilders",
        "DescribeImagePermissions", "DescribeImages", "DescribeSessions", "DescribeSoftwareAssociations",
        "DescribeStacks", "DescribeThemeForStack", "DescribeUsageReportSubscriptions",
        "DescribeUserStackAssociations", "DescribeUsers", "DisableUser", "DisassociateAppBlockBuilderAppBlock",
        "DisassociateApplicationFleet", "DisassociateApplicationFromEntitlement", "DisassociateFleet",
        "DisassociateSoftwareFromImageBuilder", "DrainSessionInstance", "EnableUser", "ExpireSession",
        "GetExportImageTask", "ListAssociatedFleets", "ListAssociatedStacks", "ListEntitledApplications",
        "ListExportImageTasks", "ListTagsForResource", "StartAppBlockBuilder", "StartFleet", "StartImageBuilder",
        "StartSoftwareDeploymentToImageBuilder", "StopAppBlockBuilder", "StopFleet", "StopImageBuilder",
        "TagResource", "UntagResource", "UpdateAppBlockBuilder", "UpdateApplication", "UpdateDirectoryConfig",
        "UpdateEntitlement", "UpdateFleet", "UpdateImagePermissions", "UpdateStack", "UpdateThemeForStack",
    ],
    "ec2": [
        "AllocateAddress", "AssociateAddress", "AssociateIamInstanceProfile", "AssociateRouteTable",
        "AttachInternetGateway", "AttachNetworkInterface", "AttachVolume", "AuthorizeSecurityGroupEgress",
        "AuthorizeSecurityGroupIngress", "CancelConversionTask", "CancelExportTask", "CancelImageLaunchPermission",
        "CancelImportTask", "CopyImage", "CopySnapshot", "CopyVolumes", "CreateDefaultVpc",
        "CreateDelegateMacVolumeOwnershipTask", "CreateFleet", "CreateImage", "CreateImageUsageReport",
        "CreateInternetGateway", "CreateKeyPair", "CreateLaunchTemplate", "CreateLaunchTemplateVersion",
        "CreateMacSystemIntegrityProtectionModificationTask", "CreateNetworkAcl", "CreateNetworkAclEntry",
        "CreateNetworkInterface", "CreateReplaceRootVolumeTask", "CreateRestoreImageTask", "CreateRoute",
        "CreateRouteTable", "CreateSecurityGroup", "CreateSnapshot", "CreateSnapshots", "CreateStoreImageTask",
        "CreateSubnet", "CreateTags", "CreateVolume", "CreateVpc", "DeleteFleets", "DeleteImageUsageReport",
        "DeleteInternetGateway", "DeleteKeyPair", "DeleteLaunchTemplate", "DeleteLaunchTemplateVersions",
        "DeleteNetworkAcl", "DeleteNetworkAclEntry", "DeleteNetworkInterface", "DeleteRoute", "DeleteRouteTable",
        "DeleteSecurityGroup", "DeleteSnapshot", "DeleteSubnet", "DeleteTags", "DeleteVolume", "DeleteVpc",
        "DeregisterImage", "DescribeAccountAttributes", "DescribeAddresses", "DescribeAddressesAttribute",
        "DescribeAvailabilityZones", "DescribeConversionTasks", "DescribeExportImageTasks",
        "DescribeFastLaunchImages", "DescribeFastSnapshotRestores", "DescribeIamInstanceProfileAssociations",
        "DescribeImageAttribute", "DescribeImageReferences", "DescribeImageUsageReportEntries",
        "DescribeImageUsageReports", "DescribeImages", "DescribeImportImageTasks", "DescribeImportSnapshotTasks",
        "DescribeInstanceAttribute", "DescribeInstanceCreditSpecifications", "DescribeInstanceImageMetadata",
        "DescribeInstanceStatus", "DescribeInstanceTypeOfferings", "DescribeInstanceTypes", "DescribeInstances",
        "DescribeInternetGateways", "DescribeKeyPairs", "DescribeLaunchTemplateVersions", "DescribeLaunchTemplates",
        "DescribeLockedSnapshots", "DescribeMacModificationTasks", "DescribeNetworkAcls",
        "DescribeNetworkInterfaceAttribute", "DescribeNetworkInterfaces", "DescribeRegions",
        "DescribeReplaceRootVolumeTasks", "DescribeRouteTables", "DescribeSecurityGroupRules",
        "DescribeSecurityGroups", "DescribeSnapshotAttribute", "DescribeSnapshotTierStatus", "DescribeSnapshots",
        "DescribeSpotInstanceRequests", "DescribeSpotPriceHistory", "DescribeStoreImageTasks", "DescribeSubnets",
        "DescribeTags", "DescribeVolumeAttribute", "DescribeVolumeStatus", "DescribeVolumes",
        "DescribeVolumesModifications", "DescribeVpcAttribute", "DescribeVpcClassicLink",
        "DescribeVpcClassicLinkDnsSupport", "DescribeVpcs", "DetachInternetGateway", "DetachNetworkInterface",
        "DetachVolume", "DisableAllowedImagesSettings", "DisableEbsEncryptionByDefault", "DisableFastLaunch",
        "DisableFastSnapshotRestores", "DisableImage", "DisableImageBlockPublicAccess", "DisableImageDeprecation",
        "DisableImageDeregistrationProtection", "DisableSnapshotBlockPublicAccess", "DisassociateAddress",
        "DisassociateIamInstanceProfile", "DisassociateRouteTable", "EnableAllowedImagesSettings",
        "EnableEbsEncryptionByDefault", "EnableFastLaunch", "EnableFastSnapshotRestores", "EnableImage",
        "EnableImageBlockPublicAccess", "EnableImageDeprecation", "EnableImageDeregistrationProtection",
        "EnableSnapshotBlockPublicAccess", "EnableVolumeIO", "ExportImage", "GetAllowedImagesSettings",
        "GetEbsDefaultKmsKeyId", "GetEbsEncryptionByDefault", "GetImageAncestry", "GetImageBlockPublicAccessState",
        "GetInstanceUefiData", "GetLaunchTemplateData", "GetPasswordData", "GetSnapshotBlockPublicAccessState",
        "ImportImage", "ImportKeyPair", "ImportSnapshot", "ImportVolume", "ListImagesInRecycleBin",
        "ListSnapshotsInRecycleBin", "ListVolumesInRecycleBin", "LockSnapshot", "ModifyEbsDefaultKmsKeyId",
        "ModifyImageAttribute", "ModifyInstanceAttribute", "ModifyInstanceCreditSpecification",
        "ModifyInstanceMaintenanceOptions", "ModifyInstanceMetadataOptions", "ModifyLaunchTemplate",
        "ModifyNetworkInterfaceAttribute", "ModifySecurityGroupRules", "ModifySnapshotAttribute",
        "ModifySnapshotTier", "ModifySubnetAttribute", "ModifyVolume", "ModifyVolumeAttribute", "ModifyVpcAttribute",
        "MonitorInstances", "RegisterImage", "ReleaseAddress", "ReplaceIamInstanceProfileAssociation",
        "ReplaceImageCriteriaInAllowedImagesSettings", "ReplaceNetworkAclAssociation", "ReplaceNetworkAclEntry",
        "ReplaceRoute", "ReplaceRouteTableAssociation", "ResetEbsDefaultKmsKeyId", "ResetImageAttribute",
        "ResetSnapshotAttribute", "RestoreImageFromRecycleBin", "RestoreSnapshotFromRecycleBin",
        "RestoreSnapshotTier", "RestoreVolumeFromRecycleBin", "RevokeSecurityGroupEgress",
        "RevokeSecurityGroupIngress", "RunInstances", "StartInstances", "StopInstances", "TerminateInstances",
        "UnlockSnapshot", "UnmonitorInstances",
    ],
    "rbin": [
        "CreateRule", "DeleteRule", "GetRule", "ListRules", "ListTagsForResource", "LockRule", "TagResource",
        "UnlockRule", "UntagResource", "UpdateRule",
    ],
    "ssm": [
        "AddTagsToResource", "DeleteParameter", "DeleteParameters", "DeleteResourcePolicy", "DescribeParameters",
        "GetParameter", "GetParameterHistory", "GetParameters", "GetParametersByPath", "GetResourcePolicies",
        "LabelParameterVersion", "ListTagsForResource", "PutParameter", "PutResourcePolicy",
        "RemoveTagsFromResource",
    ],
    "sts": ["GetCallerIdentity"],
}

DROP_KEYS = {"documentation", "documentationUrl", "examples", "deprecatedMessage"}


def strip(node):
    if isinstance(node, dict):
        return {k: strip(v) for k, v in node.items() if k not in DROP_KEYS}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


def reached(shapes, roots):
    seen, todo = set(), list(roots)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        shape = shapes[name]
        for ref in list(shape.get("members", {}).values()) + [shape.get(k) for k in ("member", "key", "value")]:
            if ref:
                todo.append(ref["shape"])
    return seen


def main():
    out_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "models")
    loader = botocore.session.get_session().get_component("data_loader")
    for service, operations in OPERATIONS.items():
        model = loader.load_service_model(service, "service-2")
        roots = []
        for op in operations:
            spec = model["operations"][op]
            roots += [spec[k]["shape"] for k in ("input", "output") if k in spec]
            roots += [e["shape"] for e in spec.get("errors", [])]
        keep = reached(model["shapes"], roots)
        trimmed = {
            "version": model.get("version", "2.0"),
            "metadata": model["metadata"],
            "operations": {op: model["operations"][op] for op in sorted(operations)},
            "shapes": {name: model["shapes"][name] for name in sorted(keep)},
        }
        path = os.path.join(out_dir, f"{service}.json")
        with open(path, "w") as f:
            json.dump(strip(trimmed), f, indent=1, sort_keys=True)
            f.write("\n")
        print(f"{service}: {len(operations)} operations, {len(keep)} shapes -> models/{service}.json", file=sys.stderr)


if __name__ == "__main__":
    main()
