// How AppStream directory configs are kept: one record per directory in its account's partition. The
// service account's password is used only to join instances to the domain, which imagelite never does, and
// AWS never returns it (DescribeDirectoryConfigs, API reference): it is not kept.
import { collection } from "../../../state/collection";
import type { CertificateBasedAuthProperties } from "../api.generated";

export interface DirectoryConfigRecord {
  DirectoryName: string;
  OrganizationalUnitDistinguishedNames: string[];
  AccountName?: string;
  CertificateBasedAuthProperties?: CertificateBasedAuthProperties;
  createdAt: number;
}

export const directoryConfigs = collection<DirectoryConfigRecord>({ type: "appstream.directory-config", key: (r) => r.DirectoryName });
