// How AppStream directory configs are kept: one record per directory in its account's partition. The
// service account's password is used only to join instances to the domain, which imagelite never does, and
// AWS never returns it (DescribeDirectoryConfigs, API reference): it is not kept.
import { collection } from "../../../state/collection";
import { schema, typed, type RecordOf } from "../../../state/record-schema";
import type { CertificateBasedAuthProperties } from "../api.generated";

const directoryConfigSchema = schema({
  DirectoryName: "string",
  OrganizationalUnitDistinguishedNames: "strings",
  AccountName: "string?",
  CertificateBasedAuthProperties: typed<CertificateBasedAuthProperties>("object?"),
  createdAt: "time",
});
export type DirectoryConfigRecord = RecordOf<typeof directoryConfigSchema>;

export const directoryConfigs = collection<DirectoryConfigRecord>({
  type: "appstream.directory-config",
  schema: directoryConfigSchema,
  key: (r) => r.DirectoryName,
});
