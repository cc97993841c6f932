// Shared steps of the EC2 tests: make a snapshot of one's own, register an EBS-backed AMI of it, and wait out a
// lifecycle phase on the manual clock.
import { RegisterImageCommand, type EC2Client, type RegisterImageCommandInput } from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { T } from "../support/server";
import { ownSnapshot } from "../support/snapshots";

export { ownSnapshot };

/** RegisterImage makes a Windows AMI when its billing products name Windows (as an AMI made from a Windows snapshot). */
export const WINDOWS = { BillingProducts: ["bp-6ba54002"] };

/**
 * A Windows AMI that AppStream's CreateImportedImage accepts ("Import Image", import-image.html, "Required AMI
 * Properties"): UEFI boot, TPM 2.0, ENA, one EBS volume as /dev/sda1 (of a snapshot of the caller's own).
 */
export async function importableWindows(
  client: EC2Client,
  extra: Partial<RegisterImageCommandInput> = {},
): Promise<Partial<RegisterImageCommandInput>> {
  const snapshot = extra.BlockDeviceMappings ? undefined : await ownSnapshot(client);
  return {
    ...WINDOWS,
    BootMode: "uefi",
    TpmSupport: "v2.0",
    EnaSupport: true,
    RootDeviceName: "/dev/sda1",
    BlockDeviceMappings: [{ DeviceName: "/dev/sda1", Ebs: { SnapshotId: snapshot, VolumeSize: 200 } }],
    ...extra,
  };
}

export async function registerAmi(client: EC2Client, name: string, extra: Partial<RegisterImageCommandInput> = {}): Promise<string> {
  const snapshot = extra.BlockDeviceMappings ? undefined : await ownSnapshot(client);
  const r = await client.send(
    new RegisterImageCommand({
      Name: name,
      Architecture: "x86_64",
      VirtualizationType: "hvm",
      RootDeviceName: "/dev/xvda",
      BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { SnapshotId: snapshot, VolumeSize: 8 } }],
      ...extra,
    }),
  );
  return r.ImageId!;
}

/** Moves the clock past every AMI phase (copy is the longest: 3 × T). */
export const settle = (server: Imagelite) => server.clock.advance(3 * T + 1);
