// Every kind of record Parameter Store keeps, declared once on its collection: the service definition lists
// them (index.ts). A collection left out of this list cannot be imported with a state document.
import { parameters } from "./parameters/records";
import { resourcePolicies } from "./resource-policies/records";

export const ssmCollections = [parameters, resourcePolicies];
