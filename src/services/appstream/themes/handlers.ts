// Stack themes (CreateThemeForStack, DescribeThemeForStack, UpdateThemeForStack, DeleteThemeForStack in the
// AppStream API reference): the branding of a stack's application catalog page — title text, one of four
// stylings, the organization logo and favicon, footer links — ENABLED when created, DISABLED on demand. A
// stack has one theme at most. imagelite keeps no S3: the logo and favicon locations are accepted as given
// (the bucket and key are not read), and the theme names them as the URLs of those objects.
import type { RequestContext } from "../../../gateway/context";
import type { AppStreamHandlers, S3Location, Theme } from "../api.generated";
import * as err from "../errors";
import { mustGetStack } from "../stacks/handlers";
import { themes, type ThemeRecord } from "./records";

/** The URL of an S3 object in the caller's region, as a virtual-hosted-style address. */
function objectUrl(ctx: RequestContext, loc: S3Location): string {
  const key = (loc.S3Key ?? "").split("/").map(encodeURIComponent).join("/");
  return `https://${loc.S3Bucket}.s3.${ctx.region}.amazonaws.com/${key}`;
}

function themeView(ctx: RequestContext, r: ThemeRecord): Theme {
  return {
    StackName: r.StackName,
    State: r.State,
    ThemeTitleText: r.TitleText,
    ThemeStyling: r.ThemeStyling,
    ...(r.FooterLinks?.length ? { ThemeFooterLinks: r.FooterLinks.map((l) => ({ ...l })) } : {}),
    ThemeOrganizationLogoURL: objectUrl(ctx, r.OrganizationLogoS3Location),
    ThemeFaviconURL: objectUrl(ctx, r.FaviconS3Location),
    CreatedTime: new Date(r.createdAt),
  };
}

function mustGetTheme(ctx: RequestContext, stackName: string): ThemeRecord {
  mustGetStack(ctx, stackName);
  const rec = themes.get(ctx, stackName);
  if (!rec) throw err.notFound(`The stack ${stackName} has no theme.`);
  return rec;
}

/** An S3 location names an object: a key is needed, as the logo and favicon are files. */
function checkLocation(loc: S3Location | undefined, member: string): void {
  if (loc && !loc.S3Key) throw err.invalidCombination(`${member}.S3Key is required: the location must name an object.`);
}

export const themeHandlers: Pick<
  AppStreamHandlers,
  "CreateThemeForStack" | "DescribeThemeForStack" | "UpdateThemeForStack" | "DeleteThemeForStack"
> = {
  CreateThemeForStack(ctx, input) {
    mustGetStack(ctx, input.StackName);
    if (themes.get(ctx, input.StackName)) throw err.alreadyExists(`The stack ${input.StackName} already has a theme.`);
    checkLocation(input.OrganizationLogoS3Location, "OrganizationLogoS3Location");
    checkLocation(input.FaviconS3Location, "FaviconS3Location");
    const rec: ThemeRecord = {
      StackName: input.StackName,
      State: "ENABLED",
      TitleText: input.TitleText,
      ThemeStyling: input.ThemeStyling,
      FooterLinks: input.FooterLinks?.length ? input.FooterLinks.map((l) => ({ ...l })) : undefined,
      OrganizationLogoS3Location: { ...input.OrganizationLogoS3Location },
      FaviconS3Location: { ...input.FaviconS3Location },
      createdAt: ctx.now,
    };
    themes.put(ctx, rec);
    return { Theme: themeView(ctx, rec) };
  },

  DescribeThemeForStack(ctx, { StackName }) {
    return { Theme: themeView(ctx, mustGetTheme(ctx, StackName)) };
  },

  UpdateThemeForStack(ctx, input) {
    const rec = mustGetTheme(ctx, input.StackName);
    const deleteLinks = input.AttributesToDelete?.includes("FOOTER_LINKS") ?? false;
    if (deleteLinks && input.FooterLinks?.length) {
      throw err.invalidCombination("FooterLinks cannot be given while FOOTER_LINKS is among the attributes to delete.");
    }
    checkLocation(input.OrganizationLogoS3Location, "OrganizationLogoS3Location");
    checkLocation(input.FaviconS3Location, "FaviconS3Location");
    if (deleteLinks) rec.FooterLinks = undefined;
    if (input.FooterLinks) rec.FooterLinks = input.FooterLinks.length ? input.FooterLinks.map((l) => ({ ...l })) : undefined;
    if (input.TitleText !== undefined) rec.TitleText = input.TitleText;
    if (input.ThemeStyling !== undefined) rec.ThemeStyling = input.ThemeStyling;
    if (input.OrganizationLogoS3Location) rec.OrganizationLogoS3Location = { ...input.OrganizationLogoS3Location };
    if (input.FaviconS3Location) rec.FaviconS3Location = { ...input.FaviconS3Location };
    if (input.State !== undefined) rec.State = input.State;
    themes.put(ctx, rec);
    return { Theme: themeView(ctx, rec) };
  },

  DeleteThemeForStack(ctx, { StackName }) {
    mustGetTheme(ctx, StackName);
    themes.delete(ctx, StackName);
    return {};
  },
};
