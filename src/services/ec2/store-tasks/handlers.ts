// Store and restore an AMI using S3 (EC2 User Guide, ami-store-restore.html): CreateStoreImageTask,
// DescribeStoreImageTasks and CreateRestoreImageTask. imagelite keeps no S3: the bucket and key are names, and the
// object a store writes is a record that a restore in the same account and Region reads (records.ts).
//
// The guide's limitations that apply here: only EBS-backed AMIs can be stored, paravirtual (PV) AMIs are not
// supported, and the caller must own the AMI or have it shared directly with its account. A restored AMI gets new
// snapshots and the stored AMI's attributes, and the stored AMI's name unless Name gives another; the name must be
// unique in the Region (CreateRestoreImageTask reference). Snapshots are decrypted when stored ("you can store AMIs
// with encrypted snapshots, but the snapshots are decrypted as part of the store process"), so restored snapshots
// are unencrypted.
import { ServiceError } from "../../../errors/service-error";
import type { RequestContext } from "../../../gateway/context";
import { plan } from "../../../state/lifecycle";
import type { Ec2Handlers } from "../api.generated";
import * as err from "../errors";
import { compileFilters } from "../filters";
import { checkAmiId, findImage } from "../images/access";
import { checkName, createAmi } from "../images/handlers";
import { amiState, GONE, sharedImages, type AmiRecord } from "../images/records";
import { nextToken, pageLimit, startAfter, takePage } from "../paging";
import { storeSnapshot, visibleSnapshot } from "../snapshots/access";
import { COPY_VOLUME_ID } from "../snapshots/records";
import { tagsFor } from "../tags/records";
import {
  objectId,
  settle,
  STORE_RETENTION_SECONDS,
  storedObjects,
  storeState,
  storeTaskKey,
  storeTasks,
  storeTaskView,
  type StoredImage,
  type StoreTaskRecord,
} from "./records";

const DEFAULT_FAILURE = "InternalError: The AMI could not be stored.";

/** The AMI as a store writes it: its attributes, and each EBS mapping with its snapshot's size and no snapshot id. */
function storedImage(ctx: RequestContext, ami: AmiRecord): StoredImage {
  return {
    Name: ami.Name,
    Description: ami.Description,
    Architecture: ami.Architecture,
    Platform: ami.Platform,
    PlatformDetails: ami.PlatformDetails,
    UsageOperation: ami.UsageOperation,
    RootDeviceName: ami.RootDeviceName,
    VirtualizationType: ami.VirtualizationType,
    EnaSupport: ami.EnaSupport,
    SriovNetSupport: ami.SriovNetSupport,
    BootMode: ami.BootMode,
    TpmSupport: ami.TpmSupport,
    ImdsSupport: ami.ImdsSupport,
    UefiData: ami.UefiData,
    KernelId: ami.KernelId,
    RamdiskId: ami.RamdiskId,
    SourceImageId: ami.ImageId,
    BlockDeviceMappings: ami.BlockDeviceMappings.map((m) => {
      if (!m.Ebs) return m;
      const snap = m.Ebs.SnapshotId ? visibleSnapshot(ctx, m.Ebs.SnapshotId, ami.region) : undefined;
      const { SnapshotId: _s, KmsKeyId: _k, ...ebs } = m.Ebs;
      return { ...m, Ebs: { ...ebs, Encrypted: false, VolumeSize: snap?.VolumeSize ?? m.Ebs.VolumeSize ?? 8 } };
    }),
  };
}

/** The AMI a store may read, or the error EC2 gives for it. */
function storableImage(ctx: RequestContext, id: string): AmiRecord {
  const ami = findImage(ctx, id);
  // Owned, or shared directly with the caller's account: not a public or Amazon AMI.
  if (ami.owner !== ctx.accountId && !sharedImages.get(ctx, id)) throw err.notAuthorizedForImage(id);
  const state = amiState(ctx, ami);
  if (state !== "available") throw err.amiUnavailable(`The image id '[${id}]' is ${state}; only an available AMI can be stored.`);
  if (ami.RootDeviceType !== "ebs") throw err.invalidValue(`The image ${id} is not an EBS-backed AMI. Only EBS-backed AMIs can be stored.`);
  if (ami.VirtualizationType === "paravirtual") {
    throw err.invalidValue(`The image ${id} uses paravirtual virtualization. Paravirtual (PV) AMIs cannot be stored.`);
  }
  return ami;
}

/** EC2's answer for a bucket and key that hold no stored AMI. */
const objectNotFound = (bucket: string, key: string) =>
  new ServiceError(
    "InvalidParameterValue",
    `The S3 object s3://${bucket}/${key} does not exist or is not an AMI object stored by CreateStoreImageTask.`,
  );

