import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import type { AthleteView } from '../../src/app/views.js';
import { REPO_ROOT } from './keel-cli.js';

/**
 * The real `keel serve` and Debian's Chromium for browser tests: one server on a random loopback port and a fresh
 * data folder per test file.
 */

export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];

export interface KeelServer {
  process: ChildProcess;
  url: string;
  output: () => string;
}

/** Fails early, with what to do, when the browser or the build is missing. */
export function assertBrowserTestPrerequisites(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: the browser tests need Debian's chromium package ` +
        '(`sudo apt-get install -y chromium`; `npm test` installs it when run as root).',
    );
  }
  if (
    !existsSync(join(REPO_ROOT, 'dist', 'web', 'index.html')) ||
    !existsSync(join(REPO_ROOT, 'dist', 'cli'))
  ) {
    throw new Error('dist/ is missing or has no web app: run `npm run build` first (`npm test` does).');
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Starts `keel serve --port 0 --demo` and resolves with the URL it prints once it listens. */
export function startKeelServer(dataDir: string): Promise<KeelServer> {
  const { KEEL_DATA: _d, KEEL_DATABASE_URL: _u, ...env } = process.env;
  const child = spawn(
    process.execPath,
    [join(REPO_ROOT, 'bin', 'keel.js'), 'serve', '--port', '0', '--data', dataDir, '--demo'],
    { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`keel serve printed no URL within 30 s:\n${output}`));
    }, 30_000);
    child.stderr?.on('data', (d) => {
      output += d;
    });
    child.stdout?.on('data', (d) => {
      output += d;
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(output)?.[0];
      if (url) {
        clearTimeout(timer);
        resolve({ process: child, url, output: () => output });
      }
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`keel serve exited with code ${code} before listening:\n${output}`));
    });
  });
}

export async function stopKeelServer(server: KeelServer | undefined): Promise<void> {
  const child = server?.process;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Polls /api/health until the database (and the demo athlete) is ready. */
export async function waitUntilReady(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const health = (await (await fetch(`${url}/api/health`)).json()) as {
        status: string;
        message?: string;
      };
      if (health.status === 'ready') return;
      if (health.status === 'failed')
        throw new Error(`keel serve failed to open its data: ${health.message}`);
      last = health.message ?? health.status;
    } catch (error) {
      if ((error as Error).message.startsWith('keel serve failed')) throw error;
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`keel serve was not ready after ${timeoutMs / 1000} s (last: ${last})`);
}

/** GET a JSON API route, failing the test on an error status. */
export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Where the browser tests leave their screenshots. */
export const SCREENSHOTS = join(REPO_ROOT, 'test-results', 'screenshots');

/** A desktop browser window in the light scheme: what every browser test's main page is. */
export const DESKTOP: BrowserContextOptions = {
  viewport: { width: 1280, height: 900 },
  colorScheme: 'light',
};

/** A phone: a narrow, touch, high-density screen. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

/** `keel serve` on a fresh data folder, Chromium, and one page on it whose errors are collected. */
export interface BrowserApp {
  url: string;
  server: KeelServer;
  browser: Browser;
  /** The main page (in a {@link DESKTOP} context unless told otherwise), with a 20 s default timeout. */
  page: Page;
  /** The uncaught errors of the main page and of every page {@link BrowserApp.newPage} opened. */
  pageErrors: string[];
  /** A page in a context of its own (a phone, say): its errors go to `pageErrors`; close it with its context. */
  newPage: (options?: BrowserContextOptions, initScript?: string) => Promise<Page>;
  /** Closes the browser, stops the server and deletes its data folder. */
  close: () => Promise<void>;
}

/** A {@link BrowserApp} on `keel serve --demo` once it is ready, with its demo athlete. */
export interface DemoApp extends BrowserApp {
  demo: AthleteView;
}

/**
 * Checks the prerequisites, starts `keel serve` on a fresh `keel-<name>-data-` folder, launches Chromium and opens
 * the main page, without waiting for the data to be ready. On a failure it cleans up what it had started.
 */
export async function openApp(name: string, options: BrowserContextOptions = DESKTOP): Promise<BrowserApp> {
  assertBrowserTestPrerequisites();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), `keel-${name}-data-`));
  let server: KeelServer | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await stopKeelServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    server = await startKeelServer(dataDir);
    browser = await launchChromium();
    const pageErrors: string[] = [];
    const open = browser;
    const newPage = async (contextOptions: BrowserContextOptions = DESKTOP, initScript?: string) => {
      const context = await open.newContext(contextOptions);
      if (initScript) await context.addInitScript(initScript);
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      return page;
    };
    const page = await newPage(options);
    page.setDefaultTimeout(20_000);
    return { url: server.url, server, browser, page, pageErrors, newPage, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** {@link openApp} on `keel serve --demo`, once its data (and the demo athlete) is ready. */
export async function openDemoApp(name: string): Promise<DemoApp> {
  const app = await openApp(name);
  try {
    await waitUntilReady(app.url);
    const athletes = await getJson<AthleteView[]>(`${app.url}/api/athletes`);
    const demo = athletes.find((a) => a.isDemo);
    if (!demo) throw new Error(`keel serve --demo loaded no demo athlete:\n${app.server.output()}`);
    return { ...app, demo };
  } catch (error) {
    await app.close();
    throw error;
  }
}
