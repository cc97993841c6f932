// How a stack's theme is kept (CreateThemeForStack): one record per stack, keyed by the stack's name, in the
// stack owner's partition. A stack has at most one theme, and DeleteStack removes it.
import { collection, type Scope } from "../../../state/collection";
import { listOf, object, schema, typed, type RecordOf } from "../../../state/record-schema";
import type { S3Location, ThemeFooterLink, ThemeState, ThemeStyling } from "../api.generated";

const s3LocationSchema = object({ S3Bucket: "string", S3Key: "string?" });

const themeSchema = schema({
  StackName: "string",
  State: typed<ThemeState>("string"),
  TitleText: "string",
  ThemeStyling: typed<ThemeStyling>("string"),
  FooterLinks: typed<ThemeFooterLink[] | undefined>(listOf({ DisplayName: "string?", FooterLinkURL: "string?" }, true)),
  OrganizationLogoS3Location: typed<S3Location>(s3LocationSchema),
  FaviconS3Location: typed<S3Location>(s3LocationSchema),
  createdAt: "time",
});
export type ThemeRecord = RecordOf<typeof themeSchema>;

export const themes = collection<ThemeRecord>({ type: "appstream.stack-theme", schema: themeSchema, key: (r) => r.StackName });

/** A deleted stack takes its theme with it. */
export function forgetTheme(s: Scope, stackName: string): void {
  themes.delete(s, stackName);
}