export const storeTaskHandlers: Pick<Ec2Handlers, "CreateStoreImageTask" | "DescribeStoreImageTasks" | "CreateRestoreImageTask"> = {
  CreateStoreImageTask(ctx, input) {
    const ami = storableImage(ctx, input.ImageId);
    const ObjectKey = `${ami.ImageId}.bin`;
    const failing = !!ctx.failure;
    const t: StoreTaskRecord = {
      key: storeTaskKey(ctx.now, ami.ImageId),
      owner: ctx.accountId,
      region: ctx.region,
      createdAt: ctx.now,
      AmiId: ami.ImageId,
      Bucket: input.Bucket,
      S3objectKey: ObjectKey,
      schedule: plan(
        ctx.now,
        ["InProgress", ctx.timings.seconds("amiStore")],
        [failing ? "Failed" : "Completed", STORE_RETENTION_SECONDS],
        [GONE],
      ),
      reason: failing ? (ctx.failure!.reason ?? DEFAULT_FAILURE) : undefined,
    };
    storeTasks.put(ctx, t);
    if (!failing) {
      // The object appears in the bucket only when the task completes (CreateStoreImageTask reference).
      const existing = storedObjects.getAny(ctx, objectId(input.Bucket, ObjectKey));
      const base = existing
        ? settle(existing, ctx.now)
        : { Bucket: input.Bucket, ObjectKey, owner: ctx.accountId, region: ctx.region, image: undefined, S3ObjectTags: undefined };
      storedObjects.put(ctx, {
        ...base,
        next: {
          at: t.schedule[1].at,
          image: storedImage(ctx, ami),
          S3ObjectTags: input.S3ObjectTags?.length ? input.S3ObjectTags : undefined,
        },
      });
    }
    return { ObjectKey };
  },

  DescribeStoreImageTasks(ctx, input) {
    const ids = input.ImageIds ?? [];
    if (ids.length && input.MaxResults !== undefined) {
      throw err.invalidCombination("The parameter ImageIds cannot be used with the parameter MaxResults.");
    }
    if (ids.length > 20) throw err.invalidValue("Up to 20 AMI IDs can be included in a request.");
    // "When you specify the ImageIds parameter, any filters that you specify are ignored" (API reference).
    if (ids.length) {
      const found: StoreTaskRecord[] = [];
      for (const id of new Set(ids)) {
        checkAmiId(id);
        // The newest task of each AMI: keys sort newest first.
        const latest = storeTasks
          .lookup(ctx, "ami", { key: id })
          .map((r) => r.value)
          .sort((a, b) => (a.key < b.key ? -1 : 1))[0];
        if (latest) found.push(latest);
      }
      return { StoreImageTaskResults: found.map((t) => storeTaskView(ctx, t)) };
    }
    const matches = compileFilters<StoreTaskRecord>(input.Filters, {
      fields: { "task-state": (t) => storeState(ctx, t), bucket: (t) => t.Bucket },
    });
    const limit = pageLimit(input.MaxResults, 1, 200);
    const { page, more } = takePage(storeTasks.scan(ctx, { after: startAfter(ctx, input.NextToken) }), matches, limit);
    return {
      StoreImageTaskResults: page.map((t) => storeTaskView(ctx, t)),
      NextToken: more ? nextToken(ctx, page[page.length - 1].key) : undefined,
    };
  },

  CreateRestoreImageTask(ctx, input) {
    const record = storedObjects.get(ctx, objectId(input.Bucket, input.ObjectKey));
    const image = record && settle(record, ctx.now).image;
    if (!image) throw objectNotFound(input.Bucket, input.ObjectKey);
    const name = input.Name ?? image.Name;
    checkName(ctx, name);
    const amiTags = tagsFor(input.TagSpecifications, "image", ["image", "snapshot"]);
    const snapshotTags = tagsFor(input.TagSpecifications, "snapshot", ["image", "snapshot"]);
    // The new snapshots stay pending while the AMI does.
    const schedule = plan(ctx.now, ["pending", ctx.timings.seconds("amiRestore")], ["completed"]);
    const { SourceImageId: _src, ...attributes } = image;
    const rec = createAmi(
      ctx,
      {
        ...attributes,
        Name: name,
        RootDeviceType: "ebs",
        ProductCodes: [],
        BlockDeviceMappings: image.BlockDeviceMappings.map((m) => {
          if (!m.Ebs) return m;
          const snap = storeSnapshot(
            ctx,
            {
              VolumeId: COPY_VOLUME_ID,
              VolumeSize: m.Ebs.VolumeSize ?? 8,
              Description: `Restored from s3://${input.Bucket}/${input.ObjectKey}`,
              Encrypted: false,
            },
            schedule,
            snapshotTags,
          );
          return { ...m, Ebs: { ...m.Ebs, SnapshotId: snap.SnapshotId, Encrypted: false } };
        }),
      },
      "amiRestore",
      amiTags,
    );
    return { ImageId: rec.ImageId };
  },
};
