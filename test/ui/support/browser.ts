// One headless Chromium (Debian's /usr/bin/chromium) for a test file, driven through playwright-core, with a
// fresh profile and nothing that reaches the network on its own. Screenshots go to test-output/ui/.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = process.env.IMAGELITE_CHROMIUM ?? "/usr/bin/chromium";
export const SCREENSHOTS = join(__dirname, "..", "..", "..", "..", "test-output", "ui");

export interface Browser {
  context: BrowserContext;
  /** A new tab: its own sessionStorage (where the page keeps the admin token). */
  page(): Promise<Page>;
  /** Script errors the pages raised: a test checks that there are none. */
  errors: Error[];
  /** Every URL the pages asked for: a test checks that none is elsewhere than the server. */
  urls: string[];
  /** What the pages' Content-Security-Policy refused (Chromium reports it on the console): a test checks that nothing was. */
  cspViolations: string[];
  close(): Promise<void>;
}

export async function openBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`The dashboard tests need Chromium at ${CHROMIUM}: apt-get install chromium, or name another in IMAGELITE_CHROMIUM.`);
  }
  const profile = mkdtempSync(join(tmpdir(), "imagelite-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-background-networking",
      "--disable-gpu",
      "--no-first-run",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
  });
  // Every wait is for a condition on the page; this bounds how long a broken page can hold a test.
  context.setDefaultTimeout(15_000);
  const errors: Error[] = [];
  const urls: string[] = [];
  const cspViolations: string[] = [];
  return {
    context,
    errors,
    urls,
    cspViolations,
    async page() {
      const p = await context.newPage();
      p.on("pageerror", (e) => errors.push(e));
      p.on("request", (r) => urls.push(r.url()));
      p.on("console", (m) => {
        if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
      });
      return p;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves the page (whole length) as test-output/ui/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
