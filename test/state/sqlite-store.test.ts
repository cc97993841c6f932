// Each test gets its own fresh database directory; all of them are removed when the file is done.
import { after } from "node:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteStore } from "../../src/state/sqlite-store";
import { storeConformance } from "./store.case";

const root = mkdtempSync(join(tmpdir(), "imagelite-sqlite-store-"));
let n = 0;
after(() => rmSync(root, { recursive: true, force: true }));

storeConformance("SqliteStore", () => new SqliteStore(join(root, String(n++))));
