// The errors of fleets and Spot requests ("Error codes for the Amazon EC2 API", errors-overview.html):
// InvalidFleetId.Malformed / NotFound, InvalidSpotInstanceRequestID.Malformed / NotFound, SpotMaxPriceTooLow,
// Unsupported.
import { ServiceError } from "../../../errors/service-error";

export const fleetMalformed = (id: string) => new ServiceError("InvalidFleetId.Malformed", `Invalid id: "${id}" (expecting "fleet-...")`);
export const fleetNotFound = (id: string) => new ServiceError("InvalidFleetId.NotFound", `The fleet ID '${id}' does not exist`);
export const spotRequestMalformed = (id: string) =>
  new ServiceError("InvalidSpotInstanceRequestID.Malformed", `Invalid id: "${id}" (expecting "sir-...")`);
export const spotRequestNotFound = (ids: string[]) =>
  new ServiceError("InvalidSpotInstanceRequestID.NotFound", `The spot instance request ID '${ids.join(", ")}' does not exist`);
export const spotMaxPriceTooLow = (max: string, min: string) =>
  new ServiceError(
    "SpotMaxPriceTooLow",
    `Your Spot request price of ${max} is lower than the minimum required Spot request fulfillment price of ${min}.`,
  );
export const unsupported = (message: string) => new ServiceError("Unsupported", message);
