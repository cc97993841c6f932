// The conformance suite against PostgreSQL: each test on a fresh schema of the test server.
import { PostgresStore } from "../../src/state/postgres-store";
import { storeConformance } from "./store.case";
import { postgresSchemas } from "../support/postgres";

const schemas = postgresSchemas();

storeConformance("PostgresStore", (indexes) => new PostgresStore(schemas.url(), indexes));
