// Why a data directory cannot be used, said so that the operator knows what to do: the path, the cause
// as the operating system or SQLite reports it, and the way out.
import { accessSync, closeSync, constants, existsSync, openSync, statSync, unlinkSync } from "node:fs";

export type StoreOpenProblem = "damaged" | "locked" | "unusable";

export class StoreOpenError extends Error {
  constructor(
    readonly problem: StoreOpenProblem,
    readonly path: string,
    detail: string,
  ) {
    super(messageFor(problem, path, detail));
    this.name = "StoreOpenError";
  }
}

/** What the operator can do with a damaged store file, at start or found while serving. */
const DAMAGE_REMEDY =
  `Move the file aside (with its -wal file, if any) to start with an empty store, or restore a state export ` +
  `into a fresh one (POST /_imagelite/state); the sqlite3 shell's .recover command may save what is left.`;

/** A store found damaged while it serves: what it does about it, and the way out. */
export const damagedWhileServing = (path: string, detail: string): string =>
  `the store ${path} is damaged (${detail}): imagelite takes no more writes, and answers calls that need what it ` +
  `cannot read with the service's unavailable error. Stop imagelite, then: ${DAMAGE_REMEDY}`;

function messageFor(problem: StoreOpenProblem, path: string, detail: string): string {
  switch (problem) {
    case "damaged":
      return `the store ${path} is damaged (${detail}); imagelite does not start on a damaged store. ${DAMAGE_REMEDY}`;
    case "locked":
      return (
        `the data directory ${path} is in use by another imagelite process (${detail}). ` +
        `Stop that process, or start this one with another --data-dir or with --in-memory.`
      );
    case "unusable":
      return `cannot use the data directory ${path}: ${detail}. Choose a writable directory with --data-dir, or start with --in-memory.`;
  }
}

/** The first reason the OS gives why `path` cannot be created, read or written, if any. */
function accessProblem(dir: string, file: string): string | undefined {
  try {
    if (!statSync(dir).isDirectory()) return `${dir} is not a directory`;
    accessSync(dir, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch (e) {
    return describe(e);
  }
  // access() says yes to root whatever the mode; opening the file for writing tells what the OS refuses.
  const existed = existsSync(file);
  try {
    closeSync(openSync(file, "a"));
    if (!existed) unlinkSync(file);
  } catch (e) {
    return describe(e);
  }
  return undefined;
}

function describe(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  // Node's message already names the call and the path: "EROFS: read-only file system, mkdir '/x'".
  return err.code ? err.message : String(e);
}

/** Turns whatever opening the store threw into a StoreOpenError that says what happened and what to do. */
export function explainOpenFailure(e: unknown, dir: string, file: string): StoreOpenError {
  if (e instanceof StoreOpenError) return e;
  const code = (e as { code?: string }).code ?? "";
  const message = e instanceof Error ? e.message : String(e);
  if (code === "SQLITE_BUSY" || code === "SQLITE_LOCKED") return new StoreOpenError("locked", dir, `${file} is locked`);
  if (code === "SQLITE_CORRUPT" || code === "SQLITE_NOTADB") return new StoreOpenError("damaged", file, message);
  // An error of the file system itself (creating the directory) already names the call, the path and why.
  if ((e as NodeJS.ErrnoException).syscall) return new StoreOpenError("unusable", dir, describe(e));
  // SQLite says "unable to open database file" whatever the reason; the file system says which.
  return new StoreOpenError("unusable", dir, accessProblem(dir, file) ?? `${code ? `${code}: ` : ""}${message}`);
}
