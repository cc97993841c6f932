// Directory configs: the Active Directory domain, OUs and service account that fleets and image builders
// join (CreateDirectoryConfig ... DeleteDirectoryConfig, API reference). DescribeDirectoryConfigs returns the
// account name but never the password. A config that a fleet or builder names in its DomainJoinInfo cannot be
// deleted (DeleteDirectoryConfig: ResourceInUseException), and a DomainJoinInfo must name an existing config
// and one of its OUs (domainJoinChecked).
import type { RequestContext } from "../../../gateway/context";
import type { AppStreamHandlers, DirectoryConfig, DomainJoinInfo, ServiceAccountCredentials } from "../api.generated";
import * as err from "../errors";
import { directoryConfigs, type DirectoryConfigRecord } from "./records";
import { builders } from "../image-builders/records";
import { fleets } from "../fleets/records";
import { collectionPage, pageSize } from "../paging";

export function view(rec: DirectoryConfigRecord): DirectoryConfig {
  return {
    DirectoryName: rec.DirectoryName,
    OrganizationalUnitDistinguishedNames: [...rec.OrganizationalUnitDistinguishedNames],
    ServiceAccountCredentials: rec.AccountName !== undefined ? ({ AccountName: rec.AccountName } as ServiceAccountCredentials) : undefined,
    CertificateBasedAuthProperties: rec.CertificateBasedAuthProperties,
    CreatedTime: new Date(rec.createdAt),
  };
}

const notFoundMessage = (name: string) => `Directory config ${name} does not exist.`;

function mustGet(ctx: RequestContext, name: string): DirectoryConfigRecord {
  const rec = directoryConfigs.get(ctx, name);
  if (!rec) throw err.notFound(notFoundMessage(name));
  return rec;
}

/** The fleet or builder that joins instances to this directory, if any. */
function userOf(ctx: RequestContext, name: string): string | undefined {
  const fleet = fleets.find(ctx, "directory", name);
  if (fleet) return `fleet ${fleet.Name}`;
  const builder = builders.find(ctx, "directory", name);
  return builder && `image builder ${builder.Name}`;
}

/**
 * A DomainJoinInfo as CreateFleet, UpdateFleet and CreateImageBuilder accept it: its directory has a config
 * (ResourceNotFoundException otherwise) and its OU, when given, is one of the config's (the API reference
 * does not say which error AWS gives; InvalidParameterCombinationException is the closest of those listed).
 */
export function domainJoinChecked(ctx: RequestContext, info: DomainJoinInfo | undefined): DomainJoinInfo | undefined {
  if (!info) return undefined;
  if (!info.DirectoryName) throw err.invalidCombination("DomainJoinInfo must name a directory (DirectoryName).");
  const rec = directoryConfigs.get(ctx, info.DirectoryName);
  if (!rec) throw err.notFound(notFoundMessage(info.DirectoryName));
  const ou = info.OrganizationalUnitDistinguishedName;
  if (ou !== undefined && !rec.OrganizationalUnitDistinguishedNames.includes(ou)) {
    throw err.invalidCombination(
      `The organizational unit ${ou} is not one of the organizational units of directory config ${info.DirectoryName}.`,
    );
  }
  return info;
}

function credentials(c: ServiceAccountCredentials | undefined): string | undefined {
  return c?.AccountName;
}

export const directoryConfigHandlers: Pick<
  AppStreamHandlers,
  "CreateDirectoryConfig" | "DescribeDirectoryConfigs" | "UpdateDirectoryConfig" | "DeleteDirectoryConfig"
> = {
  CreateDirectoryConfig(ctx, input) {
    if (directoryConfigs.get(ctx, input.DirectoryName)) {
      throw err.alreadyExists(`Directory config ${input.DirectoryName} already exists.`);
    }
    const rec: DirectoryConfigRecord = {
      DirectoryName: input.DirectoryName,
      OrganizationalUnitDistinguishedNames: [...input.OrganizationalUnitDistinguishedNames],
      AccountName: credentials(input.ServiceAccountCredentials),
      CertificateBasedAuthProperties: input.CertificateBasedAuthProperties,
      createdAt: ctx.now,
    };
    directoryConfigs.put(ctx, rec);
    return { DirectoryConfig: view(rec) };
  },

  DescribeDirectoryConfigs(ctx, input) {
    if (input.DirectoryNames?.length) {
      return { DirectoryConfigs: input.DirectoryNames.map((n) => view(mustGet(ctx, n))) };
    }
    const page = collectionPage(
      directoryConfigs,
      ctx,
      { limit: pageSize(input.MaxResults, 50) },
      "DescribeDirectoryConfigs",
      input.NextToken,
    );
    return { DirectoryConfigs: page.items.map(view), NextToken: page.nextToken };
  },

  UpdateDirectoryConfig(ctx, input) {
    const rec = mustGet(ctx, input.DirectoryName);
    if (input.OrganizationalUnitDistinguishedNames) {
      const kept = new Set(input.OrganizationalUnitDistinguishedNames);
      // An OU that a fleet or builder joins instances to cannot be taken away from under it.
      for (const [kind, c] of [
        ["fleet", fleets],
        ["image builder", builders],
      ] as const) {
        for (const r of c.lookup(ctx, "directory", { key: rec.DirectoryName })) {
          const ou = (r.value.attrs.DomainJoinInfo as DomainJoinInfo | undefined)?.OrganizationalUnitDistinguishedName;
          if (ou !== undefined && !kept.has(ou)) {
            throw err.inUse(`The organizational unit ${ou} is in use by ${kind} ${r.value.Name}.`);
          }
        }
      }
      rec.OrganizationalUnitDistinguishedNames = [...input.OrganizationalUnitDistinguishedNames];
    }
    if (input.ServiceAccountCredentials) rec.AccountName = credentials(input.ServiceAccountCredentials);
    if (input.CertificateBasedAuthProperties) rec.CertificateBasedAuthProperties = input.CertificateBasedAuthProperties;
    directoryConfigs.put(ctx, rec);
    return { DirectoryConfig: view(rec) };
  },

  DeleteDirectoryConfig(ctx, { DirectoryName }) {
    mustGet(ctx, DirectoryName);
    const user = userOf(ctx, DirectoryName);
    if (user) throw err.inUse(`Directory config ${DirectoryName} is in use by ${user}. Remove it from the ${user} first.`);
    directoryConfigs.delete(ctx, DirectoryName);
    return {};
  },
};
