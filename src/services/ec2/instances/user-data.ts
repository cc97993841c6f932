// Instance user data, wherever it enters (RunInstances, launch template data, ModifyInstanceAttribute). The API
// carries it base64-encoded; EC2 refuses what does not decode ("Invalid BASE64 encoding of user data":
// InvalidParameterValue from RunInstances, InvalidUserData.Malformed from the launch template calls) and
// limits it to 16 KB in raw form, before base64 encoding ("Run commands when you launch an EC2 instance with
// user data input", user-data.html).
import { ServiceError } from "../../../errors/service-error";
import * as err from "../errors";

export const USER_DATA_BYTES = 16384;

/** Encoders may wrap lines (MIME base64 does): white space is no part of the data. Padding may be left out. */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodedLength(data: string): number | undefined {
  const s = data.replace(/[\r\n\t ]/g, "");
  if (!BASE64.test(s)) return undefined;
  const padded = s.endsWith("=");
  if (padded ? s.length % 4 !== 0 : s.length % 4 === 1) return undefined;
  const body = s.replace(/=+$/, "").length;
  return Math.floor((body * 3) / 4);
}

export const tooLarge = () => err.invalidValue(`User data is limited to ${USER_DATA_BYTES} bytes`);

/** Base64 user data as RunInstances and ModifyInstanceAttribute (Attribute=userData) take it. */
export function checkUserData(data: string | undefined): void {
  if (data === undefined) return;
  const n = decodedLength(data);
  if (n === undefined) throw err.invalidValue("Invalid BASE64 encoding of user data");
  if (n > USER_DATA_BYTES) throw tooLarge();
}

/** Base64 user data of a launch template version. */
export function checkTemplateUserData(data: string | undefined): void {
  if (data === undefined) return;
  const n = decodedLength(data);
  if (n === undefined) throw new ServiceError("InvalidUserData.Malformed", "Invalid BASE64 encoding of user data.");
  if (n > USER_DATA_BYTES) throw tooLarge();
}

/** User data given raw (ModifyInstanceAttribute's UserData blob, which the protocol has already decoded). */
export function checkRawUserData(bytes: Uint8Array): void {
  if (bytes.length > USER_DATA_BYTES) throw tooLarge();
}
