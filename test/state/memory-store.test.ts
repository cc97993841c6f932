import { MemoryStore } from "../../src/state/memory-store";
import { storeConformance } from "./store.case";

storeConformance("MemoryStore", (indexes) => new MemoryStore(indexes));
